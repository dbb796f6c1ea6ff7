"""OHCHR's UPR thematic lists of recommendations (DOCX), of the 2nd, 3rd and 4th cycle layouts: every
recommendation, position, theme, group and SDG goal read back, the lists imported as UPR
recommendations of the State, and broken or hostile documents refused before any row."""

import io
import time
import tracemalloc
import zipfile
from dataclasses import replace
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_countries import FRAPPE_COUNTRY_NAMES
from thematic_list_samples import LAYOUTS, NBSP, build_docx, main, sample_list

from nmirf_app.core.countries import read_country_aliases
from nmirf_app.core.recommendation_import import (
	SOURCE_FIELDS,
	SOURCE_TYPES,
	ImportCandidate,
	RowIssue,
	plan_change,
	read_candidates,
)
from nmirf_app.core.upr_thematic_list import (
	ThematicListFormatError,
	ThematicListHeader,
	parse_thematic_list_header,
	parse_themes_cell,
	read_upr_thematic_list,
	recommending_states_of,
	working_group_report_symbol,
)

CYCLES = tuple(LAYOUTS)


@pytest.fixture(scope="module")
def documents():
	"""Each cycle's sample list and its DOCX, built once."""
	return {cycle: (sample_list(cycle), build_docx(sample_list(cycle))) for cycle in CYCLES}


def rows_and_issues(items):
	items = list(items)
	return [item for item in items if isinstance(item, dict)], [
		item for item in items if isinstance(item, RowIssue)
	]


def candidates_and_issues(run):
	items = list(run)
	return (
		[item for item in items if isinstance(item, ImportCandidate)],
		[item for item in items if isinstance(item, RowIssue)],
	)


# The three layouts, read back whole


@pytest.mark.parametrize("cycle", CYCLES)
def test_every_recommendation_of_each_layout_is_read_back(documents, cycle, import_context):
	sample, content = documents[cycle]
	reader = read_upr_thematic_list(io.BytesIO(content), resolver=import_context.countries)
	assert reader.header == ThematicListHeader("Paraguay", cycle, sample.session)
	rows, issues = rows_and_issues(reader)
	assert issues == []
	assert (reader.read, reader.skipped_other_state) == (len(sample.recommendations), 0)
	assert 20 <= len(rows) <= 60
	for row, expected in zip(rows, sample.recommendations, strict=True):
		assert row["paragraph"] == expected.paragraph
		assert row["recommendation_text"] == expected.printed_text
		assert row["recommending_states"] == list(expected.recommending_states)
		assert row["position"] == expected.position
		assert row["position_source"] == expected.position_source
		assert row["document_symbol"] == sample.report
		assert row["themes"] == list(expected.themes)
		assert row["theme_codes"] == expected.theme_codes
		assert row["theme_heading"] == expected.heading
		assert row["affected_groups"] == list(expected.affected_groups)
		assert row["sdg_goals"] == list(expected.sdg_goals)
		assert row["sdg_targets"] == []
		assert row["assessment"] == expected.assessment
		assert (row["mechanism"], row["countries_concerned"]) == ("UPR", ["Paraguay"])
		assert (row["upr_cycle"], row["session"]) == (cycle, sample.session)


@pytest.mark.parametrize("cycle", CYCLES)
def test_the_samples_hold_what_real_lists_hold(documents, cycle):
	sample, content = documents[cycle]
	with zipfile.ZipFile(io.BytesIO(content)) as archive:
		body = archive.read("word/document.xml").decode()
		header = archive.read("word/header1.xml").decode()
	assert f"UPR of Paraguay ({cycle}" in header and 'w:instr="PAGE"' in header
	assert body.count("<w:gridSpan") == len({r.heading for r in sample.recommendations})  # heading rows
	assert NBSP in body and "<w:br/>" in body and "Source of Position:" in body
	texts = [r.printed_text for r in sample.recommendations]
	assert any(text.count(");") == 2 for text in texts)  # two recommendations in one paragraph
	assert any("(Venezuela, Bolivarian Republic of)" in text for text in texts)
	assert any("(Chile, Spain)" in text for text in texts) and any(") (" in text for text in texts)
	assert any("(No. 190)" in text for text in texts)
	assert {r.position for r in sample.recommendations} == {"Supported", "Noted", "Supported/Noted"}
	assert any(r.assessment for r in sample.recommendations) == (cycle < 4)
	assert sample.headings[3] == (
		"Relevant SDGs" if cycle == 4 else "Assessment/comments on level of implementation"
	)
	if cycle == 2:
		assert "Theme: A12 Acceptance of international norms" in body
	assert (
		all(sample.recommendations[0].sdg_goals)
		if cycle > 2
		else not any(r.sdg_goals for r in sample.recommendations)
	)


def test_one_paragraph_with_two_recommendations_is_one_row_with_both_states(documents):
	_sample, content = documents[4]
	rows, _issues = rows_and_issues(read_upr_thematic_list(io.BytesIO(content)))
	[row] = [row for row in rows if "teenage pregnancy" in row["recommendation_text"]]
	assert row["recommending_states"] == ["Ghana", "Fiji"]
	assert row["recommendation_text"].endswith(
		"(Ghana); Increase efforts to reduce maternal mortality, in particular in rural areas (Fiji);"
	)


def test_rows_are_numbered_as_the_table_counts_them(documents):
	sample, content = documents[2]
	rows, _issues = rows_and_issues(read_upr_thematic_list(io.BytesIO(content)))
	# Row 1 holds the column headings, row 2 the first `Theme:` heading.
	assert rows[0]["row_number"] == 3
	headings_before_last = len({r.heading for r in sample.recommendations})
	assert rows[-1]["row_number"] == 1 + headings_before_last + len(rows)


def test_the_script_writes_the_three_documents(tmp_path, capsys):
	assert main([str(tmp_path)]) == 0
	written = sorted(path.name for path in tmp_path.iterdir())
	assert written == [f"upr-thematic-list-paraguay-cycle-{cycle}.docx" for cycle in CYCLES]
	for cycle in CYCLES:
		reader = read_upr_thematic_list(tmp_path / f"upr-thematic-list-paraguay-cycle-{cycle}.docx")
		assert len(list(reader)) == len(sample_list(cycle).recommendations)
	assert "recommendations" in capsys.readouterr().out


# Through the import


@pytest.mark.parametrize("cycle", CYCLES)
def test_each_layout_imports_as_upr_recommendations_of_the_state(documents, cycle, import_context):
	sample, content = documents[cycle]
	run = read_candidates("upr-thematic-list", io.BytesIO(content), import_context, state="Paraguay")
	candidates, issues = candidates_and_issues(run)
	assert issues == []
	assert (run.read, run.candidates, run.skipped_other_state) == (len(sample.recommendations),) * 2 + (0,)
	keys = [candidate.dedupe_key for candidate in candidates]
	assert keys == [f"doc:{sample.report}#{r.paragraph}" for r in sample.recommendations]
	assert len(set(keys)) == len(keys)
	positions = {"Supported": "Supported", "Noted": "Noted", "Supported/Noted": "Supported in part"}
	for candidate, expected in zip(candidates, sample.recommendations, strict=True):
		values = candidate.values
		assert values["mechanism"] == "UPR" and values["annotation_type"] == "Recommendation"
		assert (values["state_under_review"], values["upr_cycle"], values["session"]) == (
			"Paraguay",
			cycle,
			sample.session,
		)
		assert (values["document_symbol"], values["paragraph"]) == (sample.report, expected.paragraph)
		assert values["recommendation_text"] == expected.printed_text
		assert values["position"] == positions[expected.position]
		assert values["position_source"] == expected.position_source
		assert candidate.recommending_states == [
			import_context.countries.resolve(state) for state in expected.recommending_states
		]
		known_themes = [import_context.themes.resolve(label) for label in expected.themes]
		assert candidate.themes == list(dict.fromkeys(theme for theme in known_themes if theme))
		known_groups = [import_context.affected_groups.resolve(group) for group in expected.affected_groups]
		assert candidate.affected_groups == list(dict.fromkeys(group for group in known_groups if group))
		# Goals come alone (no target): each is kept as a goal of the recommendation.
		assert candidate.sdg_goals == [f"SDG {int(goal)}" for goal in expected.sdg_goals]
		assert candidate.sdg_targets == []
		# Only the labels the site's vocabularies lack are warned about; never a State.
		unknown = {label for label in expected.themes if not import_context.themes.resolve(label)}
		unknown |= {
			group for group in expected.affected_groups if not import_context.affected_groups.resolve(group)
		}
		assert {warning.value for warning in candidate.warnings} == unknown
		assert all(not warning.fatal for warning in candidate.warnings)


def test_the_states_of_the_samples_resolve_to_countries(documents, import_context):
	for sample, _content in documents.values():
		for recommendation in sample.recommendations:
			for state in recommendation.recommending_states:
				assert import_context.countries.resolve(state), state
	assert (
		import_context.countries.resolve("Venezuela, Bolivarian Republic of")
		== "Venezuela, Bolivarian Republic of"
	)


def test_every_theme_of_each_layout_is_in_the_vocabulary_or_its_earlier_cycles_aliases(
	documents, import_context
):
	"""Nothing OHCHR tagged is dropped: the app ships aliases for the 2nd and 3rd cycles' labels."""
	for cycle, (sample, _content) in documents.items():
		labels = {label for r in sample.recommendations for label in r.themes}
		assert not {label for label in labels if not import_context.themes.resolve(label)}, cycle


def test_the_vocabulary_matches_labels_with_and_for_ampersand_case_and_punctuation(import_context):
	themes = import_context.themes
	assert (
		themes.resolve("Constitutional and legislative framework") == "Constitutional & legislative framework"
	)
	assert themes.resolve("EQUALITY AND NON-DISCRIMINATION") == themes.resolve(
		"Equality & non-discrimination"
	)
	assert (
		themes.resolve("Acceptance of international norms")
		== "Ratification of & accession to international instruments"
	)
	assert themes.resolve("Children : definition, general principles, protection") == (
		"Children: definition; general principles; protection"
	)
	assert import_context.affected_groups.resolve("children") == "Children"


def test_reimporting_a_list_changes_nothing(documents, import_context):
	_sample, content = documents[3]
	first, _ = candidates_and_issues(
		read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	)
	again, _ = candidates_and_issues(
		read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	)
	assert [candidate.dedupe_key for candidate in again] == [candidate.dedupe_key for candidate in first]
	for before, after in zip(first, again, strict=True):
		existing = {name: before.values.get(name) for name in SOURCE_FIELDS}
		existing |= {
			"themes": before.themes,
			"affected_groups": before.affected_groups,
			"sdg_targets": before.sdg_targets,
			"sdg_goals": before.sdg_goals,
			"recommending_states": before.recommending_states,
		}
		assert plan_change(after, existing).action == "unchanged"


def test_the_thematic_list_is_a_source_type():
	assert "upr-thematic-list" in SOURCE_TYPES


def test_a_list_about_another_state_is_counted_and_skipped(documents, import_context):
	sample, content = documents[4]
	run = read_candidates("upr-thematic-list", io.BytesIO(content), import_context, state="Peru")
	assert list(run) == []
	count = len(sample.recommendations)
	assert (run.read, run.skipped_other_state, dict(run.other_states)) == (count, count, {"Paraguay": count})


def test_the_state_of_the_header_is_matched_however_it_is_spelled(import_context):
	sample = sample_list(4, state="Bolivia (Plurinational State of)")
	content = build_docx(sample)
	reader = read_upr_thematic_list(
		io.BytesIO(content), state="Bolivia, Plurinational State of", resolver=import_context.countries
	)
	assert reader.header.state == "Bolivia (Plurinational State of)"
	assert len(list(reader)) == len(sample.recommendations)
	bolivia = replace(import_context, state="Bolivia, Plurinational State of")
	run = read_candidates("upr-thematic-list", io.BytesIO(content), bolivia, state=bolivia.state)
	candidates, issues = candidates_and_issues(run)
	assert issues == [] and {c.values["state_under_review"] for c in candidates} == {bolivia.state}


def test_the_header_may_be_the_first_paragraph_of_the_body():
	sample = sample_list(3)
	reader = read_upr_thematic_list(io.BytesIO(build_docx(sample, header_in_body=True)))
	assert reader.header == ThematicListHeader("Paraguay", 3, "38th Session")
	assert len(list(reader)) == len(sample.recommendations)


# The page header


@pytest.mark.parametrize(
	("text", "expected"),
	[
		(
			"UPR of Paraguay (4th Cycle - 48th Session)\tThematic list of recommendations\tPage 1 of 2",
			("Paraguay", 4, "48th Session"),
		),
		("UPR of Paraguay (3rd Cycle \u2013 38th session) Thematic list", ("Paraguay", 3, "38th Session")),
		("UPR of  Viet\u00a0Nam\n(2nd cycle, 32nd session)", ("Viet Nam", 2, "32nd Session")),
		(
			"UPR of Bolivia (Plurinational State of) (4th Cycle - 47th Session)",
			("Bolivia (Plurinational State of)", 4, "47th Session"),
		),
		("Universal Periodic Review of Chile (3rd Cycle - 32nd Session)", ("Chile", 3, "32nd Session")),
		("UPR of Fiji (2nd Cycle)", ("Fiji", 2, "")),
		("UPR of Ghana (1st Cycle - 2nd Session)", ("Ghana", 1, "2nd Session")),
	],
)
def test_page_headers_give_state_cycle_and_session(text, expected):
	header = parse_thematic_list_header(text)
	assert (header.state, header.upr_cycle, header.session) == expected


@pytest.mark.parametrize(
	"text", ["", "Thematic list of recommendations Page 1 of 2", "UPR of Paraguay", None]
)
def test_text_without_a_header_gives_none(text):
	assert parse_thematic_list_header(text) is None


def test_a_document_without_the_page_header_is_refused():
	content = package(document(table(HEADINGS_4, [recommendation_row("115.1 Ratify it (Chile);")])))
	with pytest.raises(ThematicListFormatError, match=r"page header naming the State.*UPR of <State>"):
		read_upr_thematic_list(io.BytesIO(content))


def test_the_header_may_be_a_title_row_above_the_column_headings():
	title = row(cell(["UPR of Paraguay (4th Cycle - 48th Session) Thematic list of recommendations"], span=4))
	content = package(
		document(
			table_xml(
				[title, row(*(cell([h]) for h in HEADINGS_4)), recommendation_row("115.1 Ratify it (Chile);")]
			)
		)
	)
	reader = read_upr_thematic_list(io.BytesIO(content))
	assert reader.header.state == "Paraguay"
	[item] = list(reader)
	assert item["row_number"] == 2


# The cells


@pytest.mark.parametrize(
	("source", "symbol"),
	[
		("A/HRC/52/9/Add.1 - Para. 3", "A/HRC/52/9"),
		("A/HRC/32/9 - Para. 102", "A/HRC/32/9"),
		("A/HRC/48/9/Add.1/Corr.1", "A/HRC/48/9"),
		(f"A/HRC/52/9/Add.1{NBSP}-{NBSP}Para.{NBSP}3", "A/HRC/52/9"),
		("Oral statement of the delegation", ""),
		("", ""),
	],
)
def test_the_document_is_the_working_group_report_of_the_source_of_position(source, symbol):
	assert working_group_report_symbol(source) == symbol


def test_a_second_cycle_themes_cell_keeps_codes_and_groups():
	cell = parse_themes_cell(
		[
			"A12 Acceptance of international norms",
			"D51 Administration of justice & fair trial",
			"Affected persons:",
			"- children",
			"- general",
		]
	)
	assert cell.themes == ["Acceptance of international norms", "Administration of justice & fair trial"]
	assert cell.theme_codes == {
		"Acceptance of international norms": "A12",
		"Administration of justice & fair trial": "D51",
	}
	assert cell.affected_groups == ["children", "general"]
	assert (cell.sdg_goals, cell.sdg_targets) == ([], [])


def test_a_third_cycle_themes_cell_has_sdgs_between_themes_and_groups():
	cell = parse_themes_cell(
		[
			"- Rights to protection of property; financial credit",
			"- 2030 Agenda & other voluntary commitments",
			"SDGs:",
			"- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
			"- 5 - GENDER EQUALITY",
			"- 16.3 - Promote the rule of law at the national and international levels",
			"- 42 - NO SUCH GOAL",
			"Affected persons:",
			"- women",
		]
	)
	assert cell.themes == [
		"Rights to protection of property; financial credit",
		"2030 Agenda & other voluntary commitments",
	]
	assert cell.sdg_goals == ["16", "5"]
	# A target is kept as its code; a line that names no goal is kept as written, for the import to report.
	assert cell.sdg_targets == ["16.3", "42 - NO SUCH GOAL"]
	assert cell.affected_groups == ["women"]


def test_a_fourth_cycle_sdg_column_lists_goals():
	cell = parse_themes_cell(
		["- 1 - NO POVERTY", "- 10 - REDUCED INEQUALITIES", "SDG 13", "- 1 - NO POVERTY"], section="sdgs"
	)
	assert (cell.sdg_goals, cell.themes) == (["1", "10", "13"], [])


def test_a_section_may_start_on_its_own_line_or_inline():
	cell = parse_themes_cell(
		["- Right to food", "Groups of Persons: Children", "- Persons living in poverty"]
	)
	assert (cell.themes, cell.affected_groups) == (
		["Right to food"],
		["Children", "Persons living in poverty"],
	)


@pytest.mark.parametrize(
	("text", "states"),
	[
		("115.3 Ratify the Optional Protocol (Brazil);", ["Brazil"]),
		("115.3 Ratify the Optional Protocol (Brazil) (Kenya);", ["Brazil", "Kenya"]),
		("115.3 Ratify the Optional Protocol (Chile, Spain);", ["Chile", "Spain"]),
		("115.3 Ratify it (Venezuela, Bolivarian Republic of);", ["Venezuela, Bolivarian Republic of"]),
		(
			"115.3 Ratify it (Venezuela, Bolivarian Republic of, Chile);",
			["Venezuela, Bolivarian Republic of", "Chile"],
		),
		(
			"115.3 Ratify it (Bolivia (Plurinational State of)) (Türkiye).",
			["Bolivia (Plurinational State of)", "Türkiye"],
		),
		("115.3 Ratify the Convention, 2019 (No. 190) (Uruguay);", ["Uruguay"]),
		("115.3 Ratify the Convention (CEDAW) (Uruguay);", ["Uruguay"]),
		(
			"115.3 Adopt a plan (Ghana); Increase efforts to reduce maternal mortality (Fiji);",
			["Ghana", "Fiji"],
		),
		("115.3 Adopt measures for women; children; and youth (Ghana);", ["Ghana"]),
		("115.3 Work with neighbours (in particular Argentina) and adopt a plan (Ghana);", ["Ghana"]),
		("115.3 Ratify it (Chile, Atlantis);", ["Chile", "Atlantis"]),  # an unknown name the import reports
		("115.3 Ratify it (Atlantis);", ["Atlantis"]),  # every recommendation has a State
		("115.3 Ratify the Istanbul Convention (Istanbul Convention) (Spain);", ["Spain"]),
		("115.3 Ratify the Optional Protocol;", []),
		("115.3 Ratify it (No. 190);", []),
		("", []),
	],
)
def test_recommending_states_are_read_from_the_end_of_the_text(text, states, import_context):
	assert recommending_states_of(text, import_context.countries) == states


@pytest.mark.parametrize(
	("text", "states"),
	[
		("Ratify it (Chile, Spain);", ["Chile", "Spain"]),
		("Ratify it (Venezuela, Bolivarian Republic of);", ["Venezuela, Bolivarian Republic of"]),
		(
			"Ratify it (Congo, the Democratic Republic of the) (Kenya);",
			["Congo, the Democratic Republic of the", "Kenya"],
		),
		("Ratify it (No. 190) (CEDAW);", []),
	],
)
def test_without_a_resolver_states_are_told_by_how_they_read(text, states):
	assert recommending_states_of(text) == states


# Tables as Word and other editors write them, built by hand


W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADINGS_4 = (
	"Recommendation and recommending State",
	"Position of the State under review",
	"Human rights themes and groups of persons",
	"Relevant SDGs",
)
HEADER_TEXT = "UPR of Paraguay (4th Cycle - 48th Session)"
CONTENT_TYPES = (
	'<?xml version="1.0" encoding="UTF-8"?>'
	'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
	'<Default Extension="xml" ContentType="application/xml"/>'
	'<Override PartName="/word/document.xml" ContentType="{main}"/>'
	'<Override PartName="/word/header1.xml" '
	'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
	"</Types>"
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
ROOT_RELS = (
	'<?xml version="1.0" encoding="UTF-8"?>'
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
	'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
	'<?xml version="1.0" encoding="UTF-8"?>'
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
	'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
	'header" Target="header1.xml"/></Relationships>'
)


def paragraph(text: str) -> str:
	runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in text.split("\n"))
	return f"<w:p><w:r>{runs}</w:r></w:p>"


def cell(lines, *, span: int = 1, vmerge: str | None = None, properties: str = "") -> str:
	extra = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
	if vmerge == "restart":
		extra += '<w:vMerge w:val="restart"/>'
	elif vmerge == "continue":
		extra += "<w:vMerge/>"
	body = "".join(paragraph(line) for line in lines) or "<w:p/>"
	return f"<w:tc><w:tcPr>{extra}{properties}</w:tcPr>{body}</w:tc>"


def row(*cells: str, properties: str = "") -> str:
	return f"<w:tr>{f'<w:trPr>{properties}</w:trPr>' if properties else ''}{''.join(cells)}</w:tr>"


def recommendation_row(
	text: str,
	position: str = "Supported",
	themes=("- Right to food",),
	sdgs=("- 2 - ZERO HUNGER",),
	source: str = "A/HRC/59/9/Add.1 - Para. 3",
) -> str:
	return row(
		cell([text, f"Source of position: {source}"]), cell([position]), cell(list(themes)), cell(list(sdgs))
	)


def table_xml(rows) -> str:
	return f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * 4}</w:tblGrid>{''.join(rows)}</w:tbl>"


def table(headings, rows) -> str:
	return table_xml([row(*(cell([heading]) for heading in headings)), *rows])


def document(*blocks: str) -> bytes:
	return (
		f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NAMESPACE}">'
		f"<w:body>{''.join(blocks)}<w:sectPr/></w:body></w:document>"
	).encode()


def header_part(text: str = HEADER_TEXT) -> bytes:
	return f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W_NAMESPACE}">{paragraph(text)}</w:hdr>'.encode()


def package(document_xml: bytes, *, header: bytes | None = None, main: str = DOCX_MAIN, extra=None) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main))
		archive.writestr("_rels/.rels", ROOT_RELS)
		archive.writestr("word/document.xml", document_xml)
		if header is not None:
			archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
			archive.writestr("word/header1.xml", header)
		for name, data in (extra or {}).items():
			archive.writestr(name, data)
	return buffer.getvalue()


def listed(*rows: str, headings=HEADINGS_4) -> bytes:
	"""A list of the 4th-cycle layout with these rows below its column headings."""
	return package(document(table(headings, rows)), header=header_part())


def read(content: bytes, **options):
	return rows_and_issues(read_upr_thematic_list(io.BytesIO(content), **options))


def test_a_position_merged_down_over_several_rows_is_each_rows_position():
	content = listed(
		row(
			cell(["115.1 Ratify it (Chile);"]),
			cell(["Noted"], vmerge="restart"),
			cell(["- Right to food"]),
			cell([]),
		),
		row(
			cell(["115.2 Accede to it (Peru);"]),
			cell([], vmerge="continue"),
			cell(["- Right to food"]),
			cell([]),
		),
	)
	rows, issues = read(content)
	assert issues == [] and [item["position"] for item in rows] == ["Noted", "Noted"]


def test_a_recommendation_cell_merged_down_fails_that_row_naming_row_and_column():
	content = listed(
		row(
			cell(["115.1 Ratify it (Chile);"], vmerge="restart"),
			cell(["Supported"]),
			cell(["- Right to food"]),
			cell([]),
		),
		row(cell([], vmerge="continue"), cell(["Noted"]), cell(["- Right to food"]), cell([])),
		recommendation_row("115.3 Adopt it (Peru);"),
	)
	rows, issues = read(content)
	assert [item["paragraph"] for item in rows] == ["115.1", "115.3"]
	[issue] = issues
	assert (issue.row_number, issue.field, issue.fatal) == (3, HEADINGS_4[0], True)
	assert "Split Cells" in issue.message


def test_merged_heading_rows_of_any_kind_and_shifted_rows_are_read():
	content = listed(
		row(cell(["Theme: Right to food"], span=4)),
		recommendation_row("115.1 Adopt a law (Chile);", themes=()),
		# Older editors merge with hMerge; a row may start past grid columns it skips (gridBefore).
		row(
			cell(["Theme: A12 Acceptance of international norms"], properties='<w:hMerge w:val="restart"/>'),
			cell([], properties="<w:hMerge/>"),
			cell([], properties="<w:hMerge/>"),
			cell([], properties="<w:hMerge/>"),
		),
		row(
			cell(["Supported"]),
			cell(["- Right to health"]),
			cell(["- 3 - GOOD HEALTH AND WELL-BEING"]),
			properties='<w:gridBefore w:val="1"/>',
		),
		recommendation_row("115.3 Ratify it (Peru);", themes=("- Acceptance of international norms",)),
	)
	rows, issues = read(content)
	first, shifted, third = rows
	# The heading's theme is a theme of the recommendations listed under it.
	assert (first["themes"], first["theme_heading"]) == (["Right to food"], "Right to food")
	assert shifted["recommendation_text"] == "" and shifted["position"] == "Supported"
	assert shifted["themes"] == ["Acceptance of international norms", "Right to health"]
	assert third["themes"] == ["Acceptance of international norms"]
	assert third["theme_codes"] == {"Acceptance of international norms": "A12"}
	assert issues == []


def test_a_heading_split_into_cells_is_a_heading_and_another_spanning_row_a_row_issue():
	content = listed(
		row(cell(["Theme:"]), cell(["Right to food"]), cell([]), cell([])),
		recommendation_row("115.1 Adopt a law (Chile);", themes=()),
		row(cell(["Note: the positions below were given orally"], span=4)),
		row(cell(["115.2 Ratify it (Peru);"], span=4)),
	)
	rows, issues = read(content)
	assert [item["themes"] for item in rows] == [["Right to food"], ["Right to food"]]
	assert rows[1]["position"] == ""
	[issue] = issues
	assert (issue.row_number, issue.field) == (4, HEADINGS_4[0])
	assert "neither a 'Theme:' heading nor a numbered recommendation" in issue.message


def test_a_row_without_recommendation_text_fails_alone_through_the_import(import_context):
	content = listed(
		row(cell([]), cell(["Supported"]), cell(["- Right to food"]), cell([])),
		recommendation_row("115.2 Adopt a law on the right to food (Chile);"),
	)
	candidates, issues = candidates_and_issues(
		read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	)
	[issue] = issues
	assert (issue.row_number, issue.field, issue.message) == (
		2,
		HEADINGS_4[0],
		"The recommendation has no text",
	)
	assert [candidate.values["paragraph"] for candidate in candidates] == ["115.2"]


def test_a_position_not_understood_fails_its_row_naming_the_files_column(import_context):
	content = listed(
		recommendation_row("115.1 Ratify it (Chile);", position="Supported in principle"),
		recommendation_row("115.2 Adopt it (Peru);", position="Supported / Noted"),
		recommendation_row("115.3 Adopt it (Fiji);", position=""),
	)
	candidates, issues = candidates_and_issues(
		read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	)
	[issue] = issues
	assert (issue.row_number, issue.field, issue.value) == (2, HEADINGS_4[1], "Supported in principle")
	assert [candidate.values["position"] for candidate in candidates] == ["Supported in part", ""]
	# No position yet: no source of it either.
	assert [candidate.values["position_source"] for candidate in candidates] == [
		"A/HRC/59/9/Add.1 - Para. 3",
		"",
	]


def test_warnings_name_the_column_as_this_layout_heads_it(import_context):
	content = listed(
		recommendation_row(
			"115.1 Ratify it (Chile, Atlantis);",
			themes=("- Right to food", "- Happiness"),
			sdgs=("- 42 - NONE",),
		),
		headings=(
			"Recommendation",
			"Position",
			"Full list of themes",
			"Assessment/comments on level of implementation",
		),
	)
	[candidate] = read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	assert [(warning.field, warning.value) for warning in candidate.warnings] == [
		("Full list of themes", "Happiness"),
		("Recommendation", "Atlantis"),
		# in this layout the fourth column is the State's assessment, and this one says no status
		("Assessment/comments on level of implementation", "- 42 - NONE"),
	]
	assert candidate.recommending_states == ["Chile"]


def test_an_sdg_line_not_understood_is_a_warning_in_the_sdg_column(import_context):
	[candidate] = read_candidates(
		"upr-thematic-list",
		io.BytesIO(listed(recommendation_row("115.1 Ratify it (Chile);", sdgs=("- PEACE",)))),
		import_context,
	)
	assert [(warning.field, warning.value) for warning in candidate.warnings] == [("Relevant SDGs", "PEACE")]


def test_a_recommendation_without_a_paragraph_number_is_identified_by_its_words_and_context(import_context):
	content = listed(recommendation_row("Ratify the Optional Protocol (Chile);", source=""))
	[candidate] = read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	assert candidate.dedupe_key.startswith("text:")
	assert candidate.values["position_source"] == "UPR thematic list"


def test_tracked_deletions_content_controls_and_odd_spaces_are_read_as_word_shows_them():
	deleted = '<w:del w:id="1" w:author="A"><w:r><w:delText>Do not </w:delText></w:r></w:del>'
	text_cell = (
		f"<w:tc><w:p><w:r><w:t>115.1\u00a0Ratify\u200b the </w:t></w:r>{deleted}"
		"<w:r><w:t>Convention</w:t><w:tab/><w:t>(Chile);</w:t></w:r></w:p>"
		f"{paragraph('Source of Position: A/HRC/59/9/Add.1 - Para. 3')}</w:tc>"
	)
	wrapped = f"<w:sdt><w:sdtPr/><w:sdtContent>{recommendation_row('115.2 Adopt it (Peru);')}</w:sdtContent></w:sdt>"
	content = listed(row(text_cell, cell(["Supported"]), cell(["-\u00a0Right to food"]), cell([])), wrapped)
	rows, issues = read(content)
	assert issues == []
	assert rows[0]["recommendation_text"] == "115.1 Ratify the Convention (Chile);"
	assert rows[0]["themes"] == ["Right to food"]
	assert rows[1]["paragraph"] == "115.2"


def test_a_later_table_repeating_the_headings_continues_the_list_and_other_tables_are_left_alone():
	note = "<w:tbl>" + row(cell(["Note: positions as of March 2025"]), cell(["x"])) + "</w:tbl>"
	content = package(
		document(
			table(HEADINGS_4, [recommendation_row("115.1 Ratify it (Chile);")]),
			paragraph("Page break"),
			table(HEADINGS_4, [recommendation_row("115.2 Adopt it (Peru);")]),
			note,
			table_xml([recommendation_row("115.3 Accede to it (Fiji);")]),
		),
		header=header_part(),
	)
	rows, issues = read(content)
	assert issues == [] and [item["paragraph"] for item in rows] == ["115.1", "115.2", "115.3"]


def test_a_repeated_heading_row_inside_the_table_is_skipped():
	content = listed(
		recommendation_row("115.1 Ratify it (Chile);"),
		row(*(cell([heading]) for heading in HEADINGS_4)),
		recommendation_row("115.2 Adopt it (Peru);"),
	)
	rows, _issues = read(content)
	assert [item["row_number"] for item in rows] == [2, 4]


def test_a_huge_themes_cell_fails_its_row_naming_row_and_column(import_context):
	content = listed(
		recommendation_row("115.1 Ratify it (Chile);", themes=["- " + "Right to food " * 3_000]),
		recommendation_row("115.2 " + "Adopt it " * 4_000 + "(Peru);"),
		recommendation_row("115.3 Accede to it (Fiji);"),
	)
	candidates, issues = candidates_and_issues(
		read_candidates("upr-thematic-list", io.BytesIO(content), import_context)
	)
	assert [(issue.row_number, issue.field) for issue in issues] == [(2, HEADINGS_4[2]), (3, HEADINGS_4[0])]
	assert all(
		"characters, more than the 32,767" in issue.message and len(issue.value) <= 200 for issue in issues
	)
	assert [candidate.values["paragraph"] for candidate in candidates] == ["115.3"]


def test_a_long_list_is_read_as_a_stream_in_little_memory():
	rows = [
		recommendation_row(f"115.{number} Ratify the Optional Protocol number {number} (Chile) (Peru);")
		for number in range(1, 3_001)
	]
	content = listed(*rows)
	tracemalloc.start()
	started = time.perf_counter()
	reader = read_upr_thematic_list(io.BytesIO(content))
	count = sum(1 for _item in reader)
	elapsed = time.perf_counter() - started
	_current, peak = tracemalloc.get_traced_memory()
	tracemalloc.stop()
	assert count == 3_000
	assert elapsed < 15
	# The whole table as a tree would be several times the document.xml (about 1.8 MB).
	assert peak < 8 << 20, f"{peak / (1 << 20):.1f} MB"


# Broken and hostile files: refused with a clear message before any row


def zip_of(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", compression) as archive:
		for name, data in parts.items():
			archive.writestr(name, data)
	return buffer.getvalue()


@pytest.mark.parametrize(
	("content", "words"),
	[
		(b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n", "its content is a PDF"),
		(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word 97-2003 document (.doc)"),
		(b"", "it is empty"),
		(b"Recommendation,Position\nRatify it,Supported\n", "not a Word document (.docx)"),
		(zip_of({"xl/workbook.xml": b"<workbook/>"}), "it is an Excel workbook"),
		(zip_of({"mimetype": b"application/vnd.oasis.opendocument.text"}), "OpenDocument"),
		(zip_of({"notes.txt": b"hello"}), "a zip archive without a Word document"),
	],
)
def test_a_file_that_is_no_word_document_is_refused(content, words):
	with pytest.raises(
		ThematicListFormatError, match=words.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
	):
		read_upr_thematic_list(io.BytesIO(content))


def test_a_truncated_download_is_refused(documents):
	_sample, content = documents[4]
	with pytest.raises(ThematicListFormatError, match=r"not a Word document \(\.docx\)"):
		read_upr_thematic_list(io.BytesIO(content[: len(content) // 2]))


def test_a_macro_enabled_document_is_refused(documents):
	_sample, content = documents[4]
	with zipfile.ZipFile(io.BytesIO(content)) as archive:
		parts = {name: archive.read(name) for name in archive.namelist()}
	parts["word/vbaProject.bin"] = (
		b'\xd0\xcf\x11\xe0 Attribute VB_Name = "ThisDocument"\nSub AutoOpen()\nEnd Sub'
	)
	parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
		DOCX_MAIN.encode(), DOCM_MAIN.encode()
	)
	with pytest.raises(ThematicListFormatError, match=r"contains macros.*Word Document \(\*\.docx\)"):
		read_upr_thematic_list(io.BytesIO(zip_of(parts)))
	# The content type alone gives a .docm away, whatever it is named.
	docm = package(document(table(HEADINGS_4, [])), header=header_part(), main=DOCM_MAIN)
	with pytest.raises(ThematicListFormatError, match="macros"):
		read_upr_thematic_list(io.BytesIO(docm))


def test_a_zip_bomb_is_refused_at_once_in_little_memory():
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
		archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=DOCX_MAIN))
		with archive.open("word/document.xml", "w") as stream:
			for _ in range(100):
				stream.write(b"<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>" * 50_000)
	tracemalloc.start()
	started = time.perf_counter()
	with pytest.raises(ThematicListFormatError, match="refused before reading it: its text expands to"):
		read_upr_thematic_list(io.BytesIO(buffer.getvalue()))
	elapsed = time.perf_counter() - started
	_current, peak = tracemalloc.get_traced_memory()
	tracemalloc.stop()
	assert elapsed < 2 and peak < 16 << 20


def test_a_part_that_expands_a_hundredfold_is_refused():
	body = document(table(HEADINGS_4, [recommendation_row("115.1 Ratify it (Chile);")]))
	padded = body.replace(b"<w:sectPr/>", b"<w:p/>" * 400_000 + b"<w:sectPr/>")
	with pytest.raises(
		ThematicListFormatError, match="times \\(at most 100 is accepted\\), as a zip bomb does"
	):
		read_upr_thematic_list(io.BytesIO(package(padded, header=header_part())))


@pytest.mark.parametrize(
	"doctype",
	[
		'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
		'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
		'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
	],
)
def test_a_dtd_is_refused_and_no_entity_is_expanded(doctype):
	body = document(table(HEADINGS_4, [recommendation_row("115.1 Ratify it &d; &secret; (Chile);")]))
	body = body.replace(b"<w:document", doctype.encode() + b"<w:document", 1)
	started = time.perf_counter()
	with pytest.raises(ThematicListFormatError, match="declares a DTD"):
		read_upr_thematic_list(io.BytesIO(package(body, header=header_part())))
	assert time.perf_counter() - started < 2


def test_a_dtd_in_the_page_header_is_refused():
	header = header_part().replace(b"<w:hdr", b'<!DOCTYPE w:hdr [<!ENTITY x "y">]><w:hdr', 1)
	content = package(
		document(table(HEADINGS_4, [recommendation_row("115.1 Ratify it (Chile);")])), header=header
	)
	with pytest.raises(ThematicListFormatError, match=r"header1\.xml declares a DTD"):
		read_upr_thematic_list(io.BytesIO(content))


def test_xml_that_breaks_off_is_refused_before_any_row():
	rows = [recommendation_row(f"115.{number} Ratify it (Chile);") for number in range(1, 200)]
	body = document(table(HEADINGS_4, rows))
	broken = body[: int(len(body) * 0.9)]
	with pytest.raises(ThematicListFormatError, match=r"document is damaged: its text .* cannot be read"):
		read_upr_thematic_list(io.BytesIO(package(broken, header=header_part())))


def test_a_damaged_part_is_refused_before_any_row():
	content = bytearray(
		listed(*(recommendation_row(f"115.{n} Ratify the Optional Protocol (Chile);") for n in range(1, 60)))
	)
	# Flip bytes inside the compressed document part: its CRC no longer matches.
	with zipfile.ZipFile(io.BytesIO(bytes(content))) as archive:
		info = archive.getinfo("word/document.xml")
	start = info.header_offset + 30 + len(info.filename) + len(info.extra)
	middle = start + info.compress_size // 2
	content[middle : middle + 8] = bytes(byte ^ 0x55 for byte in content[middle : middle + 8])
	with pytest.raises(ThematicListFormatError, match="document is damaged"):
		read_upr_thematic_list(io.BytesIO(bytes(content)))


@pytest.mark.parametrize(
	("blocks", "words"),
	[
		(
			[
				table_xml(
					[
						row(cell(["Name"]), cell(["E-mail"]), cell(["Ministry"]), cell(["Phone"])),
						row(cell(["Ana"])),
					]
				)
			],
			"tables start with 'Name | E-mail | Ministry | Phone'",
		),
		(
			[
				table_xml(
					[
						row(cell(["Recommendation"]), cell(["Position"])),
						recommendation_row("1 Do it (Chile);"),
					]
				)
			],
			"tables start with 'Recommendation | Position'",
		),
		(
			[paragraph("Thematic list of recommendations"), paragraph("No table here")],
			"the document has no table",
		),
	],
)
def test_a_document_without_a_table_of_the_right_shape_is_refused(blocks, words):
	with pytest.raises(ThematicListFormatError, match="No table of UPR recommendations was found") as raised:
		read_upr_thematic_list(io.BytesIO(package(document(*blocks), header=header_part())))
	assert words in str(raised.value)


def test_a_header_row_thousands_of_cells_wide_gives_a_message_that_can_be_stored():
	wide = table_xml([row(*(cell([f"Column {number} " * 20]) for number in range(3_000)))])
	with pytest.raises(ThematicListFormatError) as raised:
		read_upr_thematic_list(io.BytesIO(package(document(wide), header=header_part())))
	assert len(str(raised.value)) < 2_000


def test_the_import_refuses_a_broken_file_with_the_format_error(import_context):
	with pytest.raises(ThematicListFormatError):
		read_candidates("upr-thematic-list", io.BytesIO(b"%PDF-1.4"), import_context)
	assert issubclass(ThematicListFormatError, ValueError)  # the Frappe importer reports ValueErrors


def test_a_file_on_disk_is_closed_when_the_caller_stops_early(tmp_path, documents):
	path = tmp_path / "list.docx"
	path.write_bytes(documents[2][1])
	reader = read_upr_thematic_list(path)
	next(reader)
	reader.close()
	assert reader._reader._archive.fp is None
	unread = read_upr_thematic_list(path)
	unread.close()  # never iterated: the archive is released all the same
	assert unread._reader._archive.fp is None


# Property: generated texts with known States parse back to them


STATE_NAMES = sorted(set(FRAPPE_COUNTRY_NAMES) | set(read_country_aliases()))
RECOMMENDATION_WORDS = st.lists(
	st.sampled_from(
		(
			"Ratify",
			"the",
			"Optional",
			"Protocol",
			"to",
			"Convention",
			"against",
			"Torture,",
			"2019",
			"(No. 190)",
			"and",
			"adopt",
			"measures",
			"for",
			"women;",
			"children",
			"(CEDAW)",
			"indigenous",
			"peoples",
		)
	),
	min_size=1,
	max_size=25,
)
STATE_LISTS = st.lists(st.sampled_from(STATE_NAMES), min_size=1, max_size=4, unique=True)
# The fixture is only read, so sharing it between examples is safe.
PROPERTY = settings(
	max_examples=300,
	deadline=None,
	suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def printed(words: list[str], states: list[str], style: str) -> str:
	groups = f"({', '.join(states)})" if style == "one group" else " ".join(f"({state})" for state in states)
	return f"{' '.join(words)} {groups}"


@PROPERTY
@given(
	paragraph_number=st.from_regex(r"1[0-4][0-9]\.[1-9][0-9]?", fullmatch=True),
	words=RECOMMENDATION_WORDS,
	states=STATE_LISTS,
	style=st.sampled_from(("one group", "groups")),
	end=st.sampled_from((";", ".", "", " ;")),
)
def test_states_in_parentheses_parse_back_to_the_states_written(
	import_context, paragraph_number, words, states, style, end
):
	text = f"{paragraph_number} {printed(words, states, style)}{end}"
	assert recommending_states_of(text, import_context.countries) == states


@PROPERTY
@given(
	first=st.tuples(RECOMMENDATION_WORDS, STATE_LISTS, st.sampled_from(("one group", "groups"))),
	second=st.tuples(RECOMMENDATION_WORDS, STATE_LISTS, st.sampled_from(("one group", "groups"))),
)
def test_a_paragraph_of_two_recommendations_has_the_states_of_both(import_context, first, second):
	words, states, style = first
	more_words, more_states, more_style = second
	text = f"118.4 {printed(words, states, style)}; {printed(['Increase', *more_words], more_states, more_style)};"
	assert recommending_states_of(text, import_context.countries) == list(dict.fromkeys(states + more_states))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_states_it_contains(text):
	for state in recommending_states_of(text):
		assert " ".join(state.split()) in " ".join(text.split())
