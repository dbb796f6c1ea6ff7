"""Keeps recommendations' and clusters' implementation status in step with approved progress,
assessments and actions, by the rule in nmirf_app.core.status_rules (one query per kind of input)."""

from collections import defaultdict

import frappe

from nmirf_app.core.status_rules import (
	ActionState,
	ApprovedUpdate,
	Assessment,
	derive_cluster_status,
	derive_recommendation_status,
)
from nmirf_app.recommendations.tally import written_directly


def refresh_recommendation_status(recommendations):
	names = sorted(set(filter(None, recommendations)))
	if not names:
		return
	actions_of = defaultdict(list)
	action_rows = frappe.get_all(
		"Action Recommendation",
		filters={"parenttype": "Implementation Action", "recommendation": ("in", names)},
		fields=["parent", "recommendation"],
		limit_page_length=0,
	)
	for row in action_rows:
		actions_of[row.recommendation].append(row.parent)
	action_names = sorted({row.parent for row in action_rows})
	actions = {
		action.name: action
		for action in frappe.get_all(
			"Implementation Action",
			filters={"name": ("in", action_names)},
			fields=["name", "status", "progress_percent"],
			limit_page_length=0,
		)
	}

	# approved updates count for the recommendation they name and for those of their action
	updates_of = defaultdict(list)
	update_filters = [["docstatus", "=", 1], ["workflow_state", "=", "Approved"]]
	for update in frappe.get_all(
		"Progress Update",
		filters=update_filters,
		or_filters=[["recommendation", "in", names], ["implementation_action", "in", action_names or [""]]],
		fields=["recommendation", "implementation_action", "approved_on", "reported_status", "creation"],
		order_by="creation asc",
		limit_page_length=0,
	):
		approved = ApprovedUpdate(update.approved_on or update.creation.date(), update.reported_status)
		targets = {update.recommendation} if update.recommendation in names else set()
		targets |= {name for name in names if update.implementation_action in actions_of[name]}
		for name in targets:
			updates_of[name].append(approved)

	assessments_of = defaultdict(list)
	latest_grade = {}
	for assessment in frappe.get_all(
		"Implementation Assessment",
		filters={"recommendation": ("in", names)},
		fields=["recommendation", "voice", "assessed_on", "status", "grade"],
		order_by="assessed_on asc, creation asc",
		limit_page_length=0,
	):
		if assessment.grade:
			latest_grade[assessment.recommendation] = assessment.grade
		assessments_of[assessment.recommendation].append(
			Assessment(
				assessment.voice, assessment.assessed_on, assessment.status or None, assessment.grade or None
			)
		)

	clusters = set()
	current = {
		row.name: row
		for row in frappe.get_all(
			"Recommendation",
			filters={"name": ("in", names)},
			fields=["name", "implementation_status", "cluster", "follow_up_grade"],
		)
	}
	changed = {}
	for name in names:
		status = derive_recommendation_status(
			updates_of[name],
			assessments_of[name],
			[
				ActionState(actions[action].status, actions[action].progress_percent or 0)
				for action in actions_of[name]
				if action in actions
			],
		)
		grade = latest_grade.get(name)
		if name in current and (
			current[name].implementation_status != status or (current[name].follow_up_grade or None) != grade
		):
			changed[name] = {"implementation_status": status, "follow_up_grade": grade}
		if name in current and current[name].cluster:
			clusters.add(current[name].cluster)
	with written_directly(changed):
		for name, values in changed.items():
			# a system effect of an approval or assessment: its author may not edit the recommendation
			frappe.db.set_value("Recommendation", name, values)
	refresh_cluster_status(clusters)


def refresh_cluster_status(clusters):
	for cluster in filter(None, clusters):
		statuses = frappe.get_all(
			"Recommendation", filters={"cluster": cluster}, pluck="implementation_status"
		)
		frappe.db.set_value(
			"Recommendation Cluster", cluster, "implementation_status", derive_cluster_status(statuses)
		)
