# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The Reporting Calendar report on a real site: what is due within the horizon, the overdue first,
and the State's draft reports hidden from observers."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from nmirf_app.reporting.report.reporting_calendar.reporting_calendar import execute as reporting_calendar
from nmirf_app.testing import as_user, make_obligation, make_user


class TestReportingCalendar(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_reporting_calendar_lists_overdue_first_and_hides_reports_from_observers(self):
		make_obligation("CAT", last_submitted_on="2018-01-15")  # due 2022: overdue
		make_obligation("UPR", last_submitted_on="2025-08-04", last_dialogue_on="2025-11-05")
		frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Eighth periodic report to CAT",
				"report_type": "Periodic report",
				"mechanism": "CAT",
			}
		).insert()
		_columns, rows = reporting_calendar({"as_of": "2026-11-23", "horizon_months": 24})
		by_kind = {(row["mechanism"], row["report_type"]): row for row in rows}
		self.assertTrue(rows[0]["overdue"])
		self.assertEqual(by_kind[("CAT", "Periodic report")]["overdue"], 1)
		self.assertTrue(by_kind[("CAT", "Periodic report")]["state_report"])
		self.assertEqual(getdate(by_kind[("UPR", "UPR mid-term report")]["due_on"]), getdate("2028-05-05"))
		self.assertNotIn(("UPR", "UPR national report"), by_kind, "due in 2030, beyond 24 months")

		observer = make_user("observer.calendar", "NMIRF Observer")
		_columns, rows = as_user(observer, reporting_calendar, {"as_of": "2026-11-23"})
		self.assertTrue(rows, "observers see the calendar")
		self.assertFalse(any(row["state_report"] for row in rows), "but not the State's drafts")
