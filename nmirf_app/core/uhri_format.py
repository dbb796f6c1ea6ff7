"""Readers of the OHCHR Universal Human Rights Index (UHRI) exports, XLSX and JSON.

Each record is one paragraph of a UN document. Both readers stream: the full export is about
360 MB of JSON and 250,000 records, of which a State needs its own 1,000 to 5,000 (`state=`).
A paragraph that cannot be read becomes a `RowError` and the others carry on; a file that is not
a UHRI export raises `UhriFormatError`.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from dateutil.parser import isoparse

from nmirf_app.core.plain_text import plain_text, tidy_lines
from nmirf_app.core.references import parse_paragraph_number
from nmirf_app.core.spreadsheet import (
	SourceRows,
	SpreadsheetFormatError,
	column_key,
	open_workbook,
	openpyxl_for_reading,
	read_rows,
	shorten,
)
from nmirf_app.core.upr_text import split_paragraph_heading
from nmirf_app.core.vocabulary import match_key

if TYPE_CHECKING:
	from nmirf_app.core.countries import CountryResolver


class UhriFormatError(ValueError):
	"""The file as a whole cannot be read as a UHRI export."""


@dataclass(slots=True)
class RowError:
	row_number: int  # spreadsheet row as Excel shows it, or 1-based position in the JSON array
	field: str  # the UhriRecord field at fault
	message: str


@dataclass(slots=True)
class UhriRecord:
	row_number: int
	annotation_id: str = ""
	document_id: str = ""
	text: str = ""
	countries: list[str] = field(default_factory=list)
	body: str = ""
	symbol: str = ""
	themes: list[str] = field(default_factory=list)
	affected_persons: list[str] = field(default_factory=list)
	sdg_targets: list[str] = field(default_factory=list)
	publication_date: date | None = None
	upr_recommending_states: list[str] = field(default_factory=list)
	upr_position: str = ""
	annotation_type: str = ""
	upr_session: str = ""
	upr_cycle: int | None = None
	regions: list[str] = field(default_factory=list)
	recommending_regions: list[str] = field(default_factory=list)
	published_on_uhri: datetime | None = None
	paragraph: str | None = None
	sub_heading: str | None = None


@dataclass
class UhriReadStats:
	read: int = 0  # records in the source, whatever became of them
	skipped_other_state: int = 0  # left out by the `state` filter
	rows_with_errors: int = 0
	other_states: Counter = field(default_factory=Counter)  # the States those were about


def count_other_state(counts, states: list[str]) -> None:
	"""A row left out for being about another State: counted, with the State(s) it names."""
	counts.skipped_other_state += 1
	counts.other_states.update(states or ["?"])


class UhriRecords(SourceRows):
	"""What the UHRI readers return: records and row errors, counted in a UhriReadStats."""

	@property
	def stats(self) -> UhriReadStats:
		return self.counts

	@property
	def rows_with_errors(self) -> int:
		return self.counts.rows_with_errors


# The 16 headers of OHCHR's XLSX export, in its order and spelling (typo "Reccomending" included).
UHRI_XLSX_HEADERS = (
	"Text",
	"Countries Concerned",
	"Reccomending Body",
	"Document Symbol",
	"Themes",
	"Affected Persons",
	"Sdgs",
	"Document Publication Date",
	"UPR Reccomending States",
	"UPR Position",
	"Type",
	"OHCHR Annotation Id",
	"UPR Session",
	"Regions Concerned",
	"Recommending Regions",
	"Date of publication on UHRI",
)

# Source column or JSON key → UhriRecord field. XLSX headers keep OHCHR's spelling "Reccomending"
# and some exports correct it; the JSON export has keys of its own (UHRI_FORMAT.md).
_COLUMN_FIELDS = {
	"Text": "text",
	"Countries Concerned": "countries",
	"Countries": "countries",
	"Reccomending Body": "body",
	"Recommending Body": "body",
	"Body": "body",
	"Document Symbol": "symbol",
	"Symbol": "symbol",
	"Themes": "themes",
	"Affected Persons": "affected_persons",
	"Sdgs": "sdg_targets",
	"Document Publication Date": "publication_date",
	"PublicationDate": "publication_date",
	"UPR Reccomending States": "upr_recommending_states",
	"UPR Recommending States": "upr_recommending_states",
	"UprRecommendingCountry": "upr_recommending_states",
	"UPR Position": "upr_position",
	"UprPositions": "upr_position",
	"Type": "annotation_type",
	"AnnotationType": "annotation_type",
	"OHCHR Annotation Id": "annotation_id",
	"AnnotationId": "annotation_id",
	"UPR Session": "upr_session",
	"UprSession": "upr_session",
	"Regions Concerned": "regions",
	"Regions": "regions",
	"Recommending Regions": "recommending_regions",
	"Reccomending Regions": "recommending_regions",
	"UprRecommendingRegions": "recommending_regions",
	"Date of publication on UHRI": "published_on_uhri",
	"PublicationDateOnUhri": "published_on_uhri",
	"DocumentId": "document_id",
	"UprCycle": "upr_cycle",
}
# A file without these is not a UHRI export, whatever else it holds.
_REQUIRED_XLSX_HEADERS = {"text": "Text", "body": "Reccomending Body", "symbol": "Document Symbol"}
# The header is normally row 1; a user's own export may put a title above it, but not pages of it.
_MAX_ROWS_BEFORE_HEADER = 100
# Keys a JSON export may wrap its array of records in ({"results": [...]}).
_WRAPPER_KEYS = {"results", "items", "data", "records", "annotations", "value", "hits"}

_LIST_FIELDS = (
	"countries",
	"themes",
	"affected_persons",
	"upr_recommending_states",
	"regions",
	"recommending_regions",
)
_SINGLE_VALUE_FIELDS = ("annotation_id", "document_id", "body", "symbol", "annotation_type", "upr_session")

_VALUE_PREFIX = re.compile(r"^-\s+")  # "- CRC": every XLSX value carries one
_SDG_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[A-Za-z])(?![\w.])")
_EXCEL_SERIAL = re.compile(r"\d+(?:\.\d+)?")
_NOT_JSON_WHITESPACE = re.compile(r"[^ \t\n\r]")

_LAST_EXCEL_SERIAL = 2958465  # 9999-12-31


def read_uhri_xlsx(
	path_or_file: str | os.PathLike | IO[bytes],
	*,
	state: str | None = None,
	resolver: CountryResolver | None = None,
) -> UhriRecords:
	"""Records of the first sheet of a UHRI XLSX export, one per row below the header row.

	Raises UhriFormatError at once when the sheet has no UHRI header row.
	"""
	try:
		workbook = open_workbook(path_or_file)
	except SpreadsheetFormatError as error:
		raise UhriFormatError(str(error)) from error
	try:
		sheet = workbook.worksheets[0]
		# Some writers record a wrong sheet size; reading without it reads every row there is.
		sheet.reset_dimensions()
		rows = read_rows(sheet)
		header_row_number, columns = _locate_header(rows)
		state_filter = _StateFilter.build(state, resolver)
		if state_filter and "countries" not in columns.values():
			raise UhriFormatError("Cannot filter by State: the sheet has no 'Countries Concerned' column")
	except SpreadsheetFormatError as error:
		workbook.close()
		raise UhriFormatError(str(error)) from error
	except BaseException:
		workbook.close()
		raise
	stats = UhriReadStats()
	return UhriRecords(_xlsx_items(workbook, rows, header_row_number, columns, state_filter, stats), stats)


def read_uhri_json(
	stream: IO[bytes] | IO[str] | str | os.PathLike,
	*,
	state: str | None = None,
	resolver: CountryResolver | None = None,
	chunk_size: int = 1 << 20,
) -> UhriRecords:
	"""Records of a UHRI JSON export (an array of objects, or an object wrapping one), streamed.

	Memory stays near `chunk_size` plus the largest single record, whatever the file size.
	"""
	owned_file = open(stream, "rb") if isinstance(stream, str | os.PathLike) else None
	try:
		tokens = _JsonTokens(owned_file or stream, chunk_size)
		opening = tokens.peek()
		if opening not in ("[", "{"):
			raise UhriFormatError(f"A UHRI JSON export starts with '[' or '{{', not {opening!r}")
		state_filter = _StateFilter.build(state, resolver)
	except BaseException:
		if owned_file:
			owned_file.close()
		raise
	stats = UhriReadStats()
	return UhriRecords(_json_items(tokens, owned_file, state_filter, stats), stats)


def _locate_header(rows: Iterator[tuple]) -> tuple[int, dict[int, str]]:
	"""(row number of the header, column index → field) from the first row with a `Text` header."""
	for row_number, row in enumerate(rows, start=1):
		keys = [column_key(value) if isinstance(value, str) else "" for value in row]
		if "text" in keys:
			columns: dict[int, str] = {}
			for index, key in enumerate(keys):
				field_name = _FIELD_BY_KEY.get(key)
				if field_name and field_name not in columns.values():
					columns[index] = field_name
			missing = [
				header for name, header in _REQUIRED_XLSX_HEADERS.items() if name not in columns.values()
			]
			if missing:
				found = [str(value).strip() for value in row if _is_filled(value)]
				raise UhriFormatError(
					f"Not a UHRI export: missing the column(s) {', '.join(missing)} "
					f"in the header row {row_number}; found {shorten(', '.join(found), 500)}"
				)
			return row_number, columns
		if row_number >= _MAX_ROWS_BEFORE_HEADER:
			break
	raise UhriFormatError(
		f"Not a UHRI export: no header row with a 'Text' column in the first {_MAX_ROWS_BEFORE_HEADER} rows"
	)


def _xlsx_items(workbook, rows, header_row_number, columns, state_filter, stats):
	try:
		for row_number, row in enumerate(rows, start=header_row_number + 1):
			if not any(_is_filled(value) for value in row):
				continue
			values = {name: row[index] for index, name in columns.items() if index < len(row)}
			yield from _records_of(row_number, values, state_filter, stats, html=False)
	except SpreadsheetFormatError as error:
		raise UhriFormatError(str(error)) from error
	finally:
		workbook.close()


def _json_items(tokens: _JsonTokens, owned_file, state_filter, stats):
	try:
		for row_number, item in enumerate(tokens.records(), start=1):
			if not isinstance(item, dict):
				stats.read += 1
				stats.rows_with_errors += 1
				yield RowError(
					row_number, "", f"Expected a record (JSON object), found {type(item).__name__}"
				)
				continue
			values = {name: value for key, value in item.items() if (name := _field_for_column(key))}
			yield from _records_of(row_number, values, state_filter, stats, html=True)
	finally:
		if owned_file:
			owned_file.close()


def _records_of(row_number, values, state_filter, stats, *, html):
	stats.read += 1
	try:
		if state_filter and not state_filter.matches(states := _values(values.get("countries"))):
			count_other_state(stats, states)
			return
		record, errors = _build_record(row_number, values, html=html)
	except RecursionError:
		# JSON lets lists nest as deep as the decoder allows; no UHRI field nests more than twice.
		record, errors = (
			None,
			[RowError(row_number, "", "The record's values are nested too deeply to be read")],
		)
	if errors:
		stats.rows_with_errors += 1
		yield from errors
	else:
		yield record


def _build_record(row_number: int, values: dict[str, Any], *, html: bool):
	record = UhriRecord(row_number=row_number)
	errors: list[RowError] = []

	def convert(name: str, converter):
		try:
			setattr(record, name, converter(values.get(name)))
		except _BadValue as problem:
			errors.append(RowError(row_number, name, str(problem)))

	for name in _LIST_FIELDS:
		convert(name, _values)
	for name in _SINGLE_VALUE_FIELDS:
		convert(name, _single_value)
	# Several positions on one recommendation is UHRI's split response, "Supported/Noted".
	convert("upr_position", lambda raw: "/".join(_values(raw)))
	convert("sdg_targets", _sdg_targets)
	convert("publication_date", _to_date)
	convert("published_on_uhri", _to_naive_datetime)
	convert("upr_cycle", _to_cycle)
	convert("text", lambda raw: _paragraph_text(raw, html=html))

	if not record.text and not any(error.field == "text" for error in errors):
		errors.append(RowError(row_number, "text", "The paragraph text is empty"))
	if errors:
		return None, errors
	record.sub_heading, numbered = split_paragraph_heading(record.text)
	record.paragraph = parse_paragraph_number(numbered)
	return record, []


class _BadValue(ValueError):
	pass


_FIELD_BY_KEY = {column_key(column): name for column, name in _COLUMN_FIELDS.items()}


@lru_cache(maxsize=512)
def _field_for_column(name: str) -> str | None:
	"""The field a JSON key (or header) holds; cached because every record repeats the same keys."""
	return _FIELD_BY_KEY.get(column_key(name))


def _is_filled(value: Any) -> bool:
	return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _values(raw: Any) -> list[str]:
	"""A list cell or JSON value as distinct strings: newline lists, `- ` prefixes, nested lists."""
	found: list[str] = []
	_collect_values(raw, found)
	return list(dict.fromkeys(found))


def _collect_values(raw: Any, found: list[str]) -> None:
	if raw is None:
		return
	if isinstance(raw, list | tuple):
		for item in raw:
			_collect_values(item, found)
	elif isinstance(raw, dict):
		# Some API versions give {"Id": …, "Name": …} objects instead of plain labels.
		label = next(
			(raw[key] for key in ("Name", "name", "Label", "label", "Title", "title") if key in raw), None
		)
		_collect_values(label, found)
	elif isinstance(raw, str):
		for line in raw.splitlines():
			value = _VALUE_PREFIX.sub("", line.strip())
			if value:
				found.append(value)
	elif isinstance(raw, float) and raw.is_integer():
		found.append(str(int(raw)))
	else:
		found.append(str(raw))


def _single_value(raw: Any) -> str:
	return "; ".join(_values(raw))


def _sdg_targets(raw: Any) -> list[str]:
	"""`16.3 - Promote the rule of law` → `16.3`; `1.A - …` → `1.a`. Goal-only labels carry no target."""
	targets = []
	for value in _values(raw):
		match = _SDG_TARGET.match(value)
		if match:
			targets.append(f"{match.group(1)}.{match.group(2).lower()}")
	return list(dict.fromkeys(targets))


def _paragraph_text(raw: Any, *, html: bool) -> str:
	if raw is None:
		return ""
	if isinstance(raw, dict):
		raise _BadValue("Expected the paragraph text, found a JSON object")
	if isinstance(raw, list | tuple):
		text = "\n".join(str(part) for part in raw if part is not None)
	elif isinstance(raw, float) and raw.is_integer():
		text = str(int(raw))
	else:
		text = str(raw)
	text = _VALUE_PREFIX.sub("", text.strip())
	return plain_text(text) if html else tidy_lines(text)


def _to_datetime(raw: Any) -> datetime | None:
	"""Excel serials (`46125.4996282407`), datetime cells and ISO strings; None when empty."""
	if isinstance(raw, list | tuple):
		filled = [value for value in raw if _is_filled(value)]
		if len(filled) > 1:
			raise _BadValue(f"Expected one date, found {len(filled)}: {filled!r}")
		raw = filled[0] if filled else None
	if raw is None:
		return None
	if isinstance(raw, datetime):
		return raw
	if isinstance(raw, date):
		return datetime.combine(raw, time())
	if isinstance(raw, int | float) and not isinstance(raw, bool):
		return _from_excel_serial(raw)
	if not isinstance(raw, str):
		raise _BadValue(f"Not a date: {raw!r}")
	text = _VALUE_PREFIX.sub("", raw.strip())
	if not text:
		return None
	if _EXCEL_SERIAL.fullmatch(text):
		return _from_excel_serial(float(text))
	try:
		return isoparse(text)  # "Z", offsets and .NET's seven fraction digits included
	except (ValueError, OverflowError) as error:
		raise _BadValue(
			f"Not a date: {raw!r} (expected an Excel date number or YYYY-MM-DD; {error})"
		) from None


def _from_excel_serial(serial: float) -> datetime:
	# here, not at the top: a JSON export with ISO dates never needs openpyxl
	openpyxl_for_reading()
	from openpyxl.utils.datetime import from_excel

	if not 1 <= serial <= _LAST_EXCEL_SERIAL:
		raise _BadValue(f"Not an Excel date number: {serial!r}")
	# Excel's 1900 date system with its phantom 29 February 1900; times rounded to the millisecond
	return from_excel(serial)


def _to_date(raw: Any) -> date | None:
	# The date as the source wrote it, without shifting time zones.
	value = _to_datetime(raw)
	return value.date() if value else None


def _to_naive_datetime(raw: Any) -> datetime | None:
	# Frappe stores naive datetimes; aware ones are brought to UTC first.
	value = _to_datetime(raw)
	if value and value.tzinfo:
		return value.astimezone(timezone.utc).replace(tzinfo=None)
	return value


def _to_cycle(raw: Any) -> int | None:
	if raw is None or isinstance(raw, bool):
		return None
	if isinstance(raw, int):
		return raw
	if isinstance(raw, float) and raw.is_integer():
		return int(raw)
	text = _single_value(raw)
	if not text:
		return None
	number = re.search(r"\d+", text)
	if not number:
		raise _BadValue(f"Not a UPR cycle number: {raw!r}")
	return int(number.group())


class _StateFilter:
	"""Keeps the records whose Countries concerned include one State."""

	def __init__(self, state: str, resolver: CountryResolver | None):
		self._key = match_key(state)
		self._resolver = resolver
		self._resolved = resolver.resolve(state) if resolver else None
		self._verdicts: dict[str, bool] = {}

	@classmethod
	def build(cls, state: str | None, resolver: CountryResolver | None) -> _StateFilter | None:
		return cls(state, resolver) if state and state.strip() else None

	def matches(self, countries: Iterable[str]) -> bool:
		return any(self._is_state(country) for country in countries)

	def _is_state(self, country: str) -> bool:
		verdict = self._verdicts.get(country)
		if verdict is None:
			verdict = match_key(country) == self._key or (
				self._resolved is not None and self._resolver.resolve(country) == self._resolved
			)
			self._verdicts[country] = verdict
		return verdict


class _JsonTokens:
	"""A rolling buffer over a JSON stream, decoding one value at a time with raw_decode.

	Only the current, unfinished value is kept, so memory is bounded by the read size plus the
	largest single record.
	"""

	def __init__(self, stream: IO[bytes] | IO[str], chunk_size: int):
		self._stream = stream
		self._chunk_size = chunk_size
		# A record bigger than this is taken for broken JSON rather than read to the end of the file.
		self._max_value_size = max(64 << 20, 4 * chunk_size)
		self._decoder = json.JSONDecoder()
		self._bytes_decoder = None
		self._buffer = ""
		self._position = 0
		self._dropped = 0  # characters before the buffer, for error messages
		self._at_end = False

	def records(self) -> Iterator[Any]:
		"""The items of the top-level array, or of the array a wrapper object holds."""
		if self.peek() == "[":
			yield from self._array_items()
			return
		self._expect("{")
		keys: list[str] = []
		found_records = False
		while self.peek() != "}":
			key = self._decode_value()
			if not isinstance(key, str):
				raise UhriFormatError(f"Expected an object key at character {self._offset()}")
			keys.append(key)
			self._expect(":")
			if self.peek() == "[" and key.casefold() in _WRAPPER_KEYS and not found_records:
				found_records = True
				yield from self._array_items()
			elif self.peek() == "[":
				for _item in self._array_items():
					pass  # streamed past, so an unrelated large array never sits in memory
			else:
				self._decode_value()
			if self.peek() != ",":
				break
			self._position += 1
		self._expect("}")
		if not found_records:
			raise UhriFormatError(
				f"Not a UHRI export: no array of records under any of the keys {', '.join(keys) or '(none)'}"
			)

	def peek(self) -> str:
		"""The next character that is not whitespace, without consuming it; "" at the end."""
		while True:
			match = _NOT_JSON_WHITESPACE.search(self._buffer, self._position)
			if match:
				self._position = match.start()
				return self._buffer[self._position]
			self._position = len(self._buffer)
			if not self._read_more():
				return ""

	def _array_items(self) -> Iterator[Any]:
		self._expect("[")
		if self.peek() == "]":
			self._position += 1
			return
		while True:
			yield self._decode_value()
			separator = self.peek()
			self._position += 1
			if separator == "]":
				return
			if separator != ",":
				raise UhriFormatError(
					f"Malformed JSON: expected ',' or ']' at character {self._offset() - 1}, found {separator!r}"
				)

	def _expect(self, char: str) -> None:
		found = self.peek()
		if found != char:
			raise UhriFormatError(
				f"Malformed JSON: expected {char!r} at character {self._offset()}, found {found!r}"
			)
		self._position += 1

	def _decode_value(self) -> Any:
		self.peek()
		while True:
			try:
				value, end = self._decoder.raw_decode(self._buffer, self._position)
			except RecursionError:
				raise UhriFormatError(
					f"Malformed JSON: arrays or objects nested too deeply at character {self._offset()}"
				) from None
			except json.JSONDecodeError as error:
				if len(self._buffer) - self._position > self._max_value_size:
					raise UhriFormatError(
						f"Malformed JSON, or a record over {self._max_value_size >> 20} MB, "
						f"at character {self._offset()}: {error.msg}"
					) from None
				if self._read_more():
					continue
				raise UhriFormatError(
					f"Malformed JSON at character {self._dropped + error.pos}: {error.msg}"
				) from None
			# A number at the very end of the buffer may continue in the next chunk.
			if end == len(self._buffer) and self._read_more():
				continue
			self._position = end
			return value

	def _read_more(self) -> bool:
		if self._at_end:
			return False
		chunk = self._stream.read(self._chunk_size)
		if isinstance(chunk, bytes | bytearray):
			if self._bytes_decoder is None:
				# utf-8-sig drops a byte-order mark some Windows tools write.
				self._bytes_decoder = codecs.getincrementaldecoder("utf-8-sig")()
			try:
				text = self._bytes_decoder.decode(chunk, final=not chunk)
			except UnicodeDecodeError as error:
				raise UhriFormatError(f"The JSON export is not UTF-8 text: {error}") from None
		else:
			text = chunk.lstrip("\ufeff") if not self._dropped and not self._buffer else chunk
		if not chunk:
			self._at_end = True
		# Drop what has been consumed before growing the buffer.
		self._dropped += self._position
		self._buffer = self._buffer[self._position :] + text
		self._position = 0
		return bool(text) or not self._at_end

	def _offset(self) -> int:
		return self._dropped + self._position
