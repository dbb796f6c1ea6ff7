"""The demo's reporting data is consistent with the rest of the demo and with the workflows the app
ships, so that loading it cannot fail half-way on a new site."""

import json
from pathlib import Path

from nmirf_app.core import demo_reporting
from nmirf_app.core.demo_data import build_demo_dataset
from nmirf_app.core.reference_data import mechanisms

APP = Path(__file__).resolve().parents[1] / "nmirf_app"
STATE_REPORT_WORKFLOW = json.loads((APP / "reporting" / "state_report_workflow.json").read_text())
CONTRIBUTION_WORKFLOW = next(
	workflow
	for workflow in json.loads((APP / "fixtures" / "workflow.json").read_text())
	if workflow["name"] == "Report Contribution Review"
)


def walk(workflow: dict, actions) -> str:
	"""The state the actions lead to from the first state; fails on an action not available."""
	state = workflow["states"][0]["state"]
	for action in actions:
		moves = {
			row["next_state"]
			for row in workflow["transitions"]
			if row["state"] == state and row["action"] == action
		}
		assert moves, f"{action!r} is not available in {state!r}"
		(state,) = moves
	return state


def test_obligations_name_shipped_mechanisms_once_each():
	codes = {row["code"] for row in mechanisms()}
	names = [obligation.mechanism for obligation in demo_reporting.OBLIGATIONS]
	assert len(names) == len(set(names))
	assert set(names) <= codes


def test_reports_and_contributions_follow_the_shipped_workflows_and_demo_records():
	dataset = build_demo_dataset()
	institutions = {institution.name for institution in dataset.institutions}
	clusters = {cluster.name for cluster in dataset.clusters}
	assert walk(STATE_REPORT_WORKFLOW, demo_reporting.REPORTS[0].actions) == "Drafting"
	for report in demo_reporting.REPORTS:
		walk(STATE_REPORT_WORKFLOW, report.actions)
		for contribution in report.contributions:
			assert contribution.institution in institutions
			assert contribution.cluster is None or contribution.cluster in clusters
			final = walk(CONTRIBUTION_WORKFLOW, contribution.actions)
			assert contribution.text or final == "Requested", "a sent contribution has a text"
	assert set(demo_reporting.PROGRESS_BY_CLUSTER) <= clusters


def test_the_draft_report_answers_a_demo_document():
	dataset = build_demo_dataset()
	symbols = {recommendation.document_symbol for recommendation in dataset.recommendations}
	for report in demo_reporting.REPORTS:
		for symbol in (report.source_document_symbol, report.concluding_observations_symbol):
			assert symbol is None or symbol in symbols


def test_engagement_demo_names_demo_institutions_and_special_procedures():
	from nmirf_app.core import demo_engagement

	dataset = build_demo_dataset()
	institutions = {institution.name for institution in dataset.institutions}
	special_procedures = {row["code"] for row in mechanisms() if row["mechanism_type"] == "Special Procedure"}
	for consultation in demo_engagement.CONSULTATIONS:
		assert {institution for _kind, institution in consultation.participants} <= institutions
		assert consultation.state_report in (None, *(report.title for report in demo_reporting.REPORTS))
	for communication in demo_engagement.COMMUNICATIONS:
		assert set(communication.mandates) <= special_procedures
		assert communication.responsible_institution in (None, *institutions)
	assert demo_engagement.VISIT["mechanism"] in special_procedures
	for submission in demo_engagement.SUBMISSIONS:
		assert submission.organisation in institutions
		assert not submission.actions or submission.public_reason, "a decision is published with its reason"
