# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class NMIRFSettings(Document):
	def on_update(self):
		from nmirf_app.engagement.files import sync_guest_uploads

		sync_guest_uploads(self)
