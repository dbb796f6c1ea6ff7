# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The treaty bodies' follow-up procedure: every paragraph flagged for follow-up, its deadline, who
leads it, the latest approved progress and the committee's grade. One query; the user's
permissions on Recommendation apply (a focal point sees their institution's paragraphs)."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from nmirf_app.core.follow_up import days_left, is_overdue, tracker_order
from nmirf_app.report_columns import column
from nmirf_app.utils import as_date


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
		order_by="name asc",  # read in the tracker's order below (undated paragraphs last)
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
	for row in sorted(
		recommendations, key=lambda row: tracker_order(as_date(row.follow_up_deadline), row.name)
	):
		deadline = as_date(row.follow_up_deadline)
		rows.append(
			{
				**row,
				"days_left": days_left(deadline, today, row.implementation_status),
				"overdue": int(is_overdue(deadline, today, row.implementation_status)),
				"latest_progress_on": latest_progress.get(row.name),
			}
		)
	return columns(), rows


def columns():
	return [
		column("name", _("Recommendation"), "Link", options="Recommendation", width=140),
		column("mechanism", _("Mechanism"), width=90),
		column("document_symbol", _("Document"), width=150),
		column("paragraph", _("Paragraph"), width=80),
		column("title", _("Recommendation text"), width=280),
		column("follow_up_deadline", _("Deadline"), "Date", width=110),
		column("days_left", _("Days left"), "Int", width=90),
		column("overdue", _("Overdue"), "Check", width=80),
		column("lead_institution", _("Lead institution"), "Link", options="Institution", width=180),
		column("implementation_status", _("Status"), width=140),
		column("latest_progress_on", _("Latest approved progress"), "Date", width=120),
		column("follow_up_grade", _("Committee grade"), width=90),
	]
