# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class HumanRightsTreaty(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		abbreviation: DF.Data
		adopted_on: DF.Date | None
		instrument: DF.Data
		optional_protocol_to: DF.Link | None
		ratification_date: DF.Date | None
		ratification_status: DF.Literal["", "Not signed", "Signed", "Ratified", "Acceded", "Succession"]
		reservations: DF.SmallText | None
	# end: auto-generated types
	pass
