# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate

from nmirf_app.core.engagement import DEFAULT_CONSULTATION_LEAD_DAYS, consultation_too_late, days_before_due
from nmirf_app.engagement.files import require_private_file


class Consultation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.engagement.doctype.consultation_input.consultation_input import ConsultationInput
		from nmirf_app.engagement.doctype.consultation_participant.consultation_participant import (
			ConsultationParticipant,
		)

		cluster: DF.Link | None
		consultation_date: DF.Date
		consultation_type: DF.Literal["Meeting", "Written consultation"]
		days_before_report_due: DF.Int
		end_date: DF.Date | None
		inputs: DF.Table[ConsultationInput]
		minutes: DF.TextEditor | None
		minutes_file: DF.Attach | None
		participants: DF.Table[ConsultationParticipant]
		place: DF.Data | None
		published: DF.Check
		region: DF.Data | None
		state_report: DF.Link | None
		status: DF.Literal["Planned", "Held", "Cancelled"]
		theme: DF.Link | None
		title: DF.Data

	# end: auto-generated types
	def validate(self):
		if self.end_date and getdate(self.end_date) < getdate(self.consultation_date):
			frappe.throw(_("Until: the consultation cannot end before it starts."), title=_("Invalid dates"))
		self.validate_participants()
		self.validate_inputs()
		require_private_file(self.minutes_file, _("Minutes (file)"))
		self.check_timing()

	def state_report_title(self) -> str:
		return frappe.db.get_value("State Report", self.state_report, "title") or self.state_report

	def validate_participants(self):
		for row in self.participants:
			if not row.institution and not (row.participant_name or "").strip():
				frappe.throw(
					_("Participants, row {0}: name the institution or the person or organisation.").format(
						row.idx
					),
					title=_("Participant missing"),
				)

	def validate_inputs(self):
		if not self.published:
			return
		for row in self.inputs:
			if row.response != "Pending" and not (row.feedback or "").strip():
				frappe.throw(
					_(
						"Inputs, row {0}: say how the input from {1} was taken into account, or why not, before publishing."
					).format(row.idx, row.source),
					title=_("Feedback missing"),
				)

	def check_timing(self):
		"""Consultations should come well before the report is due, so that what is heard can change it."""
		due_on = (
			frappe.db.get_value("State Report", self.state_report, "due_on") if self.state_report else None
		)
		self.days_before_report_due = days_before_due(
			getdate(self.consultation_date), getdate(due_on) if due_on else None
		)
		lead_days = (
			cint(frappe.db.get_single_value("NMIRF Settings", "consultation_lead_days"))
			or DEFAULT_CONSULTATION_LEAD_DAYS
		)
		if self.status == "Planned" and consultation_too_late(self.days_before_report_due, lead_days):
			frappe.msgprint(
				_(
					"This consultation is {0} day(s) before the report is due; the NMIRF consults at least {1} days before, so that what is heard can change the report."
				).format(self.days_before_report_due, lead_days),
				title=_("Late consultation"),
				indicator="orange",
			)


@frappe.whitelist()
def draft_invitation(consultation: str, email_groups, minutes: int = 0) -> str:
	"""A draft newsletter to the chosen mailing lists (Frappe Email Groups): the invitation, or
	with `minutes` the minutes. The secretariat reviews and sends it from the Newsletter form."""
	doc = frappe.get_doc("Consultation", consultation)
	doc.check_permission("write")
	groups = frappe.parse_json(email_groups) if isinstance(email_groups, str) else email_groups
	if not groups:
		frappe.throw(_("Mailing lists: choose at least one."))
	when = frappe.format(doc.consultation_date, "Date")
	if cint(minutes):
		subject = _("Minutes: {0}").format(doc.title)
		message = f"<p>{_('Minutes of the consultation of {0}.').format(when)}</p>{doc.minutes or ''}"
	else:
		subject = _("Invitation: {0}").format(doc.title)
		lines = [_("Date: {0}").format(when)]
		if doc.place:
			lines.append(_("Place: {0}").format(frappe.utils.escape_html(doc.place)))
		if doc.state_report:
			lines.append(_("On the report: {0}").format(frappe.utils.escape_html(doc.state_report_title())))
		message = "".join(f"<p>{line}</p>" for line in lines)
	newsletter = frappe.get_doc(
		{
			"doctype": "Newsletter",
			"subject": subject,
			"content_type": "Rich Text",
			"sender_email": frappe.session.user,
			"sender_name": frappe.utils.get_fullname(frappe.session.user),
			"message": message,
			"email_group": [{"email_group": group} for group in groups],
		}
	).insert()  # the secretariat may write newsletters (granted at install)
	return newsletter.name
