# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate

from nmirf_app.implementation.doctype.implementation_plan.implementation_plan import refresh_plan_budget
from nmirf_app.implementation.status import refresh_recommendation_status


class ImplementationAction(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.implementation.doctype.action_budget_line.action_budget_line import ActionBudgetLine
		from nmirf_app.implementation.doctype.action_partner_institution.action_partner_institution import (
			ActionPartnerInstitution,
		)
		from nmirf_app.implementation.doctype.action_recommendation.action_recommendation import (
			ActionRecommendation,
		)

		action_title: DF.Data
		budget_lines: DF.Table[ActionBudgetLine]
		currency: DF.Link | None
		description: DF.TextEditor | None
		end_date: DF.Date
		implementation_plan: DF.Link | None
		lead_institution: DF.Link
		partner_institutions: DF.TableMultiSelect[ActionPartnerInstitution]
		progress_percent: DF.Percent
		recommendations: DF.Table[ActionRecommendation]
		start_date: DF.Date
		status: DF.Literal["Planned", "In progress", "Completed", "On hold", "Cancelled"]
		total_budget: DF.Currency

	# end: auto-generated types
	def validate(self):
		self.validate_dates()
		self.validate_progress()
		self.total_budget = sum(flt(line.amount) for line in self.budget_lines)
		if not self.currency:
			self.currency = frappe.db.get_single_value("NMIRF Settings", "currency")

	def on_update(self):
		before = self.get_doc_before_save()
		linked = {row.recommendation for row in self.recommendations}
		if before:
			linked |= {row.recommendation for row in before.recommendations}
		refresh_recommendation_status(linked)
		for plan in {self.implementation_plan, before.implementation_plan if before else None}:
			refresh_plan_budget(plan)

	def after_delete(self):
		refresh_plan_budget(self.implementation_plan)

	def validate_dates(self):
		if self.start_date and self.end_date and getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(_("End: the action cannot end before it starts."), title=_("Invalid dates"))

	def validate_progress(self):
		if not 0 <= flt(self.progress_percent) <= 100:
			frappe.throw(_("Progress: give a percentage between 0 and 100."), title=_("Invalid progress"))
		if self.status == "Completed":
			self.progress_percent = 100
