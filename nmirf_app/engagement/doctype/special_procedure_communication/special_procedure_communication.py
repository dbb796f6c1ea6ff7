# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate

from nmirf_app.core.engagement import reply_due_after_edit
from nmirf_app.engagement.files import require_private_file
from nmirf_app.utils import as_date

SPECIAL_PROCEDURE = "Special Procedure"


class SpecialProcedureCommunication(Document):
	def validate(self):
		self.validate_mandates()
		before = self.get_doc_before_save()
		self.reply_due = reply_due_after_edit(
			as_date(self.date_received),
			as_date(self.reply_due),
			as_date(before.date_received) if before else None,
			as_date(before.reply_due) if before else None,
			cint(frappe.db.get_single_value("NMIRF Settings", "communication_reply_days")) or None,
		)
		if self.reply_sent_on:
			if getdate(self.reply_sent_on) < getdate(self.date_received):
				frappe.throw(
					_("Reply sent on: the reply cannot precede the letter."), title=_("Invalid dates")
				)
			if self.status in ("Received", "Reply in preparation"):
				self.status = "Replied"
		require_private_file(self.communication_file, _("Letter received"))
		require_private_file(self.reply_file, _("Reply sent"))

	def validate_mandates(self):
		for row in self.mandates:
			kind = frappe.db.get_value("Human Rights Mechanism", row.mechanism, "mechanism_type")
			if kind != SPECIAL_PROCEDURE:
				frappe.throw(
					_("Mandates, row {0}: {1} is not a special procedure.").format(row.idx, row.mechanism),
					title=_("Not a special procedure"),
				)
