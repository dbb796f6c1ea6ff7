# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""What nobody is doing: recommendations with no responsible institution, no action, or no approved
progress in the last 12 months, and institutions without an active focal point. One query per
kind of gap, each through the user's permissions and the report filters."""

import frappe
from frappe import _
from frappe.utils import add_months, getdate, nowdate

from nmirf_app.permissions import active_terms, institutions_in_scope
from nmirf_app.recommendations.report_filters import visible_condition
from nmirf_app.report_columns import column, record_columns

NO_INSTITUTION = "No responsible institution"
NO_ACTION = "No action"
NO_RECENT_PROGRESS = "No approved progress in 12 months"
NO_FOCAL_POINT = "Institution without an active focal point"
GAPS = (NO_INSTITUTION, NO_ACTION, NO_RECENT_PROGRESS, NO_FOCAL_POINT)

# Each gap as a condition on `tabRecommendation`, with indexed `not exists` look-ups (an OR inside
# one subquery would defeat the indexes).
RECOMMENDATION_GAP_CONDITIONS = {
	NO_INSTITUTION: """not exists (select 1 from `tabRecommendation Institution` ri
		where ri.parent = `tabRecommendation`.name and ri.parenttype = 'Recommendation')""",
	NO_ACTION: """not exists (select 1 from `tabAction Recommendation` ar
		where ar.recommendation = `tabRecommendation`.name and ar.parenttype = 'Implementation Action')""",
	NO_RECENT_PROGRESS: """`tabRecommendation`.implementation_status != 'Fully implemented'
		and not exists (select 1 from `tabProgress Update` pu where pu.recommendation = `tabRecommendation`.name
			and pu.docstatus = 1 and pu.approved_on >= %(since)s)
		and not exists (select 1 from `tabAction Recommendation` ar
			join `tabProgress Update` pu on pu.implementation_action = ar.parent
			where ar.recommendation = `tabRecommendation`.name and ar.parenttype = 'Implementation Action'
			and pu.docstatus = 1 and pu.approved_on >= %(since)s)""",
}
# A whole State's gaps can run to tens of thousands: the report lists the first ones, by reference,
# and says when there are more (the filters narrow it down).
ROWS_PER_GAP = 5_000


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	wanted = [filters.gap] if filters.get("gap") else list(GAPS)
	data, cut = [], []
	# SQL text, not frappe.qb: Frappe's permission conditions and the filters are spliced in (visible_condition)
	visible = visible_condition(filters)
	for gap in wanted:
		if gap == NO_FOCAL_POINT:
			data += institutions_without_focal_point(today)
			continue
		rows = frappe.db.sql(
			f"""select name, title, mechanism, lead_institution, implementation_status
			from `tabRecommendation`
			where {visible} and {RECOMMENDATION_GAP_CONDITIONS[gap]}
			order by name limit {ROWS_PER_GAP + 1}""",
			{"since": add_months(today, -12)},
			as_dict=True,
		)
		if len(rows) > ROWS_PER_GAP:
			rows = rows[:ROWS_PER_GAP]
			cut.append(_(gap))
		data += [
			{"gap": _(gap), "reference_doctype": "Recommendation", "document": row.name, **row}
			for row in rows
		]
	message = (
		_(
			"More than {0} recommendations for: {1}. The first {0} are listed; narrow the filters to see the rest."
		).format(f"{ROWS_PER_GAP:,}", ", ".join(cut))
		if cut
		else None
	)
	return columns(), data, message


def institutions_without_focal_point(today):
	scope = institutions_in_scope(frappe.session.user)
	if scope is not None and not scope:
		return []
	institution = frappe.qb.DocType("Institution")
	focal_point, active = active_terms(today)
	with_focal_point = (
		frappe.qb.from_(focal_point)
		.select(focal_point.institution)
		.where(active)
		.where(focal_point.institution.isnotnull())  # a NULL in NOT IN would hide every institution
	)
	query = (
		frappe.qb.from_(institution)
		.select(institution.name, institution.institution_name.as_("title"))
		.where(institution.is_active == 1)
		.where(institution.is_state_body == 1)
		.where(institution.name.notin(with_focal_point))
		.orderby(institution.name)
	)
	if scope is not None:
		query = query.where(institution.name.isin(scope))
	rows = query.run(as_dict=True)
	return [
		{
			"gap": _(NO_FOCAL_POINT),
			"reference_doctype": "Institution",
			"document": row.name,
			"title": row.title,
		}
		for row in rows
	]


def columns():
	return [
		column("gap", _("Gap"), width=260),
		*record_columns(),
		column("title", _("Title"), width=320),
		column("mechanism", _("Mechanism"), width=100),
		column("lead_institution", _("Lead institution"), "Link", options="Institution", width=180),
		column("implementation_status", _("Status"), width=140),
	]
