# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Which SDG targets the recommendations and the actions implementing them touch: two grouped
queries over the recommendations the user may see (with the report filters). A recommendation
linked to a goal alone (OHCHR's thematic lists name no target) counts on a row of that goal."""

import frappe
from frappe import _

from nmirf_app.core.references import natural_key
from nmirf_app.recommendations.report_filters import EVERYTHING, visible_condition
from nmirf_app.recommendations.value_labels import value_labels
from nmirf_app.report_columns import column


def execute(filters=None):
	filters = frappe._dict(filters or {})
	# SQL text, not frappe.qb: Frappe's permission conditions and the filters are spliced in (visible_condition)
	visible = visible_condition(filters)
	# a user who may see everything, unfiltered, needs no look-up of each recommendation
	scope = (
		""
		if visible == EVERYTHING
		else f"join `tabRecommendation` on `tabRecommendation`.name = rst.parent and {visible}"
	)
	# a target row counts under its target; a goal-only row under its goal
	tag = "ifnull(nullif(rst.sdg_target, ''), rst.sdg_goal)"
	recommendations = frappe.db.sql(
		f"""select {tag}, count(*)
		from `tabRecommendation SDG Target` rst {scope}
		where rst.parenttype = 'Recommendation' group by {tag}""",
		{},
	)
	actions = frappe.db.sql(
		f"""select {tag}, count(distinct ar.parent)
		from `tabAction Recommendation` ar
		join `tabRecommendation SDG Target` rst on rst.parent = ar.recommendation
			and rst.parenttype = 'Recommendation'
		{scope}
		where ar.parenttype = 'Implementation Action' group by {tag}""",
		{},
	)
	recommendations, actions = dict(recommendations), dict(actions)
	targets = frappe.get_all(
		"SDG Target",
		filters={"sdg_goal": filters.sdg_goal} if filters.get("sdg_goal") else {},
		fields=["name as target", "sdg_goal as goal", "short_title"],
	)
	goals_alone = [
		frappe._dict(target="", goal=goal, short_title=_("The goal, no target named"), key=goal)
		for goal in frappe.get_all(
			"SDG Goal", filters={"name": filters.sdg_goal} if filters.get("sdg_goal") else {}, pluck="name"
		)
	]
	rows = []
	for row in goals_alone + targets:
		key = row.pop("key", None) or row.target
		row.recommendations = recommendations.get(key, 0)
		row.actions = actions.get(key, 0)
		if row.recommendations or (row.target and filters.get("include_untouched")):
			rows.append(row)
	# each goal's own row before its targets
	rows.sort(key=lambda row: (natural_key(row.goal), bool(row.target), natural_key(row.target)))
	return columns(), rows, None, chart(rows)


def chart(rows):
	by_goal: dict[str, int] = {}
	for row in rows:
		by_goal[row.goal] = by_goal.get(row.goal, 0) + row.recommendations
	goals = sorted(by_goal, key=natural_key)
	labels = value_labels("sdg_goal", goals)
	return {
		"data": {
			"labels": [labels[goal] for goal in goals],
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
		column("actions", _("Actions", None, "Implementation actions"), "Int", width=100),
	]
