"""The UPR implementation matrix in OHCHR's thematic-list layout: the DOCX read back by the
thematic-list reader and importer as what was written, the XLSX holding the same table, and the
assessment cell read as a person types it."""

import datetime
import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl import load_workbook

from nmirf_app.core.assessment_cell import StateAssessment, assessment_cell, read_assessment_cell
from nmirf_app.core.recommendation_import import ImportCandidate, RowIssue, read_candidates
from nmirf_app.core.thematic_matrix import (
	COLUMN_HEADINGS,
	ThematicMatrixRow,
	write_thematic_matrix_docx,
	write_thematic_matrix_xlsx,
)
from nmirf_app.core.upr_text import normalise_upr_position
from nmirf_app.core.upr_thematic_list import ThematicListHeader, read_upr_thematic_list

REPORT = "A/HRC/48/9"
HEADER = {"state": "Paraguay", "cycle": 3, "session": 38, "report_symbol": REPORT}
STATUSES = ("Not started", "In progress", "Partially implemented", "Fully implemented")

NHRI = "National Human Rights Institution (NHRI)"
OMBUDSMAN_NOTES = (
	"The Ombudsman was re-accredited with status A by GANHRI.\nSource: Ministry of Justice, follow-up report."
)
FORMULA = '=HYPERLINK("http://example.org","see the plan")'

# In paragraph order; the matrix orders them by theme.
ROWS = (
	ThematicMatrixRow(
		paragraph="124.3",
		text="124.3 Bring the Office of the Ombudsman into full compliance with the Paris Principles (Chile, Spain);",
		position="Supported",
		position_source="A/HRC/48/9/Add.1 - Para. 3",
		themes=[NHRI],
		sdg_goals=[16],
		assessment=assessment_cell("Fully implemented", datetime.date(2026, 11, 2), OMBUDSMAN_NOTES),
	),
	ThematicMatrixRow(
		paragraph="124.7",
		text="Take measures to halt deforestation in the Chaco (Côte d'Ivoire);",
		assessment=FORMULA,
	),
	ThematicMatrixRow(
		paragraph="124.10",
		text="Adopt a national plan for the prevention of teenage pregnancy (Ghana); Increase efforts to "
		"reduce maternal mortality, in particular in rural areas (Fiji);",
		position="Supported in part",
		themes=["Right to health", "Children"],
		affected_groups=["girls"],
		sdg_goals=[3, 5],
	),
	ThematicMatrixRow(
		paragraph="124.20",
		text="Allocate sufficient resources to the Office of the Ombudsman (Türkiye);",
		position="Supported",
		position_source="UHRI",
		themes=[NHRI],
		sdg_goals=[16],
		assessment="In progress \u2013 the budget for 2026 grew by 12 %.",
	),
	ThematicMatrixRow(
		paragraph="124.21",
		text="Implement Law No. 5777/16 on comprehensive protection of women against all forms of violence "
		"(Türkiye);",
		position="Noted",
		position_source="A/HRC/48/9/Add.1 - Para. 5",
		themes=["Violence against women", "Domestic violence"],
		affected_groups=["women"],
		sdg_goals=[5, 16],
		assessment=assessment_cell(
			"Partially implemented", None, "The Ministerio de la Mujer opened shelters in Ñeembucú."
		),
	),
)
# Themes alphabetically, rows without themes last; paragraphs in natural order (124.3 before 124.20).
ORDER = ("124.7", "124.3", "124.20", "124.10", "124.21")  # the row without themes first
HEADINGS = (NHRI, "Right to health", "Violence against women")
BY_PARAGRAPH = {row.paragraph: row for row in ROWS}


@pytest.fixture(scope="module")
def docx_content():
	# Shuffled: the order comes from the matrix, not from the caller.
	return write_thematic_matrix_docx(list(reversed(ROWS)), **HEADER)


@pytest.fixture(scope="module")
def xlsx_content():
	return write_thematic_matrix_xlsx(list(reversed(ROWS)), **HEADER)


def docx_rows(content: bytes) -> list[tuple[str, ...]]:
	"""The table's rows as cell texts, a merged cell once."""
	table = Document(io.BytesIO(content)).tables[0]
	return [tuple({id(cell._tc): cell.text for cell in row.cells}.values()) for row in table.rows]


# The DOCX, read back


def test_the_docx_reads_back_as_the_thematic_list_it_was_written_from(docx_content, import_context):
	reader = read_upr_thematic_list(io.BytesIO(docx_content), resolver=import_context.countries)
	assert reader.header == ThematicListHeader("Paraguay", 3, "38th Session")
	rows = list(reader)
	assert all(isinstance(row, dict) for row in rows)
	assert [row["paragraph"] for row in rows] == list(ORDER)
	for row in rows:
		written = BY_PARAGRAPH[row["paragraph"]]
		printed = (
			written.text
			if written.text.startswith(written.paragraph)
			else f"{written.paragraph} {written.text}"
		)
		assert row["recommendation_text"] == printed
		assert normalise_upr_position(row["position"]) == written.position
		assert row["document_symbol"] == REPORT
		# A recommendation without themes is listed first, under no `Theme:` heading, and has none.
		assert row["themes"] == written.themes
		assert row["affected_groups"] == written.affected_groups
		assert row["sdg_goals"] == [str(goal) for goal in written.sdg_goals]
		assert row["sdg_targets"] == []
		assert row["assessment"] == written.assessment
		assert (row["upr_cycle"], row["session"], row["countries_concerned"]) == (
			3,
			"38th Session",
			["Paraguay"],
		)
	by_paragraph = {row["paragraph"]: row for row in rows}
	assert by_paragraph["124.10"]["position"] == "Supported/Noted"
	assert by_paragraph["124.10"]["recommending_states"] == ["Ghana", "Fiji"]
	assert by_paragraph["124.3"]["recommending_states"] == ["Chile", "Spain"]
	assert by_paragraph["124.21"]["recommending_states"] == ["Türkiye"]
	# The source as given; the report when none is given; a source naming no document gets the report.
	assert [by_paragraph[paragraph]["position_source"] for paragraph in ("124.3", "124.10", "124.20")] == [
		"A/HRC/48/9/Add.1 - Para. 3",
		REPORT,
		f"{REPORT} (UHRI)",
	]
	assert read_assessment_cell(by_paragraph["124.3"]["assessment"]) == StateAssessment(
		"Fully implemented", datetime.date(2026, 11, 2), OMBUDSMAN_NOTES
	)


def test_the_docx_imports_as_the_recommendations_of_the_report(docx_content, import_context):
	run = read_candidates("upr-thematic-list", io.BytesIO(docx_content), import_context, state="Paraguay")
	items = list(run)
	assert not [item for item in items if isinstance(item, RowIssue)]
	candidates = {item.values["paragraph"]: item for item in items if isinstance(item, ImportCandidate)}
	assert [candidate.dedupe_key for candidate in candidates.values()] == [f"doc:{REPORT}#{p}" for p in ORDER]
	assert (run.read, run.candidates) == (len(ROWS), len(ROWS))
	for paragraph, candidate in candidates.items():
		assert candidate.values["position"] == BY_PARAGRAPH[paragraph].position
		assert candidate.values["state_under_review"] == "Paraguay"
	assert candidates["124.21"].recommending_states == ["Turkey"]
	assert candidates["124.7"].recommending_states == ["Ivory Coast"]
	assert candidates["124.21"].themes == ["Violence against women", "Domestic violence"]
	assert candidates["124.10"].affected_groups == ["Girls"]
	assert candidates["124.21"].sdg_goals == ["SDG 5", "SDG 16"]
	assert candidates["124.3"].assessment == StateAssessment(
		"Fully implemented", datetime.date(2026, 11, 2), OMBUDSMAN_NOTES
	)
	assert candidates["124.10"].assessment is None
	assert candidates["124.7"].themes == []
	assert not any(warning.fatal for candidate in candidates.values() for warning in candidate.warnings)


def test_the_docx_is_an_a4_list_whose_column_headings_repeat_on_each_page(docx_content):
	document = Document(io.BytesIO(docx_content))
	section = document.sections[0]
	assert sorted((round(section.page_width.mm), round(section.page_height.mm))) == [210, 297]
	[table] = document.tables
	repeated = [
		row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows
	]
	assert repeated == [True] + [False] * (len(table.rows) - 1)
	assert docx_rows(docx_content)[0] == COLUMN_HEADINGS
	with zipfile.ZipFile(io.BytesIO(docx_content)) as archive:
		header = archive.read("word/header1.xml").decode()
	assert (
		"UPR of Paraguay (3rd Cycle - 38th Session)" in header
		and "Thematic list of recommendations" in header
	)
	assert 'w:instr="PAGE"' in header and 'w:instr="NUMPAGES"' in header


def test_the_docx_groups_the_rows_under_merged_theme_headings(docx_content):
	table = Document(io.BytesIO(docx_content)).tables[0]
	headings = [row for row in table.rows[1:] if len(row._tr.tc_lst) == 1]
	assert [row.cells[0].text for row in headings] == [f"Theme: {theme}" for theme in HEADINGS]
	assert all(row._tr.tc_lst[0].grid_span == 4 for row in headings)
	rows = docx_rows(docx_content)
	assert [row[0].split()[0] for row in rows[1:] if len(row) == 4] == list(ORDER)


def test_the_docx_cells_are_laid_out_as_ohchr_lays_them_out(docx_content):
	rows = {row[0].split()[0]: row for row in docx_rows(docx_content)[1:] if len(row) == 4}
	assert rows["124.10"] == (
		"124.10 Adopt a national plan for the prevention of teenage pregnancy (Ghana); Increase efforts to "
		"reduce maternal mortality, in particular in rural areas (Fiji);\nSource of position: A/HRC/48/9",
		"Supported/Noted",
		"- Right to health\n- Children\nSDGs:\n- 3 - GOOD HEALTH AND WELL-BEING\n- 5 - GENDER EQUALITY\n"
		"Affected persons:\n- girls",
		"",
	)
	assert rows["124.3"][2] == f"- {NHRI}\nSDGs:\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"
	assert rows["124.3"][3] == f"Fully implemented (2026-11-02)\n{OMBUDSMAN_NOTES}"
	assert rows["124.7"][1:] == ("", "", FORMULA)


def test_a_review_without_a_known_session_is_still_read(import_context):
	content = write_thematic_matrix_docx(
		ROWS[:1], state="Türkiye", cycle=3, session=None, report_symbol=REPORT, title="Mid-term report annex"
	)
	reader = read_upr_thematic_list(io.BytesIO(content), resolver=import_context.countries)
	assert reader.header == ThematicListHeader("Türkiye", 3, "")
	assert [row["paragraph"] for row in reader] == ["124.3"]
	with zipfile.ZipFile(io.BytesIO(content)) as archive:
		assert "UPR of Türkiye (3rd Cycle)" in archive.read("word/header1.xml").decode()


@pytest.mark.parametrize("write", [write_thematic_matrix_docx, write_thematic_matrix_xlsx])
def test_a_matrix_without_a_cycle_is_refused(write):
	# The reader refuses a header naming no cycle: no file is written that could not be imported.
	with pytest.raises(ValueError, match="cycle"):
		write(ROWS, state="Paraguay", cycle=None, session=38, report_symbol=REPORT)


# The XLSX


def test_the_xlsx_holds_the_same_table(docx_content, xlsx_content):
	sheet = load_workbook(io.BytesIO(xlsx_content)).active
	assert sheet["A1"].value == "UPR of Paraguay (3rd Cycle - 38th Session)  Thematic list of recommendations"
	assert tuple(cell.value for cell in sheet[2]) == COLUMN_HEADINGS
	assert all(cell.font.bold for cell in sheet[2])
	assert sheet.freeze_panes == "A3"
	merged = {str(cells) for cells in sheet.merged_cells.ranges}

	expected = []
	for row in docx_rows(docx_content)[1:]:
		if len(row) == 1:
			expected.append((*row, None, None, None))
			continue
		# The themes' "- " marks are bullets in the sheet, where a leading "-" would start a formula.
		themes = "\n".join(
			f"\u2022 {line[2:]}" if line.startswith("- ") else line for line in row[2].split("\n")
		)
		expected.append(tuple(value or None for value in (row[0], row[1], themes, row[3])))
	# The assessment that starts a formula is text, shown with the apostrophe that says so.
	expected = [tuple("'" + value if value == FORMULA else value for value in row) for row in expected]
	actual = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=3)]
	assert actual == expected

	assert merged == {"A1:D1"} | {
		f"A{number}:D{number}" for number, row in enumerate(actual, 3) if row[1:] == (None,) * 3
	}
	assert len(merged) == 1 + len(HEADINGS)
	formula_cells = [
		cell for row in sheet.iter_rows(min_row=3) for cell in row if cell.value and "HYPERLINK" in cell.value
	]
	assert [(cell.value, cell.data_type) for cell in formula_cells] == [("'" + FORMULA, "s")]
	recommendation_rows = [row for row in sheet.iter_rows(min_row=3) if row[0].value.split()[0] in ORDER]
	assert len(recommendation_rows) == len(ROWS)
	assert all(cell.alignment.wrap_text for row in recommendation_rows for cell in row)
	assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


def test_the_xlsx_names_a_review_without_a_session():
	content = write_thematic_matrix_xlsx([], state="Türkiye", cycle=4, session=None, report_symbol="")
	sheet = load_workbook(io.BytesIO(content)).active
	assert sheet["A1"].value == "UPR of Türkiye (4th Cycle)  Thematic list of recommendations"
	assert sheet.max_row == 2


# The assessment cell


@pytest.mark.parametrize(
	("text", "expected"),
	[
		(
			"Implemented: the Ombudsman was re-accredited with status A by GANHRI.\nSource: Ministry of Justice.",
			StateAssessment(
				"Fully implemented",
				None,
				"Implemented: the Ombudsman was re-accredited with status A by GANHRI.\nSource: Ministry of Justice.",
			),
		),
		(
			"Partially implemented (2026-11-02)",
			StateAssessment("Partially implemented", datetime.date(2026, 11, 2), ""),
		),
		(
			"Partially implemented (2026-11-02)\nTwo of five shelters open.",
			StateAssessment(
				"Partially implemented", datetime.date(2026, 11, 2), "Two of five shelters open."
			),
		),
		(
			"In progress \u2013 law drafted",
			StateAssessment("In progress", None, "In progress \u2013 law drafted"),
		),
		("Not implemented.", StateAssessment("Not started", None, "")),
		(
			"FULLY IMPLEMENTED (2 November 2026)\nDecree 12/2026",
			StateAssessment("Fully implemented", datetime.date(2026, 11, 2), "Decree 12/2026"),
		),
		("fully implemented", StateAssessment("Fully implemented", None, "")),
		("Partly implemented", StateAssessment("Partially implemented", None, "")),
		(
			"Partially: 2 of 5 shelters",
			StateAssessment("Partially implemented", None, "Partially: 2 of 5 shelters"),
		),
		("Ongoing (3 Sept 2025)", StateAssessment("In progress", datetime.date(2025, 9, 3), "")),
		("Under  way", StateAssessment("In progress", None, "")),
		("underway: budget approved", StateAssessment("In progress", None, "underway: budget approved")),
		("Not started\r\n\r\nNo budget yet. ", StateAssessment("Not started", None, "No budget yet.")),
		(
			"In progress (2026-01-15): the bill is before Congress.\nNext: the vote.",
			StateAssessment(
				"In progress",
				datetime.date(2026, 1, 15),
				"In progress (2026-01-15): the bill is before Congress.\nNext: the vote.",
			),
		),
		# Not a date: the parentheses are part of the notes.
		("Implemented (2026-02-30)", StateAssessment("Fully implemented", None, "Implemented (2026-02-30)")),
		("Implementation plan adopted", StateAssessment(None, None, "Implementation plan adopted")),
		("Ongoingness", StateAssessment(None, None, "Ongoingness")),
		(
			"The law was implemented (2026-11-02)",
			StateAssessment(None, None, "The law was implemented (2026-11-02)"),
		),
		(FORMULA, StateAssessment(None, None, FORMULA)),
		("", StateAssessment(None, None, "")),
		("  \n ", StateAssessment(None, None, "")),
		(None, StateAssessment(None, None, "")),
	],
)
def test_the_assessment_cell_is_read_as_a_person_types_it(text, expected):
	assert read_assessment_cell(text) == expected


@pytest.mark.parametrize(
	("status", "assessed_on", "notes", "cell"),
	[
		(
			"Partially implemented",
			datetime.date(2026, 11, 2),
			"Law drafted.\nSent to Congress.",
			"Partially implemented (2026-11-02)\nLaw drafted.\nSent to Congress.",
		),
		("In progress", None, "Law drafted.", "In progress\nLaw drafted."),
		("Not started", datetime.date(2025, 1, 9), "", "Not started (2025-01-09)"),
		(None, None, "Nobody has said yet.", "Nobody has said yet."),
		(None, None, "", ""),
	],
)
def test_the_assessment_cell_is_written_status_and_date_first(status, assessed_on, notes, cell):
	assert assessment_cell(status, assessed_on, notes) == cell
	assert read_assessment_cell(cell) == StateAssessment(status, assessed_on, notes)


def _starts_with_a_status(notes: str) -> bool:
	words = " ".join(notes.split("\n", 1)[0].lower().split())
	return words.startswith(
		("fully", "implemented", "partially", "partly", "in progress", "ongoing", "under", "not ")
	)


@given(
	status=st.sampled_from((None, *STATUSES)),
	assessed_on=st.dates(),
	notes=st.text(alphabet=st.characters(blacklist_characters="\r", blacklist_categories=("Cs",))).map(
		str.strip
	),
)
def test_an_assessment_cell_reads_back_as_written(status, assessed_on, notes):
	# Without a status there is no first line, and so no date; notes then must not start like a status.
	assessed_on = assessed_on if status else None
	assume(status or not _starts_with_a_status(notes))
	assert read_assessment_cell(assessment_cell(status, assessed_on, notes)) == StateAssessment(
		status, assessed_on, notes
	)
