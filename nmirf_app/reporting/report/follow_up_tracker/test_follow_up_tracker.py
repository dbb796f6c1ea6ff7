# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The Follow-up Tracker on a real site: soonest deadline first, undated last, and an implemented
paragraph's old deadline no longer counting down."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, nowdate

from nmirf_app.reporting.report.follow_up_tracker.follow_up_tracker import execute
from nmirf_app.testing import make_recommendation


class TestFollowUpTracker(FrappeTestCase):
	def test_the_soonest_deadline_comes_first_undated_last_and_implemented_ones_stop_counting(self):
		symbol = f"CAT/C/TST/CO/{frappe.generate_hash(length=4).upper()}"
		undated = make_recommendation(mechanism="CAT", document_symbol=symbol, follow_up_required=1).name
		soon = make_recommendation(
			mechanism="CAT",
			document_symbol=symbol,
			follow_up_required=1,
			follow_up_deadline=add_days(nowdate(), 20),
		).name
		implemented = make_recommendation(
			mechanism="CAT",
			document_symbol=symbol,
			follow_up_required=1,
			follow_up_deadline="2018-09-01",
		)
		frappe.db.set_value("Recommendation", implemented.name, "implementation_status", "Fully implemented")
		late = make_recommendation(
			mechanism="CAT",
			document_symbol=symbol,
			follow_up_required=1,
			follow_up_deadline=add_days(nowdate(), -3),
		).name

		# flagging sets a deadline from the committee's period; one recorded before that had none
		frappe.db.set_value("Recommendation", undated, "follow_up_deadline", None)

		_columns, rows = execute({"document_symbol": symbol})
		by_name = {row["name"]: row for row in rows}
		self.assertEqual([row["name"] for row in rows], [implemented.name, late, soon, undated])
		self.assertEqual(
			[
				(by_name[name]["days_left"], by_name[name]["overdue"])
				for name in (implemented.name, late, soon, undated)
			],
			[(None, 0), (-3, 1), (20, 0), (None, 0)],
		)
