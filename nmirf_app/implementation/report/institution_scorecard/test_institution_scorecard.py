# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Institution Scorecard on a real site: assignments, updates and delays per institution, and a
focal point sees only their own."""

import frappe
from frappe.model.workflow import apply_workflow

from nmirf_app.implementation.report.institution_scorecard.institution_scorecard import execute as scorecard
from nmirf_app.implementation.report.testing import ImplementationReportsTestCase
from nmirf_app.testing import as_user


class TestInstitutionScorecard(ImplementationReportsTestCase):
	def test_scorecard_counts_assignments_updates_and_delays(self):
		update = as_user(
			self.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"implementation_action": self.late_action,
					"reported_status": "In progress",
					"summary": "Late but moving.",
				}
			).insert(),
		)
		update = as_user(self.focal_point, apply_workflow, update.as_dict(), "Submit for validation")
		_columns, data = as_user(self.secretariat, scorecard, {})
		rows = {row.institution: row for row in data}
		mine = rows[self.mine]
		self.assertEqual((mine.assigned, mine.accepted, mine.accepted_percent), (1, 1, 100.0))
		self.assertEqual(
			(mine.updates_sent, mine.sent_on_time, mine.updates_approved),
			(1, 0, 0),
			"sent after the end date",
		)
		self.assertEqual(mine.overdue_actions, 1)
		self.assertEqual(rows[self.other].accepted_percent, 0.0)
		_columns, data = as_user(self.focal_point, scorecard, {})
		self.assertEqual([row.institution for row in data], [self.mine])
		_columns, data = as_user(self.focal_point, scorecard, {"institution": self.other})
		self.assertEqual(data, [], "asking for another institution by name shows nothing of it")
		_columns, data = as_user(self.secretariat, scorecard, {"institution": self.other})
		self.assertEqual([(row.institution, row.overdue_actions) for row in data], [(self.other, 1)])
