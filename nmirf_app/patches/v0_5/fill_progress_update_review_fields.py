"""Progress updates name their institution's validating authority (the field the "to validate"
notification reads) and what they report on (their title): filled for the updates saved before
these fields existed."""

import frappe


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
	from nmirf_app.implementation.doctype.progress_update.progress_update import reports_on

	for name, recommendation, action in frappe.get_all(
		"Progress Update",
		filters={"reports_on": ("is", "not set")},
		fields=["name", "recommendation", "implementation_action"],
		as_list=True,
	):
		frappe.db.set_value(
			"Progress Update", name, "reports_on", reports_on(recommendation, action), update_modified=False
		)
