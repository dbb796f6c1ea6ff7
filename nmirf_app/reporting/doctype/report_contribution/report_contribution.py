# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.desk.form.assign_to import close_all_assignments
from frappe.model.document import Document
from frappe.utils import nowdate

from nmirf_app.permissions import active_focal_point_users
from nmirf_app.workflows import check_edit_allowed_in_state, workflow_state_changed

ACCEPTED = "Accepted"
RETURNED = "Returned"
SUBMITTED = "Submitted"
# States in which the institution still owes its text: reminders run and the ToDo stays open.
OPEN_STATES = ("Requested", RETURNED)


class ReportContribution(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accepted_by: DF.Link | None
		accepted_on: DF.Date | None
		cluster: DF.Link | None
		contribution_text: DF.TextEditor | None
		due_on: DF.Date
		institution: DF.Link
		instructions: DF.TextEditor | None
		recommendation: DF.Link | None
		requested_by: DF.Link | None
		return_reason: DF.SmallText | None
		section: DF.Data
		state_report: DF.Link
		submitted_by: DF.Link | None
		submitted_on: DF.Date | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		check_edit_allowed_in_state(self, _("Contribution"))
		self.validate_subject()
		if self.is_new():
			self.requested_by = self.requested_by or frappe.session.user
		self.record_review_step()

	def after_insert(self):
		self.assign_to_focal_points()

	def on_update(self):
		# a new request is announced by its assignment; each review step by the app's notifications
		# (notifications.json: sent, returned, accepted)
		if self.get_doc_before_save() and workflow_state_changed(self) and self.workflow_state == ACCEPTED:
			close_all_assignments(self.doctype, self.name)

	def validate_subject(self):
		if self.recommendation and self.cluster:
			cluster = frappe.db.get_value("Recommendation", self.recommendation, "cluster")
			if cluster and cluster != self.cluster:
				frappe.throw(
					_("Cluster: {0} belongs to the cluster {1}, not {2}.").format(
						self.recommendation, cluster, self.cluster
					),
					title=_("Cluster and recommendation disagree"),
				)

	def record_review_step(self):
		if self.is_new() or not workflow_state_changed(self):
			return
		if self.workflow_state == RETURNED and not (self.return_reason or "").strip():
			frappe.throw(
				_("Reason for return: say what the institution must complete or correct."),
				title=_("Reason required"),
			)
		if self.workflow_state == SUBMITTED:
			if not (self.contribution_text or "").strip():
				frappe.throw(
					_("Text for the report: write the contribution before sending it."),
					title=_("Contribution empty"),
				)
			self.submitted_by = frappe.session.user
			self.submitted_on = nowdate()
		elif self.workflow_state == ACCEPTED:
			self.accepted_by = frappe.session.user
			self.accepted_on = nowdate()

	def assign_to_focal_points(self):
		users = active_focal_point_users(self.institution)
		if not users:
			return
		add_assignment(
			{
				"assign_to": users,
				"doctype": self.doctype,
				"name": self.name,
				"date": self.due_on,
				"description": _("Contribution requested from {0} for the report {1}: {2}").format(
					self.institution, self.state_report, self.section
				),
			},
			ignore_permissions=True,  # part of the secretariat's request, whoever may see ToDos
		)


@frappe.whitelist()
def request_contributions(
	state_report: str,
	section: str,
	institutions,
	due_on: str,
	instructions: str | None = None,
	cluster: str | None = None,
	recommendation: str | None = None,
) -> list[str]:
	"""The secretariat asks several institutions for the same section at once."""
	frappe.get_doc("State Report", state_report).check_permission("write")
	institutions = frappe.parse_json(institutions) if isinstance(institutions, str) else institutions
	if not institutions:
		frappe.throw(_("Institutions: choose at least one institution."))
	names = []
	for institution in dict.fromkeys(institutions):
		contribution = frappe.get_doc(
			{
				"doctype": "Report Contribution",
				"state_report": state_report,
				"section": section,
				"institution": institution,
				"cluster": cluster,
				"recommendation": recommendation,
				"due_on": due_on,
				"instructions": instructions,
			}
		).insert()
		names.append(contribution.name)
	return names
