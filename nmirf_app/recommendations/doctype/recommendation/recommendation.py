# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from nmirf_app.core.references import (
	build_dedupe_key,
	build_recommendation_reference,
	make_title,
	natural_sort_key,
	next_free_reference,
)
from nmirf_app.core.reporting_cycles import follow_up_deadline
from nmirf_app.core.upr_text import upr_cycle_of_session
from nmirf_app.recommendations.assignment import set_response_deadlines
from nmirf_app.recommendations.indexes import add_composite_indexes
from nmirf_app.recommendations.tags import drop_repeated_tags
from nmirf_app.utils import rule_message

UPR = "UPR"


class Recommendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.recommendations.doctype.recommendation_affected_group.recommendation_affected_group import (
			RecommendationAffectedGroup,
		)
		from nmirf_app.recommendations.doctype.recommendation_institution.recommendation_institution import (
			RecommendationInstitution,
		)
		from nmirf_app.recommendations.doctype.recommendation_recommending_state.recommendation_recommending_state import (
			RecommendationRecommendingState,
		)
		from nmirf_app.recommendations.doctype.recommendation_repeat.recommendation_repeat import (
			RecommendationRepeat,
		)
		from nmirf_app.recommendations.doctype.recommendation_sdg_target.recommendation_sdg_target import (
			RecommendationSDGTarget,
		)
		from nmirf_app.recommendations.doctype.recommendation_theme.recommendation_theme import (
			RecommendationTheme,
		)

		affected_groups: DF.TableMultiSelect[RecommendationAffectedGroup]
		annotation_type: DF.Literal["Recommendation", "Concern/Observation", "Other"]
		cluster: DF.Link | None
		dedupe_key: DF.Data | None
		document_date: DF.Date | None
		document_symbol: DF.Data | None
		follow_up_deadline: DF.Date | None
		follow_up_grade: DF.Data | None
		follow_up_required: DF.Check
		implementation_status: DF.Literal[
			"Not assessed", "Not started", "In progress", "Partially implemented", "Fully implemented"
		]
		institution_notes: DF.SmallText | None
		internal_notes: DF.TextEditor | None
		lead_institution: DF.Link | None
		mechanism: DF.Link
		mechanism_type: DF.Literal["", "UPR", "Treaty Body", "Special Procedure", "Regional", "Other"]
		paragraph: DF.Data | None
		position: DF.Literal["", "Supported", "Noted", "Supported in part"]
		position_source: DF.Data | None
		priority: DF.Literal["", "High", "Medium", "Low"]
		published: DF.Check
		recommendation_text: DF.Text
		recommending_states: DF.TableMultiSelect[RecommendationRecommendingState]
		reference_sort_key: DF.Data | None
		repeats: DF.Table[RecommendationRepeat]
		repeats_another: DF.Check
		responsible_institutions: DF.Table[RecommendationInstitution]
		sdg_targets: DF.Table[RecommendationSDGTarget]
		session: DF.Data | None
		state_report: DF.Link | None
		state_under_review: DF.Link | None
		themes: DF.TableMultiSelect[RecommendationTheme]
		title: DF.Data | None
		uhri_annotation_id: DF.Data | None
		uhri_document_id: DF.Data | None
		upr_cycle: DF.Int
		year: DF.Int

	# end: auto-generated types
	def autoname(self):
		self.set_derived_fields()
		reference = self.base_reference()
		if self.flags.batch:  # an import batch asked once for the names its rows may take
			taken = self.flags.batch.taken_references
		else:
			taken = set(
				frappe.get_all("Recommendation", filters={"name": ("like", f"{reference}%")}, pluck="name")
			)
		self.name = next_free_reference(reference, taken)
		taken.add(self.name)

	def base_reference(self) -> str:
		"""The reference the recommendation is named by, before any "-2" a namesake makes it take."""
		return build_recommendation_reference(
			self.mechanism,
			paragraph=self.paragraph,
			upr_cycle=self.upr_cycle if self.is_upr() else None,
			year=self.year,
		)

	def validate(self):
		self.set_derived_fields()
		self.validate_upr_fields()
		drop_repeated_tags(self)
		self.validate_responsible_institutions()
		set_response_deadlines(self)
		self.validate_follow_up()
		self.validate_repeats()
		self.link_state_report()
		self.set_dedupe_key()
		self.reference_sort_key = natural_sort_key(self.name)

	def on_update(self):
		from nmirf_app.recommendations.assignment import assign_new_institutions

		assign_new_institutions(self)

	def after_rename(self, old_name, new_name, merge=False):
		self.db_set("reference_sort_key", natural_sort_key(new_name), update_modified=False)

	def is_upr(self) -> bool:
		return self.mechanism_type == UPR or self.mechanism == UPR

	def set_derived_fields(self):
		if not self.mechanism_type and self.mechanism:
			self.mechanism_type = frappe.get_cached_value(
				"Human Rights Mechanism", self.mechanism, "mechanism_type"
			)
		self.title = make_title(self.recommendation_text)
		self.year = getdate(self.document_date).year if self.document_date else None
		if not self.state_under_review:
			self.state_under_review = frappe.db.get_single_value("NMIRF Settings", "state")
		if self.is_upr() and not self.upr_cycle and self.session:
			self.upr_cycle = upr_cycle_of_session(self.session)

	def validate_upr_fields(self):
		if self.is_upr():
			return
		if self.position:
			frappe.throw(
				_(
					"Position: only UPR recommendations are supported or noted by the State; clear it for {0}."
				).format(self.mechanism),
				title=_("Position not applicable"),
			)
		if self.recommending_states:
			frappe.throw(
				_(
					"Recommending States: only UPR recommendations come from other States; clear them for {0}."
				).format(self.mechanism),
				title=_("Recommending States not applicable"),
			)

	def validate_responsible_institutions(self):
		seen = set()
		leads = []
		for row in self.responsible_institutions:
			if row.institution in seen:
				frappe.throw(
					_("Responsible institutions, row {0}: {1} is listed twice.").format(
						row.idx, row.institution
					),
					title=_("Duplicate institution"),
				)
			seen.add(row.institution)
			if row.role == "Lead":
				leads.append(row)
		if len(leads) > 1:
			frappe.throw(
				_(
					"Responsible institutions, row {0}: only one institution can lead; {1} already leads."
				).format(leads[1].idx, leads[0].institution),
				title=_("More than one lead institution"),
			)
		self.lead_institution = leads[0].institution if leads else None

	def validate_repeats(self):
		self.repeats_another = int(bool(self.get("repeats")))
		seen = set()
		for row in self.get("repeats"):
			if row.repeats == self.name:
				frappe.throw(
					_("Repeats, row {0}: a recommendation cannot repeat itself.").format(row.idx),
					title=_("Repeat of itself"),
				)
			if row.repeats in seen:
				frappe.throw(
					_("Repeats, row {0}: {1} is listed twice.").format(row.idx, row.repeats),
					title=_("Repeat listed twice"),
				)
			seen.add(row.repeats)

	def validate_follow_up(self):
		if self.follow_up_deadline and not self.follow_up_required:
			frappe.throw(
				_("Follow-up deadline: tick 'Flagged for follow-up' or clear the deadline."),
				title=_("Follow-up deadline without follow-up"),
			)
		if self.follow_up_required and not self.follow_up_deadline and self.document_date:
			# the committee asks within its follow-up period (1 or 2 years) of the concluding observations
			years = frappe.db.get_value("Human Rights Mechanism", self.mechanism, "follow_up_period_years")
			if years:
				self.follow_up_deadline = follow_up_deadline(getdate(self.document_date), years)

	def link_state_report(self):
		"""Concluding observations imported after the dialogue point to the report that produced them."""
		if not self.state_report and self.document_symbol:
			from nmirf_app.reporting.doctype.state_report.state_report import report_for_outcome_document

			if self.flags.batch:
				self.state_report = self.flags.batch.state_reports.get(self.document_symbol)
			else:
				self.state_report = report_for_outcome_document(self.document_symbol)

	def set_dedupe_key(self):
		self.set_dedupe_key_value()
		if self.flags.batch:
			existing = self.flags.batch.recorded_dedupe_keys.get(self.dedupe_key)
		else:
			existing = frappe.db.get_value(
				"Recommendation", {"dedupe_key": self.dedupe_key, "name": ("!=", self.name or "")}, "name"
			)
		if existing and existing != self.name:
			frappe.throw(
				_("This recommendation is already recorded as {0}.").format(
					frappe.utils.get_link_to_form("Recommendation", existing)
				),
				exc=frappe.DuplicateEntryError,
				title=_("Duplicate recommendation"),
			)

	def set_dedupe_key_value(self):
		try:
			self.dedupe_key = build_dedupe_key(
				uhri_annotation_id=self.uhri_annotation_id,
				document_symbol=self.document_symbol,
				paragraph=self.paragraph,
				text=self.recommendation_text,
				mechanism_code=self.mechanism,
			)
		except ValueError as error:
			frappe.throw(
				_("Text: {0}").format(rule_message(error)), title=_("Recommendation cannot be identified")
			)


def on_doctype_update():
	add_composite_indexes("Recommendation")
