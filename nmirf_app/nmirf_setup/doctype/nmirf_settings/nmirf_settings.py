# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class NMIRFSettings(Document):
	def on_update(self):
		from nmirf_app.engagement.files import sync_guest_uploads

		sync_guest_uploads(self)
		self.enable_state_currency()

	def enable_state_currency(self):
		"""Frappe ships most currencies disabled, and link fields offer only enabled ones: the State's
		own must be offered on every budget."""
		if self.currency and not frappe.db.get_value("Currency", self.currency, "enabled"):
			frappe.db.set_value("Currency", self.currency, "enabled", 1)
