# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The approval workflow of progress updates, enforced on the server: who may move an update, who
may edit it in each state, which institution's updates a user may touch, and what approval changes."""

import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase

from nmirf_app.testing import (
	NMIRFTestCase,
	alerts_for,
	as_user,
	make_institution,
	make_private_file,
	make_recommendation,
)
from nmirf_app.tests import sample_files


class TestProgressUpdate(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.recommendation = make_recommendation([cls.mine]).name
		cls.action = (
			frappe.get_doc(
				{
					"doctype": "Implementation Action",
					"action_title": "Train primary health staff on maternal care protocols",
					"lead_institution": cls.mine,
					"start_date": "2025-01-01",
					"end_date": "2026-12-31",
					"recommendations": [{"recommendation": cls.recommendation}],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)

	def draft(self, user=None, **values):
		def create():
			return frappe.get_doc(
				{
					"doctype": "Progress Update",
					"implementation_action": self.action,
					"reported_status": "In progress",
					"summary": "1,200 staff trained in 14 departments.",
					**values,
				}
			).insert()

		return as_user(user or self.focal_point, create)

	def step(self, user, update, action):
		return as_user(user, apply_workflow, update.as_dict(), action)

	def return_with_reason(self, user, update, reason):
		def give_reason():
			doc = frappe.get_doc("Progress Update", update.name)
			doc.return_reason = reason
			doc.save()

		as_user(user, give_reason)
		return self.step(user, frappe.get_doc("Progress Update", update.name), "Return")

	def test_full_approval_changes_the_recommendations_status(self):
		self.assertEqual(
			frappe.db.get_value("Recommendation", self.recommendation, "implementation_status"), "Not started"
		)
		update = self.draft()
		self.assertEqual((update.workflow_state, update.institution), ("Draft", self.mine))
		update = self.step(self.focal_point, update, "Submit for validation")
		update = self.step(self.validator, update, "Validate")
		update = self.step(self.secretariat, update, "Approve")
		self.assertEqual((update.workflow_state, update.docstatus), ("Approved", 1))
		self.assertEqual(
			(update.submitted_by, update.validated_by, update.approved_by),
			(self.focal_point, self.validator, self.secretariat),
		)
		self.assertEqual(
			frappe.db.get_value("Recommendation", self.recommendation, "implementation_status"), "In progress"
		)

	def test_a_focal_point_cannot_approve_or_skip_steps(self):
		update = self.step(self.focal_point, self.draft(), "Submit for validation")
		with self.assertRaises(WorkflowTransitionError):
			self.step(self.focal_point, update, "Validate")
		update = self.step(self.validator, update, "Validate")
		with self.assertRaises(WorkflowTransitionError):
			self.step(self.focal_point, update, "Approve")

		# the REST API path: a plain save that sets the state
		def jump_to_approved():
			doc = frappe.get_doc("Progress Update", update.name)
			doc.workflow_state = "Approved"
			doc.save()

		with self.assertRaises((WorkflowPermissionError, frappe.PermissionError)):
			as_user(self.focal_point, jump_to_approved)

	def test_the_secretariat_cannot_skip_the_validator(self):
		update = self.draft()

		def jump():
			doc = frappe.get_doc("Progress Update", update.name)
			doc.workflow_state = "Approved"
			doc.save()

		with self.assertRaises(WorkflowPermissionError):
			as_user(self.secretariat, jump)

	def test_submitting_without_approval_is_refused(self):
		update = self.draft()
		with self.assertRaises(frappe.PermissionError):
			as_user(self.secretariat, lambda: frappe.get_doc("Progress Update", update.name).submit())

	def test_return_needs_a_reason_and_goes_back_to_the_focal_point(self):
		update = self.step(self.focal_point, self.draft(), "Submit for validation")
		with self.assertRaisesRegex(frappe.ValidationError, "Reason for return"):
			self.step(self.validator, update, "Return")

		update = self.return_with_reason(self.validator, update, "Attach the training attendance lists.")
		self.assertEqual(update.workflow_state, "Returned")
		update = self.step(self.focal_point, update, "Resubmit")
		self.assertEqual(update.workflow_state, "Submitted")

	def test_a_submitted_update_is_no_longer_the_focal_points_to_edit(self):
		update = self.step(self.focal_point, self.draft(), "Submit for validation")

		def rewrite():
			doc = frappe.get_doc("Progress Update", update.name)
			doc.summary = "Everything was done."
			doc.save()

		with self.assertRaisesRegex(frappe.PermissionError, "only NMIRF Institution Validator"):
			as_user(self.focal_point, rewrite)

	def test_another_institutions_focal_point_can_neither_see_nor_report_for_it(self):
		update = self.draft()
		frappe.set_user(self.other_focal_point)
		self.assertNotIn(update.name, frappe.get_list("Progress Update", pluck="name"))
		self.assertFalse(frappe.has_permission("Progress Update", "read", update.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(
				{
					"doctype": "Progress Update",
					"institution": self.mine,
					"recommendation": self.recommendation,
					"reported_status": "Fully implemented",
					"summary": "Not ours to say.",
				}
			).insert()
		self.assertNotIn(self.action, frappe.get_list("Implementation Action", pluck="name"))

	def test_the_validator_of_one_institution_cannot_validate_anothers(self):
		justice_update = self.draft(
			user=self.other_focal_point, recommendation=self.recommendation, implementation_action=None
		)
		justice_update = self.step(self.other_focal_point, justice_update, "Submit for validation")
		with self.assertRaises(frappe.PermissionError):
			self.step(self.validator, justice_update, "Validate")

	def test_each_step_tells_the_person_who_acts_next(self):
		"""The app's notifications (notifications.json), in the bell and by e-mail as each user's
		Notification Settings choose: submitted -> the institution's validator, validated -> the
		secretariat, returned (with the reason) and approved -> the focal point; nobody else."""

		def told(user, update):
			return alerts_for(user, update.name)

		# on a recommendation of its own: approving changes the status the other tests start from
		own = make_recommendation([self.mine]).name
		draft = self.draft(implementation_action=None, recommendation=own)
		update = self.step(self.focal_point, draft, "Submit for validation")
		self.assertEqual(update.validator, self.validator)
		[to_validate] = told(self.validator, update)
		self.assertIn("To validate", to_validate.subject)
		self.assertTrue(update.reports_on.startswith(f"{own} — "), "the update names what it reports on")
		self.assertIn(update.reports_on, to_validate.subject)
		self.assertIn(self.mine, to_validate.subject)
		self.assertEqual(told(self.secretariat, update), [], "the secretariat waits for the validation")

		update = self.return_with_reason(
			self.validator, update, "Say how many of the 1,200 were <b>midwives</b>."
		)
		[returned] = told(self.focal_point, update)
		self.assertIn("Returned to you", returned.subject)
		self.assertIn(
			"Say how many of the 1,200 were midwives.", returned.email_content, "the reason, as text"
		)
		self.assertNotIn("<b>", returned.email_content)

		update = self.step(self.focal_point, update, "Resubmit")
		self.assertEqual(len(told(self.validator, update)), 2, "told again after the resubmission")
		update = self.step(self.validator, update, "Validate")
		[to_approve] = told(self.secretariat, update)
		self.assertIn("To approve", to_approve.subject)
		update = self.step(self.secretariat, update, "Approve")
		self.assertIn("Approved", told(self.focal_point, update)[-1].subject)
		self.assertEqual(told(self.other_focal_point, update), [], "another institution hears nothing")

	def test_full_implementation_is_submitted_only_with_evidence(self):
		update = self.draft(reported_status="Fully implemented")
		with self.assertRaisesRegex(frappe.ValidationError, "Evidence"):
			self.step(self.focal_point, update, "Submit for validation")

		def add_evidence():
			doc = frappe.get_doc("Progress Update", update.name)
			doc.append("evidence", {"evidence_file": make_private_file("decree.pdf", sample_files.pdf())})
			doc.save()
			return doc

		update = self.step(self.focal_point, as_user(self.focal_point, add_evidence), "Submit for validation")
		self.assertEqual(update.workflow_state, "Submitted")

		frappe.db.set_single_value("NMIRF Settings", "evidence_for_fully_implemented", 0)
		try:
			unproven = self.draft(reported_status="Fully implemented")
			self.assertEqual(
				self.step(self.focal_point, unproven, "Submit for validation").workflow_state, "Submitted"
			)
		finally:
			frappe.db.set_single_value("NMIRF Settings", "evidence_for_fully_implemented", 1)

	def test_only_the_secretariat_publishes_and_only_reviewers_write_the_return_reason(self):
		update = self.draft(published=1, return_reason="I return it to myself")
		self.assertEqual((update.published, update.return_reason or None), (0, None))

		def publish(user):
			doc = frappe.get_doc("Progress Update", update.name)
			doc.published = 1
			doc.save()
			return frappe.db.get_value("Progress Update", update.name, "published")

		self.assertEqual(
			as_user(self.focal_point, publish, self.focal_point), 0, "a focal point cannot publish"
		)
		update = self.step(
			self.focal_point, frappe.get_doc("Progress Update", update.name), "Submit for validation"
		)
		self.assertEqual(as_user(self.validator, publish, self.validator), 0, "nor its validator")
		update = self.return_with_reason(self.validator, update, "Name the departments.")
		self.assertEqual(update.return_reason, "Name the departments.")

	def test_the_patch_fills_the_validator_and_title_of_earlier_updates(self):
		from nmirf_app.patches.v0_5.fill_progress_update_review_fields import execute

		update = self.draft()
		frappe.db.set_value(
			"Progress Update", update.name, {"validator": None, "reports_on": None}, update_modified=False
		)
		execute()
		execute()  # a second run changes nothing
		self.assertEqual(
			frappe.db.get_value("Progress Update", update.name, ["validator", "reports_on"]),
			(self.validator, f"{self.action} — Train primary health staff on maternal care protocols"),
		)


class TestImplementationAssessment(FrappeTestCase):
	def test_only_the_states_own_voices_set_the_status(self):
		institution = make_institution("PU Ministry of Women")
		recommendation = make_recommendation([institution]).name

		def assess(voice, **values):
			frappe.get_doc(
				{
					"doctype": "Implementation Assessment",
					"recommendation": recommendation,
					"voice": voice,
					**values,
				}
			).insert(ignore_permissions=True)
			return frappe.db.get_value("Recommendation", recommendation, "implementation_status")

		self.assertEqual(assess("NHRI", assessed_on="2025-03-01", status="Not started"), "Not assessed")
		self.assertEqual(
			assess("Government", assessed_on="2025-02-01", status="Partially implemented"),
			"Partially implemented",
		)
		self.assertEqual(assess("Treaty body", assessed_on="2025-06-01", grade="C1"), "Partially implemented")
		grade = frappe.get_last_doc(
			"Implementation Assessment", {"recommendation": recommendation, "voice": "Treaty body"}
		)
		self.assertTrue(grade.grade_meaning)
		with self.assertRaises(frappe.ValidationError):
			assess("NHRI", assessed_on="2025-06-01", grade="A")
