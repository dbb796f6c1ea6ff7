# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Contributions to a State Report: requested by the secretariat, drafted by the institution's focal
point, reviewed by the secretariat; each institution sees only its own, and deadlines remind."""

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.utils import add_days, getdate, nowdate

from nmirf_app.implementation.tasks import send_deadline_reminders
from nmirf_app.reporting.doctype.report_contribution.report_contribution import request_contributions
from nmirf_app.testing import (
	NMIRFTestCase,
	alerts_for,
	as_user,
)


class TestReportContribution(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.report = (
			frappe.get_doc(
				{
					"doctype": "State Report",
					"title": "Report to the Committee on Economic, Social and Cultural Rights",
					"report_type": "Periodic report",
					"mechanism": "CESCR",
				}
			)
			.insert()
			.name
		)

	def request(self, due_on=None, institutions=None):
		return as_user(
			self.secretariat,
			request_contributions,
			self.report,
			"Right to education",
			institutions or [self.mine, self.other],
			due_on or add_days(nowdate(), 30),
			"<p>Describe the measures taken since 2021 on free primary education.</p>",
		)

	def step(self, user, name, action):
		return as_user(user, apply_workflow, frappe.get_doc("Report Contribution", name).as_dict(), action)

	def edit(self, user, name, **values):
		def save():
			doc = frappe.get_doc("Report Contribution", name)
			doc.update(values)
			return doc.save()

		return as_user(user, save)

	def test_request_assigns_each_institutions_focal_points(self):
		education, labour = self.request()
		self.assertEqual(frappe.db.get_value("Report Contribution", education, "workflow_state"), "Requested")
		self.assertEqual(
			frappe.db.get_value("Report Contribution", education, "requested_by"), self.secretariat
		)
		for name, focal_point in ((education, self.focal_point), (labour, self.other_focal_point)):
			todos = frappe.get_all(
				"ToDo",
				filters={"reference_type": "Report Contribution", "reference_name": name, "status": "Open"},
				pluck="allocated_to",
			)
			self.assertEqual(todos, [focal_point])

	def test_review_cycle_and_the_rules_at_each_step(self):
		name = self.request(institutions=[self.mine])[0]
		with self.assertRaisesRegex(frappe.ValidationError, "write the contribution"):
			self.step(self.focal_point, name, "Submit to secretariat")
		doc = self.edit(
			self.focal_point,
			name,
			contribution_text="<p>Free primary schooling now covers 98% of districts.</p>",
			due_on="2099-01-01",
		)
		self.assertNotEqual(
			str(doc.due_on), "2099-01-01", "the deadline is the secretariat's, not the institution's"
		)
		self.step(self.focal_point, name, "Submit to secretariat")
		with self.assertRaises(frappe.PermissionError, msg="a submitted text is the secretariat's to review"):
			self.edit(self.focal_point, name, contribution_text="changed after sending")
		with self.assertRaises(WorkflowTransitionError, msg="only the secretariat accepts"):
			self.step(self.focal_point, name, "Accept")
		with self.assertRaisesRegex(frappe.ValidationError, "Reason for return"):
			self.step(self.secretariat, name, "Return")
		self.edit(self.secretariat, name, return_reason="Give the figures per department.")
		self.step(self.secretariat, name, "Return")
		self.edit(self.focal_point, name, contribution_text="<p>Coverage by department: see annex.</p>")
		self.step(self.focal_point, name, "Resubmit")
		doc = self.step(self.secretariat, name, "Accept")
		self.assertEqual(
			(doc.workflow_state, doc.accepted_by, doc.submitted_by),
			("Accepted", self.secretariat, self.focal_point),
		)
		self.assertFalse(
			frappe.get_all(
				"ToDo",
				filters={"reference_type": "Report Contribution", "reference_name": name, "status": "Open"},
			),
			"accepting closes the institution's ToDo",
		)

		def told(user):
			return alerts_for(user, name)

		# the app's notifications (notifications.json): sent twice -> the secretariat member who
		# asked; returned (with the reason) and accepted -> the focal point who sent it
		self.assertEqual(
			[row.subject.split(":")[0] for row in told(self.secretariat)],
			[f"{self.mine} sent its contribution"] * 2,
		)
		returned, accepted = told(self.focal_point)
		self.assertIn("was returned", returned.subject)
		self.assertIn("Give the figures per department.", returned.email_content)
		self.assertIn("was accepted", accepted.subject)
		self.assertEqual(told(self.other_focal_point), [])

	def test_an_institution_sees_only_its_own_contributions(self):
		education, labour = self.request()
		visible = as_user(
			self.focal_point,
			frappe.get_list,
			"Report Contribution",
			filters={"state_report": self.report},
			pluck="name",
		)
		self.assertEqual(visible, [education])
		with self.assertRaises(frappe.PermissionError):
			as_user(
				self.focal_point,
				lambda: frappe.get_doc("Report Contribution", labour).check_permission("read"),
			)
		self.assertFalse(
			as_user(self.focal_point, frappe.has_permission, "Report Contribution", "read", labour)
		)
		with self.assertRaises(frappe.PermissionError):
			self.edit(self.focal_point, labour, contribution_text="Written into another ministry's section")
		with self.assertRaises(
			frappe.PermissionError, msg="institutions answer requests, they do not make them"
		):
			as_user(self.focal_point, request_contributions, self.report, "x", [self.mine], nowdate())

	def test_deadlines_remind_and_escalate(self):
		name = self.request(due_on=add_days(nowdate(), 3), institutions=[self.mine])[0]
		reminders = send_deadline_reminders(nowdate())
		mine = [(r.kind, r.recipient) for r in reminders if r.reference == f"Report Contribution {name}"]
		self.assertEqual(mine, [("due soon", self.focal_point)])
		late_day = add_days(getdate(nowdate()), 3 + 7)  # escalation after 7 days late by default
		reminders = send_deadline_reminders(late_day)
		kinds = {(r.kind, r.recipient) for r in reminders if r.reference == f"Report Contribution {name}"}
		self.assertIn(("escalated to validator", self.validator), kinds)
		frappe.db.set_value("Report Contribution", name, "workflow_state", "Accepted")
		reminders = send_deadline_reminders(add_days(late_day, 7))
		self.assertFalse([r for r in reminders if r.reference == f"Report Contribution {name}"])
