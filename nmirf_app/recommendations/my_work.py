"""The "My work" page's items: what waits for the signed-in user today, each with its real
deadline and the actions they can take (nmirf_app/core/my_work.py orders them).

Everything is read with the user's own permissions (frappe.get_list) or limited to the
institutions they act for, so the page never shows a record its reader could not open."""

import frappe
from frappe.utils import add_days, getdate, nowdate

from nmirf_app.core.my_work import WorkItem, in_working_order, summary
from nmirf_app.core.references import title_after_reference
from nmirf_app.implementation.tasks import open_deadlines
from nmirf_app.permissions import get_user_institutions

# an action shows once its end date is this close
ACTIONS_AHEAD_DAYS = 30
# each section shows this many items; the count says how many there are in all
SHOWN_PER_SECTION = 100

DEADLINE_SECTIONS = {
	"Report Contribution": "contributions",
	"Special Procedure Communication": "communications",
	"Implementation Action": "actions",
	"Recommendation": "follow_up",
}


@frappe.whitelist()
@frappe.read_only()
def get_my_work() -> dict:
	user = frappe.session.user
	today = getdate(nowdate())
	institutions = get_user_institutions(user)
	roles = set(frappe.get_roles(user))
	items = []
	if institutions:
		items += assignments_to_answer(institutions)
		items += returned_updates(institutions)
		items += deadlines_owned_by(user, today, institutions)
	items += decisions_owned_by(user)
	if "NMIRF Institution Validator" in roles and institutions:
		items += updates_in_state("Submitted", "updates_to_validate", institutions)
	if "NMIRF Secretariat" in roles:
		items += updates_in_state("Validated", "updates_to_approve")
		items += contributions_to_review()
		items += disputed_assignments()
		items += public_input_to_moderate()
	ordered = in_working_order(items)
	sections: dict[str, dict] = {}
	for item in ordered:
		section = sections.setdefault(item.section, {"count": 0, "items": []})
		section["count"] += 1
		if len(section["items"]) < SHOWN_PER_SECTION:
			section["items"].append(as_dict(item))
	return {
		"today": str(today),
		"institutions": institutions,
		"summary": summary(ordered, today),
		"sections": sections,
	}


def as_dict(item: WorkItem) -> dict:
	return {
		"doctype": item.doctype,
		"name": item.name,
		"reference": item.reference,
		"title": item.title,
		"due": str(item.due) if item.due else None,
		"detail": item.detail,
		"actions": list(item.actions),
		"context": item.context,
	}


def titles_of(recommendations: set[str]) -> dict[str, str]:
	"""Titles of the recommendations the user may read (the others are left out)."""
	if not recommendations:
		return {}
	return dict(
		frappe.get_list(
			"Recommendation",
			filters={"name": ("in", list(recommendations))},
			fields=["name", "title"],
			as_list=True,
			limit_page_length=0,
		)
	)


def assignments_to_answer(institutions: list[str]) -> list[WorkItem]:
	rows = frappe.get_all(
		"Recommendation Institution",
		filters={
			"parenttype": "Recommendation",
			"institution": ("in", institutions),
			"assignment_status": "Assigned",
		},
		fields=["parent", "institution", "role", "response_due"],
		limit_page_length=0,
	)
	titles = titles_of({row.parent for row in rows})
	return [
		WorkItem(
			section="assignments",
			doctype="Recommendation",
			name=row.parent,
			reference=row.parent,
			title=titles[row.parent],
			due=getdate(row.response_due) if row.response_due else None,
			detail=f"{row.institution} · {frappe._(row.role)}",
			actions=("accept", "dispute", "open"),
			context={"recommendation": row.parent, "institution": row.institution},
		)
		for row in rows
		if row.parent in titles
	]


def returned_updates(institutions: list[str]) -> list[WorkItem]:
	return [
		WorkItem(
			section="returned_updates",
			doctype="Progress Update",
			name=row.name,
			reference=row.recommendation or row.implementation_action or row.name,
			title=update_title(row),
			detail=row.return_reason or "",
			actions=("open",),
		)
		for row in frappe.get_list(
			"Progress Update",
			filters={"workflow_state": "Returned", "institution": ("in", institutions)},
			fields=["name", "reports_on", "recommendation", "implementation_action", "return_reason"],
			limit_page_length=0,
		)
	]


def deadlines_owned_by(user: str, today, institutions: list[str]) -> list[WorkItem]:
	"""The deadlines the reminders chase this user for (one rule: tasks.open_deadlines); actions
	only once they are near."""
	deadlines, documents = open_deadlines(today, doctypes=tuple(DEADLINE_SECTIONS))
	horizon = getdate(add_days(today, ACTIONS_AHEAD_DAYS))
	one_institution = institutions[0] if len(institutions) == 1 else None
	items = []
	for deadline in deadlines:
		if user not in deadline.owners:
			continue
		doctype, name = documents[deadline.reference]
		if doctype == "Implementation Action" and deadline.due_on > horizon:
			continue
		reports_on = {"Recommendation": "recommendation", "Implementation Action": "implementation_action"}
		can_report = doctype in reports_on
		items.append(
			WorkItem(
				section=DEADLINE_SECTIONS[doctype],
				doctype=doctype,
				name=name,
				reference=name,
				title=deadline.title,
				due=deadline.due_on,
				actions=("new_progress_update", "open") if can_report else ("open",),
				context={reports_on[doctype]: name, "institution": one_institution} if can_report else {},
			)
		)
	return items


def decisions_owned_by(user: str) -> list[WorkItem]:
	rows = frappe.get_all(
		"Meeting Decision",
		filters={"owner_user": user, "parenttype": "NMIRF Meeting"},
		fields=["parent", "decision", "due_on", "todo"],
		limit_page_length=0,
	)
	open_tasks = set(
		frappe.get_all(
			"ToDo",
			filters={"name": ("in", [row.todo for row in rows if row.todo] or [""]), "status": "Open"},
			pluck="name",
		)
	)
	return [
		WorkItem(
			section="decisions",
			doctype="NMIRF Meeting",
			name=row.parent,
			reference=row.parent,
			title=row.decision,
			due=getdate(row.due_on) if row.due_on else None,
		)
		for row in rows
		if row.todo in open_tasks
	]


def update_title(row) -> str:
	"""What the update reports on, without the reference the item shows already."""
	reference = row.recommendation or row.implementation_action
	return title_after_reference(row.reports_on, reference) or row.name


def updates_in_state(state: str, section: str, institutions: list[str] | None = None) -> list[WorkItem]:
	filters = {"workflow_state": state}
	if institutions is not None:
		filters["institution"] = ("in", institutions)
	return [
		WorkItem(
			section=section,
			doctype="Progress Update",
			name=row.name,
			reference=row.recommendation or row.implementation_action or row.name,
			title=update_title(row),
			# several updates on one recommendation differ by what they claim and their number
			detail=" · ".join(filter(None, (row.institution, frappe._(row.reported_status), row.name))),
		)
		for row in frappe.get_list(
			"Progress Update",
			filters=filters,
			fields=[
				"name",
				"reports_on",
				"recommendation",
				"implementation_action",
				"institution",
				"reported_status",
			],
			limit_page_length=0,
		)
	]


def contributions_to_review() -> list[WorkItem]:
	return [
		WorkItem(
			section="contributions_to_review",
			doctype="Report Contribution",
			name=row.name,
			reference=row.state_report,
			title=row.section,
			due=getdate(row.due_on) if row.due_on else None,
			detail=row.institution or "",
		)
		for row in frappe.get_list(
			"Report Contribution",
			filters={"workflow_state": "Submitted"},
			fields=["name", "section", "state_report", "due_on", "institution"],
			limit_page_length=0,
		)
	]


def disputed_assignments() -> list[WorkItem]:
	rows = frappe.get_all(
		"Recommendation Institution",
		filters={"parenttype": "Recommendation", "assignment_status": "Disputed"},
		fields=["parent", "institution", "remarks"],
		limit_page_length=0,
	)
	titles = titles_of({row.parent for row in rows})
	return [
		WorkItem(
			section="disputed_assignments",
			doctype="Recommendation",
			name=row.parent,
			reference=row.parent,
			title=titles[row.parent],
			detail=f"{row.institution}: {row.remarks or ''}",
		)
		for row in rows
		if row.parent in titles
	]


def public_input_to_moderate() -> list[WorkItem]:
	return [
		WorkItem(
			section="public_input",
			doctype="Stakeholder Submission",
			name=row.name,
			reference=row.name,
			title=row.subject,
			detail=row.organisation or "",
		)
		for row in frappe.get_list(
			"Stakeholder Submission",
			filters={"workflow_state": ("in", ("Received", "Under review"))},
			fields=["name", "subject", "organisation"],
			limit_page_length=0,
		)
	]
