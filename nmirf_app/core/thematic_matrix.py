"""The UPR implementation matrix in OHCHR's "Thematic list of recommendations" layout.

A State's voluntary mid-term report on the UPR annexes the review's recommendations grouped by theme,
each with the State's assessment of its implementation. This module writes that annex as a DOCX in
the 3rd-cycle layout of OHCHR's thematic lists (page header naming State, cycle and session; columns
`Recommendation | Position | Full list of themes | Assessment/comments on level of implementation`),
and as the same table in an XLSX sheet. The DOCX is what `upr_thematic_list` reads: the assessments
typed or corrected in Word are imported back as the State's assessments (core.assessment_cell).
Framework-free: the Frappe side passes plain rows in.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from nmirf_app.core.reference_data import sdg_goals
from nmirf_app.core.references import natural_key, parse_paragraph_number
from nmirf_app.core.spreadsheet import CONTROL_CHARACTERS, safe_cell
from nmirf_app.core.upr_thematic_list import _ordinal as ordinal
from nmirf_app.core.upr_thematic_list import working_group_report_symbol

TITLE = "Thematic list of recommendations"
COLUMN_HEADINGS = (
	"Recommendation",
	"Position",
	"Full list of themes",
	"Assessment/comments on level of implementation",
)

# The app's positions as OHCHR's lists print them; a split response is "Supported/Noted".
_OHCHR_POSITIONS = {"Supported": "Supported", "Noted": "Noted", "Supported in part": "Supported/Noted"}

# A4 landscape, as OHCHR lays its lists out: four columns need the width.
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = Cm(29.7), Cm(21.0), Cm(1.5)
_DOCX_WIDTHS = (Cm(10.2), Cm(2.8), Cm(6.7), Cm(7.0))  # together the width between the margins
_XLSX_WIDTHS = (70, 16, 45, 55)
_HEADING_FILL = "D9D9D9"
_COLUMN_HEADINGS_FILL = "DCE6F1"


@dataclass(frozen=True)
class ThematicMatrixRow:
	"""One recommendation of the matrix."""

	paragraph: str  # "115.3"
	text: str  # as printed, "115.3 Ratify … (Chile, Spain);", with or without its paragraph number
	position: str = ""  # "Supported", "Noted", "Supported in part" or ""
	position_source: str = ""  # "A/HRC/52/9/Add.1 - Para. 3"
	themes: list[str] = field(default_factory=list)
	affected_groups: list[str] = field(default_factory=list)
	sdg_goals: list[int] = field(default_factory=list)
	assessment: str = ""  # the assessment cell's text (see assessment_cell)


def write_thematic_matrix_docx(
	rows: Iterable[ThematicMatrixRow],
	*,
	state: str,
	cycle: int,
	session: int | None,
	report_symbol: str,
	title: str = TITLE,
) -> bytes:
	"""The matrix as a Word document in the 3rd-cycle layout of OHCHR's thematic lists."""
	header = _page_header(state, cycle, session)
	document = Document()
	document.core_properties.title = f"{header} {title}"
	section = document.sections[0]
	section.orientation = WD_ORIENT.LANDSCAPE
	section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
	for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
		setattr(section, side, _MARGIN)
	normal = document.styles["Normal"]
	normal.font.name = "Times New Roman"
	normal.font.size = Pt(9)
	_write_page_header(document, section, header, title)

	table = document.add_table(rows=1, cols=len(COLUMN_HEADINGS))
	table.style = "Table Grid"
	table.autofit = False
	for column, width in zip(table.columns, _DOCX_WIDTHS, strict=True):
		column.width = width
	for cell, heading, width in zip(table.rows[0].cells, COLUMN_HEADINGS, _DOCX_WIDTHS, strict=True):
		cell.width = width
		cell.paragraphs[0].add_run(heading).bold = True
		_shade(cell, _COLUMN_HEADINGS_FILL)
	# Word repeats a row marked as the table's header at the top of each page.
	table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))

	for theme, members in _by_theme(rows):
		if theme:
			cells = table.add_row().cells
			heading = cells[0].merge(cells[-1])
			heading.paragraphs[0].add_run(_docx_text(f"Theme: {theme}")).bold = True
			_shade(heading, _HEADING_FILL)
		for row in members:
			recommendation, position, themes, assessment = table.add_row().cells
			text, *source = _recommendation_lines(row, report_symbol)
			_write_lines(recommendation, [text])
			for line in source:
				recommendation.add_paragraph().add_run(_docx_text(line)).italic = True
			_write_lines(position, [_ohchr_position(row.position)])
			_write_lines(themes, _themes_lines(row, mark="-"))
			_write_lines(assessment, _lines(row.assessment))

	buffer = io.BytesIO()
	document.save(buffer)
	return buffer.getvalue()


def write_thematic_matrix_xlsx(
	rows: Iterable[ThematicMatrixRow],
	*,
	state: str,
	cycle: int,
	session: int | None,
	report_symbol: str,
	title: str = TITLE,
) -> bytes:
	"""The same table as an Excel sheet: the page header in row 1, the column headings in row 2."""
	header = _page_header(state, cycle, session)
	workbook = Workbook()
	sheet = workbook.active
	sheet.title = "Thematic list"
	workbook.properties.title = f"{header} {title}"
	width = len(COLUMN_HEADINGS)
	top = Alignment(vertical="top", wrap_text=True)
	bold = Font(bold=True)

	sheet.append([safe_cell(f"{header}  {title}")])
	sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
	sheet["A1"].font = Font(bold=True, size=12)
	sheet.append([safe_cell(heading) for heading in COLUMN_HEADINGS])
	for cell in sheet[2]:
		cell.font = bold
		cell.fill = PatternFill("solid", fgColor=_COLUMN_HEADINGS_FILL)
		cell.alignment = top
	heading_fill = PatternFill("solid", fgColor=_HEADING_FILL)
	for theme, members in _by_theme(rows):
		if theme:
			sheet.append([safe_cell(f"Theme: {theme}")])
			sheet.merge_cells(
				start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
			)
			heading = sheet.cell(sheet.max_row, 1)
			heading.font, heading.fill, heading.alignment = bold, heading_fill, top
		for row in members:
			# Bullets rather than OHCHR's "- ": safe_cell would put an apostrophe before a leading "-".
			values = (
				"\n".join(_recommendation_lines(row, report_symbol)),
				_ohchr_position(row.position),
				"\n".join(_themes_lines(row, mark="\u2022")),
				"\n".join(_lines(row.assessment)),
			)
			sheet.append([safe_cell(value) for value in values])
			for cell in sheet[sheet.max_row]:
				cell.alignment = top
	for index, column_width in enumerate(_XLSX_WIDTHS, start=1):
		sheet.column_dimensions[get_column_letter(index)].width = column_width
	sheet.freeze_panes = "A3"
	sheet.print_title_rows = "2:2"
	sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
	sheet.page_setup.paperSize = sheet.PAPERSIZE_A4

	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def _page_header(state: str, cycle: int, session: int | None) -> str:
	"""`UPR of Paraguay (3rd Cycle - 38th Session)`, as the thematic lists' page header names the
	review; without a session, `UPR of Paraguay (3rd Cycle)`, which the reader takes too."""
	if not isinstance(cycle, int) or cycle < 1:
		# The reader refuses a list whose header names no cycle: better no file than one it refuses.
		raise ValueError(f"The UPR cycle must be a number (1, 2, 3…), not {cycle!r}")
	review = f"{ordinal(cycle)} Cycle" + (f" - {ordinal(session)} Session" if session else "")
	return f"UPR of {_docx_text(state).strip()} ({review})"


# The cells


def _by_theme(rows: Iterable[ThematicMatrixRow]) -> list[tuple[str, list[ThematicMatrixRow]]]:
	"""(heading, rows) pairs: the rows under their first theme, themes in alphabetical order, each
	group in paragraph order (115.3 before 115.10). Rows without any theme come first under no
	heading (""): under a `Theme:` row, the reader would give them that heading as their theme."""
	groups: dict[str, list[ThematicMatrixRow]] = {}
	for row in rows:
		theme = next(iter(_labels(row.themes)), "")
		groups.setdefault(theme, []).append(row)
	ordered = sorted(groups, key=lambda theme: (natural_key(theme), theme))
	return [(theme, sorted(groups[theme], key=lambda row: natural_key(row.paragraph))) for theme in ordered]


def _recommendation_lines(row: ThematicMatrixRow, report_symbol: str) -> list[str]:
	"""The printed recommendation, then the `Source of position:` line the reader takes the
	Working Group report's symbol from."""
	text = " ".join(row.text.split())
	paragraph = row.paragraph.strip()
	if paragraph and parse_paragraph_number(text) != paragraph:
		text = f"{paragraph} {text}".strip()
	source = " ".join(row.position_source.split())
	if report_symbol and not working_group_report_symbol(source):
		# A source naming no document ("UHRI") would leave the recommendation without its report, and a
		# re-import could not match it to its record (`doc:<report>#<paragraph>`).
		source = f"{report_symbol} ({source})" if source else report_symbol
	return [text, f"Source of position: {source}"] if source else [text]


def _ohchr_position(position: str) -> str:
	position = (position or "").strip()
	return _OHCHR_POSITIONS.get(position, position)


def _themes_lines(row: ThematicMatrixRow, *, mark: str) -> list[str]:
	"""`- label` lines, then `SDGs:` and `- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS`, then
	`Affected persons:` and its labels; a section without values is left out."""
	titles = _sdg_goal_titles()
	themes = [f"{mark} {theme}" for theme in _labels(row.themes)]
	goals = [
		f"{mark} {goal} - {titles[goal]}" if goal in titles else f"{mark} {goal}"
		for goal in dict.fromkeys(int(goal) for goal in row.sdg_goals)
	]
	groups = [f"{mark} {group}" for group in _labels(row.affected_groups)]
	return [
		*themes,
		*(["SDGs:", *goals] if goals else []),
		*(["Affected persons:", *groups] if groups else []),
	]


def _labels(values: Iterable[str]) -> list[str]:
	"""Labels on one line each, empty ones left out."""
	return [label for value in values if (label := " ".join((value or "").split()))]


_GOAL_TITLES: dict[int, str] = {}


def _sdg_goal_titles() -> dict[int, str]:
	if not _GOAL_TITLES:
		_GOAL_TITLES.update({goal["goal_number"]: goal["short_title"].upper() for goal in sdg_goals()})
	return _GOAL_TITLES


def _lines(text: str) -> list[str]:
	return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


# The Word document


def _docx_text(text: str) -> str:
	# XML 1.0, and so a Word document, cannot hold control characters; python-docx refuses them.
	return CONTROL_CHARACTERS.sub("", text or "")


def _write_lines(cell, lines: list[str]) -> None:
	"""Each line its own paragraph of the cell."""
	for index, line in enumerate(lines):
		paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
		paragraph.add_run(_docx_text(line))


def _write_page_header(document, section, header: str, title: str) -> None:
	"""`UPR of … (…)`, the title centred, `Page 1 of 2` at the right margin, on every page."""
	usable = section.page_width - section.left_margin - section.right_margin
	tab_stops = document.styles["Header"].paragraph_format.tab_stops
	tab_stops.clear_all()  # the template's stops are for a portrait Letter page
	tab_stops.add_tab_stop(usable // 2, WD_TAB_ALIGNMENT.CENTER)
	tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
	paragraph = section.header.paragraphs[0]
	paragraph.add_run(header).bold = True
	paragraph.add_run(f"\t{_docx_text(title)}\tPage ")
	_field(paragraph, "PAGE", "1")
	paragraph.add_run(" of ")
	_field(paragraph, "NUMPAGES", "1")


def _field(paragraph, instruction: str, shown: str) -> None:
	"""A field Word computes (the page number); `shown` is what it shows until then."""
	simple_field = OxmlElement("w:fldSimple")
	simple_field.set(qn("w:instr"), instruction)
	run = OxmlElement("w:r")
	text = OxmlElement("w:t")
	text.text = shown
	run.append(text)
	simple_field.append(run)
	paragraph._p.append(simple_field)


def _shade(cell, fill: str) -> None:
	shading = OxmlElement("w:shd")
	shading.set(qn("w:val"), "clear")
	shading.set(qn("w:fill"), fill)
	cell._tc.get_or_add_tcPr().append(shading)
