"""Progress updates name their institution's validating authority (the field the "to validate"
notification reads): filled for the updates saved before the field existed."""

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
