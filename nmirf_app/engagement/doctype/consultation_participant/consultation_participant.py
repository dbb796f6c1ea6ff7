# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ConsultationParticipant(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attended: DF.Check
		institution: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		participant_name: DF.Data | None
		participant_type: DF.Literal["Government", "NHRI", "Civil society", "UN", "Parliament", "Other"]
	# end: auto-generated types
	pass
