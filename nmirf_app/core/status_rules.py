"""How the implementation status of a recommendation, and of a cluster, is derived.

The rule, as the secretariat applies it:

1. The State's status comes only from the State's own voices: progress updates approved by the
   secretariat and Government self-assessments. NHRI, civil-society and treaty-body assessments
   are shown next to it and never change it, because the independence of those voices is a
   principle of the NMIRF.
2. The most recent of the latest Government assessment and the latest approved update decides.
   On the same date the Government assessment wins, as it is the State's considered view.
   Between two records of the same kind on the same date, the later one in the list wins (the
   caller passes them in the order they were recorded).
3. Without either, the implementation actions linked to the recommendation give a first
   indication. Cancelled actions are ignored. "In progress" when any remaining action is In
   progress or Completed or reports progress above 0 %; "Not started" when they are all Planned
   or On hold. Completed actions never make a recommendation "Fully implemented" on their own:
   only the State's own assessment or an approved update can say so.
4. Otherwise the status is "Not assessed".

A cluster's status sums up its recommendations' statuses (see `derive_cluster_status`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from nmirf_app.core.messages import RuleError, _lt

NOT_ASSESSED = "Not assessed"
NOT_STARTED = "Not started"
IN_PROGRESS = "In progress"
PARTIALLY_IMPLEMENTED = "Partially implemented"
FULLY_IMPLEMENTED = "Fully implemented"

# The options of the implementation status field of Recommendation and Recommendation Cluster.
STATUSES = (NOT_ASSESSED, NOT_STARTED, IN_PROGRESS, PARTIALLY_IMPLEMENTED, FULLY_IMPLEMENTED)
# "Not assessed" is what the rule says when nobody has spoken; a voice that speaks cannot say it.
ASSESSED_STATUSES = STATUSES[1:]

GOVERNMENT = "Government"
NHRI = "NHRI"
CIVIL_SOCIETY = "Civil society"
TREATY_BODY = "Treaty body"
VOICES = (GOVERNMENT, NHRI, CIVIL_SOCIETY, TREATY_BODY)
INDEPENDENT_VOICES = (NHRI, CIVIL_SOCIETY, TREATY_BODY)

ACTION_PLANNED = "Planned"
ACTION_IN_PROGRESS = "In progress"
ACTION_COMPLETED = "Completed"
ACTION_ON_HOLD = "On hold"
ACTION_CANCELLED = "Cancelled"
ACTION_STATUSES = (ACTION_PLANNED, ACTION_IN_PROGRESS, ACTION_COMPLETED, ACTION_ON_HOLD, ACTION_CANCELLED)

Dated = TypeVar("Dated")


@dataclass(frozen=True)
class FollowUpGrade:
	meaning: str
	status: str
	contrary: bool = False


# The treaty bodies' follow-up procedure methodology, as set out by the Human Rights Committee in
# its "Note on the procedure for follow-up to concluding observations" (CCPR/C/108/2, 2013) and used
# by the committees that grade follow-up replies. Since about 2019 the Committee's follow-up reports
# (e.g. CCPR/C/128/3) grade A to E without sub-grades, so plain B, C and D are accepted too.
# E is not a lack of progress but a step back: its status is "Not started" and it is flagged as
# contrary so that the screen can say so.
TREATY_BODY_GRADES = {
	"A": FollowUpGrade("Reply/action largely satisfactory", FULLY_IMPLEMENTED),
	"B": FollowUpGrade("Reply/action partially satisfactory", PARTIALLY_IMPLEMENTED),
	"B1": FollowUpGrade(
		"Reply/action partially satisfactory: substantive action taken, but additional information required",
		PARTIALLY_IMPLEMENTED,
	),
	"B2": FollowUpGrade(
		"Reply/action partially satisfactory: initial action taken, but additional information and measures required",
		PARTIALLY_IMPLEMENTED,
	),
	"C": FollowUpGrade("Reply/action not satisfactory", NOT_STARTED),
	"C1": FollowUpGrade(
		"Reply/action not satisfactory: reply received, but action taken does not implement the recommendation",
		NOT_STARTED,
	),
	"C2": FollowUpGrade(
		"Reply/action not satisfactory: reply received, but not relevant to the recommendation", NOT_STARTED
	),
	"D": FollowUpGrade("No cooperation with the Committee", NOT_STARTED),
	"D1": FollowUpGrade("No cooperation with the Committee: no reply received by the deadline", NOT_STARTED),
	"D2": FollowUpGrade(
		"No cooperation with the Committee: no reply received after reminder(s)", NOT_STARTED
	),
	"E": FollowUpGrade(
		"Information or measures taken are contrary to or reflect rejection of the recommendation",
		NOT_STARTED,
		contrary=True,
	),
}


@dataclass(frozen=True)
class ApprovedUpdate:
	"""A focal point's progress update once the secretariat approved it, with the status it supports."""

	approved_on: datetime.date
	reported_status: str

	def __post_init__(self) -> None:
		_check_assessed_status(self.reported_status, "An approved progress update")


@dataclass(frozen=True)
class Assessment:
	"""One voice's view of a recommendation's implementation: a status, or for a treaty body its
	follow-up grade (with or without a status)."""

	voice: str
	assessed_on: datetime.date
	status: str | None = None
	grade: str | None = None

	def __post_init__(self) -> None:
		if self.voice not in VOICES:
			raise RuleError(
				_lt("Unknown assessment voice {0}; expected one of {1}"), repr(self.voice), ", ".join(VOICES)
			)
		if self.grade is not None:
			if self.voice != TREATY_BODY:
				raise RuleError(_lt("Only a treaty body grades follow-up, not the {0} voice"), self.voice)
			normalise_grade(self.grade)
		if self.status is not None:
			if self.status not in ASSESSED_STATUSES:
				raise RuleError(
					_lt("A {0} assessment must state one of {1}, not {2}"),
					self.voice,
					", ".join(ASSESSED_STATUSES),
					repr(self.status),
				)
		elif self.grade is None:
			if self.voice == TREATY_BODY:
				raise RuleError(_lt("A {0} assessment needs a status or a grade"), self.voice)
			raise RuleError(_lt("A {0} assessment needs a status"), self.voice)


@dataclass(frozen=True)
class ActionState:
	"""The part of an implementation action linked to the recommendation that the rule looks at."""

	status: str
	progress_percent: float = 0.0

	def __post_init__(self) -> None:
		if self.status not in ACTION_STATUSES:
			raise ValueError(
				f"Unknown action status {self.status!r}; expected one of {', '.join(ACTION_STATUSES)}"
			)
		if not 0 <= self.progress_percent <= 100:
			raise ValueError(f"Action progress must be between 0 and 100 %, not {self.progress_percent}")


def derive_recommendation_status(
	updates: Iterable[ApprovedUpdate], assessments: Iterable[Assessment], actions: Iterable[ActionState]
) -> str:
	"""The State's implementation status of one recommendation, by the rule in this module's docstring."""
	latest_update = _latest(updates, lambda update: update.approved_on)
	latest_government = _latest(
		(assessment for assessment in assessments if assessment.voice == GOVERNMENT),
		lambda assessment: assessment.assessed_on,
	)
	if latest_government and (
		not latest_update or latest_government.assessed_on >= latest_update.approved_on
	):
		return latest_government.status
	if latest_update:
		return latest_update.reported_status

	live_actions = [action for action in actions if action.status != ACTION_CANCELLED]
	if not live_actions:
		return NOT_ASSESSED
	if any(
		action.status in (ACTION_IN_PROGRESS, ACTION_COMPLETED) or action.progress_percent > 0
		for action in live_actions
	):
		return IN_PROGRESS
	return NOT_STARTED


def independent_voices(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
	"""The latest NHRI, civil-society and treaty-body assessment, by voice, to show beside the
	State's status; voices that have not spoken are absent."""
	latest: dict[str, Assessment] = {}
	for assessment in assessments:
		if assessment.voice not in INDEPENDENT_VOICES:
			continue
		current = latest.get(assessment.voice)
		if current is None or assessment.assessed_on >= current.assessed_on:
			latest[assessment.voice] = assessment
	return {voice: latest[voice] for voice in INDEPENDENT_VOICES if voice in latest}


def normalise_grade(grade: str) -> str:
	"""`"b 1"` → `"B1"`; raises ValueError for anything that is not a follow-up grade."""
	normalised = "".join(str(grade or "").split()).upper()
	if normalised not in TREATY_BODY_GRADES:
		raise RuleError(
			_lt("Unknown treaty-body follow-up grade {0}; expected one of {1}"),
			repr(grade),
			", ".join(TREATY_BODY_GRADES),
		)
	return normalised


def treaty_body_grade_meaning(grade: str) -> str:
	return TREATY_BODY_GRADES[normalise_grade(grade)].meaning


def status_for_grade(grade: str) -> str:
	"""The implementation status a treaty-body grade corresponds to, for display next to the State's
	status. Grade E also reads "Not started"; `is_contrary_grade` tells it apart."""
	return TREATY_BODY_GRADES[normalise_grade(grade)].status


def is_contrary_grade(grade: str) -> bool:
	"""True for grade E: the committee found measures contrary to, or a rejection of, the recommendation."""
	return TREATY_BODY_GRADES[normalise_grade(grade)].contrary


def derive_cluster_status(statuses: Iterable[str]) -> str:
	"""A cluster's status from its recommendations' statuses, checked in this order:

	- none, or all "Not assessed" → "Not assessed";
	- all "Fully implemented" → "Fully implemented";
	- all "Not assessed" or "Not started" → "Not started";
	- any "Partially implemented" or "Fully implemented" → "Partially implemented";
	- otherwise (some work under way, nothing implemented yet) → "In progress".
	"""
	present = set(statuses)
	unknown = present - set(STATUSES)
	if unknown:
		raise ValueError(f"Unknown implementation status(es): {', '.join(sorted(unknown))}")
	if present <= {NOT_ASSESSED}:
		return NOT_ASSESSED
	if present == {FULLY_IMPLEMENTED}:
		return FULLY_IMPLEMENTED
	if present <= {NOT_ASSESSED, NOT_STARTED}:
		return NOT_STARTED
	if present & {PARTIALLY_IMPLEMENTED, FULLY_IMPLEMENTED}:
		return PARTIALLY_IMPLEMENTED
	return IN_PROGRESS


def _check_assessed_status(status: str, what: str) -> None:
	if status not in ASSESSED_STATUSES:
		raise ValueError(f"{what} must state one of {', '.join(ASSESSED_STATUSES)}, not {status!r}")


def _latest(records: Iterable[Dated], date_of: Callable[[Dated], datetime.date]) -> Dated | None:
	"""The record with the latest date; on a tie the later one in the given order."""
	latest = None
	for record in records:
		if latest is None or date_of(record) >= date_of(latest):
			latest = record
	return latest


def lacks_required_evidence(reported_status: str, evidence_required: bool, has_evidence: bool) -> bool:
	"""A claim of full implementation goes to review with its proof (a law, a decree, a report)
	when the State asks for it (NMIRF Settings); other statuses never need a file."""
	return reported_status == FULLY_IMPLEMENTED and evidence_required and not has_evidence
