# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.utils import ensure_user_has_role

VALIDATOR_ROLE = "NMIRF Institution Validator"


class Institution(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		abbreviation: DF.Data | None
		address: DF.SmallText | None
		email: DF.Data | None
		institution_name: DF.Data
		institution_type: DF.Literal[
			"Ministry",
			"Agency",
			"Parliament",
			"Judiciary",
			"Local Government",
			"NHRI",
			"Civil Society Organisation",
			"UN Entity",
			"Other",
		]
		is_active: DF.Check
		is_state_body: DF.Check
		parent_institution: DF.Link | None
		phone: DF.Data | None
		validating_authority: DF.Link | None
		validating_authority_name: DF.Data | None
		website: DF.Data | None

	# end: auto-generated types
	def on_update(self):
		if self.validating_authority:
			ensure_user_has_role(self.validating_authority, VALIDATOR_ROLE)
