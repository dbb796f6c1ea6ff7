"""What the spreadsheet readers and writers share: row issues, header matching, safe export cells."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from nmirf_app.core.vocabulary import match_key

# Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula (OWASP
# "CSV injection"); a tab or carriage return can hide such a start from the eye.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters an XLSX cell (XML 1.0) cannot hold; tab, newline and carriage return it can.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Limits on what a workbook may expand to, checked in the zip directory before anything is
# decompressed. A UHRI export for one State (5,000 rows) is about 20 MB of XML and compresses about
# 20:1; a zip bomb compresses a thousand to one. The ratio is Apache POI's ZipSecureFile default
# (MIN_INFLATE_RATIO 0.01), checked for parts over 1 MiB as small parts of any ratio are harmless.
MAX_XLSX_UNCOMPRESSED = 256 << 20
MAX_XLSX_RATIO = 100
_RATIO_CHECKED_FROM = 1 << 20
MAX_XLSX_PARTS = 10_000
# ECMA-376 Part 2 (Open Packaging Conventions) forbids DTDs in a package's XML parts; a DTD is what
# entity-expansion ("billion laughs") and external-entity attacks need. Refused here with a message a
# user can act on; defusedxml (a dependency, which openpyxl uses when installed) is the second line.
_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
# What an issue list or an error message echoes of a value a file holds.
MAX_ECHOED_CHARACTERS = 200


class SpreadsheetFormatError(ValueError):
	"""The file as a whole cannot be read: not the expected layout, or missing required columns."""


@dataclass(slots=True)
class RowIssue:
	"""One problem with one row; a fatal issue keeps the row out, the others are warnings."""

	row_number: int
	field: str  # the column at fault, as the user sees it in the file ("Reccomending Body", "Themes")
	message: str  # a sentence a ministry user understands
	value: str = ""
	fatal: bool = True
	# for a label no vocabulary entry matched: which vocabulary ("themes", "affected_groups"), so the
	# secretariat can map the label to an entry (an alias) from the import's issue list
	vocabulary: str = ""

	def __post_init__(self):
		# The issue is kept on the import record and in its CSV: a 5 MB cell is echoed, not stored.
		self.value = shorten(self.value)


def shorten(value: Any, limit: int = MAX_ECHOED_CHARACTERS) -> str:
	"""A value as a message may quote it: at most `limit` characters, cut ones marked with "…"."""
	text = "" if value is None else str(value)
	return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ReadCounts:
	read: int = 0  # rows in the source, whatever became of them
	skipped_other_state: int = 0  # left out by a State filter
	other_states: Counter = field(default_factory=Counter)  # the States those were about


class SourceRows(Iterator):
	"""The rows a source reader yields, counting as it goes: its `counts` (read, skipped for another
	State, ...) fill while the caller iterates. Shared by every reader (UHRI, UPR Info, template, thematic lists)."""

	def __init__(self, items: Iterator, counts):
		self._items = items
		self.counts = counts

	def __next__(self):
		return next(self._items)

	def close(self) -> None:
		"""Release the file early when the caller stops before the end."""
		close = getattr(self._items, "close", None)
		if close:
			close()

	@property
	def read(self) -> int:
		return self.counts.read

	@property
	def skipped_other_state(self) -> int:
		return self.counts.skipped_other_state

	@property
	def other_states(self) -> Counter:
		return self.counts.other_states


def column_key(name: str) -> str:
	"""A header as it compares: `Reccomending Body`, `reccomending_body` and `ReccomendingBody` are one."""
	# match_key keeps underscores as word characters; headers compare on letters and digits only.
	return re.sub(r"[\W_]+", "", match_key(str(name)))


def safe_cell(value: Any) -> Any:
	"""A value to write into an exported XLSX or CSV cell that no spreadsheet runs as a formula.

	Text that would start a formula gets a leading apostrophe, which spreadsheets show as text;
	control characters no XLSX cell can hold are dropped; numbers, dates and other values pass unchanged.
	"""
	if not isinstance(value, str):
		return value
	value = CONTROL_CHARACTERS.sub("", value)
	return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
	"""A CSV file of `rows` under `header`, every cell through safe_cell, in UTF-8 with a byte-order
	mark so that Excel shows its accents."""
	buffer = io.StringIO()
	writer = csv.writer(buffer)
	writer.writerow([safe_cell(value) for value in header])
	writer.writerows([safe_cell(value) for value in row] for row in rows)
	return buffer.getvalue().encode("utf-8-sig")


def match_columns(header_row: Sequence[Any], aliases: dict[str, Iterable[str]]) -> dict[int, str]:
	"""Column index → field for the headers of a row, compared case- and punctuation-insensitively.

	`aliases` maps each field to the headers that may name it; when two columns name one field the
	leftmost wins.
	"""
	field_by_key = {column_key(header): name for name, headers in aliases.items() for header in headers}
	columns: dict[int, str] = {}
	for index, value in enumerate(header_row):
		name = field_by_key.get(column_key(value)) if isinstance(value, str) else None
		if name and name not in columns.values():
			columns[index] = name
	return columns


def split_lines(value: Any) -> list[str]:
	"""Distinct non-empty lines of a multi-valued cell, each stripped."""
	if value is None:
		return []
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return list(dict.fromkeys(stripped for line in str(value).splitlines() if (stripped := line.strip())))


def openpyxl_for_reading():
	"""The openpyxl package, imported without numpy when nothing in the process loaded numpy yet.

	openpyxl imports numpy, when installed (scikit-learn brings it), only to count numpy's number
	types as numbers when it writes a cell; reading a workbook never needs it, and numpy is ~11 MB
	of an import process's memory. numpy stays importable afterwards; a cell written in the same
	process from a numpy integer would be refused by openpyxl (numpy floats are Python floats), and
	the app's writers give it Python values only."""
	if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
		sys.modules["numpy"] = None  # an import of numpy now raises ImportError: openpyxl goes without
		try:
			import openpyxl
		finally:
			del sys.modules["numpy"]
	import openpyxl

	return openpyxl


def open_workbook(source):
	"""openpyxl's read-only, values-only workbook, or a SpreadsheetFormatError a user understands when
	the file is no .xlsx workbook at all (a renamed CSV or PDF, an old .xls, a truncated download), is
	damaged, or would expand beyond what an export of recommendations can be (a zip bomb)."""
	load_workbook = openpyxl_for_reading().load_workbook
	check_xlsx_archive(source)
	if hasattr(source, "seek"):
		source.seek(0)
	try:
		return load_workbook(source, read_only=True, data_only=True)
	except Exception as error:
		# openpyxl parses whatever the parts hold and fails in many ways on a hostile file.
		raise SpreadsheetFormatError(
			f"The file is not an Excel workbook (.xlsx) that can be read: {_reason(error)}. "
			"Save it from Excel as 'Excel Workbook (.xlsx)' and try again."
		) from error


def check_xlsx_archive(source) -> None:
	"""Refuse a workbook whose zip directory announces too much, then read every part once, counting
	the bytes and checking their CRC, so that a directory that lies or a damaged part is refused
	before a single row is imported. Memory stays at one read buffer whatever the file holds."""
	from zipfile import BadZipFile, ZipFile

	try:
		archive = ZipFile(source)
	except (BadZipFile, OSError, ValueError, EOFError) as error:
		raise SpreadsheetFormatError(
			f"The file is not an Excel workbook (.xlsx) that can be read: {_reason(error)}. "
			"Save it from Excel as 'Excel Workbook (.xlsx)' and try again."
		) from error
	with archive:
		parts = archive.infolist()
		if len(parts) > MAX_XLSX_PARTS:
			raise _too_big(f"it holds {len(parts):,} parts, more than the {MAX_XLSX_PARTS:,} accepted")
		declared = sum(part.file_size for part in parts)
		if declared > MAX_XLSX_UNCOMPRESSED:
			raise _too_big(f"it expands to {_megabytes(declared)}")
		for part in parts:
			if part.file_size > _RATIO_CHECKED_FROM and part.file_size > MAX_XLSX_RATIO * part.compress_size:
				raise _too_big(
					f"its part {shorten(part.filename, 80)} expands {part.file_size // max(part.compress_size, 1):,} "
					f"times (at most {MAX_XLSX_RATIO} is accepted), as a zip bomb does"
				)
		read = 0
		for part in parts:
			try:
				with archive.open(part) as stream:
					tail = b""
					while chunk := stream.read(1 << 20):
						read += len(chunk)
						# zipfile stops at the declared size; counting is the guard should that change.
						if read > declared:
							raise _too_big("its parts expand beyond the sizes its directory declares")
						if any(marker in tail + chunk for marker in _DOCTYPE_MARKERS):
							raise SpreadsheetFormatError(
								f"The workbook was refused: its part {shorten(part.filename, 80)} declares a "
								"DTD, which Excel never writes and which can hide an attack (entity expansion, "
								"reading server files). Save it again from Excel and try again."
							)
						tail = chunk[-32:]
			except SpreadsheetFormatError:
				raise
			except Exception as error:
				raise SpreadsheetFormatError(
					f"The workbook is damaged: its part {shorten(part.filename, 80)} cannot be read "
					f"({_reason(error)}). Save it again from Excel, or download it again, and retry."
				) from error


def read_rows(sheet) -> Iterator[tuple]:
	"""A read-only sheet's rows as value tuples; a part of the sheet that cannot be parsed (broken XML,
	an entity-expansion attack) is a SpreadsheetFormatError naming the last row read."""
	rows_read = 0
	try:
		for row in sheet.iter_rows(values_only=True):
			yield row
			rows_read += 1
	except Exception as error:
		raise SpreadsheetFormatError(
			f"The sheet cannot be read after row {rows_read}: {_reason(error)}. "
			"Save it again from Excel as 'Excel Workbook (.xlsx)' and try again."
		) from error


def _too_big(reason: str) -> SpreadsheetFormatError:
	return SpreadsheetFormatError(
		f"The workbook was refused before reading it: {reason}. An export of recommendations expands to "
		f"at most {_megabytes(MAX_XLSX_UNCOMPRESSED)}; export one State's recommendations at a time, or "
		"use the UHRI JSON export, which is read as a stream."
	)


def _megabytes(size: int) -> str:
	return f"{size / (1 << 20):,.{0 if size >= 10 << 20 else 1}f} MB"


def _reason(error: BaseException) -> str:
	return shorten(str(error) or type(error).__name__)
