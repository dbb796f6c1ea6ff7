import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from nmirf_app.core import reference_data
from nmirf_app.core.recommendation_import import ImportCandidate, RowIssue, read_candidates
from nmirf_app.core.recommendation_template import (
	TEMPLATE_COLUMNS,
	read_template,
	write_template,
)
from nmirf_app.core.spreadsheet import SpreadsheetFormatError

HEADERS = [column.header for column in TEMPLATE_COLUMNS]


@pytest.fixture
def template_path(tmp_path):
	path = tmp_path / "recommendations-template.xlsx"
	write_template(
		path,
		mechanisms=[mechanism["code"] for mechanism in reference_data.mechanisms()],
		themes=[entry.label for entry in reference_data.vocabulary("theme")],
		affected_groups=[entry.label for entry in reference_data.vocabulary("affected_group")],
		sdg_targets=[target["target_code"] for target in reference_data.sdg_targets()],
	)
	return path


def fill(path, rows):
	"""Type rows into the template's sheet as a user would, by column header."""
	workbook = load_workbook(path)
	sheet = workbook["Recommendations"]
	index = {cell.value.rstrip(" *"): cell.column for cell in sheet[1]}
	for offset, row in enumerate(rows):
		for header, value in row.items():
			sheet.cell(row=2 + offset, column=index[header], value=value)
	workbook.save(path)
	return path


IACHR_ROW = {
	"Mechanism": "IACHR",
	"Document symbol": "OEA/Ser.L/V/II. Doc. 50/18",
	"Paragraph": "112",
	"Document date": datetime(2018, 3, 1),
	"Text": "Adopt the necessary measures to guarantee the right to prior, free and informed consultation "
	"of the Indigenous peoples of the Chaco.",
	"Themes": "Indigenous peoples; Children: definition; general principles; protection",
	"Affected groups": "Indigenous peoples",
	"SDG targets": "16.7;10.2",
	"Type": "Recommendation",
}
UPR_ROW = {
	"Mechanism": "UPR",
	"Document symbol": "A/HRC/48/9",
	"Document date": "2021-07-12",
	"UPR cycle": 3,
	"Session": "38th Session",
	"Text": "140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural "
	"Rights (Maldives) (Portugal);",
	"Recommending States": "Maldives\nPortugal",
	"Position": "Supported in part",
	"Position source": "A/HRC/48/9/Add.1",
}
SR_ROW_WITHOUT_SYMBOL = {
	"Mechanism": "sr-torture",
	"Text": "The Special Rapporteur recommends that the Government close the punishment cells of the Tacumbú prison.",
	"Themes": "Conditions of detention\nPrison reform",
	"Type": "Concern/Observation",
}


def split(items):
	items = list(items)
	return (
		{item.row_number: item for item in items if isinstance(item, ImportCandidate)},
		[item for item in items if isinstance(item, RowIssue)],
	)


def test_template_has_a_bold_frozen_header_dropdowns_and_instructions(template_path):
	workbook = load_workbook(template_path)
	assert workbook.sheetnames == ["Recommendations", "Instructions", "Lists"]
	sheet = workbook["Recommendations"]
	assert [cell.value for cell in sheet[1]] == [
		header + (" *" if column.required else "")
		for header, column in zip(HEADERS, TEMPLATE_COLUMNS, strict=True)
	]
	assert all(cell.font.bold for cell in sheet[1])
	assert sheet.freeze_panes == "A2"
	assert sheet.column_dimensions["G"].width == 80
	assert sheet.max_row == 1  # nothing to import in an empty template

	validations = {
		str(validation.sqref): validation.formula1 for validation in sheet.data_validations.dataValidation
	}
	assert validations["A2:A5001"] == "'Lists'!$A$2:$A$26"
	assert validations["I2:I5001"] == "'Lists'!$B$2:$B$4"
	assert validations["N2:N5001"] == "'Lists'!$C$2:$C$4"

	lists = workbook["Lists"]
	assert lists.sheet_state == "hidden"
	assert lists["A2"].value == "UPR" and lists["B4"].value == "Supported in part"
	assert [cell.value for cell in lists[1]] == [
		"Mechanisms",
		"Positions",
		"Types",
		"Themes",
		"Affected groups",
		"SDG targets",
	]

	instructions = workbook["Instructions"]
	texts = [cell.value for row in instructions.iter_rows() for cell in row if cell.value]
	assert "Mechanism" in texts and "Document date" in texts
	example = next(
		cell for row in instructions.iter_rows() for cell in row if cell.value == "A/HRC/52/25/Add.1"
	)
	assert example.font.italic and example.font.color.rgb.endswith("808080")


def test_empty_template_imports_nothing_not_even_the_example(template_path, import_context):
	run = read_candidates("template", template_path, import_context)
	assert list(run) == []
	assert run.read == 0


def test_filled_template_round_trips_to_candidates(template_path, import_context):
	fill(template_path, [IACHR_ROW, {}, UPR_ROW, SR_ROW_WITHOUT_SYMBOL])
	run = read_candidates("template", template_path, import_context)
	candidates, issues = split(run)
	assert issues == []
	assert sorted(candidates) == [2, 4, 5]  # the empty row 3 is skipped silently
	assert (run.read, run.candidates) == (3, 3)

	iachr = candidates[2]
	assert iachr.dedupe_key == "doc:OEA/SER.L/V/II.DOC.50/18#112"
	assert iachr.values["mechanism"] == "IACHR"
	assert iachr.values["document_date"] == date(2018, 3, 1)
	assert iachr.values["state_under_review"] == "Paraguay"
	assert iachr.values["annotation_type"] == "Recommendation"
	assert iachr.themes == ["Indigenous peoples", "Children: definition; general principles; protection"]
	assert iachr.affected_groups == ["Indigenous peoples"]
	assert iachr.sdg_targets == ["16.7", "10.2"]
	assert iachr.warnings == []

	upr = candidates[4]
	assert upr.values["paragraph"] == "140.7"  # read from the text
	assert upr.values["document_date"] == date(2021, 7, 12)
	assert (upr.values["upr_cycle"], upr.values["session"]) == (3, "38th Session")
	assert upr.values["position"] == "Supported in part"
	assert upr.values["position_source"] == "A/HRC/48/9/Add.1"
	assert upr.recommending_states == ["Maldives", "Portugal"]

	rapporteur = candidates[5]
	assert rapporteur.values["mechanism"] == "SR-TORTURE"
	assert rapporteur.values["annotation_type"] == "Concern/Observation"
	assert rapporteur.dedupe_key.startswith("text:")
	assert rapporteur.themes == ["Conditions of detention"]
	assert [(warning.row_number, warning.field, warning.value) for warning in rapporteur.warnings] == [
		(5, "Themes", "Prison reform")
	]


def test_bad_rows_fail_with_row_and_column(template_path, import_context):
	fill(
		template_path,
		[
			{**IACHR_ROW, "Document date": "01/03/2018"},
			{**IACHR_ROW, "Paragraph": "113", "UPR cycle": "third"},
			{**IACHR_ROW, "Paragraph": "114", "Mechanism": "OAS Rapporteur on Indigenous Peoples"},
			{**IACHR_ROW, "Paragraph": "115", "Text": ""},
			{**IACHR_ROW, "Document date": "2018-02-30"},
			IACHR_ROW,
			{**IACHR_ROW, "Paragraph": "116"},
			IACHR_ROW,
		],
	)
	candidates, issues = split(read_candidates("template", template_path, import_context))
	assert sorted(candidates) == [7, 8]
	found = [(issue.row_number, issue.field, issue.value) for issue in issues]
	assert found == [
		(2, "Document date", "01/03/2018"),
		(3, "UPR cycle", "third"),
		(4, "Mechanism", "OAS Rapporteur on Indigenous Peoples"),
		(5, "Text", ""),
		(6, "Document date", "2018-02-30"),
		(9, "Document symbol", ""),
	]
	assert "YYYY-MM-DD" in issues[0].message
	assert "add a Human Rights Mechanism whose UHRI body codes include 'OAS Rapporteur" in issues[2].message
	assert issues[5].message.startswith("Same recommendation as row 7")


def test_template_is_read_from_a_file_object(template_path):
	fill(template_path, [UPR_ROW])
	[row] = read_template(io.BytesIO(template_path.read_bytes()))
	assert row["row_number"] == 2
	assert row["mechanism"] == "UPR"
	assert row["recommending_states"] == ["Maldives", "Portugal"]
	assert row["upr_cycle"] == 3


def test_a_renamed_copy_with_its_own_headers_is_read(tmp_path):
	workbook = Workbook()
	sheet = workbook.active
	sheet.title = "Sheet1"
	sheet.append(["Recommendations typed by the secretariat, March 2026"])
	sheet.append(["mechanism", "recommendation text", "paragraph", "document date"])
	sheet.append(
		[
			"CRC",
			"The Committee recommends that the State party raise the age of marriage to 18.",
			136.2,
			date(2026, 2, 25),
		]
	)
	workbook.save(tmp_path / "copy.xlsx")
	[row] = read_template(tmp_path / "copy.xlsx")
	assert row["row_number"] == 3
	assert row["paragraph"] == "136.2"
	assert row["document_date"] == date(2026, 2, 25)


def test_a_sheet_without_the_required_columns_is_refused(tmp_path):
	workbook = Workbook()
	workbook.active.append(["Name", "Email"])
	workbook.save(tmp_path / "contacts.xlsx")
	with pytest.raises(SpreadsheetFormatError, match="Mechanism, Text"):
		read_template(tmp_path / "contacts.xlsx")
