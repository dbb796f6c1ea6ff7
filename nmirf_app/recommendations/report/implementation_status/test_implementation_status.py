# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Implementation Status on a real site: counts and percentages by group, in the reader's language,
and a focal point's figures only from what they may see."""

import frappe

from nmirf_app.recommendations.report.implementation_status.implementation_status import (
	execute as status_report,
)
from nmirf_app.recommendations.report.testing import RecommendationReportsTestCase
from nmirf_app.testing import as_user


class TestImplementationStatus(RecommendationReportsTestCase):
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
