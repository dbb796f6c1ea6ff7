"""The State's assessment of a recommendation as one cell of a table: written into the thematic
matrix's assessment column (`assessment_cell`) and read back from it, as written or as a person
typed it in Word (`read_assessment_cell`). Apart from the matrix's writers so that reading an
import's assessment column loads neither python-docx nor openpyxl."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from nmirf_app.core.status_rules import FULLY_IMPLEMENTED, IN_PROGRESS, NOT_STARTED, PARTIALLY_IMPLEMENTED

# What a person may type at the start of the assessment cell, for each of the app's statuses.
_STATUS_WORDS = {
	"fully implemented": FULLY_IMPLEMENTED,
	"implemented": FULLY_IMPLEMENTED,
	"partially implemented": PARTIALLY_IMPLEMENTED,
	"partly implemented": PARTIALLY_IMPLEMENTED,
	"partially": PARTIALLY_IMPLEMENTED,
	"in progress": IN_PROGRESS,
	"ongoing": IN_PROGRESS,
	"under way": IN_PROGRESS,
	"underway": IN_PROGRESS,
	"not started": NOT_STARTED,
	"not implemented": NOT_STARTED,
}
# Longest first, so that "Partially implemented" is not read as "Partially" followed by a note.
_STATUS_AT_START = re.compile(
	r"^(?P<status>"
	+ "|".join(
		r"\s+".join(map(re.escape, words.split())) for words in sorted(_STATUS_WORDS, key=len, reverse=True)
	)
	+ r")(?!\w)",
	re.IGNORECASE,
)
_DATE_IN_PARENTHESES = re.compile(
	r"\(\s*(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4}))\s*\)"
)
# Spelled out rather than taken from the locale (strptime's %B), which a server may set otherwise.
_MONTHS = {
	name: number
	for number, names in enumerate(
		(
			("january", "jan"),
			("february", "feb"),
			("march", "mar"),
			("april", "apr"),
			("may",),
			("june", "jun"),
			("july", "jul"),
			("august", "aug"),
			("september", "sep", "sept"),
			("october", "oct"),
			("november", "nov"),
			("december", "dec"),
		),
		start=1,
	)
	for name in names
}


@dataclass(frozen=True)
class StateAssessment:
	"""The State's assessment of one recommendation, as its assessment cell gives it."""

	status: str | None  # one of the app's statuses; None when the cell names none
	assessed_on: datetime.date | None
	notes: str


def assessment_cell(status: str | None, assessed_on: datetime.date | None, notes: str) -> str:
	"""The assessment column's text for one recommendation: `Partially implemented (2026-11-02)`,
	then the notes. Without a status there is no first line, and so no date either."""
	lines = []
	status = (status or "").strip()
	if status:
		lines.append(f"{status} ({assessed_on.isoformat()})" if assessed_on else status)
	if notes and notes.strip():
		lines.append(notes.strip())
	return "\n".join(lines)


def read_assessment_cell(text: str | None) -> StateAssessment:
	"""The assessment an assessment cell gives, as `assessment_cell` writes it or a person types it in
	Word: `Implemented: the Ombudsman was re-accredited…`, `Partially implemented (2 November 2026)`,
	`In progress - law drafted`, `not implemented.`.

	The first line begins with the status, in any case; a date in parentheses on it is when it was
	assessed. When the first line says more than status and date, that is part of the notes, which are
	then the whole text; otherwise they are the lines after it. A text beginning with no status has
	status None (the caller warns) and is all notes.
	"""
	text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
	if not text:
		return StateAssessment(None, None, "")
	first_line, _, rest = text.partition("\n")
	match = _STATUS_AT_START.match(first_line)
	if not match:
		return StateAssessment(None, None, text)
	status = _STATUS_WORDS[" ".join(match.group("status").lower().split())]
	remainder = first_line[match.end() :]
	assessed_on = None
	date = _DATE_IN_PARENTHESES.search(remainder)
	if date:
		assessed_on = _date(date)
		if assessed_on:
			remainder = remainder[: date.start()] + remainder[date.end() :]
	says_more = any(char.isalnum() for char in remainder)
	return StateAssessment(status, assessed_on, text if says_more else rest.strip())


def _date(match: re.Match) -> datetime.date | None:
	try:
		if match.group("iso"):
			return datetime.date.fromisoformat(match.group("iso"))
		month = _MONTHS.get(match.group("month").lower())
		return datetime.date(int(match.group("year")), month, int(match.group("day"))) if month else None
	except ValueError:
		return None  # 2026-02-30: not a date, so part of the notes
