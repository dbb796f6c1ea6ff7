"""/recommendations: the published recommendations, searchable and filterable, for everyone."""

from urllib.parse import urlencode

import frappe
from frappe import _

from nmirf_app.portal import QUERY_KEYS, published_choices, published_recommendations
from nmirf_app.recommendations.value_labels import value_labels

no_cache = 1


def get_context(context):
	args = {key: frappe.form_dict.get(key) for key in (*QUERY_KEYS, "page")}
	context.update(published_recommendations(args))
	context.args = args
	context.title = _("Recommendations to the State and what it did")
	context.choices = filter_choices(published_choices())
	context.labels = {
		"mechanism": _("Mechanism"),
		"implementation_status": _("Status"),
		"upr_cycle": _("UPR cycle"),
		"theme": _("Theme"),
		"affected_group": _("Affected group"),
		"sdg_goal": _("SDG"),
		"sdg_target": _("SDG target"),
		"institution": _("Institution"),
	}
	context.query = urlencode({key: value for key, value in args.items() if value and key != "page"})
	return context


def filter_choices(values: dict[str, list]) -> dict[str, list[tuple[str, str]]]:
	"""(value, label) of each filter's choices, labelled in the visitor's language."""
	labelled = {}
	for key, options in values.items():
		labels = value_labels(key, options)
		labelled[key] = [(str(option), labels[str(option)]) for option in options]
	return labelled
