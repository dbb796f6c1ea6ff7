# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Everything late, with who owns it: the same deadlines the daily reminders chase
(nmirf_app.implementation.tasks.open_deadlines), kept to the records the user may read."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from nmirf_app.implementation.tasks import open_deadlines
from nmirf_app.report_columns import column, record_columns


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	late, documents = open_deadlines(
		today, late_only=True, doctypes=(filters.document_type,) if filters.get("document_type") else None
	)
	names_by_doctype = defaultdict(list)
	for deadline in late:
		doctype, name = documents[deadline.reference]
		names_by_doctype[doctype].append(name)
	readable = set()
	for doctype, names in names_by_doctype.items():
		if frappe.has_permission(doctype, "read"):
			# one query per kind of record, through the user's permissions
			readable |= {
				(doctype, name)
				for name in frappe.get_list(
					doctype, filters={"name": ("in", names)}, pluck="name", limit_page_length=0
				)
			}
	data = []
	for deadline in sorted(late, key=lambda deadline: (deadline.due_on, deadline.reference)):
		doctype, name = documents[deadline.reference]
		if (doctype, name) not in readable:
			continue
		data.append(
			{
				"reference_doctype": doctype,
				"document": name,
				"title": deadline.title,
				"due_on": deadline.due_on,
				"days_late": (today - deadline.due_on).days,
				"owners": ", ".join(deadline.owners),
				"validator": deadline.validator,
			}
		)
	return columns(), data


def columns():
	return [
		*record_columns(type_width=170),
		column("title", _("What"), width=320),
		column("due_on", _("Due on"), "Date", width=110),
		column("days_late", _("Days late"), "Int", width=90),
		column("owners", _("Owners"), width=260),
		column("validator", _("Escalates to"), "Link", options="User", width=200),
	]
