# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.website.utils import clear_cache as clear_website_cache

PORTAL_HOME_PAGE = "recommendations"


class NMIRFSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accept_submission_attachments: DF.Check
		assignment_response_days: DF.Int
		communication_reply_days: DF.Int
		consultation_lead_days: DF.Int
		currency: DF.Link | None
		escalation_after_days: DF.Int
		evidence_for_fully_implemented: DF.Check
		page_size: DF.Literal["A4", "Letter"]
		portal_enabled: DF.Check
		reminder_lead_days: DF.Int
		secretariat_institution: DF.Link | None
		state: DF.Link | None
		submission_attachment_max_mb: DF.Int
		uhri_source_url: DF.Data | None

	# end: auto-generated types
	def on_update(self):
		from nmirf_app.engagement.files import sync_guest_uploads

		sync_guest_uploads(self)
		self.enable_state_currency()
		self.set_website_home_page()

	def set_website_home_page(self):
		"""With the portal on, the site's home page is the portal (instead of Frappe's login); turning
		it off gives the site back its own home page, unless someone chose another one since."""
		home_page = frappe.db.get_single_value("Website Settings", "home_page")
		if self.portal_enabled and not home_page:
			frappe.db.set_single_value("Website Settings", "home_page", PORTAL_HOME_PAGE)
		elif not self.portal_enabled and home_page == PORTAL_HOME_PAGE:
			frappe.db.set_single_value("Website Settings", "home_page", None)
		else:
			return
		clear_website_cache()  # the home page is cached

	def enable_state_currency(self):
		"""Frappe ships most currencies disabled, and link fields offer only enabled ones: the State's
		own must be offered on every budget."""
		if self.currency and not frappe.db.get_value("Currency", self.currency, "enabled"):
			frappe.db.set_value("Currency", self.currency, "enabled", 1)
