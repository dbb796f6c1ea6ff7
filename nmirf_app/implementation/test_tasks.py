# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Daily reminders and the weekly digest on a real site, with frozen dates."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from nmirf_app.implementation.tasks import secretariat_users, send_deadline_reminders, send_weekly_digest
from nmirf_app.testing import make_focal_point, make_institution, make_user

TODAY = getdate("2026-03-10")


class TestDeadlineReminders(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.delete("NMIRF Reminder")
		frappe.db.set_single_value("NMIRF Settings", {"reminder_lead_days": 14, "escalation_after_days": 7})
		cls.validator = make_user("validator.reminders", "NMIRF Institution Validator")
		cls.institution = make_institution(
			"Reminder Test Ministry of Labour", validating_authority=cls.validator
		)
		cls.focal_point = make_user("fp.reminders", "NMIRF Focal Point")
		cls.secretariat = make_user("secretariat.reminders", "NMIRF Secretariat")
		make_focal_point(cls.focal_point, cls.institution, role_type="Alternate", active_from="2025-01-01")

		def action(title, end_date, status="In progress"):
			return (
				frappe.get_doc(
					{
						"doctype": "Implementation Action",
						"action_title": title,
						"lead_institution": cls.institution,
						"start_date": "2025-01-01",
						"end_date": end_date,
						"status": status,
					}
				)
				.insert(ignore_permissions=True)
				.name
			)

		cls.due_soon = action("Adopt the labour inspection protocol", add_days(TODAY, 5))
		cls.late = action("Publish the child labour survey", add_days(TODAY, -14))
		cls.just_late = action("Update the inspection database", add_days(TODAY, -8))
		cls.done = action("Hire 40 inspectors", add_days(TODAY, -30), status="Completed")

	def sent(self, reference):
		return {
			(row.kind, row.recipient)
			for row in frappe.get_all("NMIRF Reminder", {"reference_name": reference}, ["kind", "recipient"])
		}

	def test_reminders_escalate_and_never_repeat_on_the_same_day(self):
		send_deadline_reminders(TODAY)
		self.assertEqual(self.sent(self.due_soon), {("due soon", self.focal_point)})
		# 8 days late: the owners' weekly overdue reminder (days 1, 8, 15, …)
		self.assertEqual(self.sent(self.just_late), {("overdue", self.focal_point)})
		# 14 days late: escalated to the validator (from 7 days) and the secretariat (from 14)
		# (every secretariat user is told: the site's first user holds all roles too)
		self.assertEqual(
			self.sent(self.late),
			{("escalated to validator", self.validator)}
			| {("escalated to secretariat", user) for user in secretariat_users()},
		)
		self.assertIn(self.secretariat, secretariat_users())
		self.assertEqual(self.sent(self.done), set())
		count = frappe.db.count("NMIRF Reminder")
		bell = frappe.db.count(
			"Notification Log", {"for_user": self.focal_point, "document_name": self.due_soon}
		)
		self.assertEqual(bell, 1)

		self.assertEqual(send_deadline_reminders(TODAY), [])
		self.assertEqual(frappe.db.count("NMIRF Reminder"), count)

	def test_weekly_digest_lists_each_focal_points_deadlines_overdue_first(self):
		digests = send_weekly_digest(TODAY)
		lines = digests[self.focal_point]
		self.assertEqual(
			[line.reference.split()[-1] for line in lines], [self.late, self.just_late, self.due_soon]
		)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{"for_user": self.focal_point, "subject": ("like", "%2 overdue, 1 coming up%")},
			)
		)
		mail_text = frappe.db.get_value(
			"Notification Log",
			{"for_user": self.focal_point, "subject": ("like", "%2 overdue, 1 coming up%")},
			"email_content",
		)
		self.assertIn(self.late, mail_text, "the e-mail lists the deadlines, with links")
