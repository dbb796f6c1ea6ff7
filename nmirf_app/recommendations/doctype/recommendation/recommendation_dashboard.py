"""The Recommendation form's Connections: what was reported, assessed and asked about it. Its
actions link through a table (Action Recommendation): the form's "Actions" button lists them."""

from frappe import _


def get_data():
	return {
		"fieldname": "recommendation",
		"transactions": [
			{"label": _("Implementation"), "items": ["Progress Update", "Implementation Assessment"]},
			{"label": _("Reporting"), "items": ["Report Contribution"]},
		],
	}
