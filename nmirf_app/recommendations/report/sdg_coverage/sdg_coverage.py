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
	# The visible recommendations are joined as one derived table: an IN (subquery) inside a LEFT
	# JOIN's ON clause is evaluated row by row by MariaDB (minutes on 250,000 recommendations).
	rows = frappe.db.sql(
		f"""select t.name as target, t.sdg_goal as goal, t.short_title,
			coalesce(counts.recommendations, 0) as recommendations, coalesce(counts.actions, 0) as actions
		from `tabSDG Target` t
		left join (
			select rst.sdg_target, count(distinct rst.parent) as recommendations, count(distinct ar.parent) as actions
			from `tabRecommendation SDG Target` rst
			join ({visible}) as visible on visible.name = rst.parent
			left join `tabAction Recommendation` ar on ar.recommendation = rst.parent
				and ar.parenttype = 'Implementation Action'
			where rst.parenttype = 'Recommendation'
			group by rst.sdg_target
		) as counts on counts.sdg_target = t.name
		{goal_condition}""",
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
