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
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.engagement.doctype.communication_mandate.communication_mandate import (
			CommunicationMandate,
		)

		communication_file: DF.Attach | None
		communication_type: DF.Literal["Urgent appeal", "Allegation letter", "Other letter"]
		date_received: DF.Date
		mandates: DF.TableMultiSelect[CommunicationMandate]
		notes: DF.SmallText | None
		reference: DF.Data
		reply_due: DF.Date | None
		reply_file: DF.Attach | None
		reply_sent_on: DF.Date | None
		responsible_institution: DF.Link | None
		status: DF.Literal["Received", "Reply in preparation", "Replied", "Closed"]
		subject: DF.Data
		summary: DF.TextEditor | None

	# end: auto-generated types
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
