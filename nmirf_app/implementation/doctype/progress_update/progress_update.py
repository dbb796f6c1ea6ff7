# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import nowdate

from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.references import reference_with_title
from nmirf_app.core.status_rules import lacks_required_evidence
from nmirf_app.implementation.status import refresh_recommendation_status
from nmirf_app.permissions import institutions_in_scope
from nmirf_app.workflows import check_edit_allowed_in_state, workflow_state_changed

# who did each step, recorded when the document enters the state
STEP_FIELDS = {"Submitted": "submitted_by", "Validated": "validated_by", "Approved": "approved_by"}


def reports_on(recommendation: str | None, action: str | None) -> str:
	"""What an update reports on: the recommendation when it names one, else the action, with its
	title (core.references.reference_with_title)."""
	if recommendation:
		title = frappe.db.get_value("Recommendation", recommendation, "title")
	else:
		title = frappe.db.get_value("Implementation Action", action, "action_title")
	return reference_with_title(recommendation or action, plain_text(title))


class ProgressUpdate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.implementation.doctype.progress_evidence.progress_evidence import ProgressEvidence

		amended_from: DF.Link | None
		approved_by: DF.Link | None
		approved_on: DF.Date | None
		evidence: DF.Table[ProgressEvidence]
		implementation_action: DF.Link | None
		institution: DF.Link | None
		period_from: DF.Date | None
		period_to: DF.Date | None
		progress_percent: DF.Percent
		published: DF.Check
		recommendation: DF.Link | None
		reported_status: DF.Literal[
			"Not started", "In progress", "Partially implemented", "Fully implemented"
		]
		reports_on: DF.Data | None
		return_reason: DF.SmallText | None
		submitted_by: DF.Link | None
		summary: DF.TextEditor
		validated_by: DF.Link | None
		validator: DF.Link | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		self.set_default_institution()
		self.validate_subject()
		# who validates is the institution's today: notifications (notifications.json) read this field
		self.validator = frappe.db.get_value("Institution", self.institution, "validating_authority")
		self.reports_on = reports_on(self.recommendation, self.implementation_action)
		self.validate_institution_in_scope()
		# in each state only the role that holds the update may change it: the validator cannot
		# rewrite a draft, nor a focal point a submitted update
		check_edit_allowed_in_state(self, _("Progress update"))
		self.record_workflow_step()

	def before_submit(self):
		if self.workflow_state != "Approved":
			frappe.throw(
				_("Only the secretariat's approval submits a progress update (it is {0}).").format(
					_(self.workflow_state)
				),
				frappe.PermissionError,
			)

	def on_submit(self):
		refresh_recommendation_status(self.recommendations_concerned())

	def on_cancel(self):
		refresh_recommendation_status(self.recommendations_concerned())

	def recommendations_concerned(self) -> list[str]:
		names = [self.recommendation] if self.recommendation else []
		if self.implementation_action:
			names += frappe.get_all(
				"Action Recommendation",
				filters={"parent": self.implementation_action, "parenttype": "Implementation Action"},
				pluck="recommendation",
			)
		return names

	def set_default_institution(self):
		if not self.institution:
			self.institution = default_institution(self.implementation_action)

	def validate_subject(self):
		if not self.institution:
			frappe.throw(_("Institution: say which institution reports."), title=_("Institution missing"))
		if not self.implementation_action and not self.recommendation:
			frappe.throw(
				_("Action or Recommendation: say what this update reports on."),
				title=_("Nothing to report on"),
			)

	def validate_institution_in_scope(self):
		institutions = institutions_in_scope(frappe.session.user)
		if institutions is not None and self.institution not in institutions:
			frappe.throw(
				_("Institution: you report for {0}, not for {1}.").format(
					", ".join(institutions) or _("no institution"), self.institution
				),
				frappe.PermissionError,
			)

	def record_workflow_step(self):
		if self.is_new() or not workflow_state_changed(self):
			return
		if self.workflow_state == "Returned" and not (self.return_reason or "").strip():
			frappe.throw(
				_("Reason for return: say what the institution must complete or correct."),
				title=_("Reason required"),
			)
		if self.workflow_state == "Submitted":
			self.require_evidence_for_full_implementation()
		if self.workflow_state in STEP_FIELDS:
			self.set(STEP_FIELDS[self.workflow_state], frappe.session.user)
		if self.workflow_state == "Approved":
			self.approved_on = nowdate()

	def require_evidence_for_full_implementation(self):
		"""The rule is nmirf_app.core.status_rules.lacks_required_evidence; evidence is a file in the
		Evidence table or one attached to the update."""
		attached = frappe.db.exists(
			"File", {"attached_to_doctype": self.doctype, "attached_to_name": self.name}
		)
		if lacks_required_evidence(
			self.reported_status,
			bool(frappe.db.get_single_value("NMIRF Settings", "evidence_for_fully_implemented")),
			bool(attached or any(row.evidence_file for row in self.evidence)),
		):
			frappe.throw(
				_(
					"Evidence: attach the document that shows the recommendation is fully implemented (a law, a decree, a report) before submitting."
				),
				title=_("Evidence required"),
			)


@frappe.whitelist()
def default_institution(implementation_action: str | None = None) -> str | None:
	"""The institution a new update reports for: the user's own when they act for one, else the
	action's lead institution. The form fills it as it opens; the save fills it if still empty."""
	institutions = institutions_in_scope(frappe.session.user)
	if institutions and len(institutions) == 1:
		return institutions[0]
	if implementation_action and frappe.has_permission(
		"Implementation Action", "read", implementation_action
	):
		return frappe.db.get_value("Implementation Action", implementation_action, "lead_institution")
	return None
