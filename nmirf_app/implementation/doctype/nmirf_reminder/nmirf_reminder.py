# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class NMIRFReminder(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		days: DF.Int
		due_on: DF.Date | None
		kind: DF.Literal["due soon", "overdue", "escalated to validator", "escalated to secretariat"]
		recipient: DF.Link
		reference_doctype: DF.Link
		reference_name: DF.DynamicLink
		sent_on: DF.Date
	# end: auto-generated types
	pass
