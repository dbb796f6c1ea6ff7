# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The drafting workflow of State Reports (roles per stage, stage history, a State's own stages),
and the link from concluding observations back to the report that produced them."""

import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, apply_workflow
from frappe.utils import getdate, nowdate

from nmirf_app.install import create_state_report_workflow
from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation, make_user

DEFAULT_PATH = [
	("Start drafting", "Drafting"),
	("Consolidate", "Consolidation"),
	("Open consultation", "Consultation"),
	("Send for validation", "Validation"),
	("Send for government approval", "Government approval"),
]


def restore_default_workflow():
	frappe.set_user("Administrator")
	frappe.delete_doc("Workflow", "State Report Drafting", force=True)
	create_state_report_workflow()
	frappe.clear_cache(doctype="State Report")


class TestStateReport(NMIRFTestCase):
	world = "sr"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.approver = make_user("approver.sr", "NMIRF Approver")

	def new_report(self, **values):
		def create():
			return frappe.get_doc(
				{
					"doctype": "State Report",
					"title": "Combined seventh periodic report to the Committee on the Rights of the Child",
					"report_type": "Periodic report",
					"mechanism": "CRC",
					**values,
				}
			).insert()

		return as_user(self.secretariat, create)

	def step(self, user, report, action):
		return as_user(user, apply_workflow, report.as_dict(), action)

	def test_default_stages_roles_and_history(self):
		report = self.new_report()
		self.assertEqual(report.workflow_state, "Planning")
		for action, stage in DEFAULT_PATH:
			report = self.step(self.secretariat, report, action)
			self.assertEqual(report.workflow_state, stage)
		with self.assertRaises(WorkflowTransitionError, msg="the government approves, not the secretariat"):
			self.step(self.secretariat, report, "Approve and submit")
		report = self.step(self.approver, report, "Approve and submit")
		self.assertEqual(report.workflow_state, "Submitted")
		self.assertEqual(getdate(report.submitted_on), getdate(nowdate()), "entering 'Submitted' dates it")
		report = self.step(self.secretariat, report, "Record dialogue")
		self.assertEqual(getdate(report.dialogue_on), getdate(nowdate()))

		history = [(row.stage, row.entered_by, row.action) for row in report.stage_log]
		self.assertEqual(history[0], ("Planning", self.secretariat, None))
		self.assertEqual(history[1], ("Drafting", self.secretariat, "Start drafting"))
		self.assertIn(("Submitted", self.approver, "Approve and submit"), history)
		self.assertEqual(len(history), 8)
		self.assertTrue(all(row.entered_on for row in report.stage_log))

	def test_who_may_not_move_or_edit_a_report(self):
		with self.assertRaises(
			frappe.PermissionError, msg="focal points contribute, they do not create reports"
		):
			as_user(
				self.focal_point,
				lambda: frappe.get_doc(
					{
						"doctype": "State Report",
						"title": "x",
						"report_type": "Periodic report",
						"mechanism": "CRC",
					}
				).insert(),
			)
		report = self.new_report()
		with self.assertRaises((frappe.PermissionError, WorkflowTransitionError)):
			self.step(self.focal_point, report, "Start drafting")
		report = self.step(self.secretariat, report, "Start drafting")

		def approver_edits():
			doc = frappe.get_doc("State Report", report.name)
			doc.introduction = "Rewritten by the approver while the secretariat drafts."
			doc.save()

		with self.assertRaisesRegex(frappe.PermissionError, "only NMIRF Secretariat may change it"):
			as_user(self.approver, approver_edits)
		with self.assertRaises(WorkflowPermissionError, msg="no skipping to Submitted"):

			def skip():
				doc = frappe.get_doc("State Report", report.name)
				doc.workflow_state = "Submitted"
				doc.save()

			as_user(self.secretariat, skip)

	def test_a_state_changes_the_stages_without_code_and_keeps_them(self):
		for name in ("Translation",):
			if not frappe.db.exists("Workflow State", name):
				frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": name}).insert()
		if not frappe.db.exists("Workflow Action Master", "Send for translation"):
			frappe.get_doc(
				{"doctype": "Workflow Action Master", "workflow_action_name": "Send for translation"}
			).insert()
		self.addCleanup(restore_default_workflow)
		workflow = frappe.get_doc("Workflow", "State Report Drafting")
		workflow.append(
			"states", {"state": "Translation", "doc_status": "0", "allow_edit": "NMIRF Secretariat"}
		)
		for row in workflow.transitions:
			if row.state == "Validation" and row.next_state == "Government approval":
				row.state = "Translation"
		workflow.append(
			"transitions",
			{
				"state": "Validation",
				"action": "Send for translation",
				"next_state": "Translation",
				"allowed": "NMIRF Secretariat",
				"allow_self_approval": 1,
			},
		)
		workflow.save()

		create_state_report_workflow()  # what every migration runs
		self.assertIn(
			"Translation", [row.state for row in frappe.get_doc("Workflow", "State Report Drafting").states]
		)

		report = self.new_report()
		for action, _stage in DEFAULT_PATH[:-1]:
			report = self.step(self.secretariat, report, action)
		report = self.step(self.secretariat, report, "Send for translation")
		report = self.step(self.secretariat, report, "Send for government approval")
		self.assertEqual(report.workflow_state, "Government approval")
		self.assertIn("Translation", [row.stage for row in report.stage_log])

	def test_mechanism_is_required_except_for_the_nmirfs_own_reports(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Mechanism"):
			self.new_report(mechanism=None)
		annual = self.new_report(
			title="NMIRF annual report 2026",
			report_type="NMIRF annual report",
			mechanism=None,
			recommendation_scope="All recommendations",
			period_from="2026-01-01",
			period_to="2026-12-31",
		)
		self.assertEqual(annual.workflow_state, "Planning")
		with self.assertRaisesRegex(frappe.ValidationError, "before the start of the period"):
			self.new_report(period_from="2026-12-31", period_to="2026-01-01")

	def test_concluding_observations_link_back_to_their_report(self):
		symbol = f"CRC/C/T{frappe.generate_hash(length=6).upper()}/CO/7"
		before = [make_recommendation(document_symbol=symbol).name for _ in range(3)]
		other = make_recommendation(document_symbol="CRC/C/TST/CO/1").name
		report = self.new_report()
		report.concluding_observations_symbol = f" {symbol.lower()} "
		as_user(self.secretariat, report.save)
		self.assertEqual(report.concluding_observations_symbol, symbol)
		self.assertEqual(frappe.db.get_value("State Report", report.name, "outcome_recommendations"), 3)
		for name in before:
			self.assertEqual(frappe.db.get_value("Recommendation", name, "state_report"), report.name)
		self.assertFalse(frappe.db.get_value("Recommendation", other, "state_report"))
		imported_later = make_recommendation(document_symbol=symbol)
		self.assertEqual(imported_later.state_report, report.name)

	def test_follow_up_deadline_and_committee_grade(self):
		# CEDAW asks for follow-up information within two years of its concluding observations
		self.assertEqual(frappe.db.get_value("Human Rights Mechanism", "CEDAW", "follow_up_period_years"), 2)
		recommendation = make_recommendation(
			mechanism="CEDAW",
			document_symbol="CEDAW/C/TST/CO/8",
			document_date="2023-05-31",
			follow_up_required=1,
		)
		self.assertEqual(getdate(recommendation.follow_up_deadline), getdate("2025-05-31"))
		for assessed_on, grade in (("2025-01-10", "C"), ("2026-03-01", "B")):
			frappe.get_doc(
				{
					"doctype": "Implementation Assessment",
					"recommendation": recommendation.name,
					"voice": "Treaty body",
					"assessed_on": assessed_on,
					"grade": grade,
				}
			).insert()
		self.assertEqual(frappe.db.get_value("Recommendation", recommendation.name, "follow_up_grade"), "B")
