# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The workspace's number cards and charts count through the viewer's permissions: a focal point's
figures are those of their institution; and the patch filling SDG goals on older rows."""

import frappe
from frappe.desk.doctype.number_card.number_card import get_result as card_result
from frappe.desk.query_report import run

from nmirf_app.patches.v0_2.fill_sdg_goal_of_recommendation_targets import execute as fill_sdg_goals
from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation

CHART_METHOD = "frappe.desk.doctype.dashboard_chart.dashboard_chart.get"


def card(name, user):
	doc = frappe.get_doc("Number Card", name)
	return as_user(user, card_result, doc.as_json(), doc.filters_json)


def chart(name, user):
	"""What the workspace's chart widget shows the user: a Report chart runs its report for them
	(as the widget does, through frappe.desk.query_report.run); other charts go through the method
	the hooks put in place of Frappe's (no refresh asked: Frappe would serve its cache)."""
	doc = frappe.get_doc("Dashboard Chart", name)
	if doc.chart_type == "Report":
		result = as_user(user, run, doc.report_name, filters=doc.filters_json, ignore_prepared_report=1)
		return {row[doc.x_field]: row[doc.y_axis[0].y_field] for row in result["result"]}
	method = frappe.get_hooks("override_whitelisted_methods", {}).get(CHART_METHOD, [CHART_METHOD])[-1]
	data = as_user(user, frappe.get_attr(method), chart_name=name, refresh=0, filters=doc.filters_json)
	return dict(zip(data["labels"], data["datasets"][0]["values"], strict=True))


class TestDashboards(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		theme = frappe.get_all("Human Rights Theme", limit=1, pluck="name")[0]
		cls.theme = theme
		for _ in range(2):
			make_recommendation([cls.mine], themes=[{"theme": theme}], sdg_targets=[{"sdg_target": "6.1"}])
		for _ in range(3):
			make_recommendation([cls.other], themes=[{"theme": theme}], sdg_targets=[{"sdg_target": "7.1"}])

	def test_number_cards_count_only_what_the_viewer_may_see(self):
		self.assertEqual(card("Recommendations", self.focal_point), 2)
		self.assertGreaterEqual(card("Recommendations", self.secretariat), 5)
		self.assertEqual(card("Not started or not assessed", self.focal_point), 2)

	def test_charts_group_only_what_the_viewer_may_see(self):
		chart("Recommendations by lead institution", self.secretariat)  # Frappe would cache these figures
		by_institution = chart("Recommendations by lead institution", self.focal_point)
		self.assertEqual(by_institution, {self.mine: 2})
		by_theme = chart("Recommendations by theme", self.focal_point)
		self.assertEqual(by_theme, {self.theme: 2}, "child-table charts go through the parent's permissions")
		by_goal = chart("Recommendations by SDG", self.focal_point)
		self.assertEqual(by_goal, {"SDG 6": 2})
		self.assertGreaterEqual(chart("Recommendations by SDG", self.secretariat).get("SDG 7", 0), 3)
		self.assertEqual(chart("Recommendations by status", self.focal_point), {"Not assessed": 2})

	def test_patch_fills_the_goal_of_rows_saved_before_the_field_existed(self):
		recommendation = make_recommendation([self.mine], sdg_targets=[{"sdg_target": "16.3"}])
		frappe.db.set_value("Recommendation SDG Target", recommendation.sdg_targets[0].name, "sdg_goal", None)
		fill_sdg_goals()
		self.assertEqual(
			frappe.db.get_value("Recommendation SDG Target", recommendation.sdg_targets[0].name, "sdg_goal"),
			"SDG 16",
		)
		fill_sdg_goals()  # a second run changes nothing
		self.assertEqual(
			frappe.db.get_value("Recommendation SDG Target", recommendation.sdg_targets[0].name, "sdg_goal"),
			"SDG 16",
		)
