"""The filters every recommendation report offers (mechanism, cycle or document, theme, group, SDG,
institution, cluster, position, period), and the SQL that applies them with the user's permissions.

Reports and the portal aggregate over a whole State's recommendations (up to UHRI's 250,000), so
the filters become one WHERE clause on `tabRecommendation`: tags are `exists` subqueries rather
than joins (no duplicated rows, no `distinct`, which also made Frappe drop the ORDER BY), and the
permission conditions are Frappe's own (`DatabaseQuery.build_match_conditions`, which runs the
app's permission_query_conditions hooks) — empty for a user who may read every recommendation."""

import frappe
from frappe import _
from frappe.model.db_query import DatabaseQuery

RECOMMENDATION = "Recommendation"
# The condition of a user who may read every recommendation and asked for no filter: queries can
# then read the tag tables alone.
EVERYTHING = "1 = 1"
# report filter -> (doctype holding the field, field)
FILTER_FIELDS = {
	"mechanism": (RECOMMENDATION, "mechanism"),
	"upr_cycle": (RECOMMENDATION, "upr_cycle"),
	"document_symbol": (RECOMMENDATION, "document_symbol"),
	"cluster": (RECOMMENDATION, "cluster"),
	"position": (RECOMMENDATION, "position"),
	"implementation_status": (RECOMMENDATION, "implementation_status"),
	"theme": ("Recommendation Theme", "theme"),
	"affected_group": ("Recommendation Affected Group", "affected_group"),
	"sdg_goal": ("Recommendation SDG Target", "sdg_goal"),
	"institution": ("Recommendation Institution", "institution"),
}
# report filter -> the comparison it makes with the recommendation's document date
PERIOD_FILTERS = {"from_date": ">=", "to_date": "<="}


def filter_condition(filters: dict | None) -> str:
	"""The report filters as one SQL condition on `tabRecommendation` (values escaped inline)."""
	filters = frappe._dict(filters or {})
	conditions = []
	for key, (doctype, field) in FILTER_FIELDS.items():
		if not filters.get(key):
			continue
		value = frappe.db.escape(filters[key], percent=False)
		if doctype == RECOMMENDATION:
			conditions.append(f"`tabRecommendation`.`{field}` = {value}")
		else:
			conditions.append(
				f"""exists (select 1 from `tab{doctype}` tag where tag.parent = `tabRecommendation`.`name`
				and tag.parenttype = 'Recommendation' and tag.`{field}` = {value})"""
			)
	for key, comparison in PERIOD_FILTERS.items():
		if filters.get(key):
			conditions.append(
				f"`tabRecommendation`.`document_date` {comparison} {frappe.db.escape(filters[key], percent=False)}"
			)
	return " and ".join(conditions)


def permission_condition(user: str | None = None) -> str:
	"""The SQL condition on `tabRecommendation` limiting what the user may read, "" when they may
	read every recommendation. Refuses a user whose roles cannot read recommendations at all
	(documents shared with them one by one are not report material)."""
	user = user or frappe.session.user
	if not (
		frappe.has_permission(RECOMMENDATION, "read", user=user)
		or frappe.has_permission(RECOMMENDATION, "select", user=user)
	):
		raise frappe.PermissionError(_("No permission to read {0}").format(_(RECOMMENDATION)))
	return DatabaseQuery(RECOMMENDATION, user=user).build_match_conditions()


def visible_condition(filters: dict | None, user: str | None = None) -> str:
	"""Filters and permissions together, as one SQL condition on `tabRecommendation` (EVERYTHING when
	neither restricts anything). Values are inline and a literal % is doubled, so the query must be
	run with a values dict (even an empty one) for the driver to undo it."""
	parts = [part for part in (filter_condition(filters), permission_condition(user)) if part]
	return (" and ".join(f"({part})" for part in parts) or EVERYTHING).replace("%", "%%")
