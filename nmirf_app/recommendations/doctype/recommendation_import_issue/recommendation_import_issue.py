# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class RecommendationImportIssue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		field: DF.Data | None
		mapped_to: DF.DynamicLink | None
		message: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		row_number: DF.Int
		severity: DF.Literal["Failed", "Warning"]
		value: DF.SmallText | None
		vocabulary: DF.Literal["", "Human Rights Theme", "Affected Group"]
	# end: auto-generated types
	pass
