# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The Recommendation form's implementation history: what was planned, reported (on the
recommendation or through its actions) and assessed, latest first — and only what its reader may open."""

import frappe
from frappe.model.workflow import apply_workflow

from nmirf_app.recommendations.history import get_implementation_history
from nmirf_app.testing import (
	NMIRFTestCase,
	as_user,
	make_focal_point,
	make_institution,
	make_recommendation,
	make_user,
)


class TestImplementationHistory(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.stranger = make_user("fp.history.stranger", "NMIRF Focal Point")
		make_focal_point(cls.stranger, make_institution("History Ministry of Ports"), role_type="Alternate")

	def update(self, status, period_to, **values):
		return as_user(
			self.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"reported_status": status,
					"period_to": period_to,
					"summary": "Water points mapped.",
					**values,
				}
			).insert(),
		)

	def test_planned_reported_and_assessed_latest_first_with_the_latest_approved_report(self):
		recommendation = make_recommendation([self.mine, self.other]).name
		action = frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Drill 40 wells in rural schools",
				"lead_institution": self.mine,
				"start_date": "2025-02-01",
				"end_date": "2026-06-30",
				"recommendations": [{"recommendation": recommendation}],
			}
		).insert(ignore_permissions=True)
		through_action = self.update("In progress", "2025-09-30", implementation_action=action.name)
		for step, user in (
			("Submit for validation", self.focal_point),
			("Validate", self.validator),
			("Approve", self.secretariat),
		):
			through_action = as_user(user, apply_workflow, through_action.as_dict(), step)
		draft = self.update("Partially implemented", "2026-01-31", recommendation=recommendation)
		frappe.get_doc(
			{
				"doctype": "Implementation Assessment",
				"recommendation": recommendation,
				"voice": "Civil society",
				"assessed_on": "2025-11-15",
				"status": "Not started",
				"assessor": "Coalition for the Right to Water",
			}
		).insert(ignore_permissions=True)

		history = as_user(self.secretariat, get_implementation_history, recommendation)
		self.assertEqual(
			[(entry["kind"], entry["status"]) for entry in history["entries"]],
			[
				("update", "In progress"),  # reported through the action, approved today
				("update", "Partially implemented"),  # a draft of January 2026
				("assessment", "Not started"),
				("action", "Planned"),
			],
		)
		self.assertEqual(
			[history["entries"][0]["state"], history["entries"][1]["state"]], ["Approved", "Draft"]
		)
		# what the State stands behind is the approved report, not the newer draft
		self.assertEqual(history["latest_approved"]["name"], through_action.name)
		self.assertEqual(history["latest_approved"]["who"], self.mine)
		self.assertEqual(history["earlier"], 0)

		# the supporting institution reads the recommendation, not the lead's draft
		seen = as_user(self.other_focal_point, get_implementation_history, recommendation)
		self.assertNotIn(draft.name, [entry["name"] for entry in seen["entries"]])
		self.assertIn("assessment", [entry["kind"] for entry in seen["entries"]])

	def test_someone_who_may_not_read_the_recommendation_is_refused_its_history(self):
		recommendation = make_recommendation([self.mine]).name
		with self.assertRaises(frappe.PermissionError):
			as_user(self.stranger, get_implementation_history, recommendation)
