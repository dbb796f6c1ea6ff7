"""Reader of UPR Info database exports (CSV).

The UPR Info database holds more than 100,000 UPR recommendations: text, State under review,
recommending State, response (`Supported`, `Noted`, older `Not Supported`), issues, cycle, session,
action category 1 to 5 and the regional groups of both States (UHRI_FORMAT.md). Exports differ in
header spelling, delimiter and encoding, so all three are recognised rather than assumed.

Rows come out in the Recommendation's field names, for `recommendation_import` to resolve.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from typing import IO, TYPE_CHECKING, Any

from nmirf_app.core.countries import country_key
from nmirf_app.core.spreadsheet import (
	ReadCounts,
	RowIssue,
	SourceRows,
	SpreadsheetFormatError,
	match_columns,
	shorten,
	split_lines,
)
from nmirf_app.core.uhri_format import count_other_state

if TYPE_CHECKING:
	from nmirf_app.core.countries import CountryResolver

# Row field → the column name shown to users in row issues.
UPR_INFO_COLUMNS = {
	"recommendation_text": "Recommendation",
	"countries_concerned": "State under Review",
	"recommending_states": "Recommending State",
	"position": "Response",
	"themes": "Issues",
	"upr_cycle": "Cycle",
	"session": "Session",
	"action_category": "Action Category",
	"state_under_review_group": "SuR Regional Group",
	"recommending_state_group": "RS Regional Group",
}
# Headers seen in UPR Info exports and in users' own copies of them.
_HEADER_ALIASES = {
	"recommendation_text": ("Recommendation", "Recommendations", "Recommendation text", "Text"),
	"countries_concerned": (
		"State under Review",
		"State under Review (SuR)",
		"SuR",
		"State reviewed",
		"Reviewed State",
		"Country under review",
	),
	"recommending_states": (
		"Recommending State",
		"Recommending States",
		"Recommending State(s)",
		"Recommending State (RS)",
		"RS",
		"Recommending country",
	),
	"position": ("Response", "Responses", "Position", "Response (SuR)", "State response"),
	"themes": ("Issue", "Issues", "Theme", "Themes"),
	"upr_cycle": ("Cycle", "UPR cycle"),
	"session": ("Session", "UPR session"),
	"action_category": ("Action", "Action Category", "Action category (1-5)", "Category of action"),
	"state_under_review_group": (
		"SuR Regional Group",
		"SuR Region",
		"Regional Group of SuR",
		"State under Review Regional Group",
		"Regional Group (SuR)",
	),
	"recommending_state_group": (
		"RS Regional Group",
		"RS Region",
		"Regional Group of RS",
		"Recommending State Regional Group",
		"Regional Group (RS)",
	),
}
_DELIMITERS = (",", ";", "\t")
_ROMAN_CYCLES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_CYCLE = re.compile(r"^(?:(?:upr\s+)?cycle\s*)?(\d+|[ivx]+)(?:st|nd|rd|th)?(?:\s+cycle)?$", re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"\d+")
# The whole database export is about 100 MB; the file is read into memory, so a bigger one is refused.
MAX_CSV_BYTES = 256 << 20
_SAVE_AS_CSV = "Save it from Excel as 'CSV UTF-8 (Comma delimited) (*.csv)' and try again."


def read_upr_info_csv(
	source: str | os.PathLike | IO[bytes],
	*,
	state: str | None = None,
	resolver: CountryResolver | None = None,
) -> SourceRows:
	"""Rows of a UPR Info CSV export (dicts) and their fatal issues, numbered as a spreadsheet shows them.

	`state` keeps only the recommendations to that State under review, matched through `resolver`
	when given. Raises SpreadsheetFormatError at once when the file has no recommendation column.
	"""
	if isinstance(source, str | os.PathLike):
		with open(source, "rb") as file:
			data = file.read(MAX_CSV_BYTES + 1)
	else:
		data = source.read(MAX_CSV_BYTES + 1)
	if len(data) > MAX_CSV_BYTES:
		raise SpreadsheetFormatError(
			f"The file is larger than {MAX_CSV_BYTES >> 20} MB: export the recommendations to one State only"
		)
	text = _csv_text(data)
	delimiter = _guess_delimiter(text)
	_check_csv(text, delimiter)
	records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
	header_row_number, header = _first_filled_record(records)
	columns = match_columns(header, _HEADER_ALIASES)
	if "recommendation_text" not in columns.values():
		found = ", ".join(cell.strip() for cell in header if cell.strip()) or "nothing"
		raise SpreadsheetFormatError(
			f"Not a UPR Info export: no 'Recommendation' column in the header row; found {shorten(found, 500)}"
		)
	if state and state.strip() and "countries_concerned" not in columns.values():
		raise SpreadsheetFormatError("Cannot filter by State: the file has no 'State under Review' column")
	counts = ReadCounts()
	state_filter = _StateFilter(state, resolver) if state and state.strip() else None
	return SourceRows(_rows(records, header_row_number, columns, state_filter, counts), counts)


def decode_csv_bytes(data: bytes) -> str:
	"""Text of a CSV file saved as UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 or latin-1."""
	if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
		return data.decode("utf-16")
	try:
		return data.decode("utf-8-sig")
	except UnicodeDecodeError:
		pass
	try:
		# Excel on Windows saves "CSV" in the system code page, cp1252 for Western languages.
		return data.decode("cp1252")
	except UnicodeDecodeError:
		return data.decode("latin-1")


def _csv_text(data: bytes) -> str:
	"""The file's text, or a SpreadsheetFormatError when it is no CSV text file at all."""
	if data.startswith(b"PK\x03\x04"):
		raise SpreadsheetFormatError(
			f"The file is an Excel workbook or another zip archive, not a CSV file. {_SAVE_AS_CSV}"
		)
	text = decode_csv_bytes(data)
	if "\x00" in text:
		line = text.count("\n", 0, text.index("\x00")) + 1
		raise SpreadsheetFormatError(
			f"The file holds a NUL character on line {line}, so it is not a CSV text file (a binary file "
			f"renamed .csv, or UTF-16 text without its byte-order mark). {_SAVE_AS_CSV}"
		)
	return text


def _check_csv(text: str, delimiter: str) -> None:
	"""Parse the whole file once before any row is handed out, so that a broken file imports nothing."""
	records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
	try:
		for _record in records:
			pass
	except csv.Error as error:
		raise SpreadsheetFormatError(
			f"Line {records.line_num} of the file cannot be read as CSV ({error}): a cell there is longer "
			f"than {csv.field_size_limit():,} characters, most likely because a quotation mark opened in "
			f"it is never closed. Check the quotation marks of that line. {_SAVE_AS_CSV}"
		) from None


def _first_filled_record(records) -> tuple[int, list[str]]:
	for row_number, record in enumerate(records, start=1):
		if any(cell.strip() for cell in record):
			return row_number, record
	return 0, []


def _guess_delimiter(text: str) -> str:
	"""The delimiter used most in the header line: Excel writes ";" where "," is the decimal mark."""
	header_line = next((line for line in text.splitlines() if line.strip()), "")
	counts = {delimiter: header_line.count(delimiter) for delimiter in _DELIMITERS}
	best = max(counts, key=counts.get)
	return best if counts[best] else ","


def _rows(records, header_row_number: int, columns: dict[int, str], state_filter, counts: ReadCounts):
	for row_number, record in enumerate(records, start=header_row_number + 1):
		cells = {name: record[index].strip() for index, name in columns.items() if index < len(record)}
		if not any(cells.values()):
			continue
		counts.read += 1
		if state_filter and not state_filter.matches(cells.get("countries_concerned", "")):
			count_other_state(counts, [cells.get("countries_concerned", "")])
			continue
		yield _row(row_number, cells)


def _row(row_number: int, cells: dict[str, str]) -> dict[str, Any] | RowIssue:
	cycle_text = cells.get("upr_cycle", "")
	cycle = _cycle(cycle_text)
	if cycle_text and cycle is None:
		return RowIssue(
			row_number,
			UPR_INFO_COLUMNS["upr_cycle"],
			f"The cycle '{cycle_text}' is not understood: write the UPR cycle as a number, e.g. 3",
			value=cycle_text,
		)
	state_under_review = cells.get("countries_concerned", "")
	return {
		"row_number": row_number,
		"mechanism": "UPR",
		"recommendation_text": cells.get("recommendation_text", ""),
		"countries_concerned": [state_under_review] if state_under_review else [],
		"recommending_states": split_lines(cells.get("recommending_states")),
		"position": cells.get("position", ""),
		"themes": split_lines(cells.get("themes")),
		"upr_cycle": cycle,
		"session": _session(cells.get("session", "")),
		"action_category": _action_category(cells.get("action_category", "")),
		"state_under_review_group": cells.get("state_under_review_group", ""),
		"recommending_state_group": cells.get("recommending_state_group", ""),
	}


def _cycle(text: str) -> int | None:
	match = _CYCLE.match(text.strip())
	if not match:
		return None
	number = match.group(1)
	return int(number) if number.isdigit() else _ROMAN_CYCLES.get(number.lower())


def _session(text: str) -> str:
	"""A bare session number in UHRI's wording (`38` → `38th Session`), anything else as written."""
	if not text.isdigit():
		return text
	number = int(text)
	suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
	return f"{number}{suffix} Session"


def _action_category(text: str) -> int | None:
	"""UPR Info's category 1 (minimal action) to 5 (specific action), from `5` or `Category 5 - …`."""
	match = _FIRST_NUMBER.search(text)
	number = int(match.group()) if match else None
	return number if number in range(1, 6) else None


class _StateFilter:
	"""Keeps the rows whose State under review is one State, however the file spells it."""

	def __init__(self, state: str, resolver: CountryResolver | None):
		self._key = country_key(state)
		self._resolver = resolver
		self._resolved = resolver.resolve(state) if resolver else None
		self._verdicts: dict[str, bool] = {}

	def matches(self, name: str) -> bool:
		verdict = self._verdicts.get(name)
		if verdict is None:
			verdict = bool(name) and (
				country_key(name) == self._key
				or (self._resolved is not None and self._resolver.resolve(name) == self._resolved)
			)
			self._verdicts[name] = verdict
		return verdict
