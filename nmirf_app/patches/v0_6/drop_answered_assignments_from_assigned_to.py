"""Answered assignments used to close their ToDo without Frappe's bookkeeping, so a
recommendation's "Assigned To" kept naming focal points who had long answered. It now names
exactly the people with an open ToDo on it."""

import json

import frappe


def execute():
	open_by_recommendation: dict[str, list[str]] = {}
	for todo in frappe.get_all(
		"ToDo",
		filters={"reference_type": "Recommendation", "status": "Open"},
		fields=["reference_name", "allocated_to"],
		order_by="creation asc",
	):
		people = open_by_recommendation.setdefault(todo.reference_name, [])
		if todo.allocated_to not in people:
			people.append(todo.allocated_to)
	for row in frappe.get_all(
		"Recommendation", filters={"_assign": ("is", "set")}, fields=["name", "_assign"]
	):
		current = json.loads(row._assign or "[]")
		wanted = open_by_recommendation.get(row.name, [])
		if sorted(current) != sorted(wanted):
			frappe.db.set_value(
				"Recommendation",
				row.name,
				"_assign",
				json.dumps(wanted) if wanted else None,
				update_modified=False,
			)
