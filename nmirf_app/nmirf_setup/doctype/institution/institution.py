# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.utils import ensure_user_has_role

VALIDATOR_ROLE = "NMIRF Institution Validator"


class Institution(Document):
	def on_update(self):
		if self.validating_authority:
			ensure_user_has_role(self.validating_authority, VALIDATOR_ROLE)
