# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import get_workflow_name
from frappe.utils import getdate, now_datetime, nowdate

from nmirf_app.core.references import normalise_symbol
from nmirf_app.workflows import check_edit_allowed_in_state, transition_action, workflow_state_changed

# The State's input to its Voluntary National Review on the SDGs (to the UN High-level Political
# Forum): the human rights recommendations told by SDG goal and target.
VNR_INPUT = "Voluntary National Review input"
BY_SDG = "By SDG goal and target"
# Reports not addressed to one human rights mechanism.
NMIRF_OWN_REPORTS = ("NMIRF annual report", "Report to parliament", VNR_INPUT)
# Reports that move the reporting calendar of their mechanism when submitted or discussed.
CALENDAR_REPORTS = ("Initial report", "Periodic report", "LOIPR reply", "UPR national report")
MECHANISM_SCOPES = ("Recommendations of the mechanism", "Follow-up paragraphs of the mechanism")
# Entering a stage of this name fills the date when it is empty. The stages themselves live in the
# "State Report Drafting" workflow, which a State may change; a renamed stage just leaves the date
# to be typed in.
DATE_OF_STAGE = {"Submitted": "submitted_on", "Dialogue held": "dialogue_on"}


class StateReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.reporting.doctype.state_report_compilation.state_report_compilation import (
			StateReportCompilation,
		)
		from nmirf_app.reporting.doctype.state_report_recommendation.state_report_recommendation import (
			StateReportRecommendation,
		)
		from nmirf_app.reporting.doctype.state_report_stage.state_report_stage import StateReportStage

		compilation_error: DF.SmallText | None
		compilation_status: DF.Literal["Not compiled", "Queued", "Compiling", "Compiled", "Failed"]
		compilation_summary: DF.SmallText | None
		compilations: DF.Table[StateReportCompilation]
		compiled_by: DF.Link | None
		compiled_docx: DF.Attach | None
		compiled_on: DF.Datetime | None
		compiled_upr_matrix: DF.Attach | None
		compiled_xlsx: DF.Attach | None
		concluding_observations_on: DF.Date | None
		concluding_observations_symbol: DF.Data | None
		data_as_of: DF.Date | None
		dialogue_on: DF.Date | None
		due_on: DF.Date | None
		introduction: DF.TextEditor | None
		language: DF.Literal["English", "French", "Spanish", "Arabic"]
		mechanism: DF.Link | None
		organise_by: DF.Literal["By cluster", "By recommendation", "By SDG goal and target"]
		outcome_recommendations: DF.Int
		period_from: DF.Date | None
		period_to: DF.Date | None
		procedure: DF.Literal["", "Standard", "Simplified (LOIPR)"]
		recommendation_scope: DF.Literal[
			"Recommendations of the mechanism",
			"Follow-up paragraphs of the mechanism",
			"Selected recommendations",
			"All recommendations",
		]
		report_type: DF.Literal[
			"Initial report",
			"Periodic report",
			"LOIPR reply",
			"UPR national report",
			"UPR mid-term report",
			"Follow-up report",
			"Common core document",
			"NMIRF annual report",
			"Report to parliament",
			"Voluntary National Review input",
		]
		reporting_obligation: DF.Link | None
		selected_recommendations: DF.TableMultiSelect[StateReportRecommendation]
		source_document_symbol: DF.Data | None
		stage_log: DF.Table[StateReportStage]
		submitted_on: DF.Date | None
		title: DF.Data
		un_symbol: DF.Data | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def validate(self):
		check_edit_allowed_in_state(self, _("Report"))
		if self.report_type == VNR_INPUT:
			self.organise_by = BY_SDG
		self.validate_mechanism()
		self.set_from_obligation()
		self.validate_period()
		self.concluding_observations_symbol = normalise_symbol(self.concluding_observations_symbol) or None
		self.source_document_symbol = normalise_symbol(self.source_document_symbol) or None
		self.record_stage()

	def on_update(self):
		self.move_reporting_calendar()
		self.link_outcome_recommendations()

	def validate_mechanism(self):
		if self.report_type in NMIRF_OWN_REPORTS:
			return
		if not self.mechanism:
			frappe.throw(
				_("Mechanism: say which mechanism the {0} goes to.").format(_(self.report_type).lower()),
				title=_("Mechanism missing"),
			)
		if self.recommendation_scope in MECHANISM_SCOPES and not self.mechanism:
			frappe.throw(_("Recommendations: choose a mechanism, or cover all or selected recommendations."))

	def set_from_obligation(self):
		self.reporting_obligation = (
			self.mechanism
			if self.mechanism and frappe.db.exists("Reporting Obligation", self.mechanism)
			else None
		)
		if not self.reporting_obligation:
			return
		obligation = frappe.db.get_value(
			"Reporting Obligation", self.reporting_obligation, ["procedure", "next_due_on"], as_dict=True
		)
		if not self.procedure:
			self.procedure = obligation.procedure
		if self.is_new() and not self.due_on and self.report_type in CALENDAR_REPORTS:
			self.due_on = obligation.next_due_on

	def validate_period(self):
		if self.period_from and self.period_to and getdate(self.period_from) > getdate(self.period_to):
			frappe.throw(
				_("Progress approved until: {0} is before the start of the period ({1}).").format(
					frappe.format(self.period_to, "Date"), frappe.format(self.period_from, "Date")
				),
				title=_("Invalid period"),
			)

	def record_stage(self):
		"""Each stage the report enters is kept with its date and who moved it there."""
		if self.is_new() and not self.workflow_state:
			# Frappe sets the first stage after the controller's validate; it is recorded now
			workflow = get_workflow_name(self.doctype)
			if workflow:
				self.workflow_state = frappe.get_cached_doc("Workflow", workflow).states[0].state
		if not self.workflow_state or not workflow_state_changed(self):
			return
		self.append(
			"stage_log",
			{
				"stage": self.workflow_state,
				"entered_on": now_datetime(),
				"entered_by": frappe.session.user,
				"action": transition_action(self),
			},
		)
		date_field = DATE_OF_STAGE.get(self.workflow_state)
		if date_field and not self.get(date_field):
			self.set(date_field, nowdate())

	def move_reporting_calendar(self):
		if self.report_type not in CALENDAR_REPORTS or not self.reporting_obligation:
			return
		if not (self.submitted_on or self.dialogue_on):
			return
		obligation = frappe.get_doc("Reporting Obligation", self.reporting_obligation)
		obligation.record_report(self)

	def link_outcome_recommendations(self):
		"""The concluding observations (or UPR outcome) this report led to: their recommendations,
		imported before or after, point back to it (see Recommendation.link_state_report)."""
		symbol = self.concluding_observations_symbol
		before = self.get_doc_before_save()
		if not symbol or (before and before.concluding_observations_symbol == symbol):
			return
		recommendation = frappe.qb.DocType("Recommendation")
		(
			frappe.qb.update(recommendation)
			.set(recommendation.state_report, self.name)
			.where(recommendation.document_symbol == symbol)
			.where(recommendation.state_report.isnull() | (recommendation.state_report == ""))
			.run()
		)
		self.db_set(
			"outcome_recommendations",
			frappe.db.count("Recommendation", {"state_report": self.name}),
			update_modified=False,
		)


def report_for_outcome_document(document_symbol: str | None) -> str | None:
	"""The State Report whose outcome document this is, if one names it."""
	symbol = normalise_symbol(document_symbol)
	if not symbol:
		return None
	return frappe.db.get_value("State Report", {"concluding_observations_symbol": symbol}, "name")


def reports_for_outcome_documents(document_symbols) -> dict[str, str]:
	"""report_for_outcome_document for many symbols (as written) in one query: symbol -> report."""
	normalised = {symbol: normalise_symbol(symbol) for symbol in document_symbols if symbol}
	wanted = {value for value in normalised.values() if value}
	if not wanted:
		return {}
	reports = dict(
		frappe.get_all(
			"State Report",
			filters={"concluding_observations_symbol": ("in", sorted(wanted))},
			fields=["concluding_observations_symbol", "name"],
			as_list=True,
		)
	)
	return {symbol: reports[value] for symbol, value in normalised.items() if value in reports}
