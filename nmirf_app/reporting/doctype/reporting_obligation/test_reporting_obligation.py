# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Reporting obligations on a real site: due dates computed on save, lateness refreshed daily, and
a submitted State Report moving its mechanism's calendar on (the calendar report has its own test
beside it)."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from nmirf_app.reporting.doctype.reporting_obligation.reporting_obligation import refresh_reporting_calendar
from nmirf_app.testing import make_obligation


class TestReportingObligation(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_upr_next_review_and_mid_term_follow_the_last_review(self):
		upr = make_obligation("UPR", last_submitted_on="2021-02-08", last_dialogue_on="2021-05-05")
		self.assertEqual(upr.periodicity_years, 4.5, "the periodicity comes from the mechanism")
		self.assertEqual(getdate(upr.next_due_on), getdate("2025-11-05"))
		self.assertEqual(upr.next_report_type, "UPR national report")
		self.assertEqual(getdate(upr.mid_term_due_on), getdate("2023-11-05"))

	def test_the_date_set_by_the_committee_wins_and_lateness_follows_the_day(self):
		crc = make_obligation(
			"CRC",
			procedure="Simplified (LOIPR)",
			last_submitted_on="2019-03-01",
			next_due_override="2027-03-01",
		)
		self.assertEqual(getdate(crc.next_due_on), getdate("2027-03-01"))
		self.assertEqual(crc.next_report_type, "Periodic report")
		refresh_reporting_calendar("2027-03-01")
		self.assertEqual(
			frappe.db.get_value("Reporting Obligation", "CRC", "is_overdue"), 0, "due today is not late"
		)
		refresh_reporting_calendar("2027-03-02")
		self.assertEqual(
			frappe.db.get_value("Reporting Obligation", "CRC", ["is_overdue", "days_until_due"]), (1, -1)
		)

	def test_a_report_never_submitted_is_due_on_its_initial_date(self):
		ced = make_obligation("CED", initial_due_on="2012-06-01")
		self.assertEqual(
			(getdate(ced.next_due_on), ced.next_report_type), (getdate("2012-06-01"), "Initial report")
		)
		spt = make_obligation("SPT", last_submitted_on="2020-01-01", periodicity_years=0)
		self.assertIsNone(spt.next_due_on, "a mechanism without periodicity sets no due date")

	def test_invalid_periodicity_is_refused_with_its_reason(self):
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be negative"):
			make_obligation("CAT", periodicity_years=-4)

	def test_submitting_a_periodic_report_moves_the_calendar_on(self):
		make_obligation("CEDAW", last_submitted_on="2020-09-01", next_due_override="2027-05-31")
		report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Ninth periodic report",
				"report_type": "Periodic report",
				"mechanism": "CEDAW",
			}
		).insert()
		self.assertEqual(report.reporting_obligation, "CEDAW")
		self.assertEqual(
			getdate(report.due_on), getdate("2027-05-31"), "the due date comes from the calendar"
		)
		report.submitted_on = "2027-05-20"
		report.save()
		obligation = frappe.get_doc("Reporting Obligation", "CEDAW")
		self.assertEqual(getdate(obligation.last_submitted_on), getdate("2027-05-20"))
		self.assertIsNone(obligation.next_due_override, "the committee's date was for the report just sent")
		self.assertEqual(getdate(obligation.next_due_on), getdate("2031-05-20"))
		self.assertEqual(obligation.last_state_report, report.name)

	def test_a_refused_value_is_told_in_the_users_language(self):
		# the rule lives in core/ (no Frappe); its template is translated where the controller throws
		frappe.local.lang = "fr"
		frappe.clear_messages()
		try:
			with self.assertRaises(frappe.ValidationError) as refused:
				make_obligation("CAT", periodicity_years=-4)
			[message] = frappe.get_message_log()
		finally:
			frappe.local.lang = "en"
		self.assertIn("Une périodicité de rapport ne peut pas être négative (-4", str(refused.exception))
		self.assertEqual(message.get("title"), "Obligation de présenter des rapports non valide")
