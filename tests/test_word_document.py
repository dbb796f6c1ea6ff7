"""The State report draft as Word writes and reads it: page, numbering, header and footer, contents,
title page, footnotes, translation and right-to-left layout, read back from the saved bytes."""

import io
import zipfile
from datetime import date

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Twips
from lxml import etree
from test_report_compilation import TITLE, build

from nmirf_app.core.report_compilation import ANNEX_COLUMNS, ANNEX_HEADING, write_docx
from nmirf_app.core.word_document import (
	CONTENTS,
	DRAFT,
	FIXED_WORDS,
	PAGE_X_OF_Y,
	DocumentLayout,
	format_date,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NS = {"w": W_NS}
SYMBOL = "CEDAW/C/PRY/9"
MECHANISM = "Committee on the Elimination of Discrimination against Women"
ARABIC = {DRAFT: "مسودة", CONTENTS: "المحتويات", PAGE_X_OF_Y: "الصفحة {0} من {1}"}


def layout(**changes) -> DocumentLayout:
	values = {
		"state": "Paraguay",
		"mechanism": MECHANISM,
		"symbol": SYMBOL,
		"dated": date(2026, 12, 3),
	}
	return DocumentLayout(**{**values, **changes})


def written(report=None, **layout_changes) -> bytes:
	buffer = io.BytesIO()
	write_docx(report or build(), buffer, layout=layout(**layout_changes))
	return buffer.getvalue()


def part(content: bytes, name: str):
	with zipfile.ZipFile(io.BytesIO(content)) as package:
		return etree.fromstring(package.read(name))


def part_names(content: bytes) -> list[str]:
	with zipfile.ZipFile(io.BytesIO(content)) as package:
		return package.namelist()


def read(content: bytes):
	return docx.Document(io.BytesIO(content))


# Compiled, as python-docx's elements take no namespaces in their own xpath().
TEXTS = etree.XPath(".//w:t/text()", namespaces=NS)
INSTRUCTIONS = etree.XPath(".//w:instrText/text()", namespaces=NS)


def text_of(element) -> str:
	return "".join(TEXTS(element))


def instructions(element) -> list[str]:
	return [text.strip() for text in INSTRUCTIONS(element)]


def title_page(content: bytes) -> list:
	"""The paragraphs before the Contents heading."""
	paragraphs = read(content).paragraphs
	end = next(index for index, paragraph in enumerate(paragraphs) if paragraph.style.name == "TOC Heading")
	return paragraphs[:end]


def numbered(content: bytes) -> list:
	return [
		paragraph
		for paragraph in read(content).paragraphs
		if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
	]


def test_the_page_is_a4_with_margins_of_2_5_cm_and_letter_when_asked():
	a4 = read(written()).sections[0]
	assert (a4.page_width, a4.page_height) == (Twips(11906), Twips(16838))
	assert abs(a4.page_width - Cm(21.0)) < Cm(0.01) and abs(a4.page_height - Cm(29.7)) < Cm(0.01)
	for margin in (a4.top_margin, a4.bottom_margin, a4.left_margin, a4.right_margin):
		assert abs(margin - Cm(2.5)) < Cm(0.01)
	assert a4.different_first_page_header_footer
	size = a4._sectPr.find(f"{W}pgSz")
	assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")

	letter = read(written(page_size="Letter")).sections[0]
	assert (letter.page_width, letter.page_height) == (Twips(12240), Twips(15840))


def test_the_annex_is_on_landscape_pages_under_the_same_header_and_footer():
	document = read(written())
	body, annex = document.sections
	assert annex.orientation == WD_ORIENT.LANDSCAPE
	assert (annex.page_width, annex.page_height) == (Twips(16838), Twips(11906))
	assert annex.header.is_linked_to_previous and annex.footer.is_linked_to_previous
	assert not annex.different_first_page_header_footer
	assert body.orientation == WD_ORIENT.PORTRAIT
	# The annex table spans the landscape page between its margins.
	widths = [int(column.get(f"{W}w")) for column in document.tables[0]._tbl.tblGrid]
	assert len(widths) == len(ANNEX_COLUMNS)
	assert abs(sum(widths) - (16838 - 2 * 1417)) < len(widths)


def test_paragraphs_are_numbered_by_one_decimal_numbering_definition():
	content = written()
	numbering = part(content, "word/numbering.xml")
	document = read(content)
	style = document.styles["Numbered Paragraph"]
	num_id = style.element.pPr.numPr.numId.val
	(num,) = numbering.xpath(f'w:num[@w:numId="{num_id}"]', namespaces=NS)
	assert not num.xpath("w:lvlOverride", namespaces=NS), "numbering restarts nowhere"
	abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
	(level,) = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl', namespaces=NS)
	assert level.find(f"{W}numFmt").get(f"{W}val") == "decimal"
	assert level.find(f"{W}lvlText").get(f"{W}val") == "%1."
	assert level.find(f"{W}start").get(f"{W}val") == "1"
	indent = level.find(f"{W}pPr/{W}ind")
	assert indent.get(f"{W}hanging") == indent.get(f"{W}left") == "567"
	assert level.find(f"{W}pPr/{W}tabs/{W}tab").get(f"{W}pos") == "567"

	paragraphs = numbered(content)
	report = build()
	assert len(paragraphs) == len(report.numbered_paragraphs()) == 14
	for paragraph, expected in zip(paragraphs, report.numbered_paragraphs(), strict=True):
		assert paragraph.style.name == "Numbered Paragraph"
		assert paragraph._p.pPr.numPr.numId.val == num_id
		assert paragraph._p.pPr.numPr.ilvl.val == 0
		assert paragraph.text == expected.text
		assert not paragraph.text.startswith(f"{expected.number}.")
	# Nothing else is numbered, and no paragraph types its number any more.
	assert all(not paragraph.text.startswith("1.\t") for paragraph in document.paragraphs)


def test_the_header_holds_the_title_symbol_and_draft_mark_and_the_footer_page_x_of_y():
	section = read(written()).sections[0]
	header = section.header._element
	assert TITLE in text_of(header) and SYMBOL in text_of(header) and DRAFT in text_of(header)
	footer = section.footer._element
	assert instructions(footer) == ["PAGE", "NUMPAGES"]
	assert text_of(footer) == "Page 1 of 1"
	assert etree.XPath("w:p/w:pPr/w:jc/@w:val", namespaces=NS)(footer) == ["center"]
	# The title page has neither.
	assert text_of(section.first_page_header._element) == ""
	assert not instructions(section.first_page_footer._element)

	header = read(written(symbol="", draft=False)).sections[0].header._element
	assert text_of(header) == TITLE


def test_the_contents_are_a_toc_field_updated_on_opening_and_listing_the_headings():
	content = written()
	body = part(content, "word/document.xml")
	(toc,) = [text for text in instructions(body) if text.startswith("TOC")]
	assert toc == 'TOC \\o "1-2" \\h \\z \\u'
	assert body.xpath('.//w:fldChar[@w:fldCharType="begin"][@w:dirty="true"]', namespaces=NS)
	settings = part(content, "word/settings.xml")
	assert settings.xpath("w:updateFields/@w:val", namespaces=NS) == ["true"]

	document = read(content)
	headings = [paragraph for paragraph in document.paragraphs if paragraph.style.name == "TOC Heading"]
	assert [paragraph.text for paragraph in headings] == ["Contents"]
	assert headings[0].paragraph_format.page_break_before
	entries = [
		(paragraph.style.name, text_of(paragraph._p))
		for paragraph in document.paragraphs
		if paragraph.style.name.startswith("toc ")
	]
	report = build()
	assert entries == [
		*((f"toc {section.level}", section.heading) for section in report.iter_sections()),
		("toc 1", ANNEX_HEADING),
	]
	# Each entry links to its heading's bookmark and asks for its page.
	anchors = body.xpath(".//w:hyperlink/@w:anchor", namespaces=NS)
	bookmarks = body.xpath(".//w:bookmarkStart/@w:name", namespaces=NS)
	assert anchors == bookmarks and len(anchors) == len(entries)
	assert [text for text in instructions(body) if text.startswith("PAGEREF")] == [
		f"PAGEREF {bookmark} \\h" for bookmark in bookmarks
	]
	# The body starts on the page after the contents.
	first_heading = next(
		paragraph for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"
	)
	assert first_heading.paragraph_format.page_break_before


def test_the_title_page_shows_state_mechanism_title_symbol_date_and_the_draft_mark():
	page = title_page(written())
	texts = [paragraph.text for paragraph in page]
	for expected in ("Paraguay", MECHANISM, TITLE, SYMBOL, "3 December 2026", DRAFT):
		assert expected in texts
	assert [paragraph.style.name for paragraph in page if paragraph.text == TITLE] == ["Title"]
	(mark,) = [paragraph.runs[0] for paragraph in page if paragraph.text == DRAFT]
	assert mark.bold and mark.font.all_caps and str(mark.font.color.rgb) == "C00000"

	final = written(draft=False)
	assert DRAFT not in [paragraph.text for paragraph in title_page(final)]
	assert DRAFT not in text_of(read(final).sections[0].header._element)


def test_the_title_page_date_defaults_to_the_stamp_and_the_symbol_may_be_unknown():
	buffer = io.BytesIO()
	write_docx(build(), buffer, generated_on=date(2025, 3, 1), layout=DocumentLayout(state="Paraguay"))
	texts = [paragraph.text for paragraph in title_page(buffer.getvalue())]
	assert "1 March 2025" in texts and "Paraguay" in texts
	assert SYMBOL not in texts


def test_every_fixed_word_goes_through_translate():
	asked = []

	def translate(text):
		asked.append(text)
		return f"«{text}»"

	report = build()
	content = written(report, translate=translate)
	document = read(content)
	statuses = {row.status for row in report.annex}
	assert set(asked) == {
		*FIXED_WORDS,
		ANNEX_HEADING,
		*(column.header for column in ANNEX_COLUMNS),
		*statuses,
	}

	assert "«Draft»" in [paragraph.text for paragraph in title_page(content)]
	assert [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "TOC Heading"] == [
		"«Contents»"
	]
	section = document.sections[0]
	assert "«Draft»" in text_of(section.header._element)
	assert text_of(section.footer._element) == "«Page 1 of 1»"
	assert [cell.text for cell in document.tables[0].rows[0].cells] == [
		f"«{column.header}»" for column in ANNEX_COLUMNS
	]
	status_column = [column.key for column in ANNEX_COLUMNS].index("status")
	assert [row.cells[status_column].text for row in document.tables[0].rows[1:]] == [
		f"«{row.status}»" for row in report.annex
	]
	assert f"«{ANNEX_HEADING}»" in [
		paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"
	]


def test_a_translation_may_put_the_page_fields_in_another_order():
	translations = {PAGE_X_OF_Y: "{1} pages, page {0}"}
	content = written(translate=lambda text: translations.get(text, text))
	footer = read(content).sections[0].footer._element
	assert instructions(footer) == ["NUMPAGES", "PAGE"]
	assert text_of(footer) == "1 pages, page 1"


def test_arabic_is_laid_out_right_to_left_in_arabic():
	content = written(language="ar", translate=lambda text: ARABIC.get(text, text))
	document = read(content)
	for section in document.sections:
		assert section._sectPr.find(f"{W}bidi") is not None
	assert document.styles["Normal"].element.pPr.find(f"{W}bidi") is not None
	assert document.styles["Numbered Paragraph"].element.pPr.find(f"{W}bidi") is not None
	for table in document.tables:
		assert table._tbl.tblPr.find(f"{W}bidiVisual") is not None
	styles = part(content, "word/styles.xml")
	(defaults,) = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr", namespaces=NS)
	language = defaults.find(f"{W}lang")
	assert (language.get(f"{W}val"), language.get(f"{W}bidi")) == ("ar-SA", "ar-SA")
	assert defaults.find(f"{W}rtl") is not None
	assert "مسودة" in [paragraph.text for paragraph in title_page(content)]
	assert "3 كانون الأول/ديسمبر 2026" in [paragraph.text for paragraph in title_page(content)]
	assert text_of(document.sections[0].footer._element) == "الصفحة 1 من 1"
	# The text itself is unchanged.
	assert [paragraph.text for paragraph in numbered(content)] == [
		paragraph.text for paragraph in build().numbered_paragraphs()
	]


@pytest.mark.parametrize(("language", "tag"), [("en", "en-GB"), ("fr", "fr-FR"), ("es", "es-ES")])
def test_left_to_right_languages_set_the_document_language_only(language, tag):
	content = written(language=language)
	document = read(content)
	styles = part(content, "word/styles.xml")
	assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val", namespaces=NS) == [tag]
	assert not styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rtl", namespaces=NS)
	assert not styles.xpath(".//w:bidi", namespaces=NS)
	assert all(section._sectPr.find(f"{W}bidi") is None for section in document.sections)
	assert document.tables[0]._tbl.tblPr.find(f"{W}bidiVisual") is None
	assert document.core_properties.language == tag


def test_citations_are_footnotes():
	content = written()
	assert "word/footnotes.xml" in part_names(content)
	types = part(content, "[Content_Types].xml")
	assert types.xpath(
		'//*[@PartName="/word/footnotes.xml"]/@ContentType',
	) == ["application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"]
	relationships = part(content, "word/_rels/document.xml.rels")
	assert [rel.get("Target") for rel in relationships if rel.get("Type").endswith("/footnotes")] == [
		"footnotes.xml"
	]
	footnotes = part(content, "word/footnotes.xml")
	notes = footnotes.findall(f"{W}footnote")
	assert [(note.get(f"{W}type"), note.get(f"{W}id")) for note in notes[:2]] == [
		("separator", "-1"),
		("continuationSeparator", "0"),
	]
	texts = {note.get(f"{W}id"): text_of(note).strip() for note in notes[2:]}
	for note in notes[2:]:
		assert note.xpath("w:p/w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
		assert note.xpath(".//w:footnoteRef", namespaces=NS)

	body = part(content, "word/document.xml")
	marks = body.xpath(".//w:footnoteReference", namespaces=NS)
	assert [mark.get(f"{W}id") for mark in marks] == [str(number) for number in range(1, len(texts) + 1)]
	for mark in marks:
		assert mark.getparent().xpath("w:rPr/w:rStyle/@w:val", namespaces=NS) == ["FootnoteReference"]
	cited = [
		paragraph.reference.strip("()") for paragraph in build().numbered_paragraphs() if paragraph.reference
	]
	assert [texts[mark.get(f"{W}id")] for mark in marks] == cited
	assert "A/HRC/48/9, para. 118.5 — UPR-3-118.5" in cited
	# The citation is no longer in the text.
	assert all("(A/HRC/48/9" not in paragraph.text for paragraph in read(content).paragraphs)
	settings = part(content, "word/settings.xml")
	assert settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["-1", "0"]
	styles = read(content).styles
	assert styles["footnote reference"].element.rPr.vertAlign.val == "superscript"


def test_settings_and_section_children_keep_the_order_word_requires():
	content = written(language="ar")
	settings = [etree.QName(child).localname for child in part(content, "word/settings.xml")]
	assert settings.index("updateFields") < settings.index("footnotePr") < settings.index("compat")
	first = [etree.QName(child).localname for child in read(content).sections[0]._sectPr]
	assert first.index("pgMar") < first.index("titlePg") < first.index("bidi") < first.index("docGrid")


def test_the_same_report_and_layout_give_the_same_bytes():
	arabic = {"language": "ar", "translate": lambda text: ARABIC.get(text, text)}
	assert written() == written()
	assert written(**arabic) == written(**arabic)
	assert written() != written(page_size="Letter")


def test_core_properties_name_the_author_and_title_and_not_python_docx():
	content = written(author="Ministerio de Relaciones Exteriores")
	properties = read(content).core_properties
	assert properties.author == properties.last_modified_by == "Ministerio de Relaciones Exteriores"
	assert properties.title == TITLE
	with zipfile.ZipFile(io.BytesIO(content)) as package:
		assert b"python-docx" not in package.read("docProps/core.xml")
	assert read(written()).core_properties.author == "NMIRF"


def test_characters_word_cannot_hold_are_dropped_from_the_layout_texts():
	content = written(state="Para\x01guay", mechanism="CEDAW\x0c", author="NMIRF\x00")
	assert "Paraguay" in [paragraph.text for paragraph in title_page(content)]
	assert read(content).core_properties.author == "NMIRF"


def test_unknown_page_sizes_and_languages_are_refused():
	with pytest.raises(ValueError, match="page size"):
		DocumentLayout(page_size="A5")
	with pytest.raises(ValueError, match="language"):
		DocumentLayout(language="de")


def test_dates_are_written_as_each_language_writes_them():
	day = date(2026, 12, 3)
	assert format_date(day, "en") == "3 December 2026"
	assert format_date(day, "fr") == "3 décembre 2026"
	assert format_date(date(2026, 6, 1), "fr") == "1er juin 2026"
	assert format_date(day, "es") == "3 de diciembre de 2026"
	assert format_date(day, "ar") == "3 كانون الأول/ديسمبر 2026"
