# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Which SDG targets the recommendations and the actions implementing them touch: two grouped
queries over the recommendations the user may see (with the report filters)."""

import frappe
from frappe import _

from nmirf_app.core.report_compilation import natural_key
from nmirf_app.recommendations.report_filters import EVERYTHING, visible_condition
from nmirf_app.report_columns import column


def execute(filters=None):
	filters = frappe._dict(filters or {})
	visible = visible_condition(filters)
	# a user who may see everything, unfiltered, needs no look-up of each recommendation
	scope = (
		""
		if visible == EVERYTHING
		else f"join `tabRecommendation` on `tabRecommendation`.name = rst.parent and {visible}"
	)
	recommendations = frappe.db.sql(
		f"""select rst.sdg_target, count(*)
		from `tabRecommendation SDG Target` rst {scope}
		where rst.parenttype = 'Recommendation' group by rst.sdg_target""",
		{},
	)
	actions = frappe.db.sql(
		f"""select rst.sdg_target, count(distinct ar.parent)
		from `tabAction Recommendation` ar
		join `tabRecommendation SDG Target` rst on rst.parent = ar.recommendation
			and rst.parenttype = 'Recommendation'
		{scope}
		where ar.parenttype = 'Implementation Action' group by rst.sdg_target""",
		{},
	)
	recommendations, actions = dict(recommendations), dict(actions)
	targets = frappe.get_all(
		"SDG Target",
		filters={"sdg_goal": filters.sdg_goal} if filters.get("sdg_goal") else {},
		fields=["name as target", "sdg_goal as goal", "short_title"],
	)
	rows = []
	for row in targets:
		row.recommendations = recommendations.get(row.target, 0)
		row.actions = actions.get(row.target, 0)
		if row.recommendations or filters.get("include_untouched"):
			rows.append(row)
	rows.sort(key=lambda row: natural_key(row.target))
	return columns(), rows, None, chart(rows)


def chart(rows):
	by_goal: dict[str, int] = {}
	for row in rows:
		by_goal[row.goal] = by_goal.get(row.goal, 0) + row.recommendations
	goals = sorted(by_goal, key=natural_key)
	return {
		"data": {
			"labels": goals,
			"datasets": [{"name": _("Recommendations"), "values": [by_goal[goal] for goal in goals]}],
		},
		"type": "bar",
	}


def columns():
	return [
		column("goal", _("Goal"), "Link", options="SDG Goal", width=90),
		column("target", _("Target"), "Link", options="SDG Target", width=90),
		column("short_title", _("Target title"), width=360),
		column("recommendations", _("Recommendations"), "Int", width=140),
		column("actions", _("Actions"), "Int", width=100),
	]
