"""Whitelisted methods the app overrides (hooks.override_whitelisted_methods)."""

from pathlib import Path

import frappe
from frappe.client import get_count as frappe_get_count
from frappe.utils import get_safe_filters

APP_MODULES = frozenset(
	line.strip() for line in (Path(__file__).parent / "modules.txt").read_text().splitlines() if line.strip()
)


@frappe.whitelist()
@frappe.read_only()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""`frappe.client.get_count` counts with `frappe.db.count`, without any permission check: anyone
	logged in could count, and by probing filters read, the records of another institution. For the
	app's doctypes the count goes through the user's permissions, as the list view's count does;
	other doctypes keep Frappe's behaviour."""
	meta = frappe.get_meta(doctype)
	if meta.module not in APP_MODULES:
		return frappe_get_count(doctype, filters, debug, cache)
	if meta.istable:
		raise frappe.PermissionError
	frappe.has_permission(doctype, "read", throw=True)
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=[f"count(distinct `tab{doctype}`.`name`) as total"],
		order_by=None,
		limit_page_length=0,
	)
	return rows[0].total if rows else 0


@frappe.whitelist()
def get_chart_data(chart_name=None, chart=None, refresh=None, **kwargs):
	"""Frappe caches a dashboard chart's figures under the chart's name, for everybody: a focal
	point would then see the figures last computed for the secretariat. The app's charts are always
	computed for the user asking (one grouped query each)."""
	from frappe.desk.doctype.dashboard_chart.dashboard_chart import get

	name = chart_name or (frappe.parse_json(chart) or {}).get("name")
	if name and frappe.db.get_value("Dashboard Chart", name, "module") in APP_MODULES:
		refresh = 1
	return get(chart_name=chart_name, chart=chart, refresh=refresh, **kwargs)
