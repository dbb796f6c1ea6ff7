# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class MeetingDecision(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		decision: DF.SmallText
		due_on: DF.Date | None
		owner_user: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		todo: DF.Link | None
	# end: auto-generated types
	pass
