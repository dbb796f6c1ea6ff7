# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The "My work" page's items: each person sees what waits for them, with its deadline, and
nothing of another institution."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, nowdate

from nmirf_app.recommendations.assignment import respond_to_assignment
from nmirf_app.recommendations.my_work import get_my_work
from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation, make_user


def items(user, section):
	work = as_user(user, get_my_work)
	return work["sections"].get(section, {"items": []})["items"]


def names(user, section):
	return [item["name"] for item in items(user, section)]


class TestMyWork(NMIRFTestCase):
	def test_an_assignment_waits_with_its_answer_date_until_it_is_answered(self):
		recommendation = make_recommendation([self.mine])
		[item] = [i for i in items(self.focal_point, "assignments") if i["name"] == recommendation.name]
		self.assertEqual(item["due"], str(recommendation.responsible_institutions[0].response_due))
		self.assertEqual(item["title"], recommendation.title)
		self.assertEqual(item["actions"], ["accept", "dispute", "open"])
		self.assertEqual(item["context"], {"recommendation": recommendation.name, "institution": self.mine})
		self.assertNotIn(recommendation.name, names(self.other_focal_point, "assignments"))

		as_user(self.focal_point, respond_to_assignment, recommendation.name, self.mine, "Accepted")
		self.assertNotIn(recommendation.name, names(self.focal_point, "assignments"))

	def test_a_dispute_waits_for_the_secretariat_not_for_a_focal_point(self):
		recommendation = make_recommendation([self.mine])
		as_user(
			self.focal_point, respond_to_assignment, recommendation.name, self.mine, "Disputed", "Not water."
		)
		self.assertIn(recommendation.name, names(self.secretariat, "disputed_assignments"))
		self.assertEqual(names(self.focal_point, "disputed_assignments"), [])

	def test_an_action_ending_soon_offers_a_progress_update_for_it(self):
		action = frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Connect 40 rural schools to drinking water",
				"lead_institution": self.mine,
				"start_date": add_days(nowdate(), -60),
				"end_date": add_days(nowdate(), -2),
			}
		).insert(ignore_permissions=True)
		[item] = [i for i in items(self.focal_point, "actions") if i["name"] == action.name]
		self.assertEqual(item["due"], add_days(nowdate(), -2))
		self.assertEqual(item["actions"], ["new_progress_update", "open"])
		self.assertEqual(item["context"], {"implementation_action": action.name, "institution": self.mine})
		self.assertNotIn(action.name, names(self.other_focal_point, "actions"))
		work = as_user(self.focal_point, get_my_work)
		self.assertGreaterEqual(work["summary"]["overdue"], 1)

	def test_a_submitted_update_waits_for_its_validator_then_for_the_secretariat(self):
		recommendation = make_recommendation([self.mine]).name
		update = as_user(
			self.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"recommendation": recommendation,
					"reported_status": "In progress",
					"summary": "Water points mapped in 3 departments.",
				}
			).insert(),
		)
		update = as_user(self.focal_point, apply_workflow, update.as_dict(), "Submit for validation")
		self.assertIn(update.name, names(self.validator, "updates_to_validate"))
		[item] = [i for i in items(self.validator, "updates_to_validate") if i["name"] == update.name]
		# the reference shows once, the title after it; the detail tells updates on one recommendation apart
		self.assertEqual(item["reference"], recommendation)
		self.assertEqual(item["title"], frappe.db.get_value("Recommendation", recommendation, "title"))
		self.assertEqual(item["detail"], f"{self.mine} · In progress · {update.name}")
		self.assertNotIn(update.name, names(self.secretariat, "updates_to_approve"))
		self.assertEqual(names(self.other_focal_point, "updates_to_validate"), [])

		update = as_user(self.validator, apply_workflow, update.as_dict(), "Validate")
		self.assertNotIn(update.name, names(self.validator, "updates_to_validate"))
		self.assertIn(update.name, names(self.secretariat, "updates_to_approve"))
		self.assertNotIn(update.name, names(self.focal_point, "updates_to_approve"))

	def test_a_user_acting_for_no_institution_is_told_nothing_waits(self):
		nobody = make_user("fp.mywork.nobody", "NMIRF Focal Point")
		work = as_user(nobody, get_my_work)
		self.assertEqual((work["sections"], work["summary"]["total"]), ({}, 0))
