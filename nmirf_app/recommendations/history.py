"""The Recommendation form's short implementation history (nmirf_app/core/history.py orders it).

Every entry is read with the reader's own permissions (frappe.get_list): a focal point sees the
updates and actions they may open, never another institution's drafts."""

from dataclasses import asdict

import frappe
from frappe.utils import getdate

from nmirf_app.core.history import HistoryEntry, latest_approved, latest_first


@frappe.whitelist()
def get_implementation_history(recommendation: str) -> dict:
	frappe.get_doc("Recommendation", recommendation).check_permission("read")
	# actions link through a table: their names only decide which updates count, reading them is checked
	linked_actions = frappe.get_all(
		"Action Recommendation",
		filters={"parenttype": "Implementation Action", "recommendation": recommendation},
		pluck="parent",
	)
	entries = actions_of(linked_actions) + updates_on(recommendation, linked_actions)
	entries += assessments_of(recommendation)
	shown, earlier = latest_first(entries)
	approved = latest_approved(entries)
	return {
		"recommendation": recommendation,
		"entries": [asdict(entry) for entry in shown],  # dates go out as ISO strings
		"earlier": earlier,
		"latest_approved": asdict(approved) if approved else None,
	}


def actions_of(names: list[str]) -> list[HistoryEntry]:
	if not names:
		return []
	return [
		HistoryEntry(
			on=getdate(action.start_date or action.creation),
			kind="action",
			doctype="Implementation Action",
			name=action.name,
			status=action.status,
			who=action.lead_institution or "",
			title=action.action_title,
			until=getdate(action.end_date) if action.end_date else None,
		)
		for action in frappe.get_list(
			"Implementation Action",
			filters={"name": ("in", names)},
			fields=[
				"name",
				"action_title",
				"status",
				"lead_institution",
				"start_date",
				"end_date",
				"creation",
			],
			limit_page_length=0,
		)
	]


def updates_on(recommendation: str, actions: list[str]) -> list[HistoryEntry]:
	or_filters = [["recommendation", "=", recommendation]]
	if actions:
		or_filters.append(["implementation_action", "in", actions])
	return [
		HistoryEntry(
			on=getdate(update.approved_on or update.period_to or update.modified),
			kind="update",
			doctype="Progress Update",
			name=update.name,
			status=update.reported_status,
			state=update.workflow_state or "",
			who=update.institution or "",
			title=update.reports_on or "",
		)
		for update in frappe.get_list(
			"Progress Update",
			filters={"docstatus": ("<", 2)},
			or_filters=or_filters,
			fields=[
				"name",
				"reported_status",
				"workflow_state",
				"institution",
				"reports_on",
				"approved_on",
				"period_to",
				"modified",
			],
			limit_page_length=0,
		)
	]


def assessments_of(recommendation: str) -> list[HistoryEntry]:
	return [
		HistoryEntry(
			on=getdate(assessment.assessed_on or assessment.creation),
			kind="assessment",
			doctype="Implementation Assessment",
			name=assessment.name,
			status=assessment.status or "",
			who=assessment.voice or "",
			title=assessment.assessor_institution or assessment.assessor or "",
			grade=assessment.grade or "",
		)
		for assessment in frappe.get_list(
			"Implementation Assessment",
			filters={"recommendation": recommendation},
			fields=[
				"name",
				"status",
				"voice",
				"assessor",
				"assessor_institution",
				"grade",
				"assessed_on",
				"creation",
			],
			limit_page_length=0,
		)
	]
