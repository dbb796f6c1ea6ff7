"""Which deadline reminders the daily job sends today, and each owner's weekly digest.

Everything is decided from the deadlines and the day passed in, so a test can freeze the date:

- "due soon": every day from `lead_days` before the due date up to the due date itself, to the
  deadline's owners (its focal points);
- "overdue": to the owners on the first day late, then every 7 days (day 1, 8, 15, …). A daily
  reminder for something already late only teaches people to ignore reminders; the weekly digest
  keeps it in view in between;
- "escalated to validator": to the institution's validating authority once the deadline is
  `escalation_days` late, then every 7 days; no validator, no such reminder;
- "escalated to secretariat": to the NMIRF secretariat once it is twice `escalation_days` late, then
  every 7 days.

The cadence follows the calendar, not the history of what was sent: if the daily job does not run
on a reminder day, that reminder is not caught up the next day, and the next one goes a week later.
Done deadlines produce nothing. A recipient listed twice for the same deadline gets one reminder.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

DUE_SOON = "due soon"
OVERDUE = "overdue"
ESCALATED_TO_VALIDATOR = "escalated to validator"
ESCALATED_TO_SECRETARIAT = "escalated to secretariat"
REMINDER_KINDS = (DUE_SOON, OVERDUE, ESCALATED_TO_VALIDATOR, ESCALATED_TO_SECRETARIAT)

REPEAT_EVERY_DAYS = 7


@dataclass
class Deadline:
	reference: str  # "Progress Update PU-0001", "Implementation Action ACT-0003"
	title: str
	due_on: datetime.date
	owners: tuple[str, ...]  # focal point users
	validator: str | None
	secretariat: tuple[str, ...]
	done: bool = False


@dataclass(frozen=True)
class Reminder:
	reference: str
	kind: str
	recipient: str
	due_on: datetime.date
	days: int  # days left for "due soon", days late otherwise
	sent_on: datetime.date

	@property
	def key(self) -> tuple[str, str, str, datetime.date]:
		"""What makes a reminder the same one: the same message to the same person on the same day."""
		return (self.reference, self.kind, self.recipient, self.sent_on)


@dataclass(frozen=True)
class DigestLine:
	reference: str
	title: str
	due_on: datetime.date
	overdue: bool
	days: int  # days late when overdue, days left otherwise


def select_reminders(
	deadlines: Iterable[Deadline],
	today: datetime.date,
	*,
	lead_days: int,
	escalation_days: int,
	already_sent: set[tuple],
) -> list[Reminder]:
	"""The reminders to send today, in the order of the deadlines, leaving out any whose key is in
	`already_sent`, so that running the job twice on one day sends nothing the second time."""
	if lead_days < 0:
		raise ValueError(f"The reminder lead time cannot be negative ({lead_days} days)")
	if escalation_days < 1:
		raise ValueError(f"Escalation must wait at least one day late, not {escalation_days}")

	sent = set(already_sent)
	reminders = []
	for deadline in deadlines:
		for kind, recipients, days in _reminders_due(deadline, today, lead_days, escalation_days):
			for recipient in _unique(recipients):
				reminder = Reminder(deadline.reference, kind, recipient, deadline.due_on, days, today)
				if reminder.key not in sent:
					sent.add(reminder.key)
					reminders.append(reminder)
	return reminders


def weekly_digest(
	deadlines: Iterable[Deadline], today: datetime.date, *, horizon_days: int = 30
) -> dict[str, list[DigestLine]]:
	"""Per owner, their open deadlines: overdue ones first, then those due within `horizon_days`,
	each group by due date. Owners with nothing to do get no entry."""
	lines_by_owner: dict[str, list[DigestLine]] = {}
	for deadline in deadlines:
		if deadline.done:
			continue
		days_left = (deadline.due_on - today).days
		if days_left > horizon_days:
			continue
		line = DigestLine(deadline.reference, deadline.title, deadline.due_on, days_left < 0, abs(days_left))
		for owner in _unique(deadline.owners):
			lines_by_owner.setdefault(owner, []).append(line)
	return {
		owner: sorted(lines, key=lambda line: (not line.overdue, line.due_on, line.reference))
		for owner, lines in sorted(lines_by_owner.items())
	}


def _reminders_due(
	deadline: Deadline, today: datetime.date, lead_days: int, escalation_days: int
) -> list[tuple[str, Iterable[str], int]]:
	"""(kind, recipients, days) for each kind of reminder this deadline calls for today."""
	if deadline.done:
		return []
	days_left = (deadline.due_on - today).days
	if days_left >= 0:
		return [(DUE_SOON, deadline.owners, days_left)] if days_left <= lead_days else []

	days_late = -days_left
	due = []
	if _is_reminder_day(days_late, first_day=1):
		due.append((OVERDUE, deadline.owners, days_late))
	if deadline.validator and _is_reminder_day(days_late, first_day=escalation_days):
		due.append((ESCALATED_TO_VALIDATOR, (deadline.validator,), days_late))
	if _is_reminder_day(days_late, first_day=2 * escalation_days):
		due.append((ESCALATED_TO_SECRETARIAT, deadline.secretariat, days_late))
	return due


def _is_reminder_day(days_late: int, *, first_day: int) -> bool:
	return days_late >= first_day and (days_late - first_day) % REPEAT_EVERY_DAYS == 0


def _unique(recipients: Iterable[str]) -> list[str]:
	"""Each recipient once, in the order given; blank entries (a user field left empty) are dropped."""
	return list(dict.fromkeys(recipient for recipient in recipients if recipient))
