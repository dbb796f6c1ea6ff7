# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""How each institution carries its share: recommendations assigned, accepted and disputed,
progress updates sent, sent on time (by the end date of their action, or the recommendation's
follow-up deadline) and approved, and its overdue actions. One SQL statement; focal points and
validators see the rows of their own institutions."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from nmirf_app.permissions import institutions_in_scope
from nmirf_app.report_columns import column

OPEN_ACTION_STATUSES = ("Planned", "In progress", "On hold")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	scope = institutions_in_scope(frappe.session.user)
	if scope is not None and not scope:
		return columns(), []
	conditions = ["i.is_active = 1"]
	if not filters.get("include_non_state"):
		conditions.append("i.is_state_body = 1")
	if filters.get("institution"):
		conditions.append("i.name = %(institution)s")
	if scope is not None:
		conditions.append("i.name in %(scope)s")
	# Each figure is grouped once over its table (not counted again for every institution; an
	# institution is listed once per recommendation, so rows are recommendations); the
	# institutions asked for, or the user's own, are pushed into each grouping.
	narrow = [filters.institution] if filters.get("institution") else scope
	only = {
		column: f"and {column} in %(narrow)s" if narrow is not None else ""
		for column in ("ri.institution", "pu.institution", "a.lead_institution")
	}
	rows = frappe.db.sql(
		f"""select i.name as institution,
			coalesce(assignments.assigned, 0) as assigned,
			coalesce(assignments.accepted, 0) as accepted,
			coalesce(assignments.disputed, 0) as disputed,
			coalesce(updates.sent, 0) as updates_sent,
			coalesce(updates.sent_on_time, 0) as sent_on_time,
			coalesce(updates.approved, 0) as updates_approved,
			coalesce(overdue.actions, 0) as overdue_actions
		from `tabInstitution` i
		left join (
			select ri.institution, count(*) as assigned,
				sum(ri.assignment_status = 'Accepted') as accepted,
				sum(ri.assignment_status = 'Disputed') as disputed
			from `tabRecommendation Institution` ri
			where ri.parenttype = 'Recommendation' {only["ri.institution"]}
			group by ri.institution
		) as assignments on assignments.institution = i.name
		left join (
			select pu.institution, sum(pu.workflow_state != 'Draft') as sent,
				sum(pu.workflow_state != 'Draft' and date(pu.creation)
					<= coalesce(a.end_date, r.follow_up_deadline, date(pu.creation))) as sent_on_time,
				sum(pu.docstatus = 1) as approved
			from `tabProgress Update` pu
			left join `tabImplementation Action` a on a.name = pu.implementation_action
			left join (
				-- the few recommendations with a follow-up deadline, not a look-up per update
				select name, follow_up_deadline from `tabRecommendation` where follow_up_deadline is not null
			) as r on r.name = pu.recommendation
			where pu.institution is not null {only["pu.institution"]}
			group by pu.institution
		) as updates on updates.institution = i.name
		left join (
			select a.lead_institution, count(*) as actions
			from `tabImplementation Action` a
			where a.status in %(open_statuses)s and a.end_date < %(today)s {only["a.lead_institution"]}
			group by a.lead_institution
		) as overdue on overdue.lead_institution = i.name
		where {" and ".join(conditions)}
		order by i.name""",
		{
			"scope": tuple(scope or ("",)),
			"narrow": tuple(narrow or ("",)),
			"institution": filters.get("institution"),
			"open_statuses": OPEN_ACTION_STATUSES,
			"today": today,
		},
		as_dict=True,
	)
	for row in rows:
		row.accepted_percent = _percent(row.accepted, row.assigned)
		row.on_time_percent = _percent(row.sent_on_time, row.updates_sent)
	return columns(), rows


def _percent(part, whole):
	return round(100 * part / whole, 1) if whole else None


def columns():
	def int_column(fieldname, label):
		return column(fieldname, label, "Int", width=110)

	return [
		column("institution", _("Institution"), "Link", options="Institution", width=260),
		int_column("assigned", _("Assigned")),
		int_column("accepted", _("Accepted")),
		int_column("disputed", _("Disputed")),
		column("accepted_percent", _("% accepted"), "Percent", width=110),
		int_column("updates_sent", _("Updates sent")),
		int_column("sent_on_time", _("Sent on time")),
		column("on_time_percent", _("% on time"), "Percent", width=110),
		int_column("updates_approved", _("Approved")),
		int_column("overdue_actions", _("Overdue actions")),
	]
