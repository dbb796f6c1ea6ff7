"""Assigning recommendations to institutions: the secretariat names the responsible institutions,
their focal points get a ToDo (desk ToDo list and notification bell) and accept or dispute it;
disputes come back to the secretariat."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.desk.form.assign_to import add as add_assignment

from nmirf_app.implementation.tasks import secretariat_users
from nmirf_app.permissions import active_focal_points, get_user_institutions

RESPONSES = ("Accepted", "Disputed")


def active_focal_point_users(institution: str) -> list[str]:
	return active_focal_points([institution]).get(institution, [])


def assign_new_institutions(doc):
	"""After a save: each newly responsible institution's focal points are assigned the recommendation."""
	before = doc.get_doc_before_save()
	known = {row.institution for row in before.responsible_institutions} if before else set()
	for row in doc.responsible_institutions:
		if row.institution in known:
			continue
		users = active_focal_point_users(row.institution)
		if users:
			add_assignment(
				{
					"assign_to": users,
					"doctype": doc.doctype,
					"name": doc.name,
					"description": _(
						"{0} is responsible ({1}) for this recommendation: accept or dispute it."
					).format(row.institution, _(row.role)),
				},
				ignore_permissions=True,  # assigning is part of the secretariat's save, whoever may see ToDos
			)


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
		frappe.db.set_value("ToDo", todo, "status", "Closed")
	if response == "Disputed":
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": "Recommendation",
				"document_name": recommendation,
				"subject": _("{0} disputes its assignment to {1}: {2}").format(
					institution, recommendation, reason
				),
				"from_user": frappe.session.user,
			},
			list(secretariat_users()),
		)
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
	"""Turnover: the predecessor's open assignments on the institution's records pass to the successor.
	The ToDo keeps its history (who held it, when); the predecessor's past reports stay theirs."""
	moved = 0
	for todo in frappe.get_all(
		"ToDo",
		filters={
			"allocated_to": predecessor_user,
			"status": "Open",
			"reference_type": ("in", ["Recommendation", "Implementation Action", "Progress Update"]),
		},
		fields=["name", "reference_type", "reference_name"],
	):
		record = frappe.get_doc(todo.reference_type, todo.reference_name)
		institutions = {row.institution for row in record.get("responsible_institutions", [])}
		institutions |= {record.get("lead_institution"), record.get("institution")}
		if institution not in institutions:
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
