# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The Repeated Recommendations report on a real site: how often a request was asked, since when,
counting only what the reader may open."""

import frappe

from nmirf_app.recommendations import classification
from nmirf_app.recommendations.report.repeated_recommendations.repeated_recommendations import execute
from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation


class TestRepeatedRecommendations(NMIRFTestCase):
	world = "repeats"

	def test_the_repeats_report_counts_a_request_asked_again_and_only_what_the_reader_may_open(self):
		text = "Adopt a national plan to eradicate child labour in agriculture"
		first = make_recommendation([self.mine], recommendation_text=text, document_date="2015-03-01").name
		second = make_recommendation([self.other], recommendation_text=text, document_date="2019-03-01").name
		latest = make_recommendation([self.mine], recommendation_text=text, document_date="2023-03-01").name
		as_user(self.secretariat, classification.mark_as_repeat, latest, second)
		as_user(self.secretariat, classification.mark_as_repeat, second, first)

		_columns, rows = as_user(self.secretariat, execute, {})[:2]
		[row] = [row for row in rows if row["recommendation"] == latest]
		self.assertEqual(
			(row["times_asked"], row["earlier"], row["since"]), (3, f"{first}, {second}", "2015")
		)
		self.assertTrue(row["summary"].startswith("Asked 3 times since 2015"), row["summary"])

		# the focal point of `mine` cannot open the middle one (`other`'s): it neither counts nor shows
		answer = as_user(self.focal_point, execute, {})
		self.assertNotIn(second, frappe.as_json(answer))
		self.assertFalse([row for row in answer[1] if row["recommendation"] == latest])
