"""/consultations: the consultations whose feedback the NMIRF published, and /consultations/<name>
each input received and how it was taken into account — the feedback loop OHCHR's guide asks
NMIRFs to close. Only published consultations, and only the fields meant for the public: never a
participant's name or contact, never the minutes or their file."""

import frappe
from frappe import _

LIST_FIELDS = [
	"name",
	"title",
	"consultation_type",
	"status",
	"consultation_date",
	"end_date",
	"state_report",
	"cluster",
	"theme",
	"region",
]
INPUT_FIELDS = ["source", "input_summary", "response", "feedback"]

no_cache = 1


def published_consultations(name: str | None = None) -> list:
	if not frappe.db.get_single_value("NMIRF Settings", "portal_enabled"):
		raise frappe.PageDoesNotExistError
	filters = {"published": 1, "status": ("!=", "Cancelled")}
	if name:
		filters["name"] = name
	consultations = frappe.get_all(
		"Consultation",
		filters=filters,
		fields=LIST_FIELDS,
		order_by="consultation_date desc, name desc",
		limit_page_length=200,
	)
	reports = dict(
		frappe.get_all(
			"State Report",
			filters={"name": ("in", [row.state_report for row in consultations if row.state_report] or [""])},
			fields=["name", "title"],
			as_list=True,
		)
	)
	for row in consultations:
		row.report_title = reports.get(row.state_report)
		row.about = row.report_title or row.cluster or row.theme or ""
		row.organisations = taking_part(row.name)
	return consultations


def taking_part(consultation: str) -> dict:
	"""Who took part, as organisations: the institutions by name, everyone else counted by kind
	(a person's name is never published)."""
	institutions, others = [], {}
	for row in frappe.get_all(
		"Consultation Participant",
		filters={"parent": consultation, "parenttype": "Consultation", "attended": 1},
		fields=["participant_type", "institution"],
		order_by="idx asc",
	):
		if row.institution:
			institutions.append(row.institution)
		else:
			others[row.participant_type or "Other"] = others.get(row.participant_type or "Other", 0) + 1
	return {"institutions": list(dict.fromkeys(institutions)), "others": others}


def get_context(context):
	context.title = _("Consultations and what became of what was said")
	context.consultations = published_consultations()
	return context
