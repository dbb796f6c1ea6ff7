"""Recommendation SDG Target rows gained `sdg_goal` (fetched from the target) so that dashboards
and reports count recommendations by goal; rows saved before have it empty. One UPDATE, safe to
run again: it only fills what is still empty."""

import frappe


def execute():
	row = frappe.qb.DocType("Recommendation SDG Target")
	target = frappe.qb.DocType("SDG Target")
	(
		frappe.qb.update(row)
		.join(target)
		.on(target.name == row.sdg_target)
		.set(row.sdg_goal, target.sdg_goal)
		.where(row.sdg_goal.isnull() | (row.sdg_goal == ""))
		.run()
	)
