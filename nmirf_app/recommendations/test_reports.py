# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The recommendation reports (Implementation Status, Gaps) on a real site: their figures, their
filters, and that each user's figures come only from what they may see."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import nowdate

from nmirf_app.recommendations.report.gaps.gaps import execute as gaps
from nmirf_app.recommendations.report.implementation_status.implementation_status import (
	execute as status_report,
)
from nmirf_app.testing import as_user, make_focal_point, make_institution, make_recommendation, make_user


class TestRecommendationReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.secretariat = make_user("secretariat.reports", "NMIRF Secretariat")
		cls.focal_point = make_user("fp.reports", "NMIRF Focal Point")
		cls.mine = make_institution("Reports Ministry of Culture")
		cls.other = make_institution("Reports Ministry of Sport")
		cls.unstaffed = make_institution("Reports Agency without staff", is_state_body=1)
		make_focal_point(cls.focal_point, cls.mine, role_type="Alternate")
		cls.symbol = f"CERD/C/R{frappe.generate_hash(length=5).upper()}/CO/1"
		statuses = ("Fully implemented", "In progress", "Not started")
		cls.mine_recs = [
			make_recommendation(
				[cls.mine], mechanism="CERD", document_symbol=cls.symbol, implementation_status=status
			).name
			for status in statuses
		]
		cls.other_recs = [
			make_recommendation(
				[cls.other],
				mechanism="CERD",
				document_symbol=cls.symbol,
				implementation_status="Fully implemented",
			).name
			for _ in range(2)
		]
		cls.orphan = make_recommendation([], mechanism="CERD", document_symbol=cls.symbol).name
		frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Reports: anti-discrimination campaign",
				"lead_institution": cls.mine,
				"start_date": "2026-01-01",
				"end_date": "2027-12-31",
				# the not-started one: an action alone does not change its status
				"recommendations": [{"recommendation": cls.mine_recs[2]}],
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_implementation_status_counts_and_percentages_by_group(self):
		_columns, data, _message, chart = as_user(
			self.secretariat, status_report, {"document_symbol": self.symbol, "group_by": "Lead institution"}
		)
		rows = {row["grp"]: row for row in data}
		self.assertEqual(rows[self.mine]["total"], 3)
		self.assertEqual(rows[self.mine]["fully_implemented"], 1)
		self.assertEqual(rows[self.mine]["implemented_percent"], 33.3)
		self.assertEqual(rows[self.mine]["under_way_percent"], 66.7)
		self.assertEqual(rows[self.other]["implemented_percent"], 100.0)
		self.assertIn("(none)", rows, "recommendations without a lead are counted, not dropped")
		self.assertTrue(chart["data"]["datasets"])

	def test_status_groups_and_chart_legends_read_in_the_users_language(self):
		filters = {"document_symbol": self.symbol, "group_by": "Status"}
		columns, data, _message, chart = as_user(self.secretariat, status_report, filters)
		self.assertEqual(columns[0]["fieldtype"], "Select", "the desk shows a Select's values translated")
		fully = "Fully implemented"
		self.assertIn(fully, [row["grp"] for row in data], "the values stay as stored")
		frappe.local.lang = "fr"
		try:
			_columns, data, _message, chart = as_user(self.secretariat, status_report, filters)
			in_french = frappe._(fully)
		finally:
			frappe.local.lang = "en"
		self.assertNotEqual(in_french, fully)
		self.assertIn(in_french, chart["data"]["labels"], "the chart names each group in French")
		self.assertIn(in_french, [dataset["name"] for dataset in chart["data"]["datasets"]], "and its legend")
		self.assertNotIn(fully, chart["data"]["labels"])

	def test_a_focal_point_sees_only_their_institutions_figures(self):
		_columns, data, _message, _chart = as_user(
			self.focal_point,
			status_report,
			{"document_symbol": self.symbol, "group_by": "Responsible institution"},
		)
		self.assertEqual([(row["grp"], row["total"]) for row in data], [(self.mine, 3)])
		_columns, data, _message = as_user(self.focal_point, gaps, {"document_symbol": self.symbol})
		documents = {row["document"] for row in data}
		self.assertFalse(documents & set(self.other_recs) or self.orphan in documents)

	def test_gaps_name_what_nobody_is_doing(self):
		_columns, data, message = as_user(self.secretariat, gaps, {"document_symbol": self.symbol})
		self.assertIsNone(message)
		by_gap = {}
		for row in data:
			by_gap.setdefault(row["gap"], set()).add(row["document"])
		self.assertEqual(by_gap["No responsible institution"], {self.orphan})
		self.assertEqual(
			by_gap["No action"], {*self.mine_recs, *self.other_recs, self.orphan} - {self.mine_recs[2]}
		)
		self.assertNotIn(
			self.mine_recs[0], by_gap["No approved progress in 12 months"], "done needs no update"
		)
		self.assertLessEqual(
			{self.mine_recs[1], self.mine_recs[2]}, by_gap["No approved progress in 12 months"]
		)
		self.assertIn(self.unstaffed, by_gap["Institution without an active focal point"])
		self.assertNotIn(self.mine, by_gap["Institution without an active focal point"])
		_columns, only, _message = as_user(
			self.secretariat, gaps, {"document_symbol": self.symbol, "gap": "No action", "as_of": nowdate()}
		)
		self.assertEqual({row["gap"] for row in only}, {"No action"})

	def test_a_long_gap_list_is_cut_and_says_so(self):
		with patch("nmirf_app.recommendations.report.gaps.gaps.ROWS_PER_GAP", 2):
			_columns, data, message = as_user(
				self.secretariat, gaps, {"document_symbol": self.symbol, "gap": "No action"}
			)
		self.assertEqual(len(data), 2)
		self.assertEqual([row["document"] for row in data], sorted(row["document"] for row in data))
		self.assertIn("No action", message)
