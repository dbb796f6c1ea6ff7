"""Reader of OHCHR's UPR "Thematic list of recommendations" (DOCX).

After each review OHCHR publishes, per State, one Word table of the recommendations grouped by theme.
The page header names the State, cycle and session: `UPR of Paraguay (4th Cycle - 48th Session)
Thematic list of recommendations Page 1 of 2`. Three layouts exist:

- 2nd cycle: `Recommendation | Position | Full list of themes | Assessment/comments on level of
  implementation`; coded themes (`A12 Acceptance of international norms`) then `Affected persons:`.
- 3rd cycle: the same columns; `- label` themes, then `SDGs:` (`- 16 - PEACE, JUSTICE AND STRONG
  INSTITUTIONS`), then `Affected persons:`.
- 4th cycle: `Recommendation and recommending State | Position of the State under review | Human rights
  themes and groups of persons | Relevant SDGs`; `- label` themes then `Groups of Persons:`, and the
  SDG goals in the fourth column.

Full-width rows (`Theme: A12 Acceptance of international norms`) head each group. A recommendation
cell holds the printed line, `115.3 Ratify the Optional Protocol … (Chile, Spain);`, then
`Source of position: A/HRC/52/9/Add.1 - Para. 3`. The assessment column of the older layouts is
for the State to fill; when it is filled it is read too.

Rows come out in the Recommendation's field names, for `recommendation_import` to resolve, plus
`sdg_goals` (goals named without a target), `assessment` (the State's, read by
`assessment_cell.read_assessment_cell`), `theme_codes` and `theme_heading`.
The table is read as a stream of XML rows (lxml, python-docx's own XML library), not through
python-docx's object model, which holds the whole body and rebuilds the cell grid for each row. The
package is checked first, so that a broken or hostile file is refused before any row is handed out.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any
from zipfile import BadZipFile, ZipFile, ZipInfo

from lxml import etree

from nmirf_app.core.countries import country_key
from nmirf_app.core.references import parse_paragraph_number
from nmirf_app.core.spreadsheet import CONTROL_CHARACTERS, ReadCounts, RowIssue, SourceRows, shorten
from nmirf_app.core.uhri_format import count_other_state
from nmirf_app.core.vocabulary import match_key

if TYPE_CHECKING:
	from nmirf_app.core.countries import CountryResolver


class ThematicListFormatError(ValueError):
	"""The file as a whole cannot be read as a UPR thematic list of recommendations."""


# Limits checked in the zip directory before anything is decompressed. A thematic list of 600
# recommendations is under 5 MB of XML; the ratio is the import's workbook rule (core/spreadsheet.py).
MAX_DOCUMENT_XML_BYTES = 64 << 20
MAX_DOCX_PARTS = 10_000
MAX_DOCX_RATIO = 100
_RATIO_CHECKED_FROM = 1 << 20
MAX_HEADER_PART_BYTES = 1 << 20
# What one cell of the themes, SDG or assessment column may hold: what an Excel cell holds, as for the
# recommendation text (recommendation_import); a real themes cell is a few hundred characters.
MAX_CELL_CHARACTERS = 32_767
# The header row is the first row of the table; a copy may put a title row or two above it.
_MAX_ROWS_BEFORE_COLUMN_HEADERS = 5

# ECMA-376 Part 2 (Open Packaging Conventions) forbids DTDs in a package's XML parts; a DTD is what
# entity-expansion ("billion laughs") and external-entity attacks need.
_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_SAVE_AS_DOCX = "Open it in Word and save it as 'Word Document (*.docx)', then import it again."

# Transitional OOXML (what Word writes) and ISO 29500 Strict.
_WORD_NAMESPACES = (
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_RELATIONSHIPS_NAMESPACES = (
	"http://schemas.openxmlformats.org/package/2006/relationships",
	"http://purl.oclc.org/ooxml/package/relationships",
)
# Subtrees whose text is not the cell's text: properties (tab stops are `w:tab` too), tracked
# deletions and moves away.
_SKIPPED_ELEMENTS = frozenset(
	("pPr", "rPr", "tcPr", "trPr", "tblPr", "del", "moveFrom", "instrText", "delText", "sdtPr")
)

# Spaces Word writes that are not U+0020 (no-break, narrow no-break, figure, en/em/thin spaces), and
# characters that print as nothing (zero-width space and joiners, byte-order mark, soft hyphen).
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")

_HEADER = re.compile(
	r"(?:UPR|Universal\s+Periodic\s+Review)\s+of\s+(?P<state>\S.{0,120}?)\s*"
	r"\(\s*(?P<cycle>\d{1,2})\s*(?:st|nd|rd|th)?\s+cycle\b"
	r"(?:\s*[-\u2013\u2014,:;]?\s*(?P<session>\d{1,3})\s*(?:st|nd|rd|th)?\s+session\b)?[^()]*\)",
	re.IGNORECASE,
)
_THEME_HEADING = re.compile(r"^themes?\s*:\s*(?P<theme>.*)$", re.IGNORECASE | re.DOTALL)
_SOURCE_OF_POSITION = re.compile(r"\bsources?\s+of\s+position\s*:?", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.()\-]+)+")
# A working group report's addendum (the State's responses) or corrigendum: `A/HRC/52/9/Add.1`.
_ADDENDUM = re.compile(r"/(?:Add|Corr|Rev)\.\s*\d+.*$", re.IGNORECASE)
# 2nd-cycle themes carry the UHRI code of the 2011 vocabulary: `A12 Acceptance of international norms`.
_CODED_THEME = re.compile(r"^(?P<code>[A-Z]\d{1,3})(?:\s*[-\u2013:]\s*|\s+)(?P<label>\S.*)$")
_LIST_MARK = re.compile(r"^[-\u2013\u2014\u2022\u00b7\u25aa\u25cf*>]+\s*")
_CELL_SECTION = re.compile(
	r"^(?P<section>affected\s+persons|persons\s+affected|groups?\s+of\s+persons|affected\s+groups"
	r"|sdgs?|sustainable\s+development\s+goals|themes?)\s*:\s*(?P<rest>.*)$",
	re.IGNORECASE,
)
_SDG_TARGET = re.compile(r"^(?:SDG\s*)?(?P<goal>\d{1,2})\.(?P<target>\d{1,2}|[A-Za-z])(?![\w.])")
_SDG_GOAL = re.compile(
	r"^(?:SDG|Goal)?\s*(?P<goal>\d{1,2})(?:\s*[-\u2013\u2014:.]\s*\D.*|\s*)$", re.IGNORECASE
)
_SDG_GOALS = range(1, 18)
_WHITESPACE = re.compile(r"\s+")
# A State's name ends a part of a comma list that UN lists invert: "Venezuela, Bolivarian Republic of".
_INVERTED_NAME_TAIL = re.compile(r"\bof(?:\s+the)?$", re.IGNORECASE)
_MAX_PARTS_IN_STATE_NAME = 3
_MAX_WORDS_IN_STATE_NAME = 10


@dataclass(frozen=True)
class ThematicListHeader:
	"""What the page header says: `UPR of Paraguay (4th Cycle - 48th Session)`."""

	state: str  # as written ("Bolivia (Plurinational State of)")
	upr_cycle: int
	session: str  # in UHRI's wording, "48th Session"; "" when the header names none


@dataclass
class ThemesCell:
	"""What a themes cell (or the fourth column of the 4th-cycle layout) lists."""

	themes: list[str] = field(default_factory=list)  # labels, without their codes
	theme_codes: dict[str, str] = field(default_factory=dict)  # label → 2nd-cycle code ("A12")
	affected_groups: list[str] = field(default_factory=list)
	sdg_goals: list[str] = field(default_factory=list)  # "16"
	sdg_targets: list[str] = field(default_factory=list)  # "16.3", and SDG lines not understood, as written


def parse_thematic_list_header(text: str | None) -> ThematicListHeader | None:
	"""The State, cycle and session a page header names, or None when it names none."""
	match = _HEADER.search(_WHITESPACE.sub(" ", _clean(text or "")))
	if not match:
		return None
	session = match.group("session")
	return ThematicListHeader(
		state=match.group("state").strip(" -\u2013\u2014:,"),
		upr_cycle=int(match.group("cycle")),
		session=f"{_ordinal(int(session))} Session" if session else "",
	)


def working_group_report_symbol(source_of_position: str | None) -> str:
	"""The document a recommendation belongs to, from the source of its position:
	`A/HRC/52/9/Add.1 - Para. 3` → `A/HRC/52/9` (the addendum holds the State's responses)."""
	match = _SYMBOL.search(_clean(source_of_position or ""))
	if not match or not any(char.isdigit() for char in match.group()):
		return ""
	return _ADDENDUM.sub("", match.group()).rstrip("./-")


def parse_themes_cell(lines: list[str], section: str = "themes") -> ThemesCell:
	"""Themes, groups and SDGs of a cell's lines. `section` is what lines before any `Affected persons:`
	or `SDGs:` line list: themes in the themes column, SDGs in the 4th-cycle SDG column."""
	cell = ThemesCell()
	for line in lines:
		line = _LIST_MARK.sub("", line.strip()).strip()
		marker = _CELL_SECTION.match(line)
		if marker:
			section = _section_of(marker.group("section"))
			line = _LIST_MARK.sub("", marker.group("rest").strip()).strip()
		if not line:
			continue
		if section == "sdgs" or _SDG_TARGET.match(line) or (section == "themes" and _is_sdg_goal(line)):
			_add_sdg(cell, line)
		elif section == "groups":
			_append_new(cell.affected_groups, line)
		else:
			label, code = _theme_label(line)
			_append_new(cell.themes, label)
			if code:
				cell.theme_codes.setdefault(label, code)
	return cell


def recommending_states_of(text: str | None, resolver: CountryResolver | None = None) -> list[str]:
	"""The recommending States of a printed UPR recommendation, as the document writes them.

	They sit in parentheses at the end: `(Brazil)`, `(Brazil) (Kenya)`, `(Chile, Spain)`, `(Venezuela,
	Bolivarian Republic of)`; a paragraph holding two recommendations, `… (Ghana); Increase efforts …
	(Fiji);`, has both. A group counts when `resolver` knows a name in it (the others are kept as
	written, for the import to report) or, without a resolver, when every name reads like a State's;
	so `(No. 190)` or `(CEDAW)` stay part of the text. When no group counts, the very last one is taken
	if it reads like a State's name: every UPR recommendation has a recommending State.
	"""
	body = _WHITESPACE.sub(" ", _clean(text or "")).strip()
	segments = _recommendation_segments(body)
	states: list[str] = []
	for segment in segments:
		states += _trailing_states(segment, resolver, lenient=False)
	if not states and segments:
		states = _trailing_states(segments[-1], resolver, lenient=True)
	return list(dict.fromkeys(states))


class ThematicListRows(SourceRows):
	"""The rows of a thematic list, counted as they are read; `header` is the page header and `columns`
	maps each row field to its column's heading as this file writes it, for row issues."""

	def __init__(self, items: Iterator, counts: ReadCounts, reader: _TableReader):
		super().__init__(items, counts)
		self._reader = reader

	@property
	def header(self) -> ThematicListHeader:
		return self._reader.header

	@property
	def columns(self) -> dict[str, str]:
		return self._reader.row_field_columns()

	def close(self) -> None:
		super().close()
		self._reader.close()


def read_upr_thematic_list(
	source: str | os.PathLike | IO[bytes],
	*,
	state: str | None = None,
	resolver: CountryResolver | None = None,
) -> ThematicListRows:
	"""Rows (dicts) of a UPR thematic list and their fatal issues, one per recommendation, streamed.

	`row_number` is the row's place in the table, its column-header row being 1. `state` keeps only
	a list about that State, matched through `resolver` when given; the rows of a list about another
	State are counted as skipped. Raises ThematicListFormatError at once when the file is no Word
	document, is damaged or hostile, has no table of recommendations, or no page header naming the State.
	"""
	archive = _open_checked_archive(source)
	try:
		reader = _TableReader(archive, resolver)
		reader.open()
	except BaseException:
		archive.close()
		raise
	counts = ReadCounts()
	keep = _names_state(reader.header.state, state, resolver) if state and state.strip() else True
	return ThematicListRows(_rows(reader, keep, counts), counts, reader)


def _rows(reader: _TableReader, keep: bool, counts: ReadCounts):
	try:
		for item in reader.rows():
			counts.read += 1
			if not keep:
				count_other_state(counts, [reader.header.state])
				continue
			yield item
	finally:
		reader.close()


def _names_state(header_state: str, state: str, resolver: CountryResolver | None) -> bool:
	if country_key(header_state) == country_key(state):
		return True
	known = resolver.resolve(header_state) if resolver else None
	return known is not None and known == resolver.resolve(state)


# The package


def _open_checked_archive(source) -> ZipFile:
	"""The DOCX as a zip archive, refused before any row when it is no Word document, holds macros,
	would expand like a zip bomb, or its parts to be read are damaged or declare a DTD."""
	start = _first_bytes(source)
	try:
		archive = ZipFile(source)
	except (BadZipFile, OSError, ValueError, EOFError) as error:
		raise ThematicListFormatError(
			f"The file is not a Word document (.docx): {_what_it_is(start, error)}. {_SAVE_AS_DOCX}"
		) from error
	try:
		_check_package(archive)
	except BaseException:
		archive.close()
		raise
	return archive


def _first_bytes(source) -> bytes:
	if isinstance(source, str | os.PathLike):
		try:
			with open(source, "rb") as file:
				return file.read(8192)
		except OSError:
			return b""
	position = source.tell()
	start = source.read(8192)
	source.seek(position)
	return start


def _what_it_is(start: bytes, error: BaseException) -> str:
	if start.startswith(b"\xd0\xcf\x11\xe0"):
		return "it is an old Word 97-2003 document (.doc), which cannot be read"
	if not start:
		return "it is empty"
	from nmirf_app.core.file_content import describe

	description = describe(start)
	if description.startswith("not a document"):
		return f"it cannot be opened as one ({shorten(str(error) or type(error).__name__)})"
	return f"its content is {description}"


def _check_package(archive: ZipFile) -> None:
	parts = archive.infolist()
	if len(parts) > MAX_DOCX_PARTS:
		raise _refused(f"it holds {len(parts):,} parts, more than the {MAX_DOCX_PARTS:,} a document may")
	names = {part.filename for part in parts}
	lowered = {name.lower() for name in names}
	content_types = (
		_read_small_part(archive, "[Content_Types].xml") if "[Content_Types].xml" in names else b""
	)
	if any("vbaproject" in name for name in lowered) or b"macroenabled" in content_types.lower():
		raise ThematicListFormatError(
			"The document contains macros (a macro-enabled .docm), which can run when it is opened, and "
			"was refused. Save it in Word as 'Word Document (*.docx)', which drops the macros, and import that."
		)
	main_part = _main_document_part(archive, names)
	if main_part is None:
		if "xl/workbook.xml" in names:
			kind = "an Excel workbook"
		elif "mimetype" in names:
			kind = "an OpenDocument file"
		else:
			kind = "a zip archive without a Word document in it"
		raise ThematicListFormatError(
			f"The file is not a Word document (.docx): it is {kind}. {_SAVE_AS_DOCX}"
		)
	document = archive.getinfo(main_part)
	if document.file_size > MAX_DOCUMENT_XML_BYTES:
		raise _refused(
			f"its text expands to {document.file_size / (1 << 20):,.0f} MB, more than the "
			f"{MAX_DOCUMENT_XML_BYTES >> 20} MB a thematic list can hold"
		)
	_check_ratio(document)
	for header_part in _header_parts(archive, main_part, names):
		info = archive.getinfo(header_part)
		if info.file_size > MAX_HEADER_PART_BYTES:
			raise _refused(f"its page header {shorten(header_part, 80)} expands to {info.file_size:,} bytes")
	# Parsing the whole text once, without keeping it, refuses broken XML, a DTD or a damaged part
	# before the first row is handed out: an import then writes all of the file or nothing of it.
	_check_xml(archive, document)


def _check_ratio(part: ZipInfo) -> None:
	if part.file_size > _RATIO_CHECKED_FROM and part.file_size > MAX_DOCX_RATIO * part.compress_size:
		raise _refused(
			f"its part {shorten(part.filename, 80)} expands {part.file_size // max(part.compress_size, 1):,} "
			f"times (at most {MAX_DOCX_RATIO} is accepted), as a zip bomb does"
		)


class _NoTree:
	"""An lxml parser target that keeps nothing: the well-formedness check runs in constant memory."""

	def start(self, *_args):
		pass

	def end(self, *_args):
		pass

	def data(self, *_args):
		pass

	def close(self):
		return None


def _check_xml(archive: ZipFile, part: ZipInfo) -> None:
	parser = _parser(target=_NoTree())
	try:
		with archive.open(part) as stream:
			tail = b""
			while chunk := stream.read(1 << 20):
				# Looked for in the bytes, before libxml2 reads a declaration it would act on.
				if _declares_dtd(tail + chunk):
					raise _dtd_refused(part.filename)
				tail = chunk[-32:]
				parser.feed(chunk)
		parser.close()
	except ThematicListFormatError:
		raise
	except etree.XMLSyntaxError as error:
		raise ThematicListFormatError(
			f"The document is damaged: its text (part {shorten(part.filename, 80)}) cannot be read "
			f"({shorten(error.msg or str(error))}). {_SAVE_AS_DOCX}"
		) from error
	except Exception as error:
		raise ThematicListFormatError(
			f"The document is damaged: its part {shorten(part.filename, 80)} cannot be read "
			f"({shorten(str(error) or type(error).__name__)}). Download it again, or {_SAVE_AS_DOCX[0].lower()}"
			f"{_SAVE_AS_DOCX[1:]}"
		) from error


def _parser(**options) -> etree.XMLParser:
	# No entity is expanded and nothing is fetched: a DTD is refused anyway, as OPC forbids it.
	return etree.XMLParser(
		resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **options
	)


def _declares_dtd(data: bytes) -> bool:
	return any(marker in data for marker in _DOCTYPE_MARKERS)


def _dtd_refused(name: str) -> ThematicListFormatError:
	return ThematicListFormatError(
		f"The document was refused: its part {shorten(name, 80)} declares a DTD, which Word never writes "
		f"and which can hide an attack (entity expansion, reading server files). {_SAVE_AS_DOCX}"
	)


def _refused(reason: str) -> ThematicListFormatError:
	return ThematicListFormatError(
		f"The document was refused before reading it: {reason}. A thematic list of recommendations is a "
		"Word document of a few MB; download it again from OHCHR, or save it again in Word, and retry."
	)


def _read_small_part(archive: ZipFile, name: str, limit: int = MAX_HEADER_PART_BYTES) -> bytes:
	try:
		with archive.open(name) as stream:
			return stream.read(limit)
	except Exception as error:
		raise ThematicListFormatError(
			f"The document is damaged: its part {shorten(name, 80)} cannot be read "
			f"({shorten(str(error) or type(error).__name__)}). {_SAVE_AS_DOCX}"
		) from error


def _parse_small_part(archive: ZipFile, name: str) -> etree._Element | None:
	data = _read_small_part(archive, name)
	if _declares_dtd(data):
		raise _dtd_refused(name)
	try:
		root = etree.fromstring(data, _parser())
	except etree.XMLSyntaxError as error:
		raise ThematicListFormatError(
			f"The document is damaged: its part {shorten(name, 80)} cannot be read "
			f"({shorten(error.msg or str(error))}). {_SAVE_AS_DOCX}"
		) from error
	if root.getroottree().docinfo.doctype:
		raise _dtd_refused(name)
	return root


def _relationship_targets(
	archive: ZipFile, rels_name: str, base: str, kind: str, names: set[str]
) -> list[str]:
	"""Package parts a relationships part points to with a type ending in `/kind`, that exist."""
	if rels_name not in names:
		return []
	targets = []
	for relationship in _parse_small_part(archive, rels_name).iter():
		if _local_name(relationship.tag, _RELATIONSHIPS_NAMESPACES) != "Relationship":
			continue
		if relationship.get("TargetMode") == "External":
			continue
		if not (relationship.get("Type") or "").endswith("/" + kind):
			continue
		target = relationship.get("Target") or ""
		path = (
			target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
		)
		if path in names:
			targets.append(path)
	return targets


def _main_document_part(archive: ZipFile, names: set[str]) -> str | None:
	found = _relationship_targets(archive, "_rels/.rels", "", "officeDocument", names)
	if found:
		return found[0]
	return "word/document.xml" if "word/document.xml" in names else None


def _header_parts(archive: ZipFile, main_part: str, names: set[str]) -> list[str]:
	directory, file_name = posixpath.split(main_part)
	rels = posixpath.join(directory, "_rels", file_name + ".rels")
	found = _relationship_targets(archive, rels, directory, "header", names)
	return found or sorted(name for name in names if re.fullmatch(r"word/header\d*\.xml", name))


# The table


@dataclass
class _Cell:
	grid_start: int
	span: int
	text: str
	vertical_merge: str | None  # "restart", "continue" or None


@dataclass
class _Column:
	field: str  # "recommendation", "position", "themes", "sdgs", "assessment"
	heading: str  # as the file writes it
	grid_start: int
	span: int


_COLUMN_WORDS = (
	# (field, words one of which its heading holds); the first that fits wins.
	("sdgs", ("sdg", "sustainable development")),
	("recommendation", ("recommendation",)),
	("position", ("position", "response")),
	("themes", ("theme",)),
	("assessment", ("assessment", "comment", "implementation")),
)
_REQUIRED_COLUMNS = ("recommendation", "position", "themes")


class _TableReader:
	"""Walks the main document part as a stream: body paragraphs, then the rows of each table."""

	def __init__(self, archive: ZipFile, resolver: CountryResolver | None):
		self._archive = archive
		self._resolver = resolver
		self._closed = False
		self.header: ThematicListHeader | None = None
		self._columns: list[_Column] = []
		self._grid_width = 0
		self._events = None
		self._stream = None
		self._table_depth = 0
		self._row_number = 0  # rows of the table of recommendations, the column-header row being 1
		self._merged_above: dict[int, str] = {}  # grid column → text of the vertically merged cell
		self._theme_heading: tuple[str, str] = ("", "")  # (label, code) of the current group
		self._first_rows_seen: list[str] = []  # of tables that are not the list, for the error message

	def close(self) -> None:
		if not self._closed:
			self._closed = True
			if self._stream is not None:
				self._stream.close()
			self._archive.close()

	def row_field_columns(self) -> dict[str, str]:
		heading = {column.field: column.heading for column in self._columns}
		recommendation = heading.get("recommendation", "Recommendation")
		themes = heading.get("themes", "Themes")
		return {
			"recommendation_text": recommendation,
			"paragraph": recommendation,
			"recommending_states": recommendation,
			"document_symbol": recommendation,
			"position_source": recommendation,
			"position": heading.get("position", "Position"),
			"themes": themes,
			"affected_groups": themes,
			"sdg_targets": heading.get("sdgs", themes),
			"assessment": heading.get("assessment", "Assessment"),
			"countries_concerned": "Page header",
			"mechanism": "Page header",
			"upr_cycle": "Page header",
			"session": "Page header",
		}

	def open(self) -> None:
		"""Reads up to the column headers of the table of recommendations and knows the page header,
		or raises ThematicListFormatError."""
		names = set(self._archive.namelist())
		main_part = _main_document_part(self._archive, names)
		for header_part in _header_parts(self._archive, main_part, names):
			self.header = self.header or parse_thematic_list_header(
				_element_text(_parse_small_part(self._archive, header_part))
			)
		self._stream = self._archive.open(main_part)
		self._events = etree.iterparse(
			self._stream,
			events=("start", "end"),
			resolve_entities=False,
			no_network=True,
			load_dtd=False,
			huge_tree=False,
		)
		for kind, item in self._body_items():
			if kind == "paragraph" and self.header is None:
				self.header = parse_thematic_list_header(item)
			elif kind == "columns":
				break
		else:
			raise self._no_table()
		if self.header is None:
			raise ThematicListFormatError(
				"The page header naming the State under review was not found: a thematic list's header "
				"reads 'UPR of <State> (<n>th Cycle - <n>th Session)', e.g. 'UPR of Paraguay (4th Cycle - "
				"48th Session)'. Type that line as the document's first paragraph and import it again."
			)

	def rows(self) -> Iterator[dict[str, Any] | RowIssue]:
		"""The recommendations of the table found by `open`, and of later tables that continue it."""
		for kind, item in self._body_items():
			if kind == "row":
				yield from self._row(*item)

	def _body_items(self):
		"""("paragraph", text) for body paragraphs outside tables; ("columns", None) once the column
		headers of the list are known; then ("row", (row number, cells)) for each row of the list."""
		first_rows: list[list[_Cell]] = []  # of a table whose columns are not known yet
		skipping_table = False
		first_row_of_table = False
		for event, element in self._events:
			name = _local_name(element.tag, _WORD_NAMESPACES)
			if name == "tbl":
				if event == "start":
					self._table_depth += 1
					if self._table_depth == 1:
						first_rows, skipping_table, first_row_of_table = [], False, True
						self._merged_above.clear()
				else:
					self._table_depth -= 1
					if self._table_depth == 0:
						if first_rows and not self._columns:
							self._note_other_table(first_rows)
						_release(element)
				continue
			if event != "end":
				continue
			if name == "p" and self._table_depth == 0:
				yield "paragraph", _element_text(element)
				_release(element)
				continue
			if name != "tr" or self._table_depth != 1:
				continue
			cells = _row_cells(element)
			_release(element)
			if skipping_table:
				continue
			if not self._columns:
				first_rows.append(cells)
				if self._take_column_headers(first_rows):
					first_rows = []
					yield "columns", None
				elif len(first_rows) == _MAX_ROWS_BEFORE_COLUMN_HEADERS:
					self._note_other_table(first_rows)
					first_rows, skipping_table = [], True
				continue
			if first_row_of_table:
				first_row_of_table = False
				columns = _columns_of(cells)
				if columns:
					# A later table that repeats the headers continues the list, in its own column order.
					self._columns = columns
					self._row_number += 1
					continue
				if _grid_width(cells) != self._grid_width:
					skipping_table = True  # a note or an annex of another shape, not the list continued
					continue
			self._row_number += 1
			yield "row", (self._row_number, cells)

	def _take_column_headers(self, rows: list[list[_Cell]]) -> bool:
		"""Whether the last of a table's first rows names the columns of a thematic list; rows above
		it may hold the title, page header included."""
		columns = _columns_of(rows[-1])
		if not columns:
			return False
		self._columns = columns
		self._grid_width = _grid_width(rows[-1])
		self._row_number = 1
		for title_row in rows[:-1]:
			self.header = self.header or parse_thematic_list_header(" ".join(cell.text for cell in title_row))
		return True

	def _note_other_table(self, rows: list[list[_Cell]]) -> None:
		first = " | ".join(shorten(" ".join(cell.text.split()), 60) for cell in rows[0] if cell.text.strip())
		self._first_rows_seen.append(first or "(empty)")

	def _no_table(self) -> ThematicListFormatError:
		if self._first_rows_seen:
			found = "; ".join(f"'{row}'" for row in self._first_rows_seen[:3])
			described = f"the document's tables start with {shorten(found, 400)}"
		else:
			described = "the document has no table"
		return ThematicListFormatError(
			"No table of UPR recommendations was found: a thematic list is a table whose first row names "
			"the columns 'Recommendation', 'Position' and the themes (e.g. 'Full list of themes'); "
			f"{described}."
		)

	def _row(self, row_number: int, cells: list[_Cell]) -> Iterator[dict[str, Any] | RowIssue]:
		texts = [cell.text for cell in cells if cell.text.strip()]
		if not texts:
			return
		if _columns_of(cells):
			return  # the column headers repeated, as a copy from several pages may have them
		distinct = list(dict.fromkeys(" ".join(text.split()) for text in texts))
		heading = _THEME_HEADING.match(distinct[0])
		if heading:
			# Merged across the table as a rule; an editor may have split it into cells.
			label, code = _theme_label(" ".join([heading.group("theme"), *distinct[1:]]).strip())
			self._theme_heading = (label, code or "")
			return
		filled = [cell for cell in cells if cell.text.strip()]
		if len(filled) == 1 and filled[0].span > 1 and not parse_paragraph_number(distinct[0]):
			yield RowIssue(
				row_number,
				self._columns[0].heading,
				f"This row spans the table but is neither a 'Theme:' heading nor a numbered recommendation "
				f"(it reads '{shorten(distinct[0], 80)}'), so it was left out; if it is a recommendation, "
				"split the merged cell in Word and import the file again",
				value=distinct[0],
			)
			return
		yield self._recommendation(row_number, self._values_by_column(cells))

	def _values_by_column(self, cells: list[_Cell]) -> dict[str, tuple[str, bool]]:
		"""Column field → (text, continues the cell above) for one row."""
		values: dict[str, tuple[str, bool]] = {}
		for cell in cells:
			column = self._column_at(cell.grid_start)
			if column is None or column.field in values:
				continue
			if cell.vertical_merge == "continue":
				values[column.field] = (self._merged_above.get(cell.grid_start, ""), True)
				continue
			if cell.vertical_merge == "restart":
				self._merged_above[cell.grid_start] = cell.text
			else:
				self._merged_above.pop(cell.grid_start, None)
			values[column.field] = (cell.text, False)
		return values

	def _column_at(self, grid_column: int) -> _Column | None:
		for column in self._columns:
			if column.grid_start <= grid_column < column.grid_start + column.span:
				return column
		return None

	def _recommendation(
		self, row_number: int, values: dict[str, tuple[str, bool]]
	) -> dict[str, Any] | RowIssue:
		heading = {column.field: column.heading for column in self._columns}
		recommendation_cell, continued = values.get("recommendation", ("", False))
		if continued:
			return RowIssue(
				row_number,
				heading["recommendation"],
				"This row's recommendation cell is merged with the one above, so the row has no recommendation "
				"of its own: split the merged cell in Word (Table Layout → Split Cells) and import the file again",
			)
		for name in ("themes", "sdgs", "assessment"):
			length = len(values.get(name, ("", False))[0])
			if length > MAX_CELL_CHARACTERS:
				return RowIssue(
					row_number,
					heading[name],
					f"This cell holds {length:,} characters, more than the {MAX_CELL_CHARACTERS:,} it may: "
					"shorten it and import the file again; nothing of this row was imported",
					value=values[name][0],
				)

		lines = _lines(recommendation_cell)
		joined = " ".join(lines)
		source_marker = _SOURCE_OF_POSITION.search(joined)
		text = joined[: source_marker.start()].strip() if source_marker else joined
		position_source = joined[source_marker.end() :].strip(" :") if source_marker else ""

		cell = parse_themes_cell(_lines(values.get("themes", ("", False))[0]))
		sdg_column = parse_themes_cell(_lines(values.get("sdgs", ("", False))[0]), section="sdgs")
		heading_label, heading_code = self._theme_heading
		themes = list(cell.themes)
		theme_codes = dict(cell.theme_codes)
		# The group a recommendation is listed under is one of its themes, even when its cell omits it.
		if heading_label and match_key(heading_label) not in {match_key(theme) for theme in themes}:
			themes.insert(0, heading_label)
		if heading_label and heading_code:
			theme_codes.setdefault(heading_label, heading_code)

		return {
			"row_number": row_number,
			"mechanism": "UPR",
			"annotation_type": "Recommendation",
			"recommendation_text": text,
			"paragraph": parse_paragraph_number(text) or "",
			"recommending_states": recommending_states_of(text, self._resolver),
			"countries_concerned": [self.header.state],
			"upr_cycle": self.header.upr_cycle,
			"session": self.header.session,
			"document_symbol": working_group_report_symbol(position_source),
			"position": " ".join(_lines(values.get("position", ("", False))[0])),
			"position_source": position_source,
			"themes": themes,
			"theme_codes": theme_codes,
			"theme_heading": heading_label,
			"affected_groups": cell.affected_groups,
			"sdg_targets": list(dict.fromkeys(cell.sdg_targets + sdg_column.sdg_targets)),
			"sdg_goals": list(dict.fromkeys(cell.sdg_goals + sdg_column.sdg_goals)),
			"assessment": "\n".join(_lines(values.get("assessment", ("", False))[0])),
		}


def _grid_width(cells: list[_Cell]) -> int:
	return max((cell.grid_start + cell.span for cell in cells), default=0)


def _columns_of(cells: list[_Cell]) -> list[_Column]:
	"""The columns a header row names, or [] when the row is no header row of a thematic list."""
	columns: list[_Column] = []
	taken: set[str] = set()
	for cell in cells:
		heading = " ".join(_clean(cell.text).split())
		key = match_key(heading)
		if not key or len(heading) > 120:
			continue
		for name, words in _COLUMN_WORDS:
			if name not in taken and any(word in key for word in words):
				columns.append(_Column(name, heading, cell.grid_start, cell.span))
				taken.add(name)
				break
	return columns if all(name in taken for name in _REQUIRED_COLUMNS) else []


def _row_cells(row: etree._Element) -> list[_Cell]:
	"""The cells of a table row with the grid columns they start at and span (`w:gridSpan`, the
	legacy `w:hMerge`, `w:gridBefore`), and whether they continue a vertically merged cell."""
	grid = 0
	cells: list[_Cell] = []
	row_properties = _child(row, "trPr")
	if row_properties is not None:
		grid = _int_value(_child(row_properties, "gridBefore"), 0)
	for cell in _direct_cells(row):
		properties = _child(cell, "tcPr")
		span = max(1, min(_int_value(_child(properties, "gridSpan"), 1), 64))
		horizontal = _merge_value(_child(properties, "hMerge"))
		vertical = _merge_value(_child(properties, "vMerge"))
		text = _element_text(cell)
		if horizontal == "continue" and cells:
			cells[-1].span += span
			cells[-1].text = "\n".join(part for part in (cells[-1].text, text) if part)
		else:
			cells.append(_Cell(grid, span, text, vertical))
		grid += span
	return cells


def _direct_cells(row: etree._Element) -> Iterator[etree._Element]:
	"""The row's own `w:tc`, also inside content controls (`w:sdt`) and custom XML, not nested tables'."""
	stack = list(reversed(row))
	while stack:
		element = stack.pop()
		name = _local_name(element.tag, _WORD_NAMESPACES)
		if name == "tc":
			yield element
		elif name in ("sdt", "sdtContent", "customXml", "smartTag"):
			stack.extend(reversed(element))


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
	if element is None:
		return None
	for child in element:
		if _local_name(child.tag, _WORD_NAMESPACES) == name:
			return child
	return None


def _word_attribute(element: etree._Element, name: str) -> str | None:
	for namespace in _WORD_NAMESPACES:
		value = element.get(f"{{{namespace}}}{name}")
		if value is not None:
			return value
	return None


def _int_value(element: etree._Element | None, default: int) -> int:
	if element is None:
		return default
	value = _word_attribute(element, "val") or ""
	return int(value) if value.isdigit() and len(value) < 6 else default


def _merge_value(element: etree._Element | None) -> str | None:
	if element is None:
		return None
	return "restart" if (_word_attribute(element, "val") or "").lower() == "restart" else "continue"


_LOCAL_NAMES: dict[tuple[str, tuple[str, ...]], str | None] = {}


def _local_name(tag: Any, namespaces: tuple[str, ...]) -> str | None:
	"""`w:tc` → "tc" in the given namespaces; None for comments, other namespaces."""
	if not isinstance(tag, str):
		return None
	key = (tag, namespaces)
	if key not in _LOCAL_NAMES:
		namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
		_LOCAL_NAMES[key] = local if namespace in namespaces else None
	return _LOCAL_NAMES[key]


def _element_text(element: etree._Element) -> str:
	"""Text as Word shows it: paragraphs and line breaks as newlines, tabs as spaces, deletions left out."""
	parts: list[str] = []
	paragraphs = 0
	stack = [element]
	while stack:
		node = stack.pop()
		name = _local_name(node.tag, _WORD_NAMESPACES)
		if name in _SKIPPED_ELEMENTS:
			continue
		if name == "p":
			if paragraphs:
				parts.append("\n")
			paragraphs += 1
		elif name == "t":
			parts.append(node.text or "")
		elif name == "tab":
			parts.append(" ")
		elif name in ("br", "cr"):
			parts.append("\n")
		elif name == "noBreakHyphen":
			parts.append("-")
		stack.extend(reversed(node))
	return _clean("".join(parts))


def _release(element: etree._Element) -> None:
	"""Frees a finished element and what came before it, so that memory stays at one row."""
	element.clear(keep_tail=True)
	parent = element.getparent()
	if parent is not None:
		while element.getprevious() is not None:
			del parent[0]


# Text


def _clean(text: str) -> str:
	text = _ODD_SPACES.sub(" ", text)
	return CONTROL_CHARACTERS.sub("", _INVISIBLE.sub("", text))


def _lines(text: str) -> list[str]:
	"""Non-empty lines of a cell, one space between words."""
	return [line for raw in _clean(text).splitlines() if (line := " ".join(raw.split()))]


def _ordinal(number: int) -> str:
	suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
	return f"{number}{suffix}"


def _section_of(marker: str) -> str:
	key = match_key(marker)
	if key.startswith(("sdg", "sustainable")):
		return "sdgs"
	if key.startswith("theme"):
		return "themes"
	return "groups"


def _theme_label(line: str) -> tuple[str, str | None]:
	"""(label, code) of a theme line: `A12 Acceptance of international norms` → (…, "A12")."""
	match = _CODED_THEME.match(line)
	if match:
		return match.group("label").strip(), match.group("code")
	return line, None


def _is_sdg_goal(line: str) -> bool:
	return bool(_SDG_GOAL.match(line))


def _add_sdg(cell: ThemesCell, line: str) -> None:
	target = _SDG_TARGET.match(line)
	if target:
		_append_new(cell.sdg_targets, f"{int(target.group('goal'))}.{target.group('target').lower()}")
		return
	goal = _SDG_GOAL.match(line)
	if goal and int(goal.group("goal")) in _SDG_GOALS:
		_append_new(cell.sdg_goals, str(int(goal.group("goal"))))
	else:
		# Kept as written, so that the import names it as an SDG it does not know.
		_append_new(cell.sdg_targets, line)


def _append_new(values: list[str], value: str) -> None:
	if value not in values:
		values.append(value)


# Recommending States


def _recommendation_segments(body: str) -> list[str]:
	"""A paragraph cut where one recommendation ends and another begins: a `;` outside parentheses
	followed by a capital letter or by nothing."""
	segments: list[str] = []
	depth = 0
	start = 0
	for index, char in enumerate(body):
		if char == "(":
			depth += 1
		elif char == ")":
			depth = max(depth - 1, 0)
		elif char == ";" and depth == 0:
			rest = body[index + 1 :].lstrip()
			if not rest or rest[0].isupper():
				segments.append(body[start:index])
				start = index + 1
	segments.append(body[start:])
	return [segment for segment in segments if segment.strip()]


def _trailing_states(segment: str, resolver: CountryResolver | None, *, lenient: bool) -> list[str]:
	body = segment.rstrip(" ;.,")
	found: list[str] = []
	while body.endswith(")"):
		opening = _matching_open_parenthesis(body)
		if not opening:
			break
		names = _state_names(body[opening + 1 : -1], resolver, lenient=lenient and not found)
		if names is None:
			break
		found[:0] = names
		body = body[:opening].rstrip(" ;.,")
	return found


def _matching_open_parenthesis(text: str) -> int | None:
	"""Index of the "(" that closes with the last character, across nested groups."""
	depth = 0
	for index in range(len(text) - 1, -1, -1):
		if text[index] == ")":
			depth += 1
		elif text[index] == "(":
			depth -= 1
			if depth == 0:
				return index
	return None


def _state_names(content: str, resolver: CountryResolver | None, *, lenient: bool) -> list[str] | None:
	"""The States one parenthesised group names, or None when it is not a group of States."""
	parts = [part.strip() for part in _split_outside_parentheses(content, ",")]
	if not parts or not all(parts):
		return None
	if resolver is None:
		names, known = _join_inverted_names(parts), False
	else:
		names, known = _join_known_names(parts, resolver)
	if not all(_reads_like_state_name(name) for name in names):
		return None
	if resolver is not None and not known and not lenient:
		return None
	return names


def _join_known_names(parts: list[str], resolver: CountryResolver) -> tuple[list[str], bool]:
	"""Longest runs of comma parts the resolver knows ("Korea, Republic of"); unknown parts between
	them joined as UN lists invert names."""
	names: list[str] = []
	unknown: list[str] = []
	known = False
	start = 0
	while start < len(parts):
		for end in range(min(len(parts), start + _MAX_PARTS_IN_STATE_NAME), start, -1):
			candidate = ", ".join(parts[start:end])
			if resolver.resolve(candidate):
				names += _join_inverted_names(unknown)
				unknown = []
				names.append(candidate)
				known = True
				start = end
				break
		else:
			unknown.append(parts[start])
			start += 1
	return names + _join_inverted_names(unknown), known


def _join_inverted_names(parts: list[str]) -> list[str]:
	names: list[str] = []
	for part in parts:
		if names and (_INVERTED_NAME_TAIL.search(part) or part[0].islower()):
			names[-1] = f"{names[-1]}, {part}"
		else:
			names.append(part)
	return names


def _split_outside_parentheses(text: str, separator: str) -> list[str]:
	parts: list[str] = []
	depth = 0
	start = 0
	for index, char in enumerate(text):
		if char == "(":
			depth += 1
		elif char == ")":
			depth = max(depth - 1, 0)
		elif char == separator and depth == 0:
			parts.append(text[start:index])
			start = index + 1
	parts.append(text[start:])
	return parts


def _reads_like_state_name(name: str) -> bool:
	"""A capitalised name (or 'the former Yugoslav…') of a few words without digits; not an acronym
	like (CEDAW) or a reference like (No. 190)."""
	if not name or len(name) > 80 or any(char.isdigit() for char in name) or ";" in name:
		return False
	if not (name[0].isupper() or name.startswith("the ")):
		return False
	return any(char.islower() for char in name) and len(name.split()) <= _MAX_WORDS_IN_STATE_NAME
