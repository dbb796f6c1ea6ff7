"""Assigning recommendations to institutions: the secretariat names the responsible institutions,
their focal points get a ToDo (desk ToDo list and notification bell) and accept or dispute it;
disputes come back to the secretariat."""

from contextlib import contextmanager

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.desk.form.assign_to import add as add_assignment
from frappe.utils import escape_html, formatdate, getdate, nowdate

from nmirf_app.core.assignment_tasks import (
	LISTED_IN_A_TASK,
	Assignment,
	response_due,
	shared_cluster,
	task_due,
	tasks_by_person,
)
from nmirf_app.permissions import active_focal_point_users, get_user_institutions
from nmirf_app.utils import close_todo

RESPONSES = ("Accepted", "Disputed")


def set_response_deadlines(doc):
	"""Before a save: each institution newly asked to answer gets its answer date."""
	days = frappe.db.get_single_value("NMIRF Settings", "assignment_response_days")
	for row in doc.responsible_institutions:
		if row.assignment_status == "Assigned" and not row.response_due:
			row.response_due = response_due(getdate(nowdate()), days)


def assign_new_institutions(doc):
	"""After a save: each newly responsible institution's focal points are asked to accept or
	dispute the recommendation, at once or, inside one_task_per_person(), in one list each."""
	before = doc.get_doc_before_save()
	known = {row.institution for row in before.responsible_institutions} if before else set()
	# an institution no longer responsible is no longer asked to answer
	still = {row.institution for row in doc.responsible_institutions}
	for row in before.responsible_institutions if before else []:
		if row.institution not in still:
			close_answered_tasks(row.name, row.assignment_tasks, doc.name)
	assignments = [
		Assignment(
			user=user,
			institution=row.institution,
			recommendation=doc.name,
			title=doc.title,
			role=row.role,
			due=getdate(row.response_due or nowdate()),
			row=row.name,
			cluster=doc.cluster,
		)
		for row in doc.responsible_institutions
		if row.institution not in known and row.assignment_status == "Assigned"
		for user in active_focal_point_users(row.institution)
	]
	if frappe.flags.nmirf_assignment_step is not None:
		frappe.flags.nmirf_assignment_step.extend(assignments)
	else:
		create_assignment_tasks(assignments)


@contextmanager
def one_task_per_person():
	"""Within it, the assignments that saves make are gathered; when it ends each person gets one
	task listing theirs (a task of its own on the record when there is only one)."""
	if frappe.flags.nmirf_assignment_step is not None:  # already inside a step
		yield
		return
	frappe.flags.nmirf_assignment_step = []
	try:
		yield
		assignments = frappe.flags.nmirf_assignment_step
	finally:
		frappe.flags.nmirf_assignment_step = None
	create_assignment_tasks(assignments)


def create_assignment_tasks(assignments: list[Assignment]):
	for user, theirs in tasks_by_person(assignments).items():
		task = task_for_one(theirs[0]) if len(theirs) == 1 else task_for_many(user, theirs)
		for assignment in theirs:
			remember_task(assignment.row, task)


def task_for_one(assignment: Assignment) -> str:
	add_assignment(
		{
			"assign_to": [assignment.user],
			"doctype": "Recommendation",
			"name": assignment.recommendation,
			"date": assignment.due,
			"description": _("{0} is the {1} institution for {2} — {3}. Accept or dispute it by {4}.").format(
				assignment.institution,
				_(assignment.role).lower(),
				assignment.recommendation,
				assignment.title,
				formatdate(assignment.due),
			),
		},
		ignore_permissions=True,  # assigning is part of the secretariat's save, whoever may see ToDos
	)
	return frappe.db.get_value(
		"ToDo",
		{
			"reference_type": "Recommendation",
			"reference_name": assignment.recommendation,
			"allocated_to": assignment.user,
			"status": "Open",
		},
		"name",
		order_by="creation desc",
	)


def task_for_many(user: str, assignments: list[Assignment]) -> str:
	"""One ToDo listing a person's assignments of one step, with one bell notification."""
	due = task_due(assignments)
	institutions = sorted({assignment.institution for assignment in assignments})
	listed = "".join(
		'<li><a href="/app/recommendation/{0}">{0}</a> — {1} ({2}{3})</li>'.format(
			escape_html(assignment.recommendation),
			escape_html(assignment.title or ""),
			escape_html(_(assignment.role)),
			", " + escape_html(assignment.institution) if len(institutions) > 1 else "",
		)
		for assignment in assignments[:LISTED_IN_A_TASK]
	)
	if len(assignments) > LISTED_IN_A_TASK:
		listed += "<li>" + _("and {0} more").format(len(assignments) - LISTED_IN_A_TASK) + "</li>"
	summary = _("{0} recommendations assigned to {1}: accept or dispute each by {2}.").format(
		len(assignments), ", ".join(institutions), formatdate(due)
	)
	cluster = shared_cluster(assignments)
	todo = frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": user,
			"assigned_by": frappe.session.user,
			"date": due,
			"status": "Open",
			"priority": "Medium",
			"reference_type": "Recommendation Cluster" if cluster else None,
			"reference_name": cluster,
			"description": "<p>{}</p><p>{}</p><ul>{}</ul>".format(
				escape_html(summary),
				_('Answer them in <a href="/app/nmirf-my-work">My work</a>.'),
				listed,
			),
		}
	).insert(ignore_permissions=True)  # part of the secretariat's step, whoever may see ToDos
	make_notification_logs(
		{
			"type": "Assignment",
			"document_type": "ToDo",
			"document_name": todo.name,
			"subject": summary,
			"from_user": frappe.session.user,
			"email_content": todo.description,
		},
		[user],
	)
	return todo.name


def remember_task(row: str, task: str | None):
	"""The row keeps the tasks that ask for its answer, so that answering closes them."""
	if not task:
		return
	known = (frappe.db.get_value("Recommendation Institution", row, "assignment_tasks") or "").split()
	if task not in known:
		frappe.db.set_value(
			"Recommendation Institution",
			row,
			"assignment_tasks",
			" ".join([*known, task]),
			update_modified=False,
		)


def close_answered_tasks(row_name: str, tasks: str | None, recommendation: str):
	"""A task on the record closes with the answer; a list closes when its last assignment is answered."""
	for task in (tasks or "").split():
		reference = frappe.db.get_value(
			"ToDo", task, ["reference_type", "reference_name", "status"], as_dict=True
		)
		if not reference or reference.status != "Open":
			continue
		if reference.reference_type == "Recommendation" and reference.reference_name == recommendation:
			close_todo(task)
			continue
		still_waiting = frappe.get_all(
			"Recommendation Institution",
			filters={
				"name": ("!=", row_name),
				"assignment_status": "Assigned",
				"assignment_tasks": ("like", f"%{task}%"),
			},
			limit=1,
		)
		if not still_waiting:
			close_todo(task)


@frappe.whitelist()
def respond_to_assignment(recommendation: str, institution: str, response: str, reason: str | None = None):
	"""A focal point (or validator) of `institution` accepts or disputes its assignment."""
	if response not in RESPONSES:
		frappe.throw(_("Response: choose Accepted or Disputed."))
	if institution not in get_user_institutions(frappe.session.user):
		frappe.throw(_("You do not act for {0}.").format(institution), frappe.PermissionError)
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("read")
	row = next((row for row in doc.responsible_institutions if row.institution == institution), None)
	if not row:
		frappe.throw(_("{0} is not responsible for {1}.").format(institution, recommendation))
	if response == "Disputed" and not (reason or "").strip():
		frappe.throw(
			_("Reason: say why {0} should not be responsible.").format(institution),
			title=_("Reason required"),
		)

	# the row sits at a permission level focal points cannot write: this answer is the one change they may make
	frappe.db.set_value(
		"Recommendation Institution",
		row.name,
		{"assignment_status": response, "remarks": reason or row.remarks},
	)
	doc.add_comment(
		"Info", _("{0} {1} the assignment. {2}").format(institution, _(response).lower(), reason or "")
	)
	close_answered_tasks(row.name, row.assignment_tasks, recommendation)
	for todo in frappe.get_all(
		"ToDo",
		filters={
			"reference_type": "Recommendation",
			"reference_name": recommendation,
			"status": "Open",
			"allocated_to": ("in", active_focal_point_users(institution) or [frappe.session.user]),
		},
		pluck="name",
	):
		close_todo(todo)
	# the secretariat is told by the notification "NMIRF: assignment answered" (notifications.json)
	subject = (
		_("{0} disputes its assignment to {1}: {2}").format(institution, recommendation, reason)
		if response == "Disputed"
		else _("{0} accepts its assignment to {1}").format(institution, recommendation)
	)
	doc.flags.assignment_answer = frappe._dict(
		institution=institution, role=row.role, response=response, reason=reason or "", subject=subject
	)
	doc.run_method("on_assignment_answered")
	return response


# Assigning a cluster saves each recommendation (so each save assigns its focal points); beyond
# this many the work runs as a background job rather than in the request.
CLUSTER_ASSIGNMENT_IN_REQUEST = 50


@frappe.whitelist()
def assign_institution_to_cluster(cluster: str, institution: str, role: str = "Supporting") -> dict:
	"""Adds the institution to every recommendation of the cluster that lacks it: at once for a
	small cluster ({"assigned": n}), else in a background job ({"queued": n}) that tells the user
	when it is done."""
	frappe.has_permission("Recommendation Cluster", "write", cluster, throw=True)
	if role not in ("Lead", "Supporting"):
		frappe.throw(_("Role: choose Lead or Supporting."))
	lacking = recommendations_lacking(cluster, institution)
	if len(lacking) <= CLUSTER_ASSIGNMENT_IN_REQUEST:
		return {"assigned": add_institution(lacking, institution, role)}
	frappe.enqueue(
		"nmirf_app.recommendations.assignment.assign_cluster_job",
		queue="long",
		timeout=3600,
		job_id=f"nmirf-cluster-assignment::{cluster}::{institution}",
		deduplicate=True,
		enqueue_after_commit=True,
		now=frappe.flags.in_test,
		cluster=cluster,
		institution=institution,
		role=role,
	)
	return {"queued": len(lacking)}


def assign_cluster_job(cluster: str, institution: str, role: str):
	"""Background entry point (runs as the user who asked)."""
	assigned = add_institution(recommendations_lacking(cluster, institution), institution, role)
	frappe.publish_realtime(
		"msgprint",
		_("{0}: {1} assigned to {2} recommendations.").format(cluster, institution, assigned),
		user=frappe.session.user,
	)


def recommendations_lacking(cluster: str, institution: str) -> list[str]:
	in_cluster = frappe.get_list(
		"Recommendation", filters={"cluster": cluster}, pluck="name", limit_page_length=0
	)
	having = set(
		frappe.get_all(
			"Recommendation Institution",
			filters={
				"parenttype": "Recommendation",
				"parent": ("in", in_cluster or [""]),
				"institution": institution,
			},
			pluck="parent",
		)
	)
	return [name for name in in_cluster if name not in having]


def add_institution(recommendations: list[str], institution: str, role: str) -> int:
	added = 0
	with one_task_per_person():
		added = add_institution_to_each(recommendations, institution, role)
	return added


def add_institution_to_each(recommendations: list[str], institution: str, role: str) -> int:
	added = 0
	for name in recommendations:
		doc = frappe.get_doc("Recommendation", name)
		if any(row.institution == institution for row in doc.responsible_institutions):
			continue
		has_lead = any(row.role == "Lead" for row in doc.responsible_institutions)
		doc.append(
			"responsible_institutions",
			{"institution": institution, "role": "Supporting" if has_lead else role},
		)
		doc.save()
		added += 1
	return added


def hand_over_assignments(predecessor_user: str, successor_user: str, institution: str) -> int:
	"""Turnover: the predecessor's open assignments on the institution's records pass to the successor,
	lists of many included. The ToDo keeps its history (who held it, when); the predecessor's past
	reports stay theirs."""
	moved = 0
	for todo in frappe.get_all(
		"ToDo",
		filters={"allocated_to": predecessor_user, "status": "Open"},
		fields=["name", "reference_type", "reference_name"],
	):
		if todo.reference_type in ("Recommendation", "Implementation Action", "Progress Update"):
			record = frappe.get_doc(todo.reference_type, todo.reference_name)
			institutions = {row.institution for row in record.get("responsible_institutions", [])}
			institutions |= {record.get("lead_institution"), record.get("institution")}
			if institution not in institutions:
				continue
		elif not lists_assignments_of(todo.name, institution):
			continue
		todo_doc = frappe.get_doc("ToDo", todo.name)
		todo_doc.allocated_to = successor_user
		todo_doc.description = (
			(todo_doc.description or "")
			+ "<p>"
			+ _("Handed over from {0}.").format(predecessor_user)
			+ "</p>"
		)
		todo_doc.save(ignore_permissions=True)  # a system effect of appointing the successor
		moved += 1
	return moved


def lists_assignments_of(task: str, institution: str) -> bool:
	"""Whether a task made by one_task_per_person() asks this institution for answers."""
	return bool(
		frappe.get_all(
			"Recommendation Institution",
			filters={"institution": institution, "assignment_tasks": ("like", f"%{task}%")},
			limit=1,
		)
	)
