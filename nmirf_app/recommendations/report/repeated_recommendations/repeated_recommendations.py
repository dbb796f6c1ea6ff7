# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Recommendations asked again and again: each group of repeats (nmirf_app/core/repeats.py) once,
by its latest recommendation — "asked 4 times since UPR cycle 1, by 9 States, still Not started".
Only recommendations the user may read (and the filters keep) are counted or linked."""

import frappe
from frappe import _

from nmirf_app.core.repeats import AskedRecommendation, repeat_groups
from nmirf_app.recommendations.report_filters import visible_condition
from nmirf_app.report_columns import column


def execute(filters=None):
	# SQL text, not frappe.qb: Frappe's permission conditions and the filters are spliced in (visible_condition)
	visible = visible_condition(frappe._dict(filters or {}))
	links = frappe.db.sql(
		f"""select rr.parent, rr.repeats from `tabRecommendation Repeat` rr
		join `tabRecommendation` on `tabRecommendation`.name = rr.parent
		where rr.parenttype = 'Recommendation' and {visible}""",
		{},
	)
	names = sorted({name for link in links for name in link})
	if not names:
		return columns(), [], _("No recommendation is marked as repeating another yet.")
	rows = frappe.db.sql(
		f"""select name, title, mechanism, upr_cycle, year, implementation_status
		from `tabRecommendation` where name in %(names)s and {visible}""",
		{"names": names},
		as_dict=True,
	)
	states = {}
	for parent, country in frappe.db.sql(
		"""select parent, country from `tabRecommendation Recommending State`
		where parenttype = 'Recommendation' and parent in %(names)s""",
		{"names": [row.name for row in rows] or [""]},
	):
		states.setdefault(parent, []).append(country)
	asked = {
		row.name: AskedRecommendation(
			row.name,
			row.mechanism or "",
			row.upr_cycle,
			row.year,
			row.implementation_status or "",
			tuple(states.get(row.name, ())),
		)
		for row in rows
	}
	titles = {row.name: row.title for row in rows}
	data = [
		{
			"recommendation": group.latest.name,
			"title": titles[group.latest.name],
			"times_asked": group.times_asked,
			"since": since(group.first),
			"recommending_states": len(group.recommending_states),
			"mechanisms": ", ".join(group.mechanisms),
			"implementation_status": _(group.latest.status),
			"earlier": ", ".join(member.name for member in group.earlier),
			"summary": summary(group),
		}
		for group in repeat_groups(asked, links)
	]
	return columns(), data


def since(recommendation: AskedRecommendation) -> str:
	if recommendation.upr_cycle:
		return _("UPR cycle {0}").format(recommendation.upr_cycle)
	return str(recommendation.year or "")


def summary(group) -> str:
	states = len(group.recommending_states)
	sentence = (
		_("Asked {0} times since {1}, by {2} States; still {3}")
		if states
		else _("Asked {0} times since {1}; still {3}")
	)
	return sentence.format(group.times_asked, since(group.first), states, _(group.latest.status))


def columns():
	return [
		column("recommendation", _("Latest recommendation"), "Link", options="Recommendation", width=170),
		column("title", _("Title"), width=300),
		column("summary", _("In a sentence"), width=360),
		column("times_asked", _("Times asked"), "Int", width=100),
		column("since", _("Since"), width=110),
		column("recommending_states", _("Recommending States"), "Int", width=120),
		column("mechanisms", _("Mechanisms"), width=140),
		column("implementation_status", _("Status"), width=140),
		column("earlier", _("Earlier recommendations"), width=260),
	]
