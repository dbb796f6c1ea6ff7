# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Overdue Items, Institution Scorecard and SDG Coverage on a real site, including what a focal
point must not see."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, nowdate

from nmirf_app.implementation.report.institution_scorecard.institution_scorecard import execute as scorecard
from nmirf_app.implementation.report.overdue_items.overdue_items import execute as overdue_items
from nmirf_app.recommendations.report.sdg_coverage.sdg_coverage import execute as sdg_coverage
from nmirf_app.testing import as_user, make_focal_point, make_institution, make_recommendation, make_user


class TestImplementationReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.secretariat = make_user("secretariat.impl-reports", "NMIRF Secretariat")
		cls.validator = make_user("validator.impl-reports", "NMIRF Institution Validator")
		cls.focal_point = make_user("fp.impl-reports", "NMIRF Focal Point")
		cls.other_focal_point = make_user("fp2.impl-reports", "NMIRF Focal Point")
		cls.mine = make_institution(
			"ImplReports Ministry of Housing", validating_authority=cls.validator, is_state_body=1
		)
		cls.other = make_institution("ImplReports Ministry of Transport", is_state_body=1)
		make_focal_point(cls.focal_point, cls.mine, role_type="Alternate")
		make_focal_point(cls.other_focal_point, cls.other, role_type="Alternate")
		cls.symbol = f"CESCR/C/I{frappe.generate_hash(length=5).upper()}/CO/1"
		cls.housing = make_recommendation(
			[cls.mine], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_target": "11.1"}]
		)
		cls.transport = make_recommendation(
			[cls.other], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_target": "11.2"}]
		)
		# OHCHR's thematic lists name a goal alone
		cls.goal_only = make_recommendation(
			[cls.other], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_goal": "SDG 11"}]
		)
		cls.late_action = cls.action(cls.mine, cls.housing.name, add_days(nowdate(), -10))
		cls.other_late_action = cls.action(cls.other, cls.transport.name, add_days(nowdate(), -3))
		frappe.db.set_value(
			"Recommendation Institution",
			{"parent": cls.housing.name, "institution": cls.mine},
			"assignment_status",
			"Accepted",
		)

	@staticmethod
	def action(institution, recommendation, end_date):
		return (
			frappe.get_doc(
				{
					"doctype": "Implementation Action",
					"action_title": f"ImplReports action of {institution}",
					"lead_institution": institution,
					"start_date": "2025-01-01",
					"end_date": end_date,
					"recommendations": [{"recommendation": recommendation}],
				}
			)
			.insert()
			.name
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_overdue_items_list_what_is_late_with_its_owner_and_only_ones_own(self):
		_columns, data = as_user(self.secretariat, overdue_items, {"document_type": "Implementation Action"})
		rows = {row["document"]: row for row in data}
		self.assertEqual(rows[self.late_action]["days_late"], 10)
		self.assertIn(self.focal_point, rows[self.late_action]["owners"])
		self.assertEqual(rows[self.late_action]["validator"], self.validator)
		self.assertIn(self.other_late_action, rows)
		_columns, data = as_user(self.focal_point, overdue_items, {})
		documents = {row["document"] for row in data}
		self.assertIn(self.late_action, documents)
		self.assertNotIn(
			self.other_late_action, documents, "another institution's delays are not a focal point's business"
		)

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

	def test_sdg_coverage_counts_recommendations_and_actions_per_target(self):
		_columns, data, _message, chart = as_user(
			self.secretariat, sdg_coverage, {"document_symbol": self.symbol}
		)
		rows = {row.target: row for row in data}
		self.assertEqual([row.target for row in data], ["", "11.1", "11.2"], "the goal's own row first")
		self.assertEqual((rows["11.1"].recommendations, rows["11.1"].actions), (1, 1))
		self.assertEqual((rows[""].goal, rows[""].recommendations), ("SDG 11", 1))
		self.assertEqual(chart["data"]["labels"], ["SDG 11 — Sustainable cities and communities"])
		frappe.local.lang = "fr"
		try:
			_columns, _data, _message, chart = as_user(
				self.secretariat, sdg_coverage, {"document_symbol": self.symbol}
			)
		finally:
			frappe.local.lang = "en"
		self.assertEqual(chart["data"]["labels"], ["ODD 11 — Villes et communautés durables"], "in French")
		self.assertEqual(chart["data"]["datasets"][0]["values"], [3])
		_columns, data, _message, _chart = as_user(
			self.focal_point, sdg_coverage, {"document_symbol": self.symbol}
		)
		self.assertEqual(
			[row.target for row in data], ["11.1"], "another institution's goal-only row is not counted"
		)
		_columns, data, _message, _chart = as_user(
			self.secretariat,
			sdg_coverage,
			{"document_symbol": self.symbol, "include_untouched": 1, "sdg_goal": "SDG 11"},
		)
		self.assertGreater(len(data), 2, "every target of the goal, touched or not")

	def test_the_overdue_reports_card_and_overdue_items_count_the_same_reports(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		from nmirf_app.reporting.doctype.reporting_obligation.test_reporting_obligation import make_obligation

		make_obligation("CED", initial_due_on="2012-06-01")  # never submitted: years late
		card = frappe.get_doc("Number Card", "Overdue reports")
		counted = as_user(self.secretariat, get_result, card, card.filters_json)
		_columns, data = as_user(self.secretariat, overdue_items, {"document_type": "Reporting Obligation"})
		self.assertIn("CED", {row["document"] for row in data})
		self.assertEqual(len(data), counted)
		ced = next(row for row in data if row["document"] == "CED")
		self.assertIn(self.secretariat, ced["owners"], "the secretariat prepares the State's reports")
