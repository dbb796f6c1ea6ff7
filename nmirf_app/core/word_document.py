"""Word documents a ministry can circulate, built with python-docx and a little WordprocessingML.

`WordDocument` lays out what a State report draft needs: an A4 (or US Letter) page with 2.5 cm
margins, a title page without header, a table of contents (a TOC field Word rebuilds, page numbers
and all, when the document is opened), a header with the title (and the UN symbol) and a "Page X of Y" footer from
page 2, Word's built-in styles (Title, Heading 1/2, TOC Heading, Normal), paragraphs numbered by a
real numbering definition (style "Numbered Paragraph": Word renumbers them when someone inserts or
deletes one), citations as footnotes, tables with a header row repeated on every page, the
document language, and right-to-left layout for Arabic.

Every fixed word the layer writes ("Draft", "Contents", "Page {0} of {1}") goes through
`DocumentLayout.translate`; texts given by the caller are written as they are.

The same content gives the same bytes: the package's dates come from `stamp`, nothing from the
clock.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor, Twips
from docx.text.run import Run

from nmirf_app.core.translation import N_, RIGHT_TO_LEFT, Translate, untranslated

A4 = "A4"
LETTER = "Letter"
# Word's own page sizes, in twentieths of a point: A4 21.0 by 29.7 cm, Letter 8.5 by 11 in.
PAGE_SIZES = {A4: (Twips(11906), Twips(16838)), LETTER: (Twips(12240), Twips(15840))}
MARGIN = Twips(1417)  # 2.5 cm
HEADER_DISTANCE = Twips(709)  # 1.25 cm
NUMBER_INDENT = Twips(567)  # 1 cm: the number hangs in it, the text starts after a tab

LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA"}

# The fixed words the layer writes, for the translation files of whoever passes `translate`.
DRAFT = N_("Draft")
CONTENTS = N_("Contents")
PAGE_X_OF_Y = N_("Page {0} of {1}")  # {0}: this page, {1}: the number of pages
FIXED_WORDS = (DRAFT, CONTENTS, PAGE_X_OF_Y)

NUMBERED_PARAGRAPH = "Numbered Paragraph"
TOC_DEPTH = 2  # the contents list headings of levels 1 and 2
HEADER_TEXT = Pt(9)
TABLE_TEXT = Pt(9)
DRAFT_COLOUR = RGBColor(0xC0, 0x00, 0x00)
HEADER_ROW_SHADING = "D9D9D9"

# Month names as UN documents write dates in each language ("3 December 2026", "1er décembre 2026",
# "3 de diciembre de 2026", "3 كانون الأول/ديسمبر 2026").
MONTHS = {
	"en": (
		"January",
		"February",
		"March",
		"April",
		"May",
		"June",
		"July",
		"August",
		"September",
		"October",
		"November",
		"December",
	),
	"fr": (
		"janvier",
		"février",
		"mars",
		"avril",
		"mai",
		"juin",
		"juillet",
		"août",
		"septembre",
		"octobre",
		"novembre",
		"décembre",
	),
	"es": (
		"enero",
		"febrero",
		"marzo",
		"abril",
		"mayo",
		"junio",
		"julio",
		"agosto",
		"septiembre",
		"octubre",
		"noviembre",
		"diciembre",
	),
	"ar": (
		"كانون الثاني/يناير",
		"شباط/فبراير",
		"آذار/مارس",
		"نيسان/أبريل",
		"أيار/مايو",
		"حزيران/يونيه",
		"تموز/يوليه",
		"آب/أغسطس",
		"أيلول/سبتمبر",
		"تشرين الأول/أكتوبر",
		"تشرين الثاني/نوفمبر",
		"كانون الأول/ديسمبر",
	),
}

# Characters XML 1.0 cannot hold (python-docx refuses them); tab, line feed and carriage return stay.
_NOT_XML_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLACEHOLDER = re.compile(r"(\{[01]\})")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Children that must follow the element inserted, in the order WordprocessingML's schema sets:
# Word refuses a document whose elements are out of order.
_AFTER_BIDI_IN_PPR = (
	"w:adjustRightInd",
	"w:snapToGrid",
	"w:spacing",
	"w:ind",
	"w:contextualSpacing",
	"w:mirrorIndents",
	"w:suppressOverlap",
	"w:jc",
	"w:textDirection",
	"w:textAlignment",
	"w:textboxTightWrap",
	"w:outlineLvl",
	"w:divId",
	"w:cnfStyle",
	"w:rPr",
	"w:sectPr",
	"w:pPrChange",
)
_AFTER_SZCS_IN_RPR = (
	"w:highlight",
	"w:u",
	"w:effect",
	"w:bdr",
	"w:shd",
	"w:fitText",
	"w:vertAlign",
	"w:rtl",
	"w:cs",
	"w:em",
	"w:lang",
	"w:eastAsianLayout",
	"w:specVanish",
	"w:oMath",
)
_AFTER_BIDI_IN_SECTPR = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_BIDIVISUAL_IN_TBLPR = (
	"w:tblStyleRowBandSize",
	"w:tblStyleColBandSize",
	"w:tblW",
	"w:jc",
	"w:tblCellSpacing",
	"w:tblInd",
	"w:tblBorders",
	"w:shd",
	"w:tblLayout",
	"w:tblCellMar",
	"w:tblLook",
	"w:tblCaption",
	"w:tblDescription",
	"w:tblPrChange",
)
_AFTER_SHD_IN_TCPR = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_FOOTNOTEPR_IN_SETTINGS = (
	"w:endnotePr",
	"w:compat",
	"w:docVars",
	"w:rsids",
	"m:mathPr",
	"w:attachedSchema",
	"w:themeFontLang",
	"w:clrSchemeMapping",
	"w:doNotIncludeSubdocsInStats",
	"w:doNotAutoCompressPictures",
	"w:forceUpgrade",
	"w:captions",
	"w:readModeInkLockDown",
	"w:smartTagType",
	"sl:schemaLibrary",
	"w:shapeDefaults",
	"w:doNotEmbedSmartTags",
	"w:decimalSymbol",
	"w:listSeparator",
)
_AFTER_UPDATEFIELDS_IN_SETTINGS = ("w:hdrShapeDefaults", "w:footnotePr", *_AFTER_FOOTNOTEPR_IN_SETTINGS)

# Styles python-docx's template lacks, as Word defines them (names are Word's internal ones).
_EXTRA_STYLES = (
	'<w:style {ns} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
	'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
	'<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>'
	'<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
	'<w:style {ns} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
	'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
	'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
	'<w:style {ns} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>'
	'<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
	'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs><w:spacing w:after="100"/>'
	"</w:pPr></w:style>",
	'<w:style {ns} w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/>'
	'<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
	'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs><w:spacing w:after="100"/>'
	'<w:ind w:left="220"/></w:pPr></w:style>',
)


@dataclass(frozen=True)
class DocumentLayout:
	"""How a document is laid out, and about what; the defaults give an English A4 draft."""

	page_size: str = A4  # "A4" or "Letter"
	language: str = "en"  # "en", "fr", "es" or "ar" (right to left)
	state: str = ""  # "Paraguay"
	mechanism: str = ""  # "Committee on the Elimination of Discrimination against Women"
	symbol: str = ""  # the report's UN symbol when known: "CEDAW/C/PRY/9"
	dated: date | None = None  # the date on the title page; None: the document's stamp
	draft: bool = True  # a "Draft" mark on the title page and in the header
	author: str = "NMIRF"
	translate: Translate = untranslated  # every fixed word the layer writes goes through it

	def __post_init__(self):
		if self.page_size not in PAGE_SIZES:
			raise ValueError(f"The page size is {' or '.join(PAGE_SIZES)}, not {self.page_size!r}")
		if self.language not in LANGUAGE_TAGS:
			raise ValueError(f"The language is one of {', '.join(LANGUAGE_TAGS)}, not {self.language!r}")

	@property
	def right_to_left(self) -> bool:
		return self.language in RIGHT_TO_LEFT


def format_date(day: date, language: str) -> str:
	"""`3 December 2026`, `1er décembre 2026`, `3 de diciembre de 2026`, `3 كانون الأول/ديسمبر 2026`."""
	month = MONTHS[language][day.month - 1]
	if language == "es":
		return f"{day.day} de {month} de {day.year}"
	number = "1er" if language == "fr" and day.day == 1 else str(day.day)
	return f"{number} {month} {day.year}"


def footnote_citation(reference: str) -> str:
	"""A citation as a footnote says it: `(A/HRC/48/9, para. 118.5)` without its brackets."""
	text = reference.strip()
	if text.startswith("(") and text.endswith(")"):
		return text[1:-1].strip()
	return text


class WordDocument:
	"""One document being built: the title page, contents, headings, numbered paragraphs and tables
	go in in reading order, then `to_bytes` gives the .docx."""

	def __init__(self, layout: DocumentLayout, *, title: str, stamp: date):
		self.layout = layout
		self.title = clean_text(title)
		self.stamp = stamp
		self._translate = layout.translate
		self.document = Document()
		self._footnotes = None
		self._footnote_count = 0
		self._contents = None  # the paragraph the contents go before, until `to_bytes` writes them
		self._listed_headings: list[tuple[int, str, str]] = []  # level, text, bookmark
		self._new_page_next = False
		self._set_properties()
		self._set_styles()
		self._numbering_id = self._add_paragraph_numbering()
		self._set_section()
		self._set_header_and_footer()
		self._set_settings()

	# -- content, in reading order

	def add_title_page(self) -> None:
		"""Symbol, date, the Draft mark when a draft, mechanism, title and State; then a new page."""
		layout = self.layout
		if layout.symbol.strip():
			symbol = self._paragraph(alignment=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
			self._run(symbol, layout.symbol.strip(), bold=True, size=Pt(12))
		dated = self._paragraph(alignment=WD_ALIGN_PARAGRAPH.RIGHT, space_after=Pt(48))
		self._run(dated, format_date(layout.dated or self.stamp, layout.language))
		if layout.draft:
			mark = self._paragraph(alignment=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(36))
			self._run(mark, self._translate(DRAFT), bold=True, caps=True, size=Pt(28), colour=DRAFT_COLOUR)
		if layout.mechanism.strip():
			mechanism = self._paragraph(alignment=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(24))
			self._run(mechanism, layout.mechanism.strip(), bold=True, size=Pt(14))
		title = self._paragraph(style="Title", alignment=WD_ALIGN_PARAGRAPH.CENTER)
		self._run(title, self.title)
		if layout.state.strip():
			state = self._paragraph(style="Subtitle", alignment=WD_ALIGN_PARAGRAPH.CENTER)
			self._run(state, layout.state.strip())
		self._new_page_next = True

	def add_contents(self) -> None:
		"""The "Contents" heading and a table of contents (a TOC field) on a page of their own, listing
		the level 1 and 2 headings added after it.

		The field's result is written out, each heading linked to its bookmark with a PAGEREF field
		for its page, as Word writes it: the contents read even where fields are not updated. The field
		is marked dirty and settings.xml asks for fields to be updated, so Word rebuilds it, page
		numbers and all, when the document is opened (after asking). LibreOffice (7.4) shows the
		written entries without page numbers until its index is updated (Tools > Update).
		"""
		heading = self._paragraph(style="TOC Heading")
		self._run(heading, self._translate(CONTENTS))
		self._contents = self.document.add_paragraph()
		self._new_page_next = True

	def add_heading(self, text: str, level: int, *, new_page: bool = False) -> None:
		"""A Heading 1, 2 … paragraph; `new_page` starts it on a new page."""
		heading = self._paragraph(style=f"Heading {level}", new_page=new_page)
		run = self._run(heading, clean_text(text))
		if self._contents is not None and level <= TOC_DEPTH:
			number = len(self._listed_headings) + 1
			bookmark = f"_Toc{number:08d}"
			start = OxmlElement("w:bookmarkStart")
			start.set(qn("w:id"), str(number))
			start.set(qn("w:name"), bookmark)
			end = OxmlElement("w:bookmarkEnd")
			end.set(qn("w:id"), str(number))
			run._r.addprevious(start)
			run._r.addnext(end)
			self._listed_headings.append((level, clean_text(text), bookmark))

	def add_numbered_paragraph(self, text: str, *, footnote: str | None = None) -> None:
		"""A paragraph numbered by the document's one numbering sequence, with an optional footnote
		whose reference mark closes it."""
		paragraph = self._paragraph(style=NUMBERED_PARAGRAPH)
		number = paragraph._p.get_or_add_pPr().get_or_add_numPr()
		number.get_or_add_ilvl().val = 0
		number.get_or_add_numId().val = self._numbering_id
		self._run(paragraph, clean_text(text))
		if footnote:
			self._add_footnote(paragraph, clean_text(footnote))

	def start_landscape_section(self) -> None:
		"""What follows goes on landscape pages (wide tables), with the same header and footer."""
		body = self.document.element.body
		last = body.get_or_add_sectPr().getprevious()
		placeholder = self._contents._p if self._contents is not None else None
		if last is None or last.tag != qn("w:p") or last is placeholder:
			last = self.document.add_paragraph()._p
		last.set_sectPr(body.sectPr.clone())
		ending = body.sectPr
		for reference in ending.xpath("w:headerReference|w:footerReference|w:titlePg"):
			ending.remove(reference)  # linked to the section before; no title page
		section = self.document.sections[-1]
		width, height = PAGE_SIZES[self.layout.page_size]
		section.orientation = WD_ORIENT.LANDSCAPE
		section.page_width, section.page_height = height, width
		self._new_page_next = False

	def add_table(
		self, headers: Sequence[str], rows: Iterable[Sequence[str]], *, widths: Sequence[float] = ()
	) -> None:
		"""A grid table whose header row repeats on every page; `widths` are relative column widths
		spread over the width between the margins."""
		table = self.document.add_table(rows=1, cols=len(headers))
		table.style = "Table Grid"
		if self.layout.right_to_left:
			_insert_child(table._tbl.tblPr, "w:bidiVisual", _AFTER_BIDIVISUAL_IN_TBLPR)
		header = table.rows[0]
		repeat = OxmlElement("w:tblHeader")
		repeat.set(qn("w:val"), "true")
		header._tr.get_or_add_trPr().append(repeat)
		for cell, text in zip(header.cells, headers, strict=True):
			self._run(cell.paragraphs[0], clean_text(text), bold=True, size=TABLE_TEXT)
			shading = OxmlElement("w:shd")
			shading.set(qn("w:val"), "clear")
			shading.set(qn("w:color"), "auto")
			shading.set(qn("w:fill"), HEADER_ROW_SHADING)
			_insert_child(cell._tc.get_or_add_tcPr(), shading, _AFTER_SHD_IN_TCPR)
		for values in rows:
			for cell, text in zip(table.add_row().cells, values, strict=True):
				self._run(cell.paragraphs[0], clean_text(text or ""), size=TABLE_TEXT)
		if widths:
			self._set_column_widths(table, widths)

	def to_bytes(self) -> bytes:
		self._write_contents()
		buffer = io.BytesIO()
		self.document.save(buffer)
		return with_fixed_timestamps(buffer.getvalue(), self.stamp)

	# -- building blocks

	def _paragraph(self, *, style=None, alignment=None, space_after=None, new_page=False):
		paragraph = self.document.add_paragraph(style=style)
		if alignment is not None:
			# In a right-to-left paragraph Word and LibreOffice read "left" and "right" as start and end.
			paragraph.alignment = alignment
		if space_after is not None:
			paragraph.paragraph_format.space_after = space_after
		if new_page or self._new_page_next:
			paragraph.paragraph_format.page_break_before = True
			self._new_page_next = False
		return paragraph

	def _run(self, paragraph, text: str, **formatting):
		run = paragraph.add_run(clean_text(text))
		format_run(run, **formatting)
		return run

	def _write_contents(self) -> None:
		"""The TOC field, its result one paragraph per heading, in place of the contents' placeholder."""
		placeholder, self._contents = self._contents, None
		if placeholder is None:
			return
		entries = []
		for level, text, bookmark in self._listed_headings:
			entry = placeholder.insert_paragraph_before(style=f"toc {level}")
			link = OxmlElement("w:hyperlink")
			link.set(qn("w:anchor"), bookmark)
			link.set(qn("w:history"), "1")
			entry._p.append(link)
			link.append(_run_element(text))
			link.append(_run_element(tab=True))
			_append_field(link, f"PAGEREF {bookmark} \\h", "")
			entries.append(entry)
		if not entries:
			entries = [placeholder]
		else:
			placeholder._p.getparent().remove(placeholder._p)
		first, last = entries[0]._p, entries[-1]._p
		begin = _field_runs(f'TOC \\o "1-{TOC_DEPTH}" \\h \\z \\u', dirty=True)[:3]
		for index, run in enumerate(begin):
			first.insert(1 + index if first.pPr is not None else index, run)
		last.append(_field_char("end"))

	def _add_footnote(self, paragraph, text: str) -> None:
		footnotes = self._footnotes_element()
		self._footnote_count += 1
		footnote_id = self._footnote_count
		reference = paragraph.add_run()
		reference.style = self.document.styles["footnote reference"]
		mark = OxmlElement("w:footnoteReference")
		mark.set(qn("w:id"), str(footnote_id))
		reference._r.append(mark)
		footnote = parse_xml(
			f'<w:footnote {nsdecls("w")} w:id="{footnote_id}"><w:p>'
			'<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
			'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
			"</w:p></w:footnote>"
		)
		footnote[0].append(_run_element(f" {text}"))
		footnotes.append(footnote)

	def _footnotes_element(self):
		"""The footnotes part, made on the first footnote with the separators Word expects."""
		if self._footnotes is None:
			separators = "".join(
				f'<w:footnote w:type="{kind}" w:id="{number}"><w:p>'
				'<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
				f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
				for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
			)
			element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{separators}</w:footnotes>")
			document_part = self.document.part
			part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, document_part.package)
			document_part.relate_to(part, RT.FOOTNOTES)
			properties = parse_xml(
				f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
			)
			_insert_child(self.document.settings.element, properties, _AFTER_FOOTNOTEPR_IN_SETTINGS)
			self._footnotes = element
		return self._footnotes

	def _set_column_widths(self, table, widths: Sequence[float]) -> None:
		section = self.document.sections[-1]
		usable = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
		total = sum(widths)
		columns = [Twips(int(usable * share / total)) for share in widths]
		table.autofit = False
		for column, column_width in zip(table.columns, columns, strict=True):
			column.width = column_width
		for row in table.rows:
			for cell, column_width in zip(row.cells, columns, strict=True):
				cell.width = column_width

	# -- the document's set-up

	def _set_properties(self) -> None:
		set_fixed_properties(
			self.document.core_properties,
			title=self.title,
			author=clean_text(self.layout.author),
			stamp=self.stamp,
			language=LANGUAGE_TAGS[self.layout.language],
		)

	def _set_styles(self) -> None:
		styles = self.document.styles
		width, _height = PAGE_SIZES[self.layout.page_size]
		contents_tab = width.twips - 2 * MARGIN.twips
		for definition in _EXTRA_STYLES:
			styles.element.append(parse_xml(definition.format(ns=nsdecls("w"), tab=contents_tab)))
		defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
		language = defaults.find(qn("w:lang"))
		if language is None:
			language = OxmlElement("w:lang")
			defaults.append(language)
		tag = LANGUAGE_TAGS[self.layout.language]
		language.set(qn("w:val"), tag)
		if self.layout.right_to_left:
			language.set(qn("w:bidi"), tag)
			defaults.get_or_add_rtl()
			normal = styles["Normal"].element.get_or_add_pPr()
			_insert_child(normal, "w:bidi", _AFTER_BIDI_IN_PPR)

		numbered = styles.add_style(NUMBERED_PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH)
		numbered.base_style = styles["Normal"]
		numbered.quick_style = True
		numbered_format = numbered.paragraph_format
		numbered_format.space_after = Pt(6)
		numbered_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
		if self.layout.right_to_left:
			_insert_child(numbered.element.get_or_add_pPr(), "w:bidi", _AFTER_BIDI_IN_PPR)

	def _add_paragraph_numbering(self) -> int:
		"""A numbering definition "1.", "2.", … hanging in a 1 cm indent, and the num paragraphs of
		style "Numbered Paragraph" use; one sequence, restarted nowhere."""
		numbering = self.document.part.numbering_part.element
		used = [int(value) for value in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
		abstract_id = max(used, default=-1) + 1
		indent = NUMBER_INDENT.twips
		abstract = parse_xml(
			f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
			'<w:nsid w:val="4E4D5246"/><w:multiLevelType w:val="singleLevel"/>'
			f'<w:name w:val="{NUMBERED_PARAGRAPH}"/>'
			'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
			'<w:pStyle w:val="NumberedParagraph"/><w:suff w:val="tab"/><w:lvlText w:val="%1."/>'
			f'<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent}"/></w:tabs>'
			f'<w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl></w:abstractNum>'
		)
		_insert_child(numbering, abstract, ("w:num", "w:numIdMacAtCleanup"))
		num_id = numbering.add_num(abstract_id).numId
		style = self.document.styles[NUMBERED_PARAGRAPH].element.get_or_add_pPr()
		style.get_or_add_numPr().get_or_add_numId().val = num_id
		return num_id

	def _set_section(self) -> None:
		section = self.document.sections[0]
		section.page_width, section.page_height = PAGE_SIZES[self.layout.page_size]
		section.top_margin = section.bottom_margin = MARGIN
		section.left_margin = section.right_margin = MARGIN
		section.header_distance = section.footer_distance = HEADER_DISTANCE
		section.different_first_page_header_footer = True
		if self.layout.right_to_left:
			_insert_child(section._sectPr, "w:bidi", _AFTER_BIDI_IN_SECTPR)

	def _set_header_and_footer(self) -> None:
		section = self.document.sections[0]
		# The title page has a header and a footer of its own, empty.
		section.first_page_header.is_linked_to_previous = False
		section.first_page_footer.is_linked_to_previous = False

		header = section.header.paragraphs[0]
		header.alignment = WD_ALIGN_PARAGRAPH.CENTER
		if self.layout.draft:
			self._run(header, self._translate(DRAFT), bold=True, colour=DRAFT_COLOUR, size=HEADER_TEXT)
			self._run(header, " · ", size=HEADER_TEXT)
		self._run(header, self.title, size=HEADER_TEXT)
		if self.layout.symbol.strip():
			self._run(header, " · ", size=HEADER_TEXT)
			self._run(header, clean_text(self.layout.symbol.strip()), size=HEADER_TEXT)

		footer = section.footer.paragraphs[0]
		footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
		fields = {"{0}": "PAGE", "{1}": "NUMPAGES"}
		for piece in _PLACEHOLDER.split(self._translate(PAGE_X_OF_Y)):
			if piece in fields:
				_append_field(footer._p, fields[piece], "1", size=HEADER_TEXT)
			elif piece:
				self._run(footer, clean_text(piece), size=HEADER_TEXT)

	def _set_settings(self) -> None:
		"""Fields (the contents, page numbers) are updated when the document is opened."""
		update = OxmlElement("w:updateFields")
		update.set(qn("w:val"), "true")
		_insert_child(self.document.settings.element, update, _AFTER_UPDATEFIELDS_IN_SETTINGS)


def format_run(run, *, bold=False, italic=False, caps=False, size=None, colour=None) -> None:
	"""Formatting for Latin and complex scripts alike: Arabic text takes bold, italic and size from
	the complex-script properties (bCs, iCs, szCs)."""
	font = run.font
	if bold:
		font.bold = font.cs_bold = True
	if italic:
		font.italic = font.cs_italic = True
	if caps:
		font.all_caps = True
	if colour is not None:
		font.color.rgb = colour
	if size is not None:
		font.size = size
		complex_size = OxmlElement("w:szCs")
		complex_size.set(qn("w:val"), str(int(size.pt * 2)))
		_insert_child(run._r.get_or_add_rPr(), complex_size, _AFTER_SZCS_IN_RPR)


def clean_text(text: str | None) -> str:
	return _NOT_XML_CHARACTERS.sub("", text or "")


def set_fixed_properties(properties, *, title: str, author: str, stamp: date, language: str = "") -> None:
	"""Core properties that depend on the content only (python-docx's template says "python-docx")."""
	moment = datetime(stamp.year, stamp.month, stamp.day)
	properties.title = title
	properties.author = author
	properties.last_modified_by = author
	properties.comments = ""
	properties.language = language
	properties.created = moment
	properties.modified = moment
	properties.revision = 1


def with_fixed_timestamps(package: bytes, stamp: date) -> bytes:
	"""The .docx zip rewritten with every member dated `stamp`: zip entries otherwise carry the
	time of writing, which alone would make two identical documents differ."""
	date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
	output = io.BytesIO()
	with (
		zipfile.ZipFile(io.BytesIO(package)) as source,
		zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
	):
		for member in source.infolist():
			info = zipfile.ZipInfo(member.filename, date_time=date_time)
			info.compress_type = zipfile.ZIP_DEFLATED
			info.external_attr = member.external_attr
			target.writestr(info, source.read(member.filename))
	return output.getvalue()


def _run_element(text: str = "", *, tab: bool = False, **formatting):
	"""A `w:r` holding `text` (or a tab), formatted as `format_run` does."""
	run = OxmlElement("w:r")
	if tab:
		run.append(OxmlElement("w:tab"))
	elif text:
		element = OxmlElement("w:t")
		element.set(_XML_SPACE, "preserve")
		element.text = text
		run.append(element)
	if formatting:
		format_run(Run(run, None), **formatting)
	return run


def _field_char(kind: str, *, dirty: bool = False, **formatting):
	run = _run_element(**formatting)
	char = OxmlElement("w:fldChar")
	char.set(qn("w:fldCharType"), kind)
	if dirty:
		char.set(qn("w:dirty"), "true")
	run.append(char)
	return run


def _field_runs(instruction: str, result: str = "", *, dirty: bool = False, **formatting) -> list:
	"""The runs of a complex field: begin, instruction, separate, `result` (shown until the field is
	updated), end; each formatted alike, as Word and LibreOffice take a field's look from them."""
	instruction_run = _run_element(**formatting)
	text = OxmlElement("w:instrText")
	text.set(_XML_SPACE, "preserve")
	text.text = f" {instruction} "
	instruction_run.append(text)
	return [
		_field_char("begin", dirty=dirty, **formatting),
		instruction_run,
		_field_char("separate", **formatting),
		*([_run_element(result, **formatting)] if result else []),
		_field_char("end", **formatting),
	]


def _append_field(parent, instruction: str, result: str, **formatting) -> None:
	"""A complex field (PAGE, NUMPAGES, PAGEREF …) at the end of a paragraph or hyperlink element."""
	for run in _field_runs(instruction, result, **formatting):
		parent.append(run)


def _insert_child(parent, child, successors: Sequence[str]):
	"""`child` in `parent` before the first of `successors`. `child` may be a tag ("w:bidi"): then
	a child of that tag already there is kept, and a new empty one added otherwise."""
	if isinstance(child, str):
		existing = parent.find(qn(child))
		if existing is not None:
			return existing
		child = OxmlElement(child)
	return parent.insert_element_before(child, *successors)
