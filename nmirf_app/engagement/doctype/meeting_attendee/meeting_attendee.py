# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class MeetingAttendee(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		institution: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		present: DF.Check
		user: DF.Link | None
	# end: auto-generated types
	pass
