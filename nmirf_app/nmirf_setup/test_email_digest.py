# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""A user's choice between one e-mail per notification and one e-mail a day."""

import frappe
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, now_datetime

from nmirf_app.engagement.doctype.stakeholder_submission.test_stakeholder_submission import (
	mails_about,
	queue_mail_without_sending,
)
from nmirf_app.nmirf_setup.email_digest import send_daily_digests
from nmirf_app.testing import make_user


def mails_to(email: str) -> list[str]:
	return frappe.get_all(
		"Email Queue",
		filters=[["Email Queue Recipient", "recipient", "=", email]],
		pluck="message",
		order_by="`tabEmail Queue`.creation asc",
	)


def tell(user: str, subject: str):
	make_notification_logs(
		{
			"type": "Alert",
			"document_type": "Recommendation",
			"link": "/app/recommendation",  # about the list, which every NMIRF user may open
			"subject": subject,
		},
		[user],
	)


class TestEmailDigest(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		queue_mail_without_sending(cls)
		cls.daily = make_user("fp.digest.daily", "NMIRF Focal Point")
		cls.each = make_user("fp.digest.each", "NMIRF Focal Point")
		frappe.db.set_value("Notification Settings", cls.daily, "nmirf_daily_digest", 1)

	def test_a_daily_reader_gets_one_mail_with_what_is_unread_and_nothing_twice(self):
		before = len(mails_to(self.daily))
		tell(self.daily, "To validate: <b>PU-2026-00001</b>")
		tell(self.daily, "Approved: PU-2026-00002")
		tell(self.daily, "Returned to you: PU-2026-00003")
		self.assertEqual(len(mails_to(self.daily)), before, "no e-mail per notification")
		self.assertEqual(
			frappe.db.count(
				"Notification Log", {"for_user": self.daily, "subject": ("like", "Approved: PU-2026%")}
			),
			1,
			"the bell is told at once",
		)
		frappe.db.set_value(
			"Notification Log", {"for_user": self.daily, "subject": "Approved: PU-2026-00002"}, "read", 1
		)

		later = add_to_date(now_datetime(), seconds=5)
		sent = send_daily_digests(later)
		self.assertEqual(sent.get(self.daily), 2, "what was read in the bell is not mailed")
		self.assertNotIn(self.each, sent, "only those who chose it")
		self.assertEqual(len(mails_to(self.daily)), before + 1)
		digest = mails_about(self.daily)[-1].message
		self.assertIn("To validate: PU-2026-00001", digest)
		self.assertIn("Returned to you: PU-2026-00003", digest)
		self.assertNotIn("Approved: PU-2026-00002", digest)

		self.assertEqual(send_daily_digests(add_to_date(later, seconds=5)), {}, "a second run sends nothing")

	def test_others_keep_one_mail_per_notification(self):
		before = len(mails_to(self.each))
		tell(self.each, "To validate: PU-2026-00004")
		self.assertEqual(len(mails_to(self.each)), before + 1)

	def test_no_mail_about_a_record_its_reader_may_not_open(self):
		communication = frappe.get_doc(
			{
				"doctype": "Special Procedure Communication",
				"reference": f"UA TST {frappe.generate_hash(length=4)}/2026",
				"communication_type": "Urgent appeal",
				"mandates": [{"mechanism": "SR-FREEDOM-EXPRESSION"}],
				"subject": "Alleged detention of a journalist",
				"date_received": frappe.utils.nowdate(),
			}
		).insert()
		before = len(mails_to(self.each))
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": communication.doctype,
				"document_name": communication.name,
				"subject": "Reply due soon",
			},
			[self.each],
		)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": self.each, "document_name": communication.name})
		)
		self.assertEqual(len(mails_to(self.each)), before, "communications stay with the secretariat")
