import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nmirf_app.core.spreadsheet import match_columns, safe_cell, split_lines


@pytest.mark.parametrize(
	("value", "written"),
	[
		('=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'),
		("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
		("-2+3", "'-2+3"),
		("@SUM(A1:A2)", "'@SUM(A1:A2)"),
		("\t=1+1", "'\t=1+1"),
		("\r=1+1", "'\r=1+1"),
		(
			"140.7 Ratify the Optional Protocol (Maldives) (Portugal);",
			"140.7 Ratify the Optional Protocol (Maldives) (Portugal);",
		),
		("", ""),
		("Côte d'Ivoire", "Côte d'Ivoire"),
	],
)
def test_text_that_would_start_a_formula_is_made_text(value, written):
	assert safe_cell(value) == written


@pytest.mark.parametrize("value", [None, -3, 2.5, date(2021, 7, 12), True])
def test_values_that_are_not_text_pass_unchanged(value):
	assert safe_cell(value) is value


def test_safe_cells_stay_text_in_an_exported_workbook(tmp_path):
	workbook = Workbook()
	workbook.active.append([safe_cell("=1+1"), safe_cell("A/HRC/48/9")])
	workbook.save(tmp_path / "export.xlsx")
	row = next(load_workbook(tmp_path / "export.xlsx").active.iter_rows(values_only=True))
	assert row == ("'=1+1", "A/HRC/48/9")


def test_safe_cells_stay_text_in_an_exported_csv():
	buffer = io.StringIO()
	csv.writer(buffer).writerow([safe_cell("=cmd|'/C calc'!A0"), safe_cell("Supported")])
	assert buffer.getvalue() == "'=cmd|'/C calc'!A0,Supported\r\n"


def test_headers_match_without_case_spacing_or_punctuation():
	aliases = {"text": ("Recommendation",), "state": ("State under Review", "SuR"), "response": ("Response",)}
	header = ["  recommendation ", "State-under-review", "S.u.R.", None, 42, "RESPONSE"]
	assert match_columns(header, aliases) == {0: "text", 1: "state", 5: "response"}


def test_split_lines_keeps_distinct_non_empty_lines():
	assert split_lines("Maldives\r\n\n  Portugal \nMaldives") == ["Maldives", "Portugal"]
	assert split_lines(None) == []
	assert split_lines(16.0) == ["16"]


READ_A_WORKBOOK_IN_A_FRESH_PROCESS = """
import json, sys
from nmirf_app.core.uhri_format import read_uhri_xlsx
from nmirf_app.core.spreadsheet import openpyxl_for_reading
if sys.argv[1] == "numpy first":
	import numpy
records = [record for record in read_uhri_xlsx(sys.argv[2])]
numpy_while_reading = sys.modules.get("numpy") is not None
import numpy  # still importable after the read
print(json.dumps({
	"records": len(records),
	"date": str(records[0].publication_date),
	"numpy_while_reading": numpy_while_reading,
	"openpyxl_knows_numpy": openpyxl_for_reading().NUMPY,
	"numpy_works": int(numpy.arange(3).sum()),
}))
"""


@pytest.mark.parametrize(("order", "numpy_loaded"), [("read first", False), ("numpy first", True)])
def test_a_workbook_is_read_without_loading_numpy(tmp_path, order, numpy_loaded):
	"""openpyxl would import numpy (~11 MB of an import's memory) only to type cells it writes: a
	read leaves numpy out, numpy stays importable, and a process that had numpy keeps it in openpyxl."""
	pytest.importorskip("numpy")
	workbook = Workbook()
	sheet = workbook.active
	sheet.append(
		["Text", "Reccomending Body", "Document Symbol", "Document Publication Date", "Countries Concerned"]
	)
	sheet.append(["Ratify the Convention", "UPR", "A/HRC/38/9", 43262, "Paraguay"])
	path = tmp_path / "uhri.xlsx"
	workbook.save(path)
	repo = Path(__file__).resolve().parent.parent
	result = subprocess.run(
		[sys.executable, "-c", READ_A_WORKBOOK_IN_A_FRESH_PROCESS, order, str(path)],
		capture_output=True,
		text=True,
		cwd=repo,
		check=True,
	)
	seen = json.loads(result.stdout)
	assert seen["records"] == 1
	assert seen["date"] == "2018-06-11"  # Excel's serial 43262, converted by openpyxl's from_excel
	assert seen["numpy_while_reading"] is numpy_loaded
	assert seen["openpyxl_knows_numpy"] is numpy_loaded
	assert seen["numpy_works"] == 3
