# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The treaty bodies' follow-up procedure: every paragraph flagged for follow-up, its deadline, who
leads it, the latest approved progress and the committee's grade. One query; the user's
permissions on Recommendation apply (a focal point sees their institution's paragraphs)."""

import frappe
from frappe import _
from frappe.utils import date_diff, getdate, nowdate


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	conditions = {"follow_up_required": 1}
	if filters.get("mechanism"):
		conditions["mechanism"] = filters.mechanism
	if filters.get("document_symbol"):
		conditions["document_symbol"] = filters.document_symbol
	if filters.get("overdue_only"):
		conditions["follow_up_deadline"] = ("<", today)
		conditions["implementation_status"] = ("!=", "Fully implemented")
	recommendations = frappe.get_list(
		"Recommendation",
		filters=conditions,
		fields=[
			"name",
			"mechanism",
			"document_symbol",
			"paragraph",
			"title",
			"follow_up_deadline",
			"lead_institution",
			"implementation_status",
			"follow_up_grade",
		],
		order_by="follow_up_deadline asc, name asc",
		limit_page_length=0,
	)
	latest_progress = dict(
		frappe.get_all(
			"Progress Update",
			filters={
				"docstatus": 1,
				"workflow_state": "Approved",
				"recommendation": ("in", [row.name for row in recommendations] or [""]),
			},
			fields=["recommendation", "max(approved_on) as approved_on"],
			group_by="recommendation",
			as_list=True,
		)
	)
	rows = []
	for row in recommendations:
		deadline = row.follow_up_deadline
		rows.append(
			{
				**row,
				"days_left": date_diff(deadline, today) if deadline else None,
				"overdue": int(
					bool(deadline)
					and getdate(deadline) < today
					and row.implementation_status != "Fully implemented"
				),
				"latest_progress_on": latest_progress.get(row.name),
			}
		)
	return columns(), rows


def columns():
	return [
		{
			"fieldname": "name",
			"label": _("Recommendation"),
			"fieldtype": "Link",
			"options": "Recommendation",
			"width": 140,
		},
		{"fieldname": "mechanism", "label": _("Mechanism"), "fieldtype": "Data", "width": 90},
		{"fieldname": "document_symbol", "label": _("Document"), "fieldtype": "Data", "width": 150},
		{"fieldname": "paragraph", "label": _("Paragraph"), "fieldtype": "Data", "width": 80},
		{"fieldname": "title", "label": _("Recommendation text"), "fieldtype": "Data", "width": 280},
		{"fieldname": "follow_up_deadline", "label": _("Deadline"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_left", "label": _("Days left"), "fieldtype": "Int", "width": 90},
		{"fieldname": "overdue", "label": _("Overdue"), "fieldtype": "Check", "width": 80},
		{
			"fieldname": "lead_institution",
			"label": _("Lead institution"),
			"fieldtype": "Link",
			"options": "Institution",
			"width": 180,
		},
		{"fieldname": "implementation_status", "label": _("Status"), "fieldtype": "Data", "width": 140},
		{
			"fieldname": "latest_progress_on",
			"label": _("Latest approved progress"),
			"fieldtype": "Date",
			"width": 120,
		},
		{"fieldname": "follow_up_grade", "label": _("Committee grade"), "fieldtype": "Data", "width": 90},
	]
