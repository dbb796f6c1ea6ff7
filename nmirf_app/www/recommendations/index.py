"""/recommendations: the published recommendations, searchable and filterable, for everyone."""

from urllib.parse import urlencode

import frappe
from frappe import _

from nmirf_app.portal import PORTAL_FILTERS, published_recommendations

no_cache = 1
STATUSES = ("Not assessed", "Not started", "In progress", "Partially implemented", "Fully implemented")


def get_context(context):
	args = {key: frappe.form_dict.get(key) for key in (*PORTAL_FILTERS, "q", "page")}
	context.update(published_recommendations(args))
	context.args = args
	context.title = _("Recommendations to the State and what it did")
	context.options = {
		"mechanism": frappe.get_all(
			"Human Rights Mechanism", filters={"is_active": 1}, pluck="name", order_by="name"
		),
		"implementation_status": STATUSES,
		"theme": frappe.get_all("Human Rights Theme", pluck="name", order_by="name"),
		"affected_group": frappe.get_all("Affected Group", pluck="name", order_by="name"),
		"sdg_goal": frappe.get_all("SDG Goal", pluck="name", order_by="goal_number asc"),
		"institution": frappe.get_all("Institution", filters={"is_active": 1}, pluck="name", order_by="name"),
	}
	context.labels = {
		"mechanism": _("Mechanism"),
		"implementation_status": _("Status"),
		"theme": _("Theme"),
		"affected_group": _("Affected group"),
		"sdg_goal": _("SDG"),
		"institution": _("Institution"),
	}
	context.query = urlencode({key: value for key, value in args.items() if value and key != "page"})
	return context
