"""Server-side record scoping for NMIRF roles (hooks: permission_query_conditions, has_permission).

The rule lives in `nmirf_app.core.access`; this module turns it into SQL for lists, reports,
exports and the REST API, and into a yes/no for single documents.
"""

import frappe
from frappe.query_builder import Criterion, Order
from frappe.query_builder.functions import CurDate

from nmirf_app.core.access import Scope, may_see_recommendation, recommendation_scopes


def active_terms(day=None):
	"""The Focal Point table and the condition of a term active on `day` (today by default): the
	one rule of who acts for an institution, for the permissions and for everyone told or assigned."""
	focal_point = frappe.qb.DocType("Focal Point")
	day = day or CurDate()
	condition = (focal_point.active_from <= day) & Criterion.any(
		[focal_point.active_to.isnull(), focal_point.active_to >= day]
	)
	return focal_point, condition


def active_focal_points(institutions: list[str] | None = None, day=None) -> dict[str, list[str]]:
	"""The users who are active focal points of each institution on `day` (today by default), main
	ones first; all institutions when none are named."""
	focal_point, active = active_terms(day)
	query = (
		frappe.qb.from_(focal_point)
		.select(focal_point.institution, focal_point.user)
		.where(active)
		.orderby(focal_point.institution)
		.orderby(focal_point.role_type, order=Order.desc)  # Main before Alternate
		.orderby(focal_point.user)
	)
	if institutions is not None:
		if not institutions:
			return {}
		query = query.where(focal_point.institution.isin(list(institutions)))
	people: dict[str, list[str]] = {}
	for institution, user in query.run():
		if user not in people.setdefault(institution, []):
			people[institution].append(user)
	return people


def active_focal_point_users(institution: str) -> list[str]:
	"""active_focal_points of one institution today."""
	return active_focal_points([institution]).get(institution, [])


def get_user_institutions(user: str | None = None) -> list[str]:
	"""Institutions a user acts for today: as an active focal point or as validating authority."""
	user = user or frappe.session.user
	focal_point, active = active_terms()
	as_focal_point = (
		frappe.qb.from_(focal_point)
		.select(focal_point.institution)
		.where(focal_point.user == user)
		.where(active)
	).run(pluck=True)
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


# Child tables a chart or report may query on their own (counts by theme, group or SDG): their rows
# are visible exactly when their recommendation is.
RECOMMENDATION_TAG_TABLES = (
	"Recommendation Theme",
	"Recommendation Affected Group",
	"Recommendation SDG Target",
)


def recommendation_tag_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	condition = recommendation_query_conditions(user)
	if not condition:
		return ""
	return (
		f"`tab{doctype}`.`parenttype` = 'Recommendation' and `tab{doctype}`.`parent` in"
		f" (select `tabRecommendation`.`name` from `tabRecommendation` where {condition})"
	)


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


# Implementation records belong to institutions the same way: scoped users (focal points and
# validators) see those of their institutions; whole-record roles see everything.


def institutions_in_scope(user: str) -> list[str] | None:
	"""None when the user sees every record, else the institutions they act for (maybe none)."""
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes:
		return None
	return get_user_institutions(user) if Scope.INSTITUTIONS in scopes else []


def _institution_condition(user, table: str, own_fields: tuple[str, ...], child: tuple | None = None) -> str:
	institutions = institutions_in_scope(user or frappe.session.user)
	if institutions is None:
		return ""
	if not institutions:
		return "1 = 0"
	values = _sql_list(institutions)
	conditions = [f"`tab{table}`.`{field}` in ({values})" for field in own_fields]
	if child:
		child_doctype, parentfield = child
		conditions.append(
			f"`tab{table}`.`name` in (select `parent` from `tab{child_doctype}` where `parenttype` = "
			f"{frappe.db.escape(table)} and `parentfield` = {frappe.db.escape(parentfield)}"
			f" and `institution` in ({values}))"
		)
	return "(" + " or ".join(conditions) + ")"


def _may_touch(doc, user, institutions_of_doc: list[str]) -> bool:
	institutions = institutions_in_scope(user or frappe.session.user)
	if institutions is None or doc.is_new():
		return True
	return bool(set(institutions) & set(filter(None, institutions_of_doc)))


def implementation_action_query_conditions(user=None, doctype=None) -> str:
	return _institution_condition(
		user,
		"Implementation Action",
		("lead_institution",),
		("Action Partner Institution", "partner_institutions"),
	)


def has_implementation_action_permission(doc, ptype=None, user=None) -> bool:
	partners = [row.institution for row in doc.get("partner_institutions", [])]
	return _may_touch(doc, user, [doc.lead_institution, *partners])


def progress_update_query_conditions(user=None, doctype=None) -> str:
	return _institution_condition(user, "Progress Update", ("institution",))


def has_progress_update_permission(doc, ptype=None, user=None) -> bool:
	return _may_touch(doc, user, [doc.institution])


def indicator_query_conditions(user=None, doctype=None) -> str:
	return _institution_condition(user, "Indicator", ("responsible_institution",))


def has_indicator_permission(doc, ptype=None, user=None) -> bool:
	return _may_touch(doc, user, [doc.responsible_institution])


def report_contribution_query_conditions(user=None, doctype=None) -> str:
	return _institution_condition(user, "Report Contribution", ("institution",))


def has_report_contribution_permission(doc, ptype=None, user=None) -> bool:
	return _may_touch(doc, user, [doc.institution])


# A special procedure's letter stays with the secretariat, except for the institution named to
# prepare the State's reply: its focal points and validator read it (and its file) to draft it.


def communication_query_conditions(user=None, doctype=None) -> str:
	return _institution_condition(user, "Special Procedure Communication", ("responsible_institution",))


def has_communication_permission(doc, ptype=None, user=None) -> bool:
	return _may_touch(doc, user, [doc.responsible_institution])


# An assessment (by the government, the NHRI, civil society or a treaty body) is about one
# recommendation: whoever may not see the recommendation may not see what was said about it.


def implementation_assessment_query_conditions(user=None, doctype=None) -> str:
	return about_readable_recommendations("Implementation Assessment", user)


def has_implementation_assessment_permission(doc, ptype=None, user=None) -> bool:
	return may_read_its_recommendation(doc, ptype, user)


# Accepted and rejected tag suggestions: seen by whoever sees the recommendation they are about.


def tag_suggestion_decision_query_conditions(user=None, doctype=None) -> str:
	return about_readable_recommendations("Tag Suggestion Decision", user)


def has_tag_suggestion_decision_permission(doc, ptype=None, user=None) -> bool:
	return may_read_its_recommendation(doc, ptype, user)


def about_readable_recommendations(doctype: str, user=None) -> str:
	condition = recommendation_query_conditions(user)
	if not condition:
		return ""
	return (
		f"`tab{doctype}`.`recommendation` in"
		f" (select `tabRecommendation`.`name` from `tabRecommendation` where {condition})"
	)


def may_read_its_recommendation(doc, ptype=None, user=None) -> bool:
	user = user or frappe.session.user
	scopes = recommendation_scopes(frappe.get_roles(user))
	if scopes is None or Scope.ALL in scopes or doc.is_new():
		return True
	if not doc.recommendation or not frappe.db.exists("Recommendation", doc.recommendation):
		return False
	return has_recommendation_permission(frappe.get_doc("Recommendation", doc.recommendation), ptype, user)


def child_row_query_conditions(user=None, doctype=None) -> str:
	"""Rows of a child table listed on their own (frappe.client.get_list or the report view with a
	parent DocType) are visible when their document is. Frappe checks only the role's right to the
	parent DocType there, not the parent's record scoping, so a focal point listed every
	institution's evidence files and assignments."""
	from frappe.model.db_query import DatabaseQuery

	user = user or frappe.session.user
	parents = frappe.get_all(
		"DocField",
		filters={"fieldtype": ["in", ["Table", "Table MultiSelect"]], "options": doctype},
		pluck="parent",
		distinct=True,
	)
	conditions = []
	for parent in parents:
		if not frappe.has_permission(parent, "read", user=user):
			continue
		parent_condition = DatabaseQuery(parent, user=user).build_match_conditions()
		rows_of_parent = f"`tab{doctype}`.`parenttype` = {frappe.db.escape(parent)}"
		if parent_condition:
			rows_of_parent += (
				f" and `tab{doctype}`.`parent` in (select `tab{parent}`.`name` from `tab{parent}`"
				f" where {parent_condition})"
			)
		conditions.append(f"({rows_of_parent})")
	return "(" + " or ".join(conditions) + ")" if conditions else "1 = 0"
