"""Export of the implementation matrix with the list's filters and the user's permissions."""

import json
import re
from collections import Counter

import frappe
from frappe import _
from frappe.desk.utils import provide_binary_file
from frappe.utils import getdate, nowdate, strip_html

from nmirf_app.core.assessment_cell import assessment_cell
from nmirf_app.core.implementation_matrix import write_matrix_xlsx
from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.thematic_matrix import (
	ThematicMatrixRow,
	write_thematic_matrix_docx,
	write_thematic_matrix_xlsx,
)
from nmirf_app.recommendations.tags import TAG_TABLES, sdg_label

MATRIX_FIELDS = (
	"name",
	"recommendation_text",
	"mechanism",
	"document_symbol",
	"paragraph",
	"document_date",
	"upr_cycle",
	"position",
	"cluster",
	"lead_institution",
	"priority",
	"implementation_status",
)
# the tag tables (institutions have columns of their own) and, for UPR, the recommending States
CHILD_VALUES = {
	**{table: tag for table, tag in TAG_TABLES.items() if table != "responsible_institutions"},
	"recommending_states": ("Recommendation Recommending State", "country"),
}


def matrix_records(filters=None, extra_fields: tuple[str, ...] = ()) -> list[dict]:
	"""Recommendations the current user may read (permission query applies), with their child
	values fetched in one query per table."""
	records = frappe.get_list(
		"Recommendation",
		filters=filters or [],
		fields=[*MATRIX_FIELDS, *extra_fields],
		order_by="mechanism asc, document_date asc, name asc",
		limit_page_length=0,
	)
	by_name = {record.name: record for record in records}
	for record in records:
		record.update(
			{table: [] for table in CHILD_VALUES}, supporting_institutions=[], actions=[], latest_progress=""
		)
	names = list(by_name)
	if not names:
		return records
	# children of records the user may read: the parent filter carries the permission
	for table, (child_doctype, link_field) in CHILD_VALUES.items():
		for row in frappe.get_all(
			child_doctype,
			filters={"parenttype": "Recommendation", "parentfield": table, "parent": ("in", names)},
			fields=["parent", link_field, *(["sdg_goal"] if table == "sdg_targets" else [])],
			order_by="idx asc",
			limit_page_length=0,
		):
			by_name[row.parent][table].append(sdg_label(row) if table == "sdg_targets" else row[link_field])
	for row in frappe.get_all(
		"Recommendation Institution",
		filters={"parenttype": "Recommendation", "parent": ("in", names), "role": "Supporting"},
		fields=["parent", "institution"],
		order_by="idx asc",
		limit_page_length=0,
	):
		by_name[row.parent]["supporting_institutions"].append(row.institution)
	add_actions_and_progress(by_name)
	return records


def add_actions_and_progress(by_name: dict):
	"""Each recommendation's actions (with status) and its latest approved progress update, whether
	reported on the recommendation itself or on one of its actions."""
	names = list(by_name)
	links = frappe.get_all(
		"Action Recommendation",
		filters={"parenttype": "Implementation Action", "recommendation": ("in", names)},
		fields=["parent", "recommendation"],
		limit_page_length=0,
	)
	actions = {
		action.name: action
		for action in frappe.get_all(
			"Implementation Action",
			filters={"name": ("in", sorted({link.parent for link in links}) or [""])},
			fields=["name", "action_title", "status", "progress_percent"],
			limit_page_length=0,
		)
	}
	recommendations_of_action = {}
	for link in links:
		recommendations_of_action.setdefault(link.parent, []).append(link.recommendation)
		action = actions.get(link.parent)
		if action:
			by_name[link.recommendation]["actions"].append(
				f"{action.action_title} ({_(action.status)}, {int(action.progress_percent or 0)}%)"
			)
	for update in frappe.get_all(
		"Progress Update",
		filters={"docstatus": 1, "workflow_state": "Approved"},
		# an empty "in" list would match every update that names no action
		or_filters=[["recommendation", "in", names]]
		+ ([["implementation_action", "in", list(actions)]] if actions else []),
		fields=["recommendation", "implementation_action", "approved_on", "summary", "institution"],
		order_by="approved_on asc, creation asc",
		limit_page_length=0,
	):
		text = f"{update.approved_on} — {update.institution}: {strip_html(update.summary or '').strip()}"
		for name in {update.recommendation, *recommendations_of_action.get(update.implementation_action, [])}:
			if name in by_name:
				by_name[name]["latest_progress"] = text  # ascending order: the last one wins


@frappe.whitelist()
def export_implementation_matrix(filters: str | list | dict | None = None):
	frappe.has_permission("Recommendation", "export", throw=True)
	if isinstance(filters, str):
		filters = json.loads(filters or "[]")
	content = write_matrix_xlsx(matrix_records(filters), title=_("Implementation matrix"))
	provide_binary_file(f"{_('Implementation matrix')} {nowdate()}", "xlsx", content)


def thematic_matrix_rows(filters=None) -> tuple[dict, list]:
	"""The UPR recommendations of one cycle the user may read, as rows of OHCHR's thematic-list
	layout, and what its page header says (State, cycle, session, report). The assessment column
	holds the State's latest assessment of each recommendation or, when it has none, its latest
	approved progress under its status: what a voluntary mid-term report annexes."""
	records = matrix_records(
		[*normalised_filters(filters), ["Recommendation", "mechanism", "=", "UPR"]],
		extra_fields=("position_source", "session", "state_under_review"),
	)
	cycles = Counter(record.upr_cycle for record in records if record.upr_cycle)
	if not records:
		frappe.throw(
			_("No UPR recommendation you may read matches these filters."), title=_("Nothing to export")
		)
	if not cycles:
		frappe.throw(
			_("These UPR recommendations have no UPR cycle: set it, then export again."),
			title=_("Choose one UPR cycle"),
		)
	if len(cycles) > 1:
		frappe.throw(
			_(
				"The thematic list is one review's list: filter the UPR recommendations of one cycle (these are of cycles {0})."
			).format(", ".join(str(cycle) for cycle in sorted(cycles))),
			title=_("Choose one UPR cycle"),
		)
	names = [record.name for record in records]
	latest_assessment = {}
	for row in frappe.get_all(
		"Implementation Assessment",
		filters={"recommendation": ("in", names), "voice": "Government"},
		fields=["recommendation", "status", "assessed_on", "notes"],
		order_by="assessed_on asc, creation asc",
		limit_page_length=0,
	):
		latest_assessment[row.recommendation] = row  # ascending: the last one wins
	rows = []
	for record in records:
		assessment = latest_assessment.get(record.name)
		if assessment:
			notes = plain_text(assessment.notes)
			cell = assessment_cell(assessment.status, getdate(assessment.assessed_on), notes)
		elif record.latest_progress and record.implementation_status not in ("", None, "Not assessed"):
			cell = assessment_cell(record.implementation_status, None, record.latest_progress)
		else:
			cell = ""
		rows.append(
			ThematicMatrixRow(
				paragraph=record.paragraph or "",
				text=record.recommendation_text or "",
				position=record.position or "",
				position_source=record.position_source or "",
				themes=record.themes,
				affected_groups=record.affected_groups,
				sdg_goals=goal_numbers(record.sdg_targets),
				assessment=cell,
			)
		)
	sessions = Counter(record.session for record in records if record.session)
	symbols = Counter(record.document_symbol for record in records if record.document_symbol)
	header = {
		"state": frappe.db.get_single_value("NMIRF Settings", "state")
		or Counter(record.state_under_review for record in records).most_common(1)[0][0],
		"cycle": next(iter(cycles), None),
		"session": session_number(sessions.most_common(1)[0][0]) if sessions else None,
		"report_symbol": symbols.most_common(1)[0][0] if symbols else "",
	}
	return header, rows


def goal_numbers(sdg_labels: list[str]) -> list[int]:
	"""The goals of a recommendation's SDG labels ("16.3", "SDG 5"), each once, in order."""
	return list(dict.fromkeys(int(label.split()[-1].split(".")[0]) for label in sdg_labels))


def session_number(session: str) -> int | None:
	"""The session as a number: UHRI writes "38", the thematic lists "38th Session"."""
	digits = re.search(r"\d+", str(session))
	return int(digits.group()) if digits else None


def normalised_filters(filters) -> list:
	if isinstance(filters, str):
		filters = json.loads(filters or "[]")
	if isinstance(filters, dict):
		return [["Recommendation", field, "=", value] for field, value in filters.items()]
	return list(filters or [])


@frappe.whitelist()
def export_thematic_matrix(filters: str | list | dict | None = None, file_format: str = "docx"):
	"""The UPR implementation matrix in OHCHR's thematic-list layout (DOCX or XLSX)."""
	frappe.has_permission("Recommendation", "export", throw=True)
	if file_format not in ("docx", "xlsx"):
		frappe.throw(_("Choose DOCX or XLSX."))
	header, rows = thematic_matrix_rows(filters)
	write = write_thematic_matrix_docx if file_format == "docx" else write_thematic_matrix_xlsx
	content = write(rows, **header)
	provide_binary_file(
		_("UPR implementation matrix, cycle {0} {1}").format(header["cycle"], nowdate()), file_format, content
	)
