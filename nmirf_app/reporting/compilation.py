"""Compiling a State Report: gather what the NMIRF knows (the recommendations the report covers,
their approved progress, the accepted contributions), lay it out with
nmirf_app.core.report_compilation and attach the Word draft and the Excel matrix to the report.

It runs as a background job on the 'long' queue. The same data gives the same files: the Word file
is dated by the data (latest approval or acceptance), not by the time of compiling.
"""

import io
from dataclasses import replace

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime

from nmirf_app.core.report_compilation import (
	BY_CLUSTER,
	BY_RECOMMENDATION,
	BY_SDG,
	ApprovedProgress,
	Contribution,
	ReportRecommendation,
	assemble_report,
	recommendation_telling_each_action,
	write_docx,
	write_xlsx_matrix,
)
from nmirf_app.core.word_document import DocumentLayout
from nmirf_app.reporting.doctype.report_contribution.report_contribution import ACCEPTED

ORGANISATION = {
	"By cluster": BY_CLUSTER,
	"By recommendation": BY_RECOMMENDATION,
	"By SDG goal and target": BY_SDG,
}
RUNNING = ("Queued", "Compiling")
RECOMMENDATION_FIELDS = [
	"name",
	"mechanism",
	"document_symbol",
	"paragraph",
	"recommendation_text",
	"cluster",
	"implementation_status",
]


@frappe.whitelist()
def compile_state_report(state_report: str) -> str:
	"""Queue the compilation of a report's draft; whoever may edit the report may compile it."""
	report = frappe.get_doc("State Report", state_report)
	report.check_permission("write")
	if report.compilation_status in RUNNING:
		frappe.throw(_("This report is already being compiled ({0}).").format(_(report.compilation_status)))
	report.db_set({"compilation_status": "Queued", "compilation_error": None}, update_modified=False)
	frappe.enqueue(
		"nmirf_app.reporting.compilation.run_compilation_job",
		queue="long",
		timeout=3600,
		job_id=f"nmirf-compile::{state_report}",
		deduplicate=True,
		enqueue_after_commit=True,
		state_report=state_report,
	)
	return "Queued"


def run_compilation_job(state_report: str):
	"""Background entry point: a failure is recorded on the report, not retried."""
	try:
		compile_now(state_report)
	except CompilationError:
		pass


class CompilationError(Exception):
	pass


def compile_now(state_report: str) -> dict:
	"""Compile synchronously (the job, the tests and the demo call this) and return the figures."""
	report = frappe.get_doc("State Report", state_report)
	report.db_set({"compilation_status": "Compiling", "compilation_error": None}, update_modified=False)
	frappe.db.commit()
	progress(report, 10, _("Gathering recommendations"))
	try:
		document, figures = build_document(report)
		progress(report, 60, _("Writing the Word draft"))
		docx_bytes, xlsx_bytes = io.BytesIO(), io.BytesIO()
		write_docx(
			document, docx_bytes, generated_on=figures["dated"], layout=document_layout(report, figures)
		)
		write_xlsx_matrix(document, xlsx_bytes)
		outputs = {"compiled_docx": docx_bytes.getvalue(), "compiled_xlsx": xlsx_bytes.getvalue()}
		if report.report_type == "UPR mid-term report":
			progress(report, 80, _("Writing the UPR matrix"))
			outputs["compiled_upr_matrix"] = upr_matrix_annex([row.reference for row in document.annex])
		progress(report, 90, _("Attaching the files"))
		keep_compilation(report, outputs, figures, document.data_as_of)
	except Exception as error:
		frappe.db.rollback()
		message = str(error) if isinstance(error, ValueError) else frappe.get_traceback()
		if not isinstance(error, ValueError):
			frappe.log_error(title=f"Compilation of {state_report} failed")
		report.reload()
		report.db_set({"compilation_status": "Failed", "compilation_error": message}, update_modified=False)
		frappe.db.commit()
		progress(report, 100, _("Compilation failed"))
		raise CompilationError(message) from error

	report.db_set(
		{
			"compilation_status": "Compiled",
			"compiled_on": now_datetime(),
			"compiled_by": frappe.session.user,
			"data_as_of": document.data_as_of,
			"compilation_summary": summary(figures),
		},
		update_modified=False,
	)
	frappe.db.commit()
	progress(report, 100, _("Compiled"))
	return figures


def build_document(report):
	"""The laid-out draft and figures about what went into it."""
	recommendations = recommendations_in_scope(report)
	contributions = frappe.get_all(
		"Report Contribution",
		filters={"state_report": report.name, "workflow_state": ACCEPTED},
		fields=["section", "institution", "contribution_text", "cluster", "recommendation", "accepted_on"],
		order_by="name asc",
		limit_page_length=0,
	)
	# a contribution about a recommendation outside the scope brings the recommendation in
	missing = {row.recommendation for row in contributions if row.recommendation} - set(recommendations)
	if missing:
		rows = frappe.get_all(
			"Recommendation",
			filters={"name": ("in", sorted(missing))},
			fields=RECOMMENDATION_FIELDS,
			limit_page_length=0,
		)
		recommendations.update(with_sdg_targets({row.name: as_report_recommendation(row) for row in rows}))

	treaty_bodies = frappe.get_all(
		"Human Rights Mechanism", filters={"mechanism_type": "Treaty Body"}, pluck="name"
	)
	updates = approved_progress(report, recommendations, treaty_bodies)
	document = assemble_report(
		report.title,
		recommendations=recommendations.values(),
		progress=updates,
		contributions=[
			Contribution(
				section=row.section,
				institution=row.institution,
				text=row.contribution_text or "",
				cluster=row.cluster,
				recommendation=row.recommendation,
			)
			for row in contributions
		],
		organise_by=ORGANISATION[report.organise_by],
		introduction=report.introduction or "",
		treaty_bodies=treaty_bodies,
		translate=in_report_language(report),
		sdg_titles=sdg_titles() if ORGANISATION[report.organise_by] == BY_SDG else None,
	)
	dates = [update.approved_on for update in updates] + [
		getdate(row.accepted_on) for row in contributions if row.accepted_on
	]
	figures = {
		"sections": sum(1 for _section in document.iter_sections()),
		"paragraphs": len(document.numbered_paragraphs()),
		"recommendations": len(document.annex),
		"progress_updates": len(updates),
		"contributions": len(contributions),
		"dated": max(dates, default=getdate(report.creation)),
	}
	return document, figures


def recommendations_in_scope(report) -> dict[str, ReportRecommendation]:
	scope = report.recommendation_scope
	filters = {}
	if scope in ("Recommendations of the mechanism", "Follow-up paragraphs of the mechanism"):
		filters["mechanism"] = report.mechanism
	if scope == "Follow-up paragraphs of the mechanism":
		filters["follow_up_required"] = 1
	if scope == "Selected recommendations":
		filters["name"] = ("in", [row.recommendation for row in report.selected_recommendations] or [""])
	elif report.source_document_symbol:
		filters["document_symbol"] = report.source_document_symbol
	if ORGANISATION[report.organise_by] == BY_SDG:
		# told by SDG: the recommendations linked to a goal or target
		filters["name"] = ("in", linked_to_sdgs(filters.get("name")))
	rows = frappe.get_all(
		"Recommendation", filters=filters, fields=RECOMMENDATION_FIELDS, limit_page_length=0
	)
	return with_sdg_targets({row.name: as_report_recommendation(row) for row in rows})


def linked_to_sdgs(names_filter=None) -> list[str]:
	filters = {"parenttype": "Recommendation"}
	if names_filter:
		filters["parent"] = names_filter
	return frappe.get_all("Recommendation SDG Target", filters=filters, pluck="parent", distinct=True) or [""]


def with_sdg_targets(recommendations: dict[str, ReportRecommendation]) -> dict[str, ReportRecommendation]:
	"""The recommendations with their SDG targets ("5.2"), or the goal's number ("5") where a row
	names the goal only."""
	targets: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Recommendation SDG Target",
		filters={"parenttype": "Recommendation", "parent": ("in", sorted(recommendations) or [""])},
		fields=["parent", "sdg_target", "sdg_goal"],
		order_by="idx asc",
		limit_page_length=0,
	):
		label = row.sdg_target or (row.sdg_goal or "").removeprefix("SDG ").strip()
		if label:
			targets.setdefault(row.parent, []).append(label)
	return {
		name: replace(recommendation, sdg_targets=tuple(targets.get(name, ())))
		for name, recommendation in recommendations.items()
	}


def sdg_titles() -> dict[str, str]:
	"""The short titles of the SDG goals ("5") and targets ("5.2") for the draft's headings."""
	titles = {
		str(row.goal_number): row.short_title
		for row in frappe.get_all("SDG Goal", fields=["goal_number", "short_title"], limit_page_length=0)
	}
	for row in frappe.get_all("SDG Target", fields=["name", "short_title", "title"], limit_page_length=0):
		titles[row.name] = row.short_title or row.title
	return titles


def as_report_recommendation(row) -> ReportRecommendation:
	return ReportRecommendation(
		reference=row.name,
		mechanism=row.mechanism or "",
		document_symbol=row.document_symbol or "",
		paragraph=row.paragraph or "",
		text=row.recommendation_text or "",
		cluster=row.cluster,
		status=row.implementation_status or "Not assessed",
	)


def approved_progress(report, recommendations: dict, treaty_bodies) -> list[ApprovedProgress]:
	"""Approved updates on the covered recommendations, within the report's period. An update on an
	action goes with the first of the action's covered recommendations in the report's order, so
	that one piece of work is told once."""
	names = sorted(recommendations)
	if not names:
		return []
	action_rows = frappe.get_all(
		"Action Recommendation",
		filters={"parenttype": "Implementation Action", "recommendation": ("in", names)},
		fields=["parent", "recommendation"],
		limit_page_length=0,
	)
	first_of_action = recommendation_telling_each_action(
		((row.parent, row.recommendation) for row in action_rows), recommendations, treaty_bodies
	)

	filters = [["docstatus", "=", 1], ["workflow_state", "=", "Approved"]]
	if report.period_from:
		filters.append(["approved_on", ">=", report.period_from])
	if report.period_to:
		filters.append(["approved_on", "<=", report.period_to])
	updates = []
	for update in frappe.get_all(
		"Progress Update",
		filters=filters,
		or_filters=[
			["recommendation", "in", names],
			["implementation_action", "in", sorted(first_of_action) or [""]],
		],
		fields=["name", "recommendation", "implementation_action", "institution", "approved_on", "summary"],
		order_by="name asc",
		limit_page_length=0,
	):
		reference = (
			update.recommendation
			if update.recommendation in recommendations
			else first_of_action.get(update.implementation_action)
		)
		if reference and update.approved_on:
			updates.append(
				ApprovedProgress(
					reference, update.institution, getdate(update.approved_on), update.summary or ""
				)
			)
	return updates


def upr_matrix_annex(names: list[str]) -> bytes:
	"""The annex of a voluntary mid-term report: the latest cycle's UPR recommendations of the
	report, in OHCHR's thematic-list layout, with the State's assessments."""
	from nmirf_app.core.thematic_matrix import write_thematic_matrix_docx
	from nmirf_app.recommendations.implementation_matrix import thematic_matrix_rows

	cycles = frappe.get_all(
		"Recommendation",
		filters={"name": ("in", names or [""]), "mechanism": "UPR", "upr_cycle": ("is", "set")},
		pluck="upr_cycle",
		distinct=True,
	)
	if not cycles:
		raise ValueError(_("A UPR mid-term report needs UPR recommendations with their cycle in its scope."))
	header, rows = thematic_matrix_rows(
		[["Recommendation", "name", "in", names], ["Recommendation", "upr_cycle", "=", max(cycles)]]
	)
	return write_thematic_matrix_docx(rows, **header)


# compiled field -> (the version row's field, what its file is called)
OUTPUT_FILES = {
	"compiled_docx": ("word_draft", "draft.docx"),
	"compiled_xlsx": ("excel_matrix", "draft.xlsx"),
	"compiled_upr_matrix": ("upr_matrix", "upr-matrix.docx"),
}


# the State Report's language -> the language code of the draft and of its fixed words
LANGUAGE_CODES = {"English": "en", "French": "fr", "Spanish": "es", "Arabic": "ar"}
# from here on the report is the State's, no longer a draft
FINAL_STATES = ("Submitted", "Dialogue held", "Closed")


def report_language(report) -> str:
	return LANGUAGE_CODES.get(report.language or "English", "en")


def in_report_language(report):
	"""Translates the words the draft adds (headings, citations, Draft, Page X of Y) into the
	language of the report, whoever compiles it."""
	language = report_language(report)
	return lambda text: _(text, lang=language)


def document_layout(report, figures: dict) -> DocumentLayout:
	"""How the Word draft looks: page size (NMIRF Settings), the report's language for its fixed
	words and direction, and the title page's State, mechanism, symbol and date."""
	language = report_language(report)
	translate = in_report_language(report)
	settings = frappe.get_cached_doc("NMIRF Settings")
	mechanism = (
		frappe.db.get_value("Human Rights Mechanism", report.mechanism, "title") or report.mechanism
		if report.mechanism
		else None
	)
	return DocumentLayout(
		page_size=settings.page_size or "A4",
		language=language,
		state=translate(settings.state) if settings.state else "",
		mechanism=translate(mechanism) if mechanism else "",
		symbol=report.un_symbol or "",
		dated=figures["dated"],
		draft=report.workflow_state not in FINAL_STATES,
		author=settings.secretariat_institution or "NMIRF",
		translate=translate,
	)


def keep_compilation(report, outputs: dict[str, bytes], figures: dict, data_as_of):
	"""Keeps this compilation as a new version (the latest first) with its files, private to those
	who may read the report; the report's own file fields point to the latest. Earlier versions
	and their files stay."""
	versions = frappe.get_all(
		"State Report Compilation",
		filters={"parent": report.name, "parenttype": "State Report"},
		pluck="version",
	)
	version = max(versions, default=0) + 1
	urls = dict.fromkeys(OUTPUT_FILES)  # a file this compilation does not make is no longer linked
	for field, content in outputs.items():
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{report.name}-v{version}-{OUTPUT_FILES[field][1]}",
				"attached_to_doctype": "State Report",
				"attached_to_name": report.name,
				"attached_to_field": field,
				"is_private": 1,
				"content": content,
			}
		).insert(ignore_permissions=True)  # the report's own output; reading it needs the report
		urls[field] = file.file_url
	rows = frappe.qb.DocType("State Report Compilation")
	frappe.qb.update(rows).set(rows.idx, rows.idx + 1).where(rows.parent == report.name).run()
	frappe.get_doc(
		{
			"doctype": "State Report Compilation",
			"parent": report.name,
			"parenttype": "State Report",
			"parentfield": "compilations",
			"idx": 1,
			"version": version,
			"compiled_on": now_datetime(),
			"compiled_by": frappe.session.user,
			"data_as_of": data_as_of,
			"language": report.language or "English",
			"summary": summary(figures),
			**{OUTPUT_FILES[field][0]: url for field, url in urls.items()},
		}
	).db_insert()
	report.db_set(urls, update_modified=False)


def summary(figures: dict) -> str:
	return _(
		"{sections} headings, {paragraphs} numbered paragraphs, {recommendations} recommendations in the annex; "
		"from {progress_updates} approved progress updates and {contributions} accepted contributions."
	).format(**figures)


def progress(report, percent: int, description: str):
	frappe.publish_progress(percent, title=_("Compiling {0}").format(report.name), description=description)
	frappe.publish_realtime(
		"nmirf_compilation",
		{"state_report": report.name, "percent": percent, "description": description},
		doctype="State Report",
		docname=report.name,
	)
