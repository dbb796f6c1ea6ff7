"""/consultations/<name>: one published consultation, every input received and its feedback."""

import frappe
from frappe import _

from nmirf_app.www.consultations.index import INPUT_FIELDS, published_consultations

no_cache = 1


def get_context(context):
	name = frappe.form_dict.get("name") or ""
	found = published_consultations(name) if name else []
	if not found:
		raise frappe.PageDoesNotExistError
	context.consultation = found[0]
	context.title = found[0].title
	context.inputs = frappe.get_all(
		"Consultation Input",
		filters={"parent": name, "parenttype": "Consultation"},
		fields=INPUT_FIELDS,
		order_by="idx asc",
	)
	context.parents = [{"route": "/consultations", "title": _("Consultations")}]
	return context
