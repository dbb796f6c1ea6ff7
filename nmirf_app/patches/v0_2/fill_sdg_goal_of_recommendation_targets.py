"""Recommendation SDG Target rows gained `sdg_goal` (fetched from the target) so that dashboards
and reports count recommendations by goal; rows saved before have it empty. One UPDATE, safe to
run again: it only fills what is still empty."""

import frappe


def execute():
	frappe.db.sql(
		"""update `tabRecommendation SDG Target` as row
		join `tabSDG Target` as target on target.name = row.sdg_target
		set row.sdg_goal = target.sdg_goal
		where ifnull(row.sdg_goal, '') = ''"""
	)
