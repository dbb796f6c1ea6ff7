"""/submissions: what civil society and the NHRI sent, and what the NMIRF did with it. Only decided
(published) submissions, and only the fields meant for the public: never the contact person, the
e-mail, the attachment or the text of undecided input."""

import frappe
from frappe import _

PUBLIC_FIELDS = [
	"name",
	"organisation",
	"submitter_type",
	"subject",
	"recommendation",
	"workflow_state",
	"public_reason",
	"moderated_on",
]

no_cache = 1


def get_context(context):
	if not frappe.db.get_single_value("NMIRF Settings", "portal_enabled"):
		raise frappe.PageDoesNotExistError
	context.title = _("Inputs from civil society and the national human rights institution")
	context.submissions = frappe.get_all(
		"Stakeholder Submission",
		filters={"published": 1},
		fields=PUBLIC_FIELDS,
		order_by="moderated_on desc, name desc",
		limit_page_length=200,
	)
	# a recommendation is named only when it is itself published
	published = set(
		frappe.get_all(
			"Recommendation",
			filters={
				"name": (
					"in",
					[row.recommendation for row in context.submissions if row.recommendation] or [""],
				),
				"published": 1,
			},
			pluck="name",
		)
	)
	for row in context.submissions:
		if row.recommendation not in published:
			row.recommendation = None
	return context
