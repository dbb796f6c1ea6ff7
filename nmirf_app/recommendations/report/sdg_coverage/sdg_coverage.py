# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Which SDG targets the recommendations and the actions implementing them touch: one grouped
query over the recommendations the user may see (with the report filters)."""

import frappe
from frappe import _

from nmirf_app.core.report_compilation import natural_key
from nmirf_app.recommendations.report_filters import visible_recommendations_sql


def execute(filters=None):
	filters = frappe._dict(filters or {})
	visible = visible_recommendations_sql(filters).replace("%", "%%")
	goal_condition = "where t.sdg_goal = %(goal)s" if filters.get("sdg_goal") else ""
	rows = frappe.db.sql(
		f"""select t.name as target, t.sdg_goal as goal, t.short_title,
			count(distinct rst.parent) as recommendations,
			count(distinct ar.parent) as actions
		from `tabSDG Target` t
		left join `tabRecommendation SDG Target` rst on rst.sdg_target = t.name
			and rst.parenttype = 'Recommendation' and rst.parent in ({visible})
		left join `tabAction Recommendation` ar on ar.recommendation = rst.parent
			and ar.parenttype = 'Implementation Action'
		{goal_condition}
		group by t.name, t.sdg_goal, t.short_title""",
		{"goal": filters.get("sdg_goal")},
		as_dict=True,
	)
	if not filters.get("include_untouched"):
		rows = [row for row in rows if row.recommendations]
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
		{"fieldname": "goal", "label": _("Goal"), "fieldtype": "Link", "options": "SDG Goal", "width": 90},
		{
			"fieldname": "target",
			"label": _("Target"),
			"fieldtype": "Link",
			"options": "SDG Target",
			"width": 90,
		},
		{"fieldname": "short_title", "label": _("Target title"), "fieldtype": "Data", "width": 360},
		{"fieldname": "recommendations", "label": _("Recommendations"), "fieldtype": "Int", "width": 140},
		{"fieldname": "actions", "label": _("Actions"), "fieldtype": "Int", "width": 100},
	]
