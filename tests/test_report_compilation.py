import io
import random
import re
import time
import zipfile
from dataclasses import replace
from datetime import date

import docx
import pytest
from lxml import etree
from openpyxl import load_workbook

from nmirf_app.core import reference_data
from nmirf_app.core.references import natural_key
from nmirf_app.core.report_compilation import (
	ANNEX_COLUMNS,
	ANNEX_HEADING,
	BY_CLUSTER,
	BY_RECOMMENDATION,
	BY_SDG,
	IMPLEMENTATION,
	IMPLEMENTATION_BY_SDG,
	INTRODUCTION,
	OTHER_RECOMMENDATIONS,
	SDG_ANNEX_COLUMNS,
	TREATY_BODY_CODES,
	ApprovedProgress,
	Contribution,
	ReportRecommendation,
	assemble_report,
	recommendation_sort_key,
	recommendation_telling_each_action,
	text_paragraphs,
	write_docx,
	write_xlsx_matrix,
)

TITLE = "Fourth national report of Paraguay to the Universal Periodic Review (draft)"
CHILDREN = "Rights of the child"
INSTRUMENTS = "International instruments"
UPR_SYMBOL = "A/HRC/48/9"
CRC_SYMBOL = "CRC/C/PRY/CO/4-6"
CEDAW_SYMBOL = "CEDAW/C/PRY/CO/7"

RECOMMENDATIONS = (
	ReportRecommendation(
		"UPR-3-118.10",
		"UPR",
		UPR_SYMBOL,
		"118.10",
		"Strengthen the national system for the comprehensive protection of children and adolescents (Chile);",
		CHILDREN,
		"In progress",
	),
	ReportRecommendation(
		"UPR-3-118.2",
		"UPR",
		UPR_SYMBOL,
		"118.2",
		"Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Portugal);",
		INSTRUMENTS,
		"Not started",
	),
	ReportRecommendation(
		"UPR-3-118.5",
		"UPR",
		UPR_SYMBOL,
		"118.5",
		"Prohibit corporal punishment of children in all settings (Sweden);",
		CHILDREN,
		"Partially implemented",
	),
	ReportRecommendation(
		"CRC-2013-18",
		"CRC",
		CRC_SYMBOL,
		"18",
		"The Committee recommends that the State party allocate adequate resources to the Secretariat for "
		"Children and Adolescents.",
		CHILDREN,
		"In progress",
	),
	ReportRecommendation(
		"SR-TORTURE-2016-87",
		"SR-TORTURE",
		"A/HRC/34/54/Add.1",
		"87",
		"Ensure that children deprived of liberty are held separately from adults.",
		CHILDREN,
		"Not assessed",
	),
	ReportRecommendation(
		"CEDAW-2017-10",
		"CEDAW",
		CEDAW_SYMBOL,
		"10",
		"Adopt a comprehensive law against all forms of discrimination against women.",
		None,
		"Not started",
	),
	ReportRecommendation(
		"CEDAW-2017-9",
		"CEDAW",
		CEDAW_SYMBOL,
		"9",
		"Raise awareness among women of their rights under the Convention.",
		None,
		"In progress",
	),
)

PROGRESS = (
	ApprovedProgress(
		"UPR-3-118.10",
		"Ministerio de la Niñez y la Adolescencia",
		date(2024, 3, 1),
		"<p>The Ministry opened <strong>twelve</strong> municipal child-protection offices in 2023.</p>",
	),
	ApprovedProgress(
		"UPR-3-118.10",
		"Ministerio de Justicia",
		date(2023, 11, 15),
		"<div class='ql-editor read-mode'><p>Act No. 6083/2018 created the Ministry of Children and "
		"Adolescents.</p><p>Its&nbsp;regulations were adopted in 2023.</p><p><br></p></div>",
	),
	ApprovedProgress(
		"UPR-3-118.5",
		"Ministerio de Salud",
		date(2024, 5, 20),
		"Health staff were trained on positive parenting.",
	),
	ApprovedProgress(
		"UPR-3-118.5",
		"Ministerio de Educación y Ciencias",
		date(2024, 5, 20),
		"Resolution 1234/2024 bans corporal punishment in schools.",
	),
	ApprovedProgress(
		"CRC-2013-18",
		"Ministerio de Economía y Finanzas",
		date(2024, 6, 30),
		"<p>The 2024 budget increased child-protection funding by 14 %.</p>",
	),
	ApprovedProgress(
		"CEDAW-2017-9",
		"Ministerio de la Mujer",
		date(2024, 2, 8),
		"<ul><li>Radio campaign in Guaraní and Spanish.</li><li>Workshops in 17 departments.</li></ul>",
	),
)

CONTRIBUTIONS = (
	Contribution(
		"Methodology and consultation process",
		"Ministerio de Relaciones Exteriores",
		"<p>The report was prepared by the SIMORE inter-institutional network.</p>",
	),
	Contribution(
		"Introduction",
		"Ministerio de Relaciones Exteriores",
		"Paraguay presents its fourth national report.",
	),
	Contribution(
		"Children",
		"Ministerio de la Niñez y la Adolescencia",
		"<p>A national child-protection policy 2024-2030 is being drafted.</p>",
		cluster=CHILDREN,
	),
	Contribution(
		"Resources",
		"Secretaría Técnica de Planificación",
		"The national development plan earmarks resources for children.",
		recommendation="CRC-2013-18",
	),
	Contribution(
		"Equality and non-discrimination",
		"Ministerio de la Mujer",
		"<p>Consultations with women's organisations were held in 2024.</p>",
	),
)

INTRODUCTION_TEXT = "<p>This report covers the period 2021-2025.</p>"

UPR_118_10 = "(A/HRC/48/9, para. 118.10 — UPR-3-118.10)"
UPR_118_5 = "(A/HRC/48/9, para. 118.5 — UPR-3-118.5)"
CRC_18 = "(CRC/C/PRY/CO/4-6, para. 18 — CRC-2013-18)"
CEDAW_9 = "(CEDAW/C/PRY/CO/7, para. 9 — CEDAW-2017-9)"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build(
	organise_by=BY_CLUSTER,
	recommendations=RECOMMENDATIONS,
	progress=PROGRESS,
	contributions=CONTRIBUTIONS,
	**options,
):
	return assemble_report(
		TITLE,
		recommendations=recommendations,
		progress=progress,
		contributions=contributions,
		organise_by=organise_by,
		introduction=INTRODUCTION_TEXT,
		**options,
	)


def outline(report):
	return [(section.level, section.heading) for section in report.iter_sections()]


def texts_of(section):
	return [(paragraph.text, paragraph.reference) for paragraph in section.paragraphs]


def section_named(report, heading):
	return next(section for section in report.iter_sections() if section.heading == heading)


def test_organised_by_cluster_the_clusters_are_alphabetical_and_other_recommendations_last():
	assert outline(build()) == [
		(1, INTRODUCTION),
		(1, "Equality and non-discrimination"),
		(1, "Methodology and consultation process"),
		(1, IMPLEMENTATION),
		(2, CHILDREN),
		(2, OTHER_RECOMMENDATIONS),
	]


def test_a_cluster_lists_progress_by_recommendation_order_then_its_own_contributions():
	children = section_named(build(), CHILDREN)

	assert texts_of(children) == [
		("Resolution 1234/2024 bans corporal punishment in schools.", UPR_118_5),
		("Health staff were trained on positive parenting.", UPR_118_5),
		("Act No. 6083/2018 created the Ministry of Children and Adolescents.", None),
		("Its regulations were adopted in 2023.", UPR_118_10),
		("The Ministry opened twelve municipal child-protection offices in 2023.", UPR_118_10),
		("The 2024 budget increased child-protection funding by 14 %.", CRC_18),
		("The national development plan earmarks resources for children.", CRC_18),
		("A national child-protection policy 2024-2030 is being drafted.", None),
	]
	assert [paragraph.source for paragraph in children.paragraphs][:2] == [
		"Ministerio de Educación y Ciencias",
		"Ministerio de Salud",
	]


def test_the_introduction_takes_in_contributions_of_the_same_name():
	introduction = section_named(build(), INTRODUCTION)
	assert texts_of(introduction) == [
		("This report covers the period 2021-2025.", None),
		("Paraguay presents its fourth national report.", None),
	]


def test_paragraphs_are_numbered_consecutively_through_the_document():
	paragraphs = build().numbered_paragraphs()
	assert [paragraph.number for paragraph in paragraphs] == list(range(1, len(paragraphs) + 1))
	assert len(paragraphs) == 14


def test_html_is_stripped_and_paragraphs_kept():
	assert text_paragraphs("<p>First&nbsp;<em>line</em>.</p><p><br></p><p>Second   line.</p>") == [
		"First line.",
		"Second line.",
	]
	assert text_paragraphs("Children < 18 years & adolescents") == ["Children < 18 years & adolescents"]
	assert text_paragraphs("") == []
	assert text_paragraphs("Pasted\x01 text\x0bnext line") == ["Pasted text", "next line"]
	assert all("<" not in paragraph.text for paragraph in build().numbered_paragraphs())


def test_paragraph_numbers_sort_naturally():
	assert sorted(["118.10", "118.2", "118.1", "9", "10", "18 (a)", "18"], key=natural_key) == [
		"9",
		"10",
		"18",
		"18 (a)",
		"118.1",
		"118.2",
		"118.10",
	]


def test_recommendations_are_ordered_upr_then_treaty_bodies_then_others():
	ordered = sorted(RECOMMENDATIONS, key=recommendation_sort_key)
	assert [recommendation.reference for recommendation in ordered] == [
		"UPR-3-118.2",
		"UPR-3-118.5",
		"UPR-3-118.10",
		"CEDAW-2017-9",
		"CEDAW-2017-10",
		"CRC-2013-18",
		"SR-TORTURE-2016-87",
	]


def test_progress_on_an_action_is_told_under_its_first_recommendation_in_report_order():
	by_reference = {recommendation.reference: recommendation for recommendation in RECOMMENDATIONS}
	links = [
		("ACT-2", "CRC-2013-18"),
		("ACT-1", "CEDAW-2017-9"),
		("ACT-1", "UPR-3-118.10"),
		("ACT-1", "UPR-3-118.5"),
		("ACT-2", "SR-TORTURE-2016-87"),
	]
	told = {"ACT-1": "UPR-3-118.5", "ACT-2": "CRC-2013-18"}
	assert recommendation_telling_each_action(links, by_reference) == told
	assert recommendation_telling_each_action(reversed(links), by_reference) == told


def test_the_treaty_bodies_are_those_of_the_shipped_reference_data():
	shipped = {row["code"] for row in reference_data.mechanisms() if row["mechanism_type"] == "Treaty Body"}
	assert shipped == TREATY_BODY_CODES


def test_the_annex_lists_every_recommendation_in_the_order_of_the_body():
	report = build()
	# Clusters alphabetically: "International instruments" has nothing to report yet but is listed.
	assert [(row.reference, row.status) for row in report.annex] == [
		("UPR-3-118.2", "Not started"),
		("UPR-3-118.5", "Partially implemented"),
		("UPR-3-118.10", "In progress"),
		("CRC-2013-18", "In progress"),
		("SR-TORTURE-2016-87", "Not assessed"),
		("CEDAW-2017-9", "In progress"),
		("CEDAW-2017-10", "Not started"),
	]
	assert report.annex[0].document_symbol == UPR_SYMBOL
	assert report.annex[0].paragraph == "118.2"


def test_organised_by_recommendation_each_recommendation_with_material_has_a_heading():
	report = build(BY_RECOMMENDATION)

	assert outline(report) == [
		(1, INTRODUCTION),
		(1, "Children"),
		(1, "Equality and non-discrimination"),
		(1, "Methodology and consultation process"),
		(1, IMPLEMENTATION),
		(2, "Recommendation 118.5 (A/HRC/48/9)"),
		(2, "Recommendation 118.10 (A/HRC/48/9)"),
		(2, "Recommendation 9 (CEDAW/C/PRY/CO/7)"),
		(2, "Recommendation 18 (CRC/C/PRY/CO/4-6)"),
	]
	assert texts_of(section_named(report, "Recommendation 9 (CEDAW/C/PRY/CO/7)")) == [
		("Radio campaign in Guaraní and Spanish.", None),
		("Workshops in 17 departments.", CEDAW_9),
	]
	assert [row.reference for row in report.annex] == [
		"UPR-3-118.2",
		"UPR-3-118.5",
		"UPR-3-118.10",
		"CEDAW-2017-9",
		"CEDAW-2017-10",
		"CRC-2013-18",
		"SR-TORTURE-2016-87",
	]


FRENCH = {
	INTRODUCTION: "Introduction",
	IMPLEMENTATION: "Mise en œuvre des recommandations",
	OTHER_RECOMMENDATIONS: "Autres recommandations",
	"Recommendation {0} ({1})": "Recommandation {0} ({1})",
	"para. {0}": "par. {0}",
}


def test_the_words_the_draft_adds_are_in_the_reports_language_and_peoples_texts_as_written():
	by_cluster = build(translate=lambda text: FRENCH.get(text, text))
	assert outline(by_cluster)[-3:] == [
		(1, "Mise en œuvre des recommandations"),
		(2, CHILDREN),  # a cluster's name, as the NMIRF wrote it
		(2, "Autres recommandations"),
	]
	citations = {paragraph.reference for paragraph in by_cluster.numbered_paragraphs()} - {None}
	assert "(CEDAW/C/PRY/CO/7, par. 9 — CEDAW-2017-9)" in citations
	assert not any("para." in citation for citation in citations)
	by_recommendation = build(BY_RECOMMENDATION, translate=lambda text: FRENCH.get(text, text))
	assert "Recommandation 9 (CEDAW/C/PRY/CO/7)" in [
		heading for _level, heading in outline(by_recommendation)
	]


def test_a_section_named_introduction_in_the_reports_language_joins_the_introduction():
	spanish = {INTRODUCTION: "Introducción"}
	contribution = Contribution("Introducción", "Ministerio de Salud", "El informe fue validado en 2025.")
	report = build(
		contributions=(*CONTRIBUTIONS, contribution), translate=lambda text: spanish.get(text, text)
	)
	headings = [heading for _level, heading in outline(report)]
	assert headings.count("Introducción") == 1 and INTRODUCTION not in headings
	assert ("El informe fue validado en 2025.", None) in texts_of(section_named(report, "Introducción"))


SDG_TARGETS = {
	"UPR-3-118.5": ("16.2", "4.a"),
	"UPR-3-118.10": ("16.2",),
	"CRC-2013-18": ("16.2", "1.b"),
	"CEDAW-2017-9": ("5.c", "5.1"),
	"CEDAW-2017-10": ("5.1",),
	"UPR-3-118.2": ("10",),  # the source names the goal only
}
SDG_TITLES = {
	"1": "No poverty",
	"5": "Gender equality",
	"5.1": "End discrimination against all women and girls",
}


def by_sdg(progress=PROGRESS):
	recommendations = [
		replace(recommendation, sdg_targets=SDG_TARGETS.get(recommendation.reference, ()))
		for recommendation in RECOMMENDATIONS
	]
	return build(BY_SDG, recommendations=recommendations, progress=progress, sdg_titles=SDG_TITLES)


def test_by_sdg_goals_hold_their_targets_in_the_uns_order():
	assert outline(by_sdg()) == [
		(1, INTRODUCTION),
		(1, "Children"),  # a contribution tied to a cluster only: no cluster heading by SDG
		(1, "Equality and non-discrimination"),
		(1, "Methodology and consultation process"),
		(1, IMPLEMENTATION_BY_SDG),
		(2, "Goal 1: No poverty"),
		(3, "Target 1.b"),
		(2, "Goal 4"),
		(3, "Target 4.a"),
		(2, "Goal 5: Gender equality"),
		(3, "Target 5.1: End discrimination against all women and girls"),
		(3, "Target 5.c"),
		(2, "Goal 16"),
		(3, "Target 16.2"),
	]


def test_by_sdg_a_recommendation_of_several_targets_is_told_once_and_pointed_to_elsewhere():
	report = by_sdg()
	assert texts_of(section_named(report, "Target 4.a")) == [
		("Resolution 1234/2024 bans corporal punishment in schools.", UPR_118_5),
		("Health staff were trained on positive parenting.", UPR_118_5),
	]
	assert texts_of(section_named(report, "Target 16.2")) == [  # in recommendation order
		("Progress on this recommendation is reported under target 4.a.", UPR_118_5),
		("Act No. 6083/2018 created the Ministry of Children and Adolescents.", None),
		("Its regulations were adopted in 2023.", UPR_118_10),
		("The Ministry opened twelve municipal child-protection offices in 2023.", UPR_118_10),
		("Progress on this recommendation is reported under target 1.b.", CRC_18),
	]
	told = [paragraph.text for paragraph in report.numbered_paragraphs()]
	assert told.count("Health staff were trained on positive parenting.") == 1
	# a recommendation without anything to tell is not pointed to (CEDAW-2017-10 under 5.1)
	assert texts_of(section_named(report, "Target 5.c")) == [
		("Progress on this recommendation is reported under target 5.1.", CEDAW_9)
	]
	paragraphs = report.numbered_paragraphs()
	assert [paragraph.number for paragraph in paragraphs] == list(range(1, len(paragraphs) + 1))


def test_by_sdg_a_goal_without_target_goes_before_the_targets_and_no_sdg_comes_last():
	progress = (
		*PROGRESS,
		ApprovedProgress("UPR-3-118.2", "Cancillería", date(2024, 7, 1), "The bill is in the Senate."),
		ApprovedProgress(
			"SR-TORTURE-2016-87", "Ministerio de Justicia", date(2024, 7, 2), "Separate wings opened."
		),
	)
	report = by_sdg(progress)
	headings = outline(report)
	assert headings[-3:] == [(2, "Goal 16"), (3, "Target 16.2"), (2, OTHER_RECOMMENDATIONS)]
	assert headings.index((2, "Goal 10")) == headings.index((2, "Goal 16")) - 1, "Goal 10 has no target"
	assert texts_of(section_named(report, "Goal 10")) == [
		("The bill is in the Senate.", "(A/HRC/48/9, para. 118.2 — UPR-3-118.2)")
	]
	assert texts_of(section_named(report, OTHER_RECOMMENDATIONS)) == [
		("Separate wings opened.", "(A/HRC/34/54/Add.1, para. 87 — SR-TORTURE-2016-87)")
	]


def test_by_sdg_the_annex_names_the_targets():
	report = by_sdg()
	annex = {row.reference: row.sdg_targets for row in report.annex}
	assert annex["CRC-2013-18"] == "1.b, 16.2" and annex["CEDAW-2017-9"] == "5.1, 5.c"
	assert annex["UPR-3-118.2"] == "10"
	assert annex["SR-TORTURE-2016-87"] == "", "the annex still lists every recommendation"
	assert len(report.annex) == len(RECOMMENDATIONS)
	assert report.annex_columns == SDG_ANNEX_COLUMNS

	buffer = io.BytesIO()
	write_docx(report, buffer)
	table = docx.Document(io.BytesIO(buffer.getvalue())).tables[0]
	assert [cell.text for cell in table.rows[0].cells] == [column.header for column in SDG_ANNEX_COLUMNS]
	assert "SDG targets" in [cell.text for cell in table.rows[0].cells]
	workbook = io.BytesIO()
	write_xlsx_matrix(report, workbook)
	sheet = load_workbook(workbook).active
	header = next(row for row in sheet.iter_rows(values_only=True) if "SDG targets" in row)
	assert list(header[: len(SDG_ANNEX_COLUMNS)]) == [column.header for column in SDG_ANNEX_COLUMNS]


def test_the_same_input_in_any_order_gives_the_same_report():
	first = build()
	shuffler = random.Random(48)
	shuffled = {
		name: list(items) for name, items in (("r", RECOMMENDATIONS), ("p", PROGRESS), ("c", CONTRIBUTIONS))
	}
	for items in shuffled.values():
		shuffler.shuffle(items)

	assert build() == first
	assert build(recommendations=shuffled["r"], progress=shuffled["p"], contributions=shuffled["c"]) == first
	assert first.data_as_of == date(2024, 6, 30)


def test_progress_on_a_recommendation_outside_the_report_is_refused_not_dropped():
	stray = ApprovedProgress("CAT-2017-12", "Ministerio del Interior", date(2024, 1, 5), "Text")
	with pytest.raises(ValueError, match="CAT-2017-12"):
		build(progress=(*PROGRESS, stray))
	with pytest.raises(ValueError, match="CAT-2017-12"):
		build(contributions=(Contribution("X", "Y", "Text", recommendation="CAT-2017-12"),))


def test_duplicate_recommendations_and_unknown_layouts_are_refused():
	with pytest.raises(ValueError, match=re.escape("UPR-3-118.5")):
		build(recommendations=(*RECOMMENDATIONS, RECOMMENDATIONS[2]))
	with pytest.raises(ValueError, match="organised by"):
		build(organise_by="theme")


def test_a_recommendation_without_material_is_only_in_the_annex():
	report = build(progress=(), contributions=())
	assert outline(report) == [(1, INTRODUCTION)]
	assert len(report.annex) == len(RECOMMENDATIONS)


def read_docx(content: bytes):
	return docx.Document(io.BytesIO(content))


def docx_bytes(report, **kwargs) -> bytes:
	buffer = io.BytesIO()
	write_docx(report, buffer, **kwargs)
	return buffer.getvalue()


def numbered_paragraphs(content: bytes) -> list[tuple[str, str | None]]:
	"""(text, footnote) of each paragraph Word numbers (w:numPr), in document order."""
	with zipfile.ZipFile(io.BytesIO(content)) as package:
		names = package.namelist()
		footnotes = (
			etree.fromstring(package.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
		)
	notes = {}
	if footnotes is not None:
		for note in footnotes.iter(f"{W}footnote"):
			notes[note.get(f"{W}id")] = "".join(note.itertext()).strip()
	listed = []
	for paragraph in read_docx(content).paragraphs:
		if paragraph._p.pPr is None or paragraph._p.pPr.numPr is None:
			continue
		references = [mark.get(f"{W}id") for mark in paragraph._p.iter(f"{W}footnoteReference")]
		assert len(references) <= 1
		listed.append((paragraph.text, notes[references[0]] if references else None))
	return listed


def test_the_word_document_reads_back_with_headings_numbered_paragraphs_and_the_annex():
	report = build()
	document = read_docx(docx_bytes(report, generated_on=date(2025, 3, 1)))

	assert [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Title"] == [TITLE]
	headings = [
		(int(paragraph.style.name.removeprefix("Heading ")), paragraph.text)
		for paragraph in document.paragraphs
		if paragraph.style.name.startswith("Heading")
	]
	assert headings == [*outline(report), (1, ANNEX_HEADING)]

	numbered = numbered_paragraphs(docx_bytes(report, generated_on=date(2025, 3, 1)))
	assert len(numbered) == len(report.numbered_paragraphs()) == 14
	# Word numbers them: the text no longer starts with the number, and is each paragraph's in order.
	assert [text for text, _note in numbered] == [
		paragraph.text for paragraph in report.numbered_paragraphs()
	]
	assert numbered[0] == ("This report covers the period 2021-2025.", None)
	notes = [note for _text, note in numbered if note]
	for citation in (UPR_118_5, UPR_118_10, CRC_18, CEDAW_9):
		assert citation.strip("()") in notes
	# The citation is the footnote of the paragraph it closes.
	assert numbered[4] == (
		"Resolution 1234/2024 bans corporal punishment in schools.",
		"A/HRC/48/9, para. 118.5 — UPR-3-118.5",
	)
	assert numbered[6] == ("Act No. 6083/2018 created the Ministry of Children and Adolescents.", None)

	(table,) = document.tables
	assert table.rows[0]._tr.trPr.xpath("./w:tblHeader"), "the header row repeats on every page"
	assert len(table.rows) == len(RECOMMENDATIONS) + 1
	assert len(table.columns) == len(ANNEX_COLUMNS) == 6
	assert [cell.text for cell in table.rows[0].cells] == [
		"Reference",
		"Mechanism",
		"Document symbol",
		"Paragraph",
		"Recommendation",
		"Implementation status",
	]
	assert [cell.text for cell in table.rows[1].cells] == [
		"UPR-3-118.2",
		"UPR",
		UPR_SYMBOL,
		"118.2",
		"Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights "
		"(Portugal);",
		"Not started",
	]


def test_writing_the_same_report_twice_gives_the_same_document(monkeypatch, tmp_path):
	report = build()
	first = docx_bytes(report)
	# Zip entries would otherwise carry the time of writing.
	monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
	second_path = tmp_path / "report.docx"
	write_docx(build(), second_path)

	assert second_path.read_bytes() == first
	properties = read_docx(first).core_properties
	assert properties.created.date() == properties.modified.date() == date(2024, 6, 30)
	assert properties.revision == 1
	assert properties.title == TITLE
	assert properties.author == properties.last_modified_by == "NMIRF"


def test_documents_of_equal_reports_have_the_same_paragraphs_and_table():
	def content(document):
		return (
			[(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs],
			[[cell.text for cell in row.cells] for row in document.tables[0].rows],
		)

	assert content(read_docx(docx_bytes(build()))) == content(read_docx(docx_bytes(build())))


def test_the_excel_annex_holds_one_row_per_recommendation_with_safe_cells():
	hostile = replace(RECOMMENDATIONS[1], text='=HYPERLINK("http://example.org")')
	report = build(recommendations=(*RECOMMENDATIONS[:1], hostile, *RECOMMENDATIONS[2:]))
	buffer = io.BytesIO()
	write_xlsx_matrix(report, buffer)

	sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
	rows = [list(row) for row in sheet.iter_rows(values_only=True)]
	assert rows[0] == [column.header for column in ANNEX_COLUMNS]
	assert [row[0] for row in rows[1:]] == [row.reference for row in report.annex]
	assert rows[2] == [
		"UPR-3-118.5",
		"UPR",
		UPR_SYMBOL,
		"118.5",
		"Prohibit corporal punishment of children in all settings (Sweden);",
		"Partially implemented",
	]
	hostile_row = next(row for row in rows if row[0] == "UPR-3-118.2")
	assert hostile_row[4] == '\'=HYPERLINK("http://example.org")'
