# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""How far the recommendations are implemented, grouped by mechanism, cluster, institution, theme,
SDG and more: grouped SQL through the user's permissions, pivoted by status."""

import frappe
from frappe import _
from frappe.utils import cint

from nmirf_app.core.status_rules import STATUSES
from nmirf_app.recommendations import tally
from nmirf_app.recommendations.report_filters import visible_condition
from nmirf_app.recommendations.tags import TAG_TABLES
from nmirf_app.recommendations.value_labels import value_labels
from nmirf_app.report_columns import column

# tag DocType -> the field that identifies a tag
TAG_IDENTITY = dict(TAG_TABLES.values())

# group -> (table holding the field, field, link doctype)
GROUPS = {
	"Mechanism": ("Recommendation", "mechanism", "Human Rights Mechanism"),
	"UPR cycle": ("Recommendation", "upr_cycle", None),
	"Document": ("Recommendation", "document_symbol", None),
	"Cluster": ("Recommendation", "cluster", "Recommendation Cluster"),
	"Lead institution": ("Recommendation", "lead_institution", "Institution"),
	"Position": ("Recommendation", "position", None),
	"Status": ("Recommendation", "implementation_status", None),
	"Theme": ("Recommendation Theme", "theme", "Human Rights Theme"),
	"Affected group": ("Recommendation Affected Group", "affected_group", "Affected Group"),
	"SDG": ("Recommendation SDG Target", "sdg_goal", "SDG Goal"),
	"Responsible institution": ("Recommendation Institution", "institution", "Institution"),
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	group = filters.get("group_by") or "Mechanism"
	if group not in GROUPS:
		frappe.throw(_("Group by: choose one of {0}.").format(", ".join(GROUPS)))
	table, field, link = GROUPS[group]
	by_group: dict = {}
	for row in grouped_counts(table, field, filters):
		counts = by_group.setdefault(row.grp or None, dict.fromkeys(STATUSES, 0))
		counts[row.status or "Not assessed"] = (
			counts.get(row.status or "Not assessed", 0) + row.recommendations
		)
	data = []
	for grp, counts in sorted(by_group.items(), key=lambda item: (item[0] is None, str(item[0] or ""))):
		total = sum(counts.values())
		data.append(
			{
				"grp": grp if grp not in (None, "") else _("(none)"),
				"total": total,
				**{frappe.scrub(status): counts[status] for status in STATUSES},
				"implemented_percent": round(100 * counts["Fully implemented"] / total, 1) if total else 0,
				"under_way_percent": round(
					100
					* (counts["Partially implemented"] + counts["Fully implemented"] + counts["In progress"])
					/ total,
					1,
				)
				if total
				else 0,
			}
		)
	if cint(filters.get("largest")) > 0:
		# the workspace's charts show the largest groups, biggest first
		data = sorted(data, key=lambda row: -row["total"])[: cint(filters.largest)]
	return columns(group, link), data, None, chart(data, group)


def grouped_counts(table, field, filters):
	"""Recommendations per group and status: from the Recommendation Tally when it can answer (the
	whole State, filtered on its dimensions, for someone who may read it all), else live."""
	with_untagged = cint(filters.get("untagged", 1))
	if tally.answers(filters):
		if table != "Recommendation":
			return tally.grouped_counts("tag", filters, tag_type=table, with_untagged=with_untagged)
		if field in tally.DIMENSION_FILTERS:
			return tally.grouped_counts(field, filters)
	# SQL text, not frappe.qb: Frappe's permission conditions and the filters are spliced in (visible_condition)
	visible = visible_condition(filters)
	if table == "Recommendation":
		return frappe.db.sql(
			f"""select `{field}` as grp, implementation_status as status, count(*) as recommendations
			from `tabRecommendation` where {visible} group by grp, status""",
			{},
			as_dict=True,
		)
	return tag_counts(table, field, visible, with_untagged)


def tag_counts(table, field, visible, with_untagged=True):
	"""Counts by tag and status of the recommendations the condition keeps, then of those with no
	tag at all."""
	# a recommendation has each theme, group, target or institution once, but may have two targets
	# of one SDG goal
	one_row_each = TAG_IDENTITY[table] == field
	count = "count(*)" if one_row_each else "count(distinct tag.parent)"
	tagged = frappe.db.sql(
		f"""select tag.`{field}` as grp, `tabRecommendation`.implementation_status as status,
			{count} as recommendations
		from `tab{table}` tag join `tabRecommendation` on `tabRecommendation`.name = tag.parent
		where tag.parenttype = 'Recommendation' and {visible} group by grp, status""",
		{},
		as_dict=True,
	)
	if not with_untagged:
		return tagged
	untagged = frappe.db.sql(
		f"""select null as grp, implementation_status as status, count(*) as recommendations
		from `tabRecommendation` where {visible} and not exists (select 1 from `tab{table}` tag
			where tag.parent = `tabRecommendation`.name and tag.parenttype = 'Recommendation')
		group by status""",
		{},
		as_dict=True,
	)
	return tagged + untagged


# groups whose values are the app's own words, shown translated as a Select's are
WORD_GROUPS = frozenset({"Position", "Status"})
# group -> the key its values are labelled by (value_labels)
LABELLED_GROUPS = {"Mechanism": "mechanism", "SDG": "sdg_goal", "Lead institution": "institution"}


def columns(group, link):
	fieldtype = "Link" if link else "Select" if group in WORD_GROUPS else "Data"
	return [
		column("grp", _(group), fieldtype, options=link, width=240),
		column("total", _("Recommendations"), "Int", width=130),
		*(column(frappe.scrub(status), _(status), "Int", width=120) for status in STATUSES),
		column("implemented_percent", _("% fully implemented"), "Percent", width=140),
		column("under_way_percent", _("% under way or done"), "Percent", width=140),
	]


def chart(data, group):
	"""The largest groups by status, each group and status named in the reader's language."""
	groups = [str(row["grp"]) for row in data[:25]]
	labels = value_labels(LABELLED_GROUPS.get(group, frappe.scrub(group)), groups)
	return {
		"data": {
			"labels": [labels[grp] for grp in groups],
			"datasets": [
				{"name": _(status), "values": [row[frappe.scrub(status)] for row in data[:25]]}
				for status in STATUSES
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}
