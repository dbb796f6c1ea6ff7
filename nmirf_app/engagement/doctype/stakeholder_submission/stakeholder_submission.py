# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Input from civil society and the NHRI, sent through the public web form (/submit-input) and
moderated by the secretariat. It is never merged into the State's text: compilation reads only
the contributions of State institutions."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.model.document import Document
from frappe.utils import add_to_date, now_datetime, nowdate

from nmirf_app.core.engagement import (
	DECIDED_STATES,
	changed_sender_fields,
	clean_submission_text,
	submission_refusal,
)
from nmirf_app.engagement.files import check_submission_attachment
from nmirf_app.implementation.tasks import secretariat_users
from nmirf_app.utils import rule_message
from nmirf_app.workflows import check_edit_allowed_in_state, workflow_state_changed


class StakeholderSubmission(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		contact_name: DF.Data | None
		email: DF.Data
		first_decided_on: DF.Date | None
		moderated_by: DF.Link | None
		moderated_on: DF.Date | None
		organisation: DF.Data
		public_reason: DF.SmallText | None
		published: DF.Check
		recommendation: DF.Link | None
		state_report: DF.Link | None
		subject: DF.Data
		submission_text: DF.LongText
		submitter_type: DF.Literal["Civil society organisation", "National human rights institution", "Other"]
		website: DF.Data | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		if self.is_new():
			self.validate_new_submission()
		else:
			check_edit_allowed_in_state(self, _("Submission"))
			self.keep_the_senders_record()
		self.validate_attachment()
		self.record_moderation()

	def after_insert(self):
		self.claim_attachment()
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": self.doctype,
				"document_name": self.name,
				"subject": _("New input from {0}: {1}").format(self.organisation, self.subject),
				"from_user": "Administrator",
			},
			list(secretariat_users()),
		)

	def validate_new_submission(self):
		# Frappe's web form endpoint also limits each address (IP) to 10 requests a minute
		guest = frappe.session.user == "Guest"
		if guest and not frappe.db.get_single_value("NMIRF Settings", "portal_enabled"):
			frappe.throw(_("This NMIRF does not take public input."), frappe.PermissionError)
		recent = (
			frappe.db.count(
				"Stakeholder Submission",
				{"email": self.email, "creation": (">", add_to_date(now_datetime(), hours=-1))},
			)
			if guest
			else 0
		)
		refusal = submission_refusal(self.website, recent)
		if refusal == "robot":
			frappe.throw(_("Your input could not be accepted."), title=_("Not accepted"))
		if refusal == "too many":
			frappe.throw(
				_("E-mail: {0} has sent {1} inputs in the last hour; please try again later.").format(
					self.email, recent
				),
				title=_("Too many submissions"),
			)
		try:
			self.submission_text = clean_submission_text(self.submission_text)
		except ValueError as error:
			frappe.throw(_("Input: {0}.").format(rule_message(error)), title=_("Input not accepted"))
		for field in ("organisation", "contact_name", "subject"):
			self.set(field, " ".join(clean_submission_text(self.get(field) or "-").split())[:140])
		if self.recommendation and not frappe.db.get_value(
			"Recommendation", self.recommendation, "published"
		):
			self.recommendation = None  # only published recommendations can be named from outside
		if guest:
			self.state_report = None

	def keep_the_senders_record(self):
		before = self.get_doc_before_save()
		changed = changed_sender_fields(before.as_dict(), self.as_dict()) if before else []
		if changed:
			frappe.throw(
				_(
					"{0} was decided on {1}: what the sender sent can no longer be changed ({2}). "
					"Add a comment with the correction and why."
				).format(
					self.name,
					frappe.format(before.first_decided_on or before.moderated_on, {"fieldtype": "Date"}),
					", ".join(_(self.meta.get_label(field)) for field in changed),
				),
				title=_("The sender's record"),
			)

	def validate_attachment(self):
		"""Whoever sent it (a guest, or a signed-in user, whose uploads File's hook does not check),
		the attachment is a document or picture of the accepted size and kind, by its bytes."""
		if not self.attachment or not self.has_value_changed("attachment"):
			return
		name = frappe.db.get_value("File", {"file_url": self.attachment}, "name")
		if not name:
			frappe.throw(_("Attachment: the file was not received; please attach it again."))
		check_submission_attachment(frappe.get_doc("File", name))

	def claim_attachment(self):
		"""A guest's upload arrives before the submission exists: attach it, privately, to the
		submission, so that exactly those who may read the submission may download it."""
		if not self.attachment:
			return
		for name in frappe.get_all("File", filters={"file_url": self.attachment}, pluck="name"):
			file = frappe.get_doc("File", name)
			if not file.attached_to_name:
				file.db_set(
					{
						"attached_to_doctype": self.doctype,
						"attached_to_name": self.name,
						"attached_to_field": "attachment",
					}
				)

	def record_moderation(self):
		if self.is_new() or not workflow_state_changed(self):
			return
		decided = self.workflow_state in DECIDED_STATES
		if decided and not (self.public_reason or "").strip():
			frappe.throw(
				_("Public feedback: say why the input was {0}; it is published with the decision.").format(
					_(self.workflow_state).lower()
				),
				title=_("Public feedback required"),
			)
		self.published = int(decided)
		self.moderated_by = frappe.session.user
		self.moderated_on = nowdate()
		if decided and not self.first_decided_on:
			self.first_decided_on = self.moderated_on
