import io
import json
import tracemalloc
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from nmirf_app.core.countries import CountryResolver
from nmirf_app.core.uhri_format import (
	UHRI_XLSX_HEADERS,
	RowError,
	UhriFormatError,
	UhriRecord,
	read_uhri_json,
	read_uhri_xlsx,
)

# The 16 headers exactly as OHCHR writes them, typo included.
OHCHR_HEADERS = list(UHRI_XLSX_HEADERS)
CORRECTED_HEADERS = [header.replace("Reccomending", "Recommending") for header in OHCHR_HEADERS]

CRC_TEXT = (
	"18. The Committee recommends that the State party:\n"
	"(a) Strengthen the National Secretariat for Children and Adolescents and allocate sufficient "
	"human, technical and financial resources to it;\n"
	"(b) Ensure that the National System for Comprehensive Protection operates at the municipal "
	"level, including in Alto Paraná and Ñeembucú."
)
UPR_TEXT = (
	"140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and "
	"Cultural Rights (Maldives) (Portugal);"
)
SR_TEXT = (
	"Conditions of detention 94.The Special Rapporteur recommends that the Government close the "
	"punishment cells of the Tacumbú prison and ensure that détenus have access to a doctor."
)

PARAGUAY_ROWS = [
	{
		"Text": CRC_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CRC",
		"Document Symbol": "- CRC/C/PRY/CO/6",
		"Themes": "- Children: definition; general principles; protection\n- Birth registration & right to a name",
		"Affected Persons": "- Children",
		"Sdgs": "- 16.9 - Provide legal identity for all, including birth registration\n"
		"- 1.A - Ensure significant mobilization of resources",
		"Document Publication Date": 46078,
		"Type": "- Recommendations",
		"OHCHR Annotation Id": "- 0F8A2C1E-5B6D-4E7F-9A1B-2C3D4E5F6A7B",
		"Regions Concerned": "- Americas",
		"Date of publication on UHRI": 46125.4996282407,
	},
	{
		"Text": UPR_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- UPR",
		"Document Symbol": "- A/HRC/48/9",
		"Themes": "- Ratification of & accession to international instruments",
		"Document Publication Date": "2021-07-12",
		"UPR Reccomending States": "- Maldives\r\n- Portugal",
		"UPR Position": "- Supported/Noted",
		"Type": "- Recommendations",
		"OHCHR Annotation Id": "- 6d1c6f5a-35a3-4b0e-8f6e-4f9a9e3c2b10",
		"UPR Session": "- 38th Session",
		"Regions Concerned": "- Americas",
		"Recommending Regions": "- Asia-Pacific States\n- Western European and other States",
		"Date of publication on UHRI": datetime(2021, 9, 30, 10, 15),
	},
	{
		"Text": SR_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- SR on torture",
		"Document Symbol": "- A/HRC/52/25/Add.1",
		"Themes": "- Torture & other cruel, inhuman or degrading treatment or punishment\n- Conditions of detention",
		"Affected Persons": "- Persons deprived of their liberty",
		"Document Publication Date": 44985.0,
		"Type": "- Recommendations",
		"OHCHR Annotation Id": "- b2d9e7c4-1111-4a2b-9c3d-000000000003",
	},
	{
		"Text": "   ",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CEDAW",
		"Document Symbol": "- CEDAW/C/PRY/CO/8",
	},
	{
		"Text": "27. The Committee recommends that the State party adopt the draft law on gender-based violence.",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CEDAW",
		"Document Symbol": "- CEDAW/C/PRY/CO/8",
		"Document Publication Date": "31.10.2023",
	},
	{
		"Text": "===21. The Committee urges the State party to guarantee access to safe water in the Chaco.",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CESCR",
		"Document Symbol": "- E/C.12/PRY/CO/5",
		"Document Publication Date": "2025-03-21T00:00:00",
	},
	{
		"Text": "35. The Committee recommends that the State party establish a national preventive mechanism.",
		"Countries Concerned": "- Peru",
		"Reccomending Body": "- CAT",
		"Document Symbol": "- CAT/C/PER/CO/8",
		"Document Publication Date": 45000,
	},
]


def write_uhri_xlsx(path, rows, headers=OHCHR_HEADERS, title_rows=2):
	"""An XLSX laid out like a UHRI search-result export, with title rows above the header."""
	workbook = Workbook()
	sheet = workbook.active
	sheet.title = "UHRI export"
	if title_rows:
		sheet.append(["Universal Human Rights Index: search results"])
		for _ in range(title_rows - 1):
			sheet.append([])
	sheet.append(headers)
	for row in rows:
		sheet.append(
			[row.get(header, row.get(header.replace("Recommending", "Reccomending"))) for header in headers]
		)
		for cell in sheet[sheet.max_row]:
			# A text cell starting with "=" is text in an export, not a formula.
			if isinstance(cell.value, str) and cell.value.startswith("="):
				cell.data_type = "s"
	workbook.save(path)
	return path


@pytest.fixture
def paraguay_xlsx(tmp_path):
	return write_uhri_xlsx(tmp_path / "uhri-paraguay.xlsx", PARAGUAY_ROWS)


def records_and_errors(items):
	items = list(items)
	return (
		[item for item in items if isinstance(item, UhriRecord)],
		[item for item in items if isinstance(item, RowError)],
	)


def test_treaty_body_row_becomes_a_record(paraguay_xlsx):
	records, _errors = records_and_errors(read_uhri_xlsx(paraguay_xlsx))
	crc = records[0]
	assert crc.row_number == 4  # title, blank, header, then the first data row
	assert crc.text == CRC_TEXT
	assert crc.paragraph == "18"
	assert crc.countries == ["Paraguay"]
	assert crc.body == "CRC"
	assert crc.symbol == "CRC/C/PRY/CO/6"
	assert crc.themes == [
		"Children: definition; general principles; protection",
		"Birth registration & right to a name",
	]
	assert crc.affected_persons == ["Children"]
	assert crc.sdg_targets == ["16.9", "1.a"]
	assert crc.annotation_type == "Recommendations"
	assert crc.annotation_id == "0F8A2C1E-5B6D-4E7F-9A1B-2C3D4E5F6A7B"
	assert crc.regions == ["Americas"]
	assert crc.upr_recommending_states == []
	assert crc.upr_position == ""
	assert crc.upr_cycle is None


def test_excel_serial_dates_become_dates_and_datetimes(paraguay_xlsx):
	crc = records_and_errors(read_uhri_xlsx(paraguay_xlsx))[0][0]
	assert crc.publication_date == date(2026, 2, 25)
	assert crc.published_on_uhri == datetime(2026, 4, 13, 11, 59, 27, 880000)


def test_datetime_cells_and_iso_strings_are_accepted(paraguay_xlsx):
	records, _errors = records_and_errors(read_uhri_xlsx(paraguay_xlsx))
	upr = records[1]
	assert upr.publication_date == date(2021, 7, 12)
	assert upr.published_on_uhri == datetime(2021, 9, 30, 10, 15)
	assert records[3].publication_date == date(2025, 3, 21)


def test_upr_row_keeps_states_position_and_regions(paraguay_xlsx):
	upr = records_and_errors(read_uhri_xlsx(paraguay_xlsx))[0][1]
	assert upr.paragraph == "140.7"
	assert upr.body == "UPR"
	assert upr.upr_recommending_states == ["Maldives", "Portugal"]
	assert upr.upr_position == "Supported/Noted"
	assert upr.upr_session == "38th Session"
	assert upr.recommending_regions == ["Asia-Pacific States", "Western European and other States"]


def test_special_procedure_row_with_sub_heading_and_accents(paraguay_xlsx):
	rapporteur = records_and_errors(read_uhri_xlsx(paraguay_xlsx))[0][2]
	assert rapporteur.body == "SR on torture"
	assert rapporteur.sub_heading == "Conditions of detention"
	assert rapporteur.paragraph == "94"
	assert "Tacumbú prison" in rapporteur.text and "détenus" in rapporteur.text
	assert rapporteur.publication_date == date(2023, 2, 28)


def test_text_with_leading_equals_signs_is_read_as_text(paraguay_xlsx):
	records, _errors = records_and_errors(read_uhri_xlsx(paraguay_xlsx))
	cescr = records[3]
	assert cescr.text.startswith("===21. The Committee urges")
	assert cescr.paragraph == "21"
	assert cescr.sub_heading is None


def test_bad_rows_become_errors_with_row_number_and_field(paraguay_xlsx):
	reader = read_uhri_xlsx(paraguay_xlsx)
	records, errors = records_and_errors(reader)
	assert [(error.row_number, error.field) for error in errors] == [
		(7, "text"),
		(8, "publication_date"),
	]
	assert "31.10.2023" in errors[1].message
	assert [record.row_number for record in records] == [4, 5, 6, 9, 10]
	assert (reader.read, reader.skipped_other_state, reader.rows_with_errors) == (7, 0, 2)


def test_corrected_header_spelling_is_read_like_the_typo(tmp_path):
	path = write_uhri_xlsx(tmp_path / "corrected.xlsx", PARAGUAY_ROWS[:2], CORRECTED_HEADERS, title_rows=0)
	records, errors = records_and_errors(read_uhri_xlsx(path))
	assert errors == []
	assert [record.row_number for record in records] == [2, 3]
	assert [record.body for record in records] == ["CRC", "UPR"]
	assert records[1].upr_recommending_states == ["Maldives", "Portugal"]


def test_headers_match_ignoring_case_and_punctuation(tmp_path):
	headers = ["TEXT", "countries-concerned", "Reccomending_Body", "document symbol"]
	row = dict(
		zip(
			headers,
			["4.The Committee reminds the State party…", "- Paraguay", "- CRC", "- CRC/C/PRY/CO/6"],
			strict=True,
		)
	)
	path = write_uhri_xlsx(tmp_path / "odd-headers.xlsx", [row], headers, title_rows=0)
	(record,) = read_uhri_xlsx(path)
	assert (record.paragraph, record.countries, record.body, record.symbol) == (
		"4",
		["Paraguay"],
		"CRC",
		"CRC/C/PRY/CO/6",
	)


def test_missing_required_headers_name_what_is_missing_and_what_was_found(tmp_path):
	path = write_uhri_xlsx(tmp_path / "not-uhri.xlsx", [], ["Text", "Countries Concerned", "Status"])
	with pytest.raises(UhriFormatError) as raised:
		read_uhri_xlsx(path)
	message = str(raised.value)
	assert "Reccomending Body, Document Symbol" in message
	assert "Text, Countries Concerned, Status" in message


def test_sheet_without_a_text_header_is_refused(tmp_path):
	path = write_uhri_xlsx(tmp_path / "empty.xlsx", [], ["Name", "Value"])
	with pytest.raises(UhriFormatError, match="no header row with a 'Text' column"):
		read_uhri_xlsx(path)


def test_xlsx_state_filter_keeps_only_that_state(paraguay_xlsx):
	reader = read_uhri_xlsx(paraguay_xlsx, state="peru")
	records, errors = records_and_errors(reader)
	assert [record.symbol for record in records] == ["CAT/C/PER/CO/8"]
	assert errors == []
	assert (reader.read, reader.skipped_other_state) == (7, 6)


def test_xlsx_is_read_from_a_file_object(paraguay_xlsx):
	with open(paraguay_xlsx, "rb") as file:
		records, _errors = records_and_errors(read_uhri_xlsx(io.BytesIO(file.read())))
	assert len(records) == 5


# JSON export

CRC_HTML = (
	"<p>18. The Committee&nbsp;recommends that the State party:</p>"
	"<p>(a) Strengthen the National Secretariat for Children &amp; Adolescents;<br/>"
	"(b) Ensure birth registration in Alto Paran&aacute; and &Ntilde;eembuc&uacute;.</p>"
)


def json_record(**overrides):
	record = {
		"AnnotationId": "0f8a2c1e-5b6d-4e7f-9a1b-2c3d4e5f6a7b",
		"DocumentId": "9b3f1d2e-7c6a-4b5e-8d9f-0a1b2c3d4e5f",
		"Text": CRC_HTML,
		"Countries": ["Paraguay"],
		"Body": "CRC",
		"Symbol": "CRC/C/PRY/CO/6",
		"Themes": [
			["Children: definition; general principles; protection"],
			"Birth registration & right to a name",
		],
		"AffectedPersons": ["Children"],
		"Sdgs": ["16.9 - Provide legal identity for all, including birth registration"],
		"PublicationDate": "2026-02-24T00:00:00",
		"UprRecommendingCountry": [],
		"UprPositions": None,
		"AnnotationType": "Recommendations",
		"UprSession": None,
		"Regions": ["Americas"],
		"UprRecommendingRegions": [],
		"PublicationDateOnUhri": "2026-03-25T11:59:27.8800000Z",
		"UprCycle": None,
	}
	record.update(overrides)
	return record


UPR_JSON = json_record(
	AnnotationId="6d1c6f5a-35a3-4b0e-8f6e-4f9a9e3c2b10",
	Text="136.22 Extend a standing invitation to all Special Rapporteurs (the former Yugoslav Republic of Macedonia);",
	Body="UPR",
	Symbol="A/HRC/48/9",
	UprRecommendingCountry=["the former Yugoslav Republic of Macedonia"],
	UprPositions=["Supported"],
	UprSession="38th Session",
	UprCycle=3,
	Sdgs="1.a - Ensure significant mobilization of resources",
)
PERU_JSON = json_record(
	AnnotationId="aa000000-0000-4000-8000-000000000001",
	Text="<p>35. The Comit&eacute; recommends…</p>",
	Countries=["Peru"],
	Body="CAT",
	Symbol="CAT/C/PER/CO/8",
)


def write_json(path, payload, *, ensure_ascii):
	path.write_text(json.dumps(payload, ensure_ascii=ensure_ascii, indent=1), encoding="utf-8")
	return path


@pytest.mark.parametrize("ensure_ascii", [True, False], ids=["escaped", "raw-utf8"])
def test_json_html_text_becomes_plain_paragraphs(tmp_path, ensure_ascii):
	path = write_json(tmp_path / "export.json", [json_record()], ensure_ascii=ensure_ascii)
	with open(path, "rb") as stream:
		(record,) = read_uhri_json(stream)
	assert record.text == (
		"18. The Committee recommends that the State party:\n"
		"(a) Strengthen the National Secretariat for Children & Adolescents;\n"
		"(b) Ensure birth registration in Alto Paraná and Ñeembucú."
	)
	assert record.paragraph == "18"


def test_json_fields_are_mapped_with_nested_lists_and_null_cycle(tmp_path):
	path = write_json(tmp_path / "export.json", [json_record(), UPR_JSON], ensure_ascii=False)
	crc, upr = read_uhri_json(path)
	assert crc.row_number == 1 and upr.row_number == 2
	assert crc.document_id == "9b3f1d2e-7c6a-4b5e-8d9f-0a1b2c3d4e5f"
	assert crc.themes == [
		"Children: definition; general principles; protection",
		"Birth registration & right to a name",
	]
	assert crc.sdg_targets == ["16.9"]
	assert crc.upr_cycle is None and crc.upr_position == "" and crc.upr_session == ""
	assert crc.publication_date == date(2026, 2, 24)
	assert crc.published_on_uhri == datetime(2026, 3, 25, 11, 59, 27, 880000)
	assert upr.paragraph == "136.22"
	assert upr.upr_cycle == 3
	assert upr.upr_position == "Supported"
	assert upr.upr_recommending_states == ["the former Yugoslav Republic of Macedonia"]
	assert upr.sdg_targets == ["1.a"]


@pytest.mark.parametrize("chunk_size", [1, 7, 64])
def test_json_is_read_across_any_chunk_boundary(tmp_path, chunk_size):
	path = write_json(tmp_path / "export.json", [json_record(), UPR_JSON, PERU_JSON], ensure_ascii=False)
	with open(path, "rb") as stream:
		records = list(read_uhri_json(stream, chunk_size=chunk_size))
	assert [record.symbol for record in records] == ["CRC/C/PRY/CO/6", "A/HRC/48/9", "CAT/C/PER/CO/8"]
	assert "Ñeembucú" in records[0].text


def test_json_is_read_from_a_text_stream():
	stream = io.StringIO(json.dumps([PERU_JSON], ensure_ascii=False))
	(record,) = read_uhri_json(stream, chunk_size=5)
	assert record.text == "35. The Comité recommends…"


def test_json_wrapped_in_an_object_is_read(tmp_path):
	payload = {"total": 2, "facets": [{"Name": "CRC", "Count": 1}], "results": [json_record(), UPR_JSON]}
	path = write_json(tmp_path / "export.json", payload, ensure_ascii=True)
	assert [record.body for record in read_uhri_json(path, chunk_size=16)] == ["CRC", "UPR"]


def test_json_state_filter_counts_what_it_skips(tmp_path):
	path = write_json(tmp_path / "export.json", [json_record(), PERU_JSON, UPR_JSON], ensure_ascii=False)
	reader = read_uhri_json(path, state="PARAGUAY")
	assert [record.row_number for record in reader] == [1, 3]
	assert (reader.read, reader.skipped_other_state) == (3, 1)


def test_state_filter_matches_un_names_through_the_resolver(tmp_path):
	resolver = CountryResolver(["Turkey", "Peru"], {"Türkiye": "Turkey"})
	turkey = json_record(Countries=["Türkiye"], Symbol="CRC/C/TUR/CO/4-5")
	path = write_json(tmp_path / "export.json", [turkey, PERU_JSON], ensure_ascii=True)
	assert [record.symbol for record in read_uhri_json(path, state="Turkey", resolver=resolver)] == [
		"CRC/C/TUR/CO/4-5"
	]
	assert list(read_uhri_json(path, state="Turkey")) == []


def test_json_row_errors_carry_position_and_field(tmp_path):
	payload = [
		json_record(PublicationDate="24 February 2026"),
		json_record(Text="<p> </p>"),
		["not", "a", "record"],
		UPR_JSON,
	]
	path = write_json(tmp_path / "export.json", payload, ensure_ascii=False)
	reader = read_uhri_json(path)
	items = list(reader)
	assert [(item.row_number, item.field) for item in items if isinstance(item, RowError)] == [
		(1, "publication_date"),
		(2, "text"),
		(3, ""),
	]
	assert isinstance(items[-1], UhriRecord) and items[-1].row_number == 4
	assert reader.rows_with_errors == 3


def test_malformed_json_is_refused_with_its_position():
	stream = io.BytesIO(b'[{"Text": "1. First", "Body": "CRC"}, {"Text": "2. Second" "Body": "CRC"}]')
	reader = read_uhri_json(stream, chunk_size=8)
	assert next(reader).text == "1. First"
	with pytest.raises(UhriFormatError, match="Malformed JSON at character"):
		next(reader)


def test_file_that_is_not_a_json_array_is_refused():
	with pytest.raises(UhriFormatError, match="starts with"):
		read_uhri_json(io.BytesIO(b'"just a string"'))
	with pytest.raises(UhriFormatError, match="no array of records"):
		list(read_uhri_json(io.BytesIO(b'{"total": 0}')))


def test_json_that_is_not_utf8_is_refused():
	with pytest.raises(UhriFormatError, match="not UTF-8"):
		list(read_uhri_json(io.BytesIO('[{"Text": "1. Comité"}]'.encode("latin-1"))))


def test_empty_array_yields_nothing():
	reader = read_uhri_json(io.BytesIO(b"\xef\xbb\xbf [ ] "))
	assert list(reader) == [] and reader.read == 0


def test_json_reader_memory_stays_bounded_on_a_large_export(tmp_path):
	path = tmp_path / "export-full-en.json"
	states = ["Paraguay", "Peru", "Bolivia (Plurinational State of)", "Türkiye", "Viet Nam"]
	filler = "The Committee recommends that the State party strengthen its institutions. " * 2
	with open(path, "w", encoding="utf-8") as file:
		file.write("[")
		for index in range(60_000):
			record = json_record(
				AnnotationId=f"00000000-0000-4000-8000-{index:012d}",
				Text=f"<p>{index % 150 + 1}. {filler}</p>",
				Countries=[states[index % len(states)]],
			)
			file.write(("," if index else "") + json.dumps(record, ensure_ascii=index % 2 == 0))
		file.write("]")
	file_size = path.stat().st_size
	assert file_size > 45_000_000

	tracemalloc.start()
	try:
		reader = read_uhri_json(path, state="Paraguay")
		kept = sum(1 for item in reader if isinstance(item, UhriRecord))
		_current, peak = tracemalloc.get_traced_memory()
	finally:
		tracemalloc.stop()
	assert kept == 12_000
	assert (reader.read, reader.skipped_other_state) == (60_000, 48_000)
	assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB for a {file_size / 1e6:.0f} MB file"


def test_a_file_that_is_not_a_workbook_is_refused_with_a_clear_reason(tmp_path):
	not_a_workbook = tmp_path / "export.xlsx"
	not_a_workbook.write_text("Text,Reccomending Body\n1. Something,CRC\n")
	with pytest.raises(UhriFormatError, match=r"not an Excel workbook \(\.xlsx\)"):
		read_uhri_xlsx(not_a_workbook)
