# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""How far the recommendations are implemented, grouped by mechanism, cluster, institution, theme,
SDG and more: one grouped query through the user's permissions, pivoted by status."""

import frappe
from frappe import _

from nmirf_app.recommendations.report_filters import recommendation_filters

STATUSES = ("Not assessed", "Not started", "In progress", "Partially implemented", "Fully implemented")
# group -> (SQL field, label, link doctype)
GROUPS = {
	"Mechanism": ("`tabRecommendation`.`mechanism`", "Human Rights Mechanism"),
	"UPR cycle": ("`tabRecommendation`.`upr_cycle`", None),
	"Document": ("`tabRecommendation`.`document_symbol`", None),
	"Cluster": ("`tabRecommendation`.`cluster`", "Recommendation Cluster"),
	"Lead institution": ("`tabRecommendation`.`lead_institution`", "Institution"),
	"Position": ("`tabRecommendation`.`position`", None),
	"Theme": ("`tabRecommendation Theme`.`theme`", "Human Rights Theme"),
	"Affected group": ("`tabRecommendation Affected Group`.`affected_group`", "Affected Group"),
	"SDG": ("`tabRecommendation SDG Target`.`sdg_goal`", "SDG Goal"),
	"Responsible institution": ("`tabRecommendation Institution`.`institution`", "Institution"),
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	group = filters.get("group_by") or "Mechanism"
	if group not in GROUPS:
		frappe.throw(_("Group by: choose one of {0}.").format(", ".join(GROUPS)))
	field, link = GROUPS[group]
	conditions = recommendation_filters(filters)
	# joined child tables repeat a recommendation once per row: only then count distinct names
	joins_children = "`tabRecommendation`" not in field or any(
		row[0] != "Recommendation" for row in conditions
	)
	count = "count(distinct `tabRecommendation`.`name`)" if joins_children else "count(*)"
	rows = frappe.get_list(
		"Recommendation",
		filters=conditions,
		fields=[
			f"{field} as grp",
			"`tabRecommendation`.`implementation_status` as status",
			f"{count} as recommendations",
		],
		group_by="grp, status",
		order_by="grp asc",
		limit_page_length=0,
	)
	by_group: dict = {}
	for row in rows:
		counts = by_group.setdefault(row.grp, dict.fromkeys(STATUSES, 0))
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
	return columns(group, link), data, None, chart(data)


def columns(group, link):
	return [
		{
			"fieldname": "grp",
			"label": _(group),
			"fieldtype": "Link" if link else "Data",
			"options": link,
			"width": 240,
		},
		{"fieldname": "total", "label": _("Recommendations"), "fieldtype": "Int", "width": 130},
		*(
			{"fieldname": frappe.scrub(status), "label": _(status), "fieldtype": "Int", "width": 120}
			for status in STATUSES
		),
		{
			"fieldname": "implemented_percent",
			"label": _("% fully implemented"),
			"fieldtype": "Percent",
			"width": 140,
		},
		{
			"fieldname": "under_way_percent",
			"label": _("% under way or done"),
			"fieldtype": "Percent",
			"width": 140,
		},
	]


def chart(data):
	return {
		"data": {
			"labels": [str(row["grp"]) for row in data[:25]],
			"datasets": [
				{"name": _(status), "values": [row[frappe.scrub(status)] for row in data[:25]]}
				for status in STATUSES
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}
