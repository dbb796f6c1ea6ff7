# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""How each institution carries its share: recommendations assigned, accepted and disputed,
progress updates sent, sent on time (by the end date of their action, or the recommendation's
follow-up deadline) and approved, and its overdue actions. Three grouped queries; focal points
and validators see the rows of their own institutions."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from nmirf_app.permissions import institutions_in_scope
from nmirf_app.report_columns import column

OPEN_ACTION_STATUSES = ("Planned", "In progress", "On hold")
FIGURES = (
	"assigned",
	"accepted",
	"disputed",
	"updates_sent",
	"sent_on_time",
	"updates_approved",
	"overdue_actions",
)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(filters.get("as_of") or nowdate())
	# the institutions shown: the user's own (None: every one), narrowed to the one asked for
	narrow = institutions_in_scope(frappe.session.user)
	if filters.get("institution"):
		narrow = [filters.institution] if narrow is None or filters.institution in narrow else []
	if narrow is not None and not narrow:
		return columns(), []
	institution_filters = {"is_active": 1}
	if not filters.get("include_non_state"):
		institution_filters["is_state_body"] = 1
	if narrow is not None:
		institution_filters["name"] = ("in", narrow)
	institutions = frappe.get_all(
		"Institution", filters=institution_filters, pluck="name", order_by="name asc", limit_page_length=0
	)
	values = {"narrow": tuple(narrow or ("",)), "open_statuses": OPEN_ACTION_STATUSES, "today": today}
	only = {
		column: f"and {column} in %(narrow)s" if narrow is not None else ""
		for column in ("ri.institution", "pu.institution", "a.lead_institution")
	}
	# SQL text, not frappe.qb: conditional sums over a derived table read plainer as SQL.
	# Each figure is grouped once over its own table, as its own statement (joined in one statement,
	# MariaDB took half as long again at UHRI's size); an institution is listed once per
	# recommendation, so assignment rows are recommendations.
	assignments = grouped(
		f"""select ri.institution, count(*) as assigned,
			sum(ri.assignment_status = 'Accepted') as accepted,
			sum(ri.assignment_status = 'Disputed') as disputed
		from `tabRecommendation Institution` ri
		where ri.parenttype = 'Recommendation' {only["ri.institution"]}
		group by ri.institution""",
		values,
	)
	updates = grouped(
		f"""select pu.institution, sum(pu.workflow_state != 'Draft') as updates_sent,
			sum(pu.workflow_state != 'Draft' and date(pu.creation)
				<= coalesce(a.end_date, r.follow_up_deadline, date(pu.creation))) as sent_on_time,
			sum(pu.docstatus = 1) as updates_approved
		from `tabProgress Update` pu
		left join `tabImplementation Action` a on a.name = pu.implementation_action
		left join (
			-- the few recommendations with a follow-up deadline, not a look-up per update
			select name, follow_up_deadline from `tabRecommendation` where follow_up_deadline is not null
		) as r on r.name = pu.recommendation
		where pu.institution is not null {only["pu.institution"]}
		group by pu.institution""",
		values,
	)
	overdue = grouped(
		f"""select a.lead_institution as institution, count(*) as overdue_actions
		from `tabImplementation Action` a
		where a.status in %(open_statuses)s and a.end_date < %(today)s {only["a.lead_institution"]}
		group by a.lead_institution""",
		values,
	)
	rows = []
	for institution in institutions:
		row = frappe._dict({"institution": institution})
		for figures in (assignments, updates, overdue):
			row.update(figures.get(institution) or {})
		for figure in FIGURES:
			row[figure] = int(row.get(figure) or 0)
		row.accepted_percent = _percent(row.accepted, row.assigned)
		row.on_time_percent = _percent(row.sent_on_time, row.updates_sent)
		rows.append(row)
	return columns(), rows


def grouped(query: str, values: dict) -> dict:
	"""The query's rows by their `institution` column."""
	return {row.pop("institution"): row for row in frappe.db.sql(query, values, as_dict=True)}


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
