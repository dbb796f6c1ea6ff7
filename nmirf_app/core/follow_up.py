"""The treaty bodies' follow-up procedure, read for the Follow-up Tracker: how long is left on a
paragraph's deadline, whether it is overdue, and the order a reader expects (soonest first,
undated last)."""

from __future__ import annotations

from datetime import date

FULLY_IMPLEMENTED = "Fully implemented"


def days_left(deadline: date | None, today: date, status: str | None) -> int | None:
	"""Days until the deadline (negative: late). None when there is no deadline, or when the
	recommendation is fully implemented: its deadline no longer counts down."""
	if deadline is None or status == FULLY_IMPLEMENTED:
		return None
	return (deadline - today).days


def is_overdue(deadline: date | None, today: date, status: str | None) -> bool:
	left = days_left(deadline, today, status)
	return left is not None and left < 0


def tracker_order(deadline: date | None, name: str) -> tuple:
	"""Soonest deadline first; paragraphs without one after all the dated ones."""
	return (deadline is None, deadline or date.max, name)
