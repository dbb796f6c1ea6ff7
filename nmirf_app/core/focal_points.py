"""Focal point terms: who acts for an institution on a given day.

Turnover is normal in line ministries; a term ends with a date, never with a deletion, so that
everything a person reported stays attributed to them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
	name: str
	institution: str
	role_type: str
	active_from: datetime.date
	active_to: datetime.date | None = None


def is_term_active(active_from: datetime.date, active_to: datetime.date | None, day: datetime.date) -> bool:
	return active_from <= day and (active_to is None or day <= active_to)


def is_active_on(term: Term, day: datetime.date) -> bool:
	return is_term_active(term.active_from, term.active_to, day)


def validate_term_dates(active_from: datetime.date, active_to: datetime.date | None) -> None:
	if active_to is not None and active_to < active_from:
		raise ValueError(f"The term cannot end ({active_to}) before it starts ({active_from})")


def terms_overlap(first: Term, second: Term) -> bool:
	first_end = first.active_to or datetime.date.max
	second_end = second.active_to or datetime.date.max
	return first.active_from <= second_end and second.active_from <= first_end


def overlapping_main_term(term: Term, others: list[Term]) -> Term | None:
	"""Another Main term of the same institution overlapping this one: an institution has one main
	focal point at a time (alternates are unlimited)."""
	if term.role_type != "Main":
		return None
	for other in others:
		if (
			other.name != term.name
			and other.institution == term.institution
			and other.role_type == "Main"
			and terms_overlap(term, other)
		):
			return other
	return None
