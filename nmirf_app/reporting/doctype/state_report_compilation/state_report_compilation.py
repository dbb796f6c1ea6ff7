# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class StateReportCompilation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		compiled_by: DF.Link | None
		compiled_on: DF.Datetime | None
		data_as_of: DF.Date | None
		excel_matrix: DF.Attach | None
		language: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		summary: DF.SmallText | None
		upr_matrix: DF.Attach | None
		version: DF.Int
		word_draft: DF.Attach | None
	# end: auto-generated types
	"""One compilation of a State Report, kept: recompiling never replaces an earlier draft."""
