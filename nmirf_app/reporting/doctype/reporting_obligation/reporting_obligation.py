# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate, nowdate

from nmirf_app.core import reporting_cycles
from nmirf_app.utils import rule_message


class ReportingObligation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		calendar_refreshed_on: DF.Date | None
		days_until_due: DF.Int
		initial_due_on: DF.Date | None
		is_active: DF.Check
		is_overdue: DF.Check
		last_dialogue_on: DF.Date | None
		last_state_report: DF.Link | None
		last_submitted_on: DF.Date | None
		mechanism: DF.Link
		mechanism_title: DF.Data | None
		mechanism_type: DF.Data | None
		mid_term_due_on: DF.Date | None
		next_due_on: DF.Date | None
		next_due_override: DF.Date | None
		next_report_type: DF.Data | None
		notes: DF.SmallText | None
		periodicity_years: DF.Float
		procedure: DF.Literal["Standard", "Simplified (LOIPR)"]

	# end: auto-generated types
	def validate(self):
		self.refresh_calendar()

	def as_core_obligation(self) -> reporting_cycles.ReportingObligation:
		try:
			return reporting_cycles.ReportingObligation(
				mechanism=self.mechanism,
				periodicity_years=flt(self.periodicity_years),
				procedure=self.procedure or reporting_cycles.STANDARD_PROCEDURE,
				last_submitted_on=_date(self.last_submitted_on),
				last_dialogue_on=_date(self.last_dialogue_on),
				next_due_override=_date(self.next_due_override),
				initial_due_on=_date(self.initial_due_on),
			)
		except ValueError as error:
			frappe.throw(rule_message(error), title=_("Invalid reporting obligation"))

	def refresh_calendar(self, today=None) -> bool:
		"""Recompute the next report and its lateness; True when something changed."""
		today = getdate(today or nowdate())
		obligation = self.as_core_obligation()
		due_on = reporting_cycles.next_due_date(obligation)
		values = {
			"next_due_on": due_on,
			"next_report_type": reporting_cycles.next_report_type(obligation) if due_on else None,
			"days_until_due": reporting_cycles.days_until_due(obligation, today),
			"is_overdue": int(bool(self.is_active) and reporting_cycles.is_overdue(obligation, today)),
			"mid_term_due_on": (
				reporting_cycles.upr_mid_term_due_date(obligation.last_dialogue_on)
				if obligation.is_upr and obligation.last_dialogue_on
				else None
			),
		}
		changed = any(_differs(self.get(field), value) for field, value in values.items())
		self.update(values)
		self.calendar_refreshed_on = today
		return changed

	def record_report(self, state_report):
		"""A report to this mechanism was submitted or discussed: the calendar moves on. The due date
		the mechanism had set was for that report, so it no longer applies; the secretariat enters the
		next one from the new concluding observations."""
		submitted_on = _date(state_report.submitted_on)
		dialogue_on = _date(state_report.dialogue_on)
		moved = False
		if submitted_on and (not self.last_submitted_on or submitted_on > getdate(self.last_submitted_on)):
			self.last_submitted_on = submitted_on
			self.next_due_override = None
			moved = True
		if dialogue_on and (not self.last_dialogue_on or dialogue_on > getdate(self.last_dialogue_on)):
			self.last_dialogue_on = dialogue_on
			self.next_due_override = None
			moved = True
		if moved:
			self.last_state_report = state_report.name
			# the report's save already passed its own permission checks; this is its consequence
			self.save(ignore_permissions=True)
		return moved


def _date(value):
	return getdate(value) if value else None


def _differs(current, new) -> bool:
	if current in (None, "") and new in (None, ""):
		return False
	if hasattr(new, "isoformat") and current:
		return getdate(current) != new
	return current != new


def refresh_reporting_calendar(today=None) -> int:
	"""Daily: lateness depends on the date, so every obligation is recomputed. Returns how many changed."""
	changed = 0
	for name in frappe.get_all("Reporting Obligation", pluck="name"):
		obligation = frappe.get_doc("Reporting Obligation", name)
		changed += obligation.refresh_calendar(today)
		obligation.db_update()  # also records the day it was refreshed
	return changed
