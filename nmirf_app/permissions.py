"""Server-side record scoping for NMIRF roles (hooks: permission_query_conditions, has_permission).

The rule lives in `nmirf_app.core.access`; this module turns it into SQL for lists, reports,
exports and the REST API, and into a yes/no for single documents.
"""

import frappe
from frappe.query_builder import Criterion
from frappe.query_builder.functions import CurDate

from nmirf_app.core.access import Scope, may_see_recommendation, recommendation_scopes


def get_user_institutions(user: str | None = None) -> list[str]:
	"""Institutions a user acts for today: as an active focal point or as validating authority."""
	user = user or frappe.session.user
	focal_point = frappe.qb.DocType("Focal Point")
	as_focal_point = (
		frappe.qb.from_(focal_point)
		.select(focal_point.institution)
		.where(focal_point.user == user)
		.where(focal_point.active_from <= CurDate())
		.where(Criterion.any([focal_point.active_to.isnull(), focal_point.active_to >= CurDate()]))
		.run(pluck=True)
	)
	as_validator = frappe.get_all("Institution", filters={"validating_authority": user}, pluck="name")
	return sorted(set(as_focal_point) | set(as_validator))


def _sql_list(values: list[str]) -> str:
	return ", ".join(frappe.db.escape(value) for value in values)


def recommendation_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes:
		return ""
	conditions = []
	if Scope.INSTITUTIONS in scopes:
		institutions = get_user_institutions(user)
		if institutions:
			conditions.append(
				"`tabRecommendation`.`name` in (select `parent` from `tabRecommendation Institution`"
				" where `parenttype` = 'Recommendation' and `parentfield` = 'responsible_institutions'"
				f" and `institution` in ({_sql_list(institutions)}))"
			)
	if Scope.PUBLISHED in scopes:
		conditions.append("`tabRecommendation`.`published` = 1")
	return "(" + " or ".join(conditions) + ")" if conditions else "1 = 0"


def has_recommendation_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes:
		return True
	if doc.is_new():
		# only whole-record roles create recommendations; role permissions refuse the others
		return True
	return may_see_recommendation(
		scopes,
		get_user_institutions(user) if Scope.INSTITUTIONS in scopes else [],
		[row.institution for row in doc.get("responsible_institutions", [])],
		bool(doc.get("published")) and ptype in (None, "read", "print", "report"),
	)


def focal_point_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Scoped users see the focal points of their own institutions (and their own records)."""
	user = user or frappe.session.user
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes:
		return ""
	institutions = get_user_institutions(user) if Scope.INSTITUTIONS in scopes else []
	condition = f"`tabFocal Point`.`user` = {frappe.db.escape(user)}"
	if institutions:
		condition += f" or `tabFocal Point`.`institution` in ({_sql_list(institutions)})"
	return f"({condition})"


def has_focal_point_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes or doc.is_new():
		return True
	return doc.user == user or doc.institution in get_user_institutions(user)
