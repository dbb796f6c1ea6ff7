# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class TagSuggestionDecision(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		decision: DF.Literal["Accepted", "Rejected"]
		kind: DF.Literal["Theme", "Affected group", "SDG target"]
		model_trained_on: DF.Datetime | None
		recommendation: DF.Link
		score: DF.Percent
		supporting: DF.SmallText | None
		tag: DF.DynamicLink
		tag_doctype: DF.Link
		via: DF.Literal["On the form", "In a bulk job"]
	# end: auto-generated types
	pass
