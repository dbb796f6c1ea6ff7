# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ConsultationInput(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		feedback: DF.SmallText | None
		input_summary: DF.SmallText
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		response: DF.Literal["Pending", "Taken into account", "Partly taken into account", "Not retained"]
		source: DF.Data
		stakeholder_submission: DF.Link | None
	# end: auto-generated types
	pass
