"""The filters every recommendation report offers (mechanism, cycle or document, theme, group, SDG,
institution, cluster, position, period), as `frappe.get_list` filters: reports built on them read
through the user's permissions, like the list view and Report Builder."""

import frappe

RECOMMENDATION = "Recommendation"
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


def recommendation_filters(filters: dict | None) -> list[list]:
	filters = frappe._dict(filters or {})
	conditions = [
		[doctype, field, "=", filters[key]]
		for key, (doctype, field) in FILTER_FIELDS.items()
		if filters.get(key)
	]
	if filters.get("from_date"):
		conditions.append([RECOMMENDATION, "document_date", ">=", filters.from_date])
	if filters.get("to_date"):
		conditions.append([RECOMMENDATION, "document_date", "<=", filters.to_date])
	return conditions


def visible_recommendations_sql(filters: dict | None) -> str:
	"""The SQL selecting the names of the recommendations the user may see under the report
	filters, for use as a subquery: reports then answer in one query through the permissions."""
	return frappe.get_list(
		RECOMMENDATION,
		filters=recommendation_filters(filters),
		fields=["`tabRecommendation`.`name`"],
		distinct=True,
		order_by="",
		limit_page_length=0,
		run=0,
	)
