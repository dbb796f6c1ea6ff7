# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate


class ImplementationPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		approval_reference: DF.Data | None
		approved_on: DF.Date | None
		approving_body: DF.Data | None
		coordinating_institution: DF.Link | None
		currency: DF.Link | None
		description: DF.TextEditor | None
		period_from: DF.Date
		period_to: DF.Date
		plan_title: DF.Data
		plan_type: DF.Literal[
			"National human rights action plan",
			"Recommendation implementation plan",
			"Sectoral plan",
			"Other",
		]
		published: DF.Check
		status: DF.Literal["Draft", "Approved", "In force", "Closed"]
		total_budget: DF.Currency

	# end: auto-generated types
	def validate(self):
		if getdate(self.period_to) < getdate(self.period_from):
			frappe.throw(_("Period to: the plan cannot end before it starts."), title=_("Invalid period"))


def refresh_plan_budget(plan: str | None):
	"""A plan's total is its actions' budgets, kept as they change (cancelled actions left out)."""
	if not plan or not frappe.db.exists("Implementation Plan", plan):
		return
	actions = frappe.get_all(
		"Implementation Action",
		filters={"implementation_plan": plan, "status": ("!=", "Cancelled")},
		fields=["total_budget", "currency"],
	)
	currency = next((row.currency for row in actions if row.currency), None) or frappe.db.get_single_value(
		"NMIRF Settings", "currency"
	)
	frappe.db.set_value(
		"Implementation Plan",
		plan,
		{"total_budget": sum(flt(row.total_budget) for row in actions), "currency": currency},
		update_modified=False,
	)
