# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.recommendations.indexes import add_composite_indexes


class RecommendationTheme(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accepted_by: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		suggested: DF.Check
		theme: DF.Link
	# end: auto-generated types
	pass


def on_doctype_update():
	add_composite_indexes("Recommendation Theme")
