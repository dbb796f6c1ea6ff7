"""What the app's print formats show beyond the printed document itself, read with the reader's
permissions (frappe.get_list): a recommendation sheet's actions, approved progress and assessments,
an institution's implementation matrix, a State report's status summary. Called from the print
formats' Jinja (hooks: jinja methods); PDFs come from Frappe's own print view."""

import frappe
from frappe.utils import nowdate
from markupsafe import Markup

from nmirf_app.core.plain_text import set_apart_right_to_left_line_ends
from nmirf_app.core.status_rules import STATUSES
from nmirf_app.recommendations.implementation_matrix import matrix_records


def nmirf_recommendation_sheet(name: str) -> dict:
	"""A recommendation's actions, approved progress (on it or on its actions) and assessments."""
	links = frappe.get_list(
		"Action Recommendation",
		filters={"recommendation": name, "parenttype": "Implementation Action"},
		fields=["parent"],
		limit_page_length=0,
		parent_doctype="Implementation Action",
	)
	actions = frappe.get_list(
		"Implementation Action",
		filters={"name": ("in", [link.parent for link in links] or [""])},
		fields=["name", "action_title", "lead_institution", "status", "progress_percent", "end_date"],
		order_by="end_date asc",
		limit_page_length=0,
	)
	about = [["recommendation", "=", name]]
	if actions:  # an empty "in" list would match the updates that name no action
		about.append(["implementation_action", "in", [action.name for action in actions]])
	progress = frappe.get_list(
		"Progress Update",
		filters={"docstatus": 1, "workflow_state": "Approved"},
		or_filters=about,
		fields=["name", "approved_on", "institution", "reported_status", "summary"],
		order_by="approved_on desc",
		limit_page_length=0,
	)
	assessments = frappe.get_list(
		"Implementation Assessment",
		filters={"recommendation": name},
		fields=["voice", "assessed_on", "status", "grade", "grade_meaning", "notes"],
		order_by="assessed_on desc",
		limit_page_length=0,
	)
	return {"actions": actions, "progress": progress, "assessments": assessments}


def nmirf_institution_matrix(institution: str) -> dict:
	"""The recommendations an institution is responsible for, with actions and latest approved
	progress, as the implementation matrix gives them (the reader's permissions apply)."""
	rows = matrix_records([["Recommendation Institution", "institution", "=", institution]])
	return {"rows": rows, "dated": nowdate()}


def nmirf_report_status_summary(state_report: str) -> dict:
	"""How the recommendations a State report covers stand: a count per status, and each one."""
	from nmirf_app.reporting.compilation import recommendations_in_scope

	report = frappe.get_doc("State Report", state_report)
	report.check_permission("read")
	in_scope = recommendations_in_scope(report)
	readable = set(
		frappe.get_list(
			"Recommendation",
			filters={"name": ("in", list(in_scope) or [""])},
			pluck="name",
			limit_page_length=0,
		)
	)
	rows = [row for name, row in in_scope.items() if name in readable]
	counts = {status: 0 for status in STATUSES}
	for row in rows:
		counts[row.status] = counts.get(row.status, 0) + 1
	return {"counts": counts, "total": len(rows), "recommendations": rows}


def nmirf_whole_right_to_left_lines(html: str) -> Markup:
	"""The print formats' block filter: their rendered HTML with the closing punctuation of Arabic
	texts set apart, so that wkhtmltopdf prints whole lines (core.plain_text)."""
	return Markup(set_apart_right_to_left_line_ends(str(html)))
