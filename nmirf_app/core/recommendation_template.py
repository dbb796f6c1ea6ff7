"""The Excel template for recommendations typed by hand: regional bodies, special procedures,
older documents that the UHRI does not hold.

`write_template` makes the workbook a user fills in, with dropdowns fed by what the site knows;
`read_template` reads the filled sheet back as rows in the Recommendation's field names, for
`recommendation_import` to resolve. The worked example lives on the Instructions sheet, so that
it can never be imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any, NamedTuple

from nmirf_app.core.spreadsheet import (
	ReadCounts,
	RowIssue,
	SourceRows,
	SpreadsheetFormatError,
	match_columns,
	open_workbook,
	read_rows,
	split_lines,
)


class TemplateColumn(NamedTuple):
	header: str
	field: str  # the Recommendation field it fills
	required: bool
	help: str


DATA_SHEET = "Recommendations"
INSTRUCTIONS_SHEET = "Instructions"
LISTS_SHEET = "Lists"
POSITIONS = ("Supported", "Noted", "Supported in part")
ANNOTATION_TYPES = ("Recommendation", "Concern/Observation", "Other")

TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
	TemplateColumn(
		"Mechanism",
		"mechanism",
		True,
		"Code of the mechanism that made the recommendation, chosen from the list (e.g. CRC, SR-TORTURE, IACHR).",
	),
	TemplateColumn(
		"Document symbol",
		"document_symbol",
		False,
		"Symbol or reference of the document, e.g. CRC/C/PRY/CO/6 or A/HRC/52/25/Add.1. "
		"With the paragraph it identifies the recommendation, so that importing the file again updates it.",
	),
	TemplateColumn(
		"Paragraph",
		"paragraph",
		False,
		"Paragraph number in the document, e.g. 18 or 136.22. Left empty, it is read from the start of the text.",
	),
	TemplateColumn(
		"Document date",
		"document_date",
		False,
		"Date of the document: a date cell, or text written YYYY-MM-DD (e.g. 2023-02-28).",
	),
	TemplateColumn(
		"UPR cycle", "upr_cycle", False, "UPR recommendations only: the cycle, a number such as 4."
	),
	TemplateColumn("Session", "session", False, "Session of the mechanism, e.g. 52nd Session."),
	TemplateColumn(
		"Text", "recommendation_text", True, "The recommendation, word for word as the document prints it."
	),
	TemplateColumn(
		"Recommending States",
		"recommending_states",
		False,
		"UPR recommendations only: the States that made it, one per line or separated by ';'.",
	),
	TemplateColumn(
		"Position",
		"position",
		False,
		"The State's position, chosen from the list: Supported, Noted or Supported in part. Empty if none yet.",
	),
	TemplateColumn(
		"Position source",
		"position_source",
		False,
		"The document stating the position, e.g. A/HRC/48/9/Add.1.",
	),
	TemplateColumn(
		"Themes", "themes", False, "Themes from the site's theme list, one per line or separated by ';'."
	),
	TemplateColumn(
		"Affected groups",
		"affected_groups",
		False,
		"Groups from the site's list of affected groups, one per line or separated by ';'.",
	),
	TemplateColumn(
		"SDG targets", "sdg_targets", False, "SDG target codes, e.g. 16.3, one per line or separated by ';'."
	),
	TemplateColumn(
		"Type",
		"annotation_type",
		False,
		"Chosen from the list: Recommendation (when left empty), Concern/Observation or Other.",
	),
	TemplateColumn(
		"UHRI annotation id",
		"uhri_annotation_id",
		False,
		"Only if the paragraph is also in the UHRI: its annotation id, so that a later UHRI import updates "
		"this recommendation instead of adding it twice.",
	),
)

_EXAMPLE = {
	"mechanism": "SR-TORTURE",
	"document_symbol": "A/HRC/52/25/Add.1",
	"paragraph": "94",
	"document_date": "2023-02-28",
	"session": "52nd Session",
	"recommendation_text": "94. The Special Rapporteur recommends that the Government close the punishment "
	"cells of the Tacumbú prison and ensure that all detainees have access to a doctor.",
	"themes": "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)\n"
	"Conditions of detention",
	"affected_groups": "Persons deprived of their liberty",
	"sdg_targets": "16.3",
	"annotation_type": "Recommendation",
}
_WIDTHS = {"recommendation_text": 80, "themes": 40, "affected_groups": 32, "recommending_states": 26}
# Text format keeps what is typed: "136.20" stays a paragraph, not the number 136.2.
_TEXT_COLUMNS = {"document_symbol", "paragraph", "session", "uhri_annotation_id"}
_LIST_FIELDS = {"recommending_states", "themes", "affected_groups", "sdg_targets"}
_DATA_ROWS = 5000  # rows the dropdowns cover
# Besides each column's own header, what a user's renamed copy may call it.
_HEADER_ALIASES = {
	"mechanism": ("Mechanism code", "Body"),
	"recommendation_text": ("Recommendation", "Recommendation text"),
	"recommending_states": ("Recommending State",),
	"affected_groups": ("Affected persons",),
	"sdg_targets": ("SDGs", "SDG target"),
	"annotation_type": ("Annotation type",),
}
_MAX_ROWS_BEFORE_HEADER = 10
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# openpyxl is imported by the writers only: reading an import's template does not need its writer
# (a JSON or CSV import then loads neither openpyxl nor the numpy openpyxl loads)
_HEADER_FONT = {"bold": True, "color": "FFFFFF"}
_HEADER_FILL = {"fill_type": "solid", "fgColor": "1F4E79"}
_EXAMPLE_FONT = {"italic": True, "color": "808080"}


def write_template(
	stream_or_path: str | os.PathLike | IO[bytes],
	*,
	mechanisms: Sequence[str],
	themes: Sequence[str],
	affected_groups: Sequence[str],
	sdg_targets: Sequence[str],
	positions: Sequence[str] = POSITIONS,
) -> None:
	"""Save the template: the sheet to fill in, its instructions, and the hidden lists behind the dropdowns."""
	from openpyxl import Workbook

	workbook = Workbook()
	data_sheet = workbook.active
	data_sheet.title = DATA_SHEET
	instructions = workbook.create_sheet(INSTRUCTIONS_SHEET)
	lists = workbook.create_sheet(LISTS_SHEET)

	list_ranges = _write_lists(
		lists,
		{
			"Mechanisms": mechanisms,
			"Positions": positions,
			"Types": ANNOTATION_TYPES,
			"Themes": themes,
			"Affected groups": affected_groups,
			"SDG targets": sdg_targets,
		},
	)
	lists.sheet_state = "hidden"
	_write_data_sheet(data_sheet, list_ranges)
	_write_instructions(instructions)
	workbook.save(stream_or_path)


def _write_lists(sheet, lists: dict[str, Sequence[str]]) -> dict[str, str]:
	"""One column per list; returns each list's cell range for dropdowns, when it has values."""
	from openpyxl.styles import Font
	from openpyxl.utils import get_column_letter, quote_sheetname

	ranges = {}
	for column, (title, values) in enumerate(lists.items(), start=1):
		sheet.cell(row=1, column=column, value=title).font = Font(bold=True)
		for row, value in enumerate(values, start=2):
			_set_text(sheet.cell(row=row, column=column), value)
		letter = get_column_letter(column)
		sheet.column_dimensions[letter].width = 40
		if values:
			ranges[title] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
	return ranges


def _write_data_sheet(sheet, list_ranges: dict[str, str]) -> None:
	from openpyxl.comments import Comment
	from openpyxl.styles import Alignment, Font, PatternFill
	from openpyxl.utils import get_column_letter
	from openpyxl.worksheet.datavalidation import DataValidation

	dropdowns = {"mechanism": "Mechanisms", "position": "Positions", "annotation_type": "Types"}
	for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
		cell = sheet.cell(row=1, column=index, value=column.header + (" *" if column.required else ""))
		cell.font = Font(**_HEADER_FONT)
		cell.fill = PatternFill(**_HEADER_FILL)
		cell.alignment = Alignment(vertical="top", wrap_text=True)
		cell.comment = Comment(column.help, "NMIRF")
		letter = get_column_letter(index)
		dimension = sheet.column_dimensions[letter]
		dimension.width = _WIDTHS.get(column.field, 18)
		if column.field in _TEXT_COLUMNS:
			dimension.number_format = "@"
		if column.field in _LIST_FIELDS or column.field == "recommendation_text":
			dimension.alignment = Alignment(vertical="top", wrap_text=True)
		cells = f"{letter}2:{letter}{_DATA_ROWS + 1}"
		list_name = dropdowns.get(column.field)
		if list_name in list_ranges:
			validation = DataValidation(
				type="list",
				formula1=list_ranges[list_name],
				allow_blank=True,
				showErrorMessage=True,
				errorTitle=column.header,
				error=f"Choose a value from the list. {column.help}",
			)
			validation.add(cells)
			sheet.add_data_validation(validation)
		elif column.field == "upr_cycle":
			validation = DataValidation(
				type="whole",
				operator="between",
				formula1="1",
				formula2="20",
				allow_blank=True,
				showErrorMessage=True,
				errorTitle=column.header,
				error=column.help,
			)
			validation.add(cells)
			sheet.add_data_validation(validation)
	sheet.freeze_panes = "A2"


def _write_instructions(sheet) -> None:
	from openpyxl.styles import Alignment, Font, PatternFill

	lines = [
		"How to fill in the Recommendations sheet",
		"One recommendation per row, starting in row 2. Columns marked * are required; leave the others "
		"empty when they do not apply.",
		"Mechanism, Position and Type offer a list of the values this site knows. A mechanism that is not "
		"in the list must first be added as a Human Rights Mechanism.",
		"Themes, affected groups and SDG targets must match the site's lists (on the hidden Lists sheet: "
		"right-click a sheet tab, Unhide). Values that do not match are reported and left out; the rest of "
		"the row is imported.",
		"Importing the same file again updates the recommendations instead of adding them twice: a row is "
		"recognised by its UHRI annotation id, else by document symbol and paragraph, else by its text.",
		"",
	]
	for row, line in enumerate(lines, start=1):
		sheet.cell(row=row, column=1, value=line)
	sheet.cell(row=1, column=1).font = Font(bold=True, size=14)

	table_row = len(lines) + 1
	for column, title in enumerate(("Column", "Required", "How to fill it in", "Example"), start=1):
		cell = sheet.cell(row=table_row, column=column, value=title)
		cell.font = Font(**_HEADER_FONT)
		cell.fill = PatternFill(**_HEADER_FILL)
	for offset, column in enumerate(TEMPLATE_COLUMNS, start=1):
		row = table_row + offset
		sheet.cell(row=row, column=1, value=column.header).font = Font(bold=True)
		sheet.cell(row=row, column=2, value="Yes" if column.required else "No")
		sheet.cell(row=row, column=3, value=column.help)
		example = sheet.cell(row=row, column=4)
		_set_text(example, _EXAMPLE.get(column.field, ""))
		example.font = Font(**_EXAMPLE_FONT)
		for cell in sheet[row]:
			cell.alignment = Alignment(vertical="top", wrap_text=True)
	for letter, width in zip("ABCD", (22, 10, 70, 60), strict=True):
		sheet.column_dimensions[letter].width = width


def _set_text(cell, value: str) -> None:
	cell.value = value
	# A label starting with "=" is text, not a formula for Excel to run.
	if isinstance(value, str) and value.startswith("="):
		cell.data_type = "s"


def read_template(source: str | os.PathLike | IO[bytes]) -> SourceRows:
	"""Rows of a filled template (dicts) and their fatal issues; empty rows are skipped silently.

	Reads the Recommendations sheet, or the first sheet of a copy that renamed it. Raises
	SpreadsheetFormatError at once when no header row has the Mechanism and Text columns.
	"""
	workbook = open_workbook(source)
	try:
		sheet = workbook[DATA_SHEET] if DATA_SHEET in workbook.sheetnames else workbook.worksheets[0]
		# Some writers record a wrong sheet size; reading without it reads every row there is.
		sheet.reset_dimensions()
		rows = read_rows(sheet)
		header_row_number, columns = _locate_header(rows)
	except BaseException:
		workbook.close()
		raise
	counts = ReadCounts()
	return SourceRows(_rows(workbook, rows, header_row_number, columns, counts), counts)


def _header_aliases() -> dict[str, Iterable[str]]:
	# "Text *": the required mark is punctuation, so it matches like "Text".
	return {
		column.field: (column.header, column.field, *_HEADER_ALIASES.get(column.field, ()))
		for column in TEMPLATE_COLUMNS
	}


def _locate_header(rows) -> tuple[int, dict[int, str]]:
	aliases = _header_aliases()
	required = [column for column in TEMPLATE_COLUMNS if column.required]
	for row_number, row in enumerate(rows, start=1):
		columns = match_columns(row, aliases)
		if all(column.field in columns.values() for column in required):
			return row_number, columns
		if row_number >= _MAX_ROWS_BEFORE_HEADER:
			break
	names = ", ".join(column.header for column in required)
	raise SpreadsheetFormatError(
		f"Not a recommendations template: no header row with the columns {names} "
		f"in the first {_MAX_ROWS_BEFORE_HEADER} rows"
	)


def _rows(workbook, rows, header_row_number: int, columns: dict[int, str], counts: ReadCounts):
	headers = {column.field: column.header for column in TEMPLATE_COLUMNS}
	try:
		for row_number, row in enumerate(rows, start=header_row_number + 1):
			cells = {name: row[index] for index, name in columns.items() if index < len(row)}
			if not any(_cell_text(value) for value in cells.values()):
				continue
			counts.read += 1
			issues: list[RowIssue] = []
			values: dict[str, Any] = {"row_number": row_number}
			for name, raw in cells.items():
				try:
					values[name] = _convert(name, raw)
				except ValueError as problem:
					issues.append(RowIssue(row_number, headers[name], str(problem), value=_cell_text(raw)))
			yield from issues or [values]
	finally:
		workbook.close()


def _convert(name: str, raw: Any) -> Any:
	if name == "document_date":
		return _to_date(raw)
	if name == "upr_cycle":
		return _to_cycle(raw)
	if name in _LIST_FIELDS:
		return split_lines(raw)
	return _cell_text(raw)


def _cell_text(value: Any) -> str:
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		return str(int(value))
	if isinstance(value, datetime):
		return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
	return str(value).strip()


def _to_date(raw: Any) -> date | None:
	if isinstance(raw, datetime):
		return raw.date()
	if isinstance(raw, date):
		return raw
	text = _cell_text(raw)
	if not text:
		return None
	# Only YYYY-MM-DD: 03/04/2023 is March in one country and April in the next.
	if _ISO_DATE.fullmatch(text):
		try:
			return date.fromisoformat(text)
		except ValueError:
			pass
	raise ValueError(f"'{text}' is not a date: enter a date, or write it as YYYY-MM-DD (e.g. 2023-02-28)")


def _to_cycle(raw: Any) -> int | None:
	text = _cell_text(raw)
	if not text:
		return None
	if not text.isdigit():
		raise ValueError(f"'{text}' is not a UPR cycle: write the cycle as a number, e.g. 4")
	return int(text)
