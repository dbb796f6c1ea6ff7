"""The reporting calendar: when the State's next report to each mechanism is due.

The rules, as the secretariat applies them:

1. A date the mechanism itself set wins (`next_due_override`): the "next periodic report due by"
   date in a committee's concluding observations, the national-report deadline OHCHR announces for
   a UPR session, or the date by which a State on the simplified procedure must answer its List of
   Issues Prior to Reporting (set by the committee when it sends the list, not by any periodicity).
   The procedure is therefore recorded but does not change the arithmetic.
2. The UPR reviews every State once per cycle, so the next review follows the previous one
   (`last_dialogue_on`, the Working Group review) by the cycle length. The due date is that of the
   review itself; the national report goes in about twelve weeks earlier, on a deadline OHCHR sets
   per session, which the secretariat enters as the override once known. Without a known review
   date the previous national report plus the cycle gives the same answer a few weeks early.
3. A report never submitted is due on `initial_due_on` (the initial report, usually one or two
   years after the treaty entered into force for the State); unknown, nothing is computed.
4. Otherwise the last submission plus the periodicity. No periodicity (SPT, CED and special
   procedures report on request, not on a cycle) means nothing is due.

Periodicities are years, possibly fractional: 4.5 years is 4 years and 6 months. Adding months
keeps the day of the month, or the month's last day when it is shorter (29 February + 1 year is
28 February).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from nmirf_app.core.messages import RuleError, _lt
from nmirf_app.core.recommendation_import import UPR_MECHANISM

STANDARD_PROCEDURE = "Standard"
SIMPLIFIED_PROCEDURE = "Simplified (LOIPR)"
PROCEDURES = (STANDARD_PROCEDURE, SIMPLIFIED_PROCEDURE)

# The kinds of report the calendar announces, named as the State Report's report types.
INITIAL_REPORT = "Initial report"
PERIODIC_REPORT = "Periodic report"
UPR_NATIONAL_REPORT = "UPR national report"
UPR_MID_TERM_REPORT = "UPR mid-term report"

# The voluntary UPR mid-term report has no deadline. Human Rights Council resolution 16/21 (2011),
# annex, para. 18, encourages a "midterm update on follow-up to accepted recommendations"; UPR Info
# ("Good practices for UPR mid-term reporting", 2025) advises submitting it around two and a half years
# after the adoption of the outcome, half of the 4.5-year fourth cycle (a 2014 joint statement of 47 States
# said two years). We count from the Working Group review, a few months before the adoption: early side.
UPR_MID_TERM_MONTHS = 30


@dataclass(frozen=True)
class ReportingObligation:
	"""One line of the reporting calendar: the State's reporting to one mechanism."""

	mechanism: str  # the Human Rights Mechanism code: "UPR", "CRC", "CEDAW" …
	periodicity_years: float
	procedure: str
	last_submitted_on: date | None
	last_dialogue_on: date | None = None  # the constructive dialogue, or for the UPR the review
	next_due_override: date | None = None
	initial_due_on: date | None = None

	def __post_init__(self) -> None:
		if self.procedure not in PROCEDURES:
			raise RuleError(
				_lt("Unknown reporting procedure {0}; expected one of {1}"),
				repr(self.procedure),
				", ".join(PROCEDURES),
			)
		if self.periodicity_years < 0:
			raise RuleError(
				_lt("A reporting periodicity cannot be negative ({0} years)"), self.periodicity_years
			)

	@property
	def is_upr(self) -> bool:
		return self.mechanism.strip().upper() == UPR_MECHANISM


class UpcomingReport(NamedTuple):
	obligation: ReportingObligation
	due_on: date
	overdue: bool
	# Tells the voluntary UPR mid-term report apart from the national report of the same obligation.
	report_type: str


def add_months(start: date, months: int) -> date:
	"""`start` moved by whole months; a day the target month lacks becomes its last day."""
	month_index = start.year * 12 + start.month - 1 + months
	year, month = divmod(month_index, 12)
	last_day = calendar.monthrange(year, month + 1)[1]
	return date(year, month + 1, min(start.day, last_day))


def add_years(start: date, years: float) -> date:
	"""`start` plus a possibly fractional number of years, counted in whole months (4.5 → 54 months);
	a fraction that is not a whole month rounds to the nearest month."""
	return add_months(start, round(years * 12))


def next_due_date(obligation: ReportingObligation) -> date | None:
	"""When the next report is due, by the rules in this module's docstring; None when nothing is."""
	if obligation.next_due_override:
		return obligation.next_due_override
	if obligation.is_upr and obligation.last_dialogue_on and obligation.periodicity_years:
		return add_years(obligation.last_dialogue_on, obligation.periodicity_years)
	if obligation.last_submitted_on is None:
		return obligation.initial_due_on
	if not obligation.periodicity_years:
		return None
	return add_years(obligation.last_submitted_on, obligation.periodicity_years)


def is_overdue(obligation: ReportingObligation, today: date) -> bool:
	"""True once the due date has passed; a report due today is not late yet."""
	due_on = next_due_date(obligation)
	return due_on is not None and due_on < today


def days_until_due(obligation: ReportingObligation, today: date) -> int | None:
	"""Days left until the due date, negative when overdue; None when nothing is due."""
	due_on = next_due_date(obligation)
	return None if due_on is None else (due_on - today).days


def upr_mid_term_due_date(last_review_on: date) -> date:
	"""When the voluntary UPR mid-term report is encouraged: 2.5 years after the review (see
	UPR_MID_TERM_MONTHS for the source)."""
	return add_months(last_review_on, UPR_MID_TERM_MONTHS)


def follow_up_deadline(concluding_observations_on: date, follow_up_years: float) -> date:
	"""The deadline of a treaty body's follow-up procedure: the committee asks for information on
	the flagged paragraphs within one or two years (depending on the committee) of adopting its
	concluding observations."""
	if follow_up_years <= 0:
		raise RuleError(_lt("A follow-up period must be positive, not {0} years"), follow_up_years)
	return add_years(concluding_observations_on, follow_up_years)


def upcoming_reports(
	obligations: Iterable[ReportingObligation], today: date, horizon_months: int = 24
) -> list[UpcomingReport]:
	"""The reports to plan for: every overdue one, however late, and those due within
	`horizon_months`; overdue first, then by due date.

	A UPR obligation with a known review date also announces the voluntary mid-term report while its
	date is still ahead (within the horizon). It is never listed as overdue: it is voluntary, and the
	calendar does not record whether one was sent.
	"""
	horizon_ends_on = add_months(today, horizon_months)
	upcoming = []
	for obligation in obligations:
		due_on = next_due_date(obligation)
		if due_on is not None and due_on <= horizon_ends_on:
			upcoming.append(UpcomingReport(obligation, due_on, due_on < today, next_report_type(obligation)))
		if obligation.is_upr and obligation.last_dialogue_on:
			mid_term_on = upr_mid_term_due_date(obligation.last_dialogue_on)
			if today <= mid_term_on <= horizon_ends_on:
				upcoming.append(UpcomingReport(obligation, mid_term_on, False, UPR_MID_TERM_REPORT))
	return sorted(
		upcoming,
		key=lambda report: (
			not report.overdue,
			report.due_on,
			report.obligation.mechanism,
			report.report_type,
		),
	)


def next_report_type(obligation: ReportingObligation) -> str:
	"""What the next report to this mechanism is called: the UPR national report, else the initial
	report until the State has reported (or held a dialogue), then a periodic report."""
	if obligation.is_upr:
		return UPR_NATIONAL_REPORT
	# A State that has held a dialogue has reported before, even if the submission date is not recorded.
	if obligation.last_submitted_on is None and obligation.last_dialogue_on is None:
		return INITIAL_REPORT
	return PERIODIC_REPORT
