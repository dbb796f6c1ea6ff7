"""Progress updates name their institution's validating authority (the field the "to validate"
notification reads) and what they report on (their title): filled for the updates saved before
these fields existed."""

import frappe

from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.references import reference_with_title


def execute():
	update = frappe.qb.DocType("Progress Update")
	institution = frappe.qb.DocType("Institution")
	(
		frappe.qb.update(update)
		.join(institution)
		.on(institution.name == update.institution)
		.set(update.validator, institution.validating_authority)
		.where(update.validator.isnull())
		.run()
	)
	updates = frappe.get_all(
		"Progress Update",
		filters={"reports_on": ("is", "not set")},
		fields=["name", "recommendation", "implementation_action"],
	)
	# the titles in two queries, not two per update (a State holds tens of thousands of updates)
	titles = {
		**titles_of("Recommendation", "title", {row.recommendation for row in updates}),
		**titles_of("Implementation Action", "action_title", {row.implementation_action for row in updates}),
	}
	for row in updates:
		subject = row.recommendation or row.implementation_action
		text = reference_with_title(subject, plain_text(titles.get(subject)))
		frappe.db.set_value("Progress Update", row.name, "reports_on", text, update_modified=False)


def titles_of(doctype: str, field: str, names: set) -> dict[str, str]:
	names = sorted(name for name in names if name)
	return (
		dict(frappe.get_all(doctype, {"name": ("in", names)}, ["name", field], as_list=True)) if names else {}
	)
