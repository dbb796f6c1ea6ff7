# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.recommendations.indexes import add_composite_indexes


class RecommendationSDGTarget(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accepted_by: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		sdg_goal: DF.Link
		sdg_target: DF.Link | None
		suggested: DF.Check
	# end: auto-generated types
	pass


def on_doctype_update():
	add_composite_indexes("Recommendation SDG Target")
