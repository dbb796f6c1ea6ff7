"""What the spreadsheet readers and writers share: row issues, header matching, safe export cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from nmirf_app.core.uhri_format import CountingRows, column_key

# Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula (OWASP
# "CSV injection"); a tab or carriage return can hide such a start from the eye.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


@dataclass
class ReadCounts:
	read: int = 0  # rows in the source, whatever became of them
	skipped_other_state: int = 0  # left out by a State filter


# Rows of a source file (dicts) and their fatal issues, counted in a ReadCounts.
SourceRows = CountingRows


def safe_cell(value: Any) -> Any:
	"""A value to write into an exported XLSX or CSV cell that no spreadsheet runs as a formula.

	Text that would start a formula gets a leading apostrophe, which spreadsheets show as text;
	numbers, dates and other values pass unchanged.
	"""
	if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
		return "'" + value
	return value


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


def open_workbook(source):
	"""openpyxl's read-only, values-only workbook, or a SpreadsheetFormatError a user understands when
	the file is no .xlsx workbook at all (a renamed CSV, an old .xls, a truncated download)."""
	from zipfile import BadZipFile

	from openpyxl import load_workbook
	from openpyxl.utils.exceptions import InvalidFileException

	try:
		return load_workbook(source, read_only=True, data_only=True)
	except (BadZipFile, InvalidFileException, KeyError, OSError) as error:
		raise SpreadsheetFormatError(
			f"The file is not an Excel workbook (.xlsx) that can be read: {error}. "
			"Save it from Excel as 'Excel Workbook (.xlsx)' and try again."
		) from error
