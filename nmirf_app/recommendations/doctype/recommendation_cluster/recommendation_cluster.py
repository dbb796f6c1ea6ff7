# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class RecommendationCluster(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.recommendations.doctype.recommendation_theme.recommendation_theme import (
			RecommendationTheme,
		)

		cluster_name: DF.Data
		coordinating_institution: DF.Link | None
		description: DF.TextEditor | None
		implementation_status: DF.Literal[
			"Not assessed", "Not started", "In progress", "Partially implemented", "Fully implemented"
		]
		priority: DF.Literal["", "High", "Medium", "Low"]
		published: DF.Check
		themes: DF.TableMultiSelect[RecommendationTheme]
	# end: auto-generated types
	pass
