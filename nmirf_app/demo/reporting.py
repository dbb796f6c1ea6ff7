"""Load the demo's reporting (nmirf_app.core.demo_reporting): the calendar, reports at several
stages with their contributions, approved progress, and one compiled draft. Everything goes through
the workflows as the demo's people, so the demo shows real stage histories. Loading twice changes
nothing: records are looked up by their natural key first."""

import frappe
from frappe.model.workflow import apply_workflow

from nmirf_app.core import demo_reporting
from nmirf_app.core.demo_data import DEMO_EMAIL_DOMAIN
from nmirf_app.demo.records import insert_each
from nmirf_app.permissions import active_focal_point_users
from nmirf_app.utils import as_user

SECRETARIAT = f"secretariat@{DEMO_EMAIL_DOMAIN}"
APPROVER = f"approver@{DEMO_EMAIL_DOMAIN}"
# Who takes each action of the drafting and contribution workflows in the demo.
ACTORS = {"Approve and submit": APPROVER, "Accept": SECRETARIAT}
REPORTED_STATUS = {"Partially implemented", "Fully implemented", "In progress"}


def load_reporting() -> dict:
	counts = {
		"reporting obligations": load_obligations(),
		"approved progress updates": load_progress(),
	}
	reports = load_reports()
	counts["state reports"] = len(reports)
	counts["report contributions"] = sum(
		frappe.db.count("Report Contribution", {"state_report": name}) for name in reports.values()
	)
	from nmirf_app.reporting.compilation import compile_now

	for title in demo_reporting.COMPILED_REPORTS:
		if frappe.db.get_value("State Report", reports[title], "compilation_status") != "Compiled":
			as_user(SECRETARIAT, compile_now, reports[title])
	return counts


def load_obligations() -> int:
	return insert_each(
		"Reporting Obligation",
		demo_reporting.OBLIGATIONS,
		key=lambda obligation: obligation.mechanism,
		values=lambda obligation: {
			"mechanism": obligation.mechanism,
			"procedure": obligation.procedure,
			"last_submitted_on": obligation.last_submitted_on,
			"last_dialogue_on": obligation.last_dialogue_on,
			"next_due_override": obligation.next_due_override,
			"notes": obligation.notes,
		},
	)


def load_progress() -> int:
	"""A few approved updates per mechanism, one per cluster (each cluster has its own text), from the
	lead institution's focal point through its validator to the secretariat."""
	for mechanism in demo_reporting.PROGRESS_MECHANISMS:
		clusters_done = set()
		for recommendation in frappe.get_all(
			"Recommendation",
			filters={
				"mechanism": mechanism,
				"cluster": ("in", list(demo_reporting.PROGRESS_BY_CLUSTER)),
				"lead_institution": ("is", "set"),
			},
			fields=["name", "cluster", "lead_institution", "implementation_status"],
			order_by="name asc",
		):
			if len(clusters_done) == demo_reporting.PROGRESS_PER_MECHANISM:
				break
			if recommendation.cluster in clusters_done:
				continue
			focal_points = active_focal_point_users(recommendation.lead_institution)
			validator = frappe.db.get_value(
				"Institution", recommendation.lead_institution, "validating_authority"
			)
			if not focal_points or not validator:
				continue
			clusters_done.add(recommendation.cluster)
			summary = demo_reporting.PROGRESS_BY_CLUSTER[recommendation.cluster]
			if frappe.db.exists(
				"Progress Update", {"recommendation": recommendation.name, "summary": summary}
			):
				continue
			status = recommendation.implementation_status
			update = as_user(
				focal_points[0],
				lambda recommendation=recommendation, summary=summary, status=status: frappe.get_doc(
					{
						"doctype": "Progress Update",
						"recommendation": recommendation.name,
						"institution": recommendation.lead_institution,
						"period_from": "2026-01-01",
						"period_to": "2026-09-30",
						"reported_status": status if status in REPORTED_STATUS else "In progress",
						"summary": summary,
					}
				).insert(),
			)
			if update.reported_status == "Fully implemented":
				# a claim of full implementation goes to review with its proof (NMIRF Settings)
				as_user(focal_points[0], attach_demo_evidence, update)
			for user, action in (
				(focal_points[0], "Submit for validation"),
				(validator, "Validate"),
				(SECRETARIAT, "Approve"),
			):
				update = as_user(user, apply_workflow, update.as_dict(), action)
			if frappe.db.get_value("Recommendation", recommendation.name, "published"):
				# the secretariat publishes approved progress on published recommendations
				update = frappe.get_doc("Progress Update", update.name)
				update.published = 1
				as_user(SECRETARIAT, update.save)
	return frappe.db.count("Progress Update", {"docstatus": 1})


def load_reports() -> dict[str, str]:
	names = {}
	for spec in demo_reporting.REPORTS:
		name = frappe.db.get_value("State Report", {"title": spec.title})
		if not name:
			name = create_report(spec)
		names[spec.title] = name
	return names


def create_report(spec: demo_reporting.DemoReport) -> str:
	values = {
		"doctype": "State Report",
		"title": spec.title,
		"report_type": spec.report_type,
		"mechanism": spec.mechanism,
		"due_on": spec.due_on,
		"recommendation_scope": spec.recommendation_scope,
		"source_document_symbol": spec.source_document_symbol,
		"submitted_on": spec.submitted_on,
		"dialogue_on": spec.dialogue_on,
		"introduction": spec.introduction,
	}
	if spec.period:
		values["period_from"], values["period_to"] = spec.period
	report = as_user(SECRETARIAT, lambda: frappe.get_doc(values).insert())
	for contribution in spec.contributions:
		add_contribution(report.name, contribution)
	for action in spec.actions:
		report = as_user(ACTORS.get(action, SECRETARIAT), apply_workflow, report.as_dict(), action)
	if spec.concluding_observations_symbol:
		report = frappe.get_doc("State Report", report.name)
		report.concluding_observations_symbol = spec.concluding_observations_symbol
		as_user(SECRETARIAT, report.save)
	return report.name


def add_contribution(state_report: str, spec: demo_reporting.DemoContribution):
	contribution = as_user(
		SECRETARIAT,
		lambda: frappe.get_doc(
			{
				"doctype": "Report Contribution",
				"state_report": state_report,
				"section": spec.section,
				"institution": spec.institution,
				"cluster": spec.cluster,
				"due_on": spec.due_on,
				"instructions": f"<p>Please describe the measures taken on: {spec.section}.</p>",
			}
		).insert(),
	)
	focal_point = (active_focal_point_users(spec.institution) or [SECRETARIAT])[0]
	if spec.text:
		contribution.contribution_text = spec.text
		contribution = as_user(focal_point, contribution.save)
	for action in spec.actions:
		actor = ACTORS.get(action, focal_point)
		contribution = as_user(actor, apply_workflow, contribution.as_dict(), action)


def attach_demo_evidence(update):
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"evidence-{update.name}.pdf",
			"is_private": 1,
			"attached_to_doctype": update.doctype,
			"attached_to_name": update.name,
			"content": f"%PDF-1.4\n% Demo evidence for {update.name}: the decree in force\n%%EOF\n".encode(),
		}
	).insert()
