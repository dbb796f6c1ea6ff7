# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""What is due in the coming months and what is overdue, mechanism by mechanism, with the report
being prepared for it. The dates come from nmirf_app.core.reporting_cycles."""

import frappe
from frappe import _
from frappe.utils import cint, getdate, nowdate

from nmirf_app.core.reporting_cycles import UPR_MID_TERM_REPORT, upcoming_reports
from nmirf_app.report_columns import column
from nmirf_app.reporting.doctype.state_report.state_report import CALENDAR_REPORTS


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	horizon = cint(filters.get("horizon_months")) or 24
	obligation_filters = {"is_active": 1}
	if filters.get("mechanism_type"):
		obligation_filters["mechanism_type"] = filters.mechanism_type
	obligations = {
		doc.mechanism: doc
		for doc in (
			frappe.get_doc("Reporting Obligation", name)
			for name in frappe.get_list("Reporting Obligation", filters=obligation_filters, pluck="name")
		)
	}
	in_preparation = reports_in_preparation()
	rows = []
	for upcoming in upcoming_reports(
		[doc.as_core_obligation() for doc in obligations.values()], today, horizon_months=horizon
	):
		mechanism = upcoming.obligation.mechanism
		if filters.get("overdue_only") and not upcoming.overdue:
			continue
		kind = "mid-term" if upcoming.report_type == UPR_MID_TERM_REPORT else "calendar"
		report = in_preparation.get((mechanism, kind))
		rows.append(
			{
				"due_on": upcoming.due_on,
				"mechanism": mechanism,
				"mechanism_title": obligations[mechanism].mechanism_title,
				"report_type": upcoming.report_type,
				"procedure": upcoming.obligation.procedure,
				"days_until_due": (upcoming.due_on - today).days,
				"overdue": int(upcoming.overdue),
				"state_report": report.name if report else None,
				"stage": report.workflow_state if report else None,
			}
		)
	return columns(), rows


def reports_in_preparation() -> dict:
	"""The open report (not yet submitted) per mechanism, the latest one when there are several;
	only those the user may read."""
	found = {}
	if not frappe.has_permission("State Report", "read"):
		return found
	for report in frappe.get_list(
		"State Report",
		filters={"submitted_on": ("is", "not set"), "mechanism": ("is", "set")},
		fields=["name", "mechanism", "report_type", "workflow_state"],
		order_by="creation asc",
	):
		if report.report_type in CALENDAR_REPORTS:
			found[(report.mechanism, "calendar")] = report
		elif report.report_type == UPR_MID_TERM_REPORT:
			found[(report.mechanism, "mid-term")] = report
	return found


def columns():
	return [
		column("due_on", _("Due on"), "Date", width=110),
		column("mechanism", _("Mechanism"), "Link", options="Human Rights Mechanism", width=100),
		column("mechanism_title", _("Mechanism name"), width=240),
		column("report_type", _("Report"), width=180),
		column("procedure", _("Procedure"), width=140),
		column("days_until_due", _("Days until due"), "Int", width=110),
		column("overdue", _("Overdue"), "Check", width=80),
		column("state_report", _("Report in preparation"), "Link", options="State Report", width=160),
		column("stage", _("Stage"), width=140),
	]
