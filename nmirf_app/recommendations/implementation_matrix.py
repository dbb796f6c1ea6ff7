"""Export of the implementation matrix with the list's filters and the user's permissions."""

import json

import frappe
from frappe import _
from frappe.desk.utils import provide_binary_file
from frappe.utils import nowdate, strip_html

from nmirf_app.core.implementation_matrix import write_matrix_xlsx
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


def matrix_records(filters=None) -> list[dict]:
	"""Recommendations the current user may read (permission query applies), with their child
	values fetched in one query per table."""
	records = frappe.get_list(
		"Recommendation",
		filters=filters or [],
		fields=list(MATRIX_FIELDS),
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
		or_filters=[["recommendation", "in", names], ["implementation_action", "in", list(actions) or [""]]],
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
