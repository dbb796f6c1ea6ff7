# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""SDG Coverage on a real site: recommendations and actions per target, in the reader's language,
and only what the reader may see."""

import frappe

from nmirf_app.implementation.report.testing import ImplementationReportsTestCase
from nmirf_app.recommendations.report.sdg_coverage.sdg_coverage import execute as sdg_coverage
from nmirf_app.testing import as_user


class TestSDGCoverage(ImplementationReportsTestCase):
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
