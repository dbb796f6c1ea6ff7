"""The Implementation Plan form's Connections: its actions."""

from frappe import _


def get_data():
	return {
		"fieldname": "implementation_plan",
		"transactions": [
			{"label": _("Actions", None, "Implementation actions"), "items": ["Implementation Action"]}
		],
	}
