# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Gaps on a real site: what nobody is doing, a long list cut with a message, and a focal point's
gaps only from what they may see."""

from unittest.mock import patch

from frappe.utils import nowdate

from nmirf_app.recommendations.report.gaps.gaps import execute as gaps
from nmirf_app.recommendations.report.testing import RecommendationReportsTestCase
from nmirf_app.testing import as_user


class TestGaps(RecommendationReportsTestCase):
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

	def test_a_focal_point_sees_no_gap_of_another_institution(self):
		_columns, data, _message = as_user(self.focal_point, gaps, {"document_symbol": self.symbol})
		documents = {row["document"] for row in data}
		self.assertTrue(documents & set(self.mine_recs), "their own institution's gaps are listed")
		self.assertFalse(documents & set(self.other_recs) or self.orphan in documents)
