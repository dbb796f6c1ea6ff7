"""Export of the implementation matrix with the list's filters and the user's permissions."""

import json

import frappe
from frappe import _
from frappe.desk.utils import provide_binary_file
from frappe.utils import nowdate

from nmirf_app.core.implementation_matrix import write_matrix_xlsx

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
CHILD_VALUES = {
	"themes": ("Recommendation Theme", "theme"),
	"affected_groups": ("Recommendation Affected Group", "affected_group"),
	"sdg_targets": ("Recommendation SDG Target", "sdg_target"),
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
		record.update({table: [] for table in CHILD_VALUES}, supporting_institutions=[])
	names = list(by_name)
	if not names:
		return records
	# children of records the user may read: the parent filter carries the permission
	for table, (child_doctype, link_field) in CHILD_VALUES.items():
		for row in frappe.get_all(
			child_doctype,
			filters={"parenttype": "Recommendation", "parentfield": table, "parent": ("in", names)},
			fields=["parent", link_field],
			order_by="idx asc",
			limit_page_length=0,
		):
			by_name[row.parent][table].append(row[link_field])
	for row in frappe.get_all(
		"Recommendation Institution",
		filters={"parenttype": "Recommendation", "parent": ("in", names), "role": "Supporting"},
		fields=["parent", "institution"],
		order_by="idx asc",
		limit_page_length=0,
	):
		by_name[row.parent]["supporting_institutions"].append(row.institution)
	return records


@frappe.whitelist()
def export_implementation_matrix(filters: str | list | dict | None = None):
	frappe.has_permission("Recommendation", "export", throw=True)
	if isinstance(filters, str):
		filters = json.loads(filters or "[]")
	content = write_matrix_xlsx(matrix_records(filters), title=_("Implementation matrix"))
	provide_binary_file(f"{_('Implementation matrix')} {nowdate()}", "xlsx", content)
