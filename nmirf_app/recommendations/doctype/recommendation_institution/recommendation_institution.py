# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.recommendations.indexes import add_composite_indexes


class RecommendationInstitution(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assignment_status: DF.Literal["Assigned", "Accepted", "Disputed"]
		assignment_tasks: DF.SmallText | None
		institution: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		remarks: DF.SmallText | None
		response_due: DF.Date | None
		role: DF.Literal["Lead", "Supporting"]
	# end: auto-generated types
	pass


def on_doctype_update():
	add_composite_indexes("Recommendation Institution")
