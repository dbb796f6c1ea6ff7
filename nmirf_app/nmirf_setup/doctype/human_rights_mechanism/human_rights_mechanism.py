# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class HumanRightsMechanism(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		code: DF.Data
		description: DF.SmallText | None
		follow_up_period_years: DF.Float
		is_active: DF.Check
		mechanism_type: DF.Literal["UPR", "Treaty Body", "Special Procedure", "Regional", "Other"]
		reporting_periodicity_years: DF.Float
		title: DF.Data
		treaty: DF.Link | None
		uhri_body_codes: DF.SmallText | None
		website: DF.Data | None
	# end: auto-generated types
	pass
