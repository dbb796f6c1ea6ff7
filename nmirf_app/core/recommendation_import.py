"""From source files to the Recommendations an import writes, and what a re-import may change.

Five sources feed one mapping: the UHRI XLSX and JSON exports (`uhri_format`), a UPR Info
database CSV (`upr_info_format`), OHCHR's UPR thematic list of recommendations (DOCX,
`upr_thematic_list`) and the NMIRF's own Excel template (`recommendation_template`).
Each source's rows are put in the Recommendation's own field names, then resolved against what
the site knows (`ImportContext`): mechanisms, vocabularies, SDG targets and countries. A row that
cannot become a Recommendation is a fatal `RowIssue` naming the row and the column; a value that
cannot be resolved is dropped with a warning riding on the candidate.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from nmirf_app.core.assessment_cell import StateAssessment, read_assessment_cell
from nmirf_app.core.countries import CountryResolver
from nmirf_app.core.recommendation_template import TEMPLATE_COLUMNS, read_template
from nmirf_app.core.reference_data import sdg_goal_name
from nmirf_app.core.references import build_dedupe_key, parse_paragraph_number
from nmirf_app.core.spreadsheet import CONTROL_CHARACTERS, RowIssue, SourceRows, shorten
from nmirf_app.core.uhri_format import (
	RowError,
	UhriRecord,
	UhriRecords,
	read_uhri_json,
	read_uhri_xlsx,
)
from nmirf_app.core.upr_info_format import UPR_INFO_COLUMNS, read_upr_info_csv
from nmirf_app.core.upr_text import (
	normalise_upr_position,
	split_paragraph_heading,
	split_upr_recommendation,
	upr_cycle_of_session,
)
from nmirf_app.core.upr_thematic_list import read_upr_thematic_list
from nmirf_app.core.vocabulary import VocabularyIndex, match_key

SOURCE_TYPES = ("uhri-xlsx", "uhri-json", "upr-info-csv", "template", "upr-thematic-list")

# The scalar Recommendation fields an import owns. Everything else (cluster, responsible
# institutions, implementation status, priority, notes, published, follow-up) is the NMIRF's work
# and an import never touches it.
SOURCE_FIELDS: tuple[str, ...] = (
	"recommendation_text",
	"mechanism",
	"annotation_type",
	"document_symbol",
	"paragraph",
	"document_date",
	"upr_cycle",
	"session",
	"state_under_review",
	"position",
	"position_source",
	"uhri_annotation_id",
	"uhri_document_id",
)
# Child table field → its link field.
SOURCE_TABLES = {
	"themes": "theme",
	"affected_groups": "affected_group",
	"sdg_targets": "sdg_target",
	"sdg_goals": "sdg_goal",
	"recommending_states": "country",
}
# The candidate tables whose unknown labels the secretariat may map to an entry (as an alias).
MAPPABLE_VOCABULARIES = ("themes", "affected_groups")
# The Recommendation's table a source table is written to, where the two differ: a goal named
# without a target (all OHCHR's thematic lists give) is a row of the SDG table with no target.
TABLE_FIELD_OF = {"sdg_goals": "sdg_targets"}

UPR_MECHANISM = "UPR"
# A code alone or before its title: "16.3", "16.3 - Promote the rule of law"; not "16.3;5.2".
_SDG_TARGET = re.compile(r"^\s*(\d{1,2})\.(\d{1,2}|[A-Za-z])(?=\s*$|\s+\S)")
# A goal alone: "16", "SDG 16", "Goal 5: Gender equality", "16 - PEACE, JUSTICE …"; not "16.3".
_SDG_GOAL = re.compile(r"^\s*(?:SDG|Goal)?\s*(\d{1,2})\s*(?:$|[-\u2013:]\s|[A-Za-z])", re.IGNORECASE)
# A response not given yet is no position rather than an error.
_NO_POSITION_YET = {"pending", "no response"}
# The most characters a field takes. The text: what one Excel cell holds (32,767), far above the
# longest UN recommendation; the others are Data and Link fields, which Frappe stores in 140.
_MAX_LENGTHS = {
	"recommendation_text": 32_767,
	**dict.fromkeys(
		(
			"mechanism",
			"document_symbol",
			"paragraph",
			"session",
			"position",
			"position_source",
			"uhri_annotation_id",
			"uhri_document_id",
		),
		140,
	),
}
# A label split over list separators has at most 5 parts in the shipped vocabularies ("Children in
# vulnerable situations (abused, living on the street, …)"); trying longer runs only costs time.
_MAX_PARTS_IN_LABEL = 8


@dataclass
class ImportContext:
	"""What the site knows, passed in by the Frappe side."""

	# UHRI body code as written ("CRC-OP-AC", "SR Torture"), and each mechanism's own code →
	# Human Rights Mechanism name ("CRC"); matched case-, spacing- and punctuation-insensitively.
	mechanisms_by_body_code: dict[str, str]
	themes: VocabularyIndex
	affected_groups: VocabularyIndex
	sdg_targets: set[str]  # known target codes ("16.3", "1.a")
	countries: CountryResolver
	state: str | None = None  # the NMIRF's State (a Country name): the default State under review
	sdg_goals: set[str] = field(default_factory=lambda: {sdg_goal_name(number) for number in range(1, 18)})
	_mechanism_by_key: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
	_sdg_target_by_key: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

	def mechanism_for(self, body_code: str | None) -> str | None:
		if self._mechanism_by_key is None:
			self._mechanism_by_key = {
				match_key(code): name for code, name in self.mechanisms_by_body_code.items()
			}
		return self._mechanism_by_key.get(match_key(body_code or ""))

	def sdg_target_for(self, value: str | None) -> str | None:
		"""The known target a value names: `16.3`, `1.A - Ensure significant mobilization…` → `1.a`."""
		if self._sdg_target_by_key is None:
			self._sdg_target_by_key = {target.lower(): target for target in self.sdg_targets}
		match = _SDG_TARGET.match(value or "")
		return self._sdg_target_by_key.get(f"{match.group(1)}.{match.group(2)}".lower()) if match else None

	def sdg_goal_for(self, value: str | None) -> str | None:
		"""The known goal a value names alone: `16`, `SDG 16`, `16 - PEACE, JUSTICE…` → `SDG 16`."""
		match = _SDG_GOAL.match(value or "")
		goal = sdg_goal_name(match.group(1)) if match else None
		return goal if goal in self.sdg_goals else None

	def sdg_for(self, value: str | None) -> str | None:
		"""A target code when the value names a target, else the goal it names alone."""
		return self.sdg_target_for(value) or self.sdg_goal_for(value)


@dataclass
class ImportCandidate:
	row_number: int
	dedupe_key: str
	values: dict[str, Any]  # the SOURCE_FIELDS of the Recommendation
	themes: list[str] = field(default_factory=list)
	affected_groups: list[str] = field(default_factory=list)
	sdg_targets: list[str] = field(default_factory=list)
	sdg_goals: list[str] = field(default_factory=list)  # "SDG 16": goals named without any of their targets
	recommending_states: list[str] = field(default_factory=list)  # Country names
	# the State's own assessment of the recommendation, from the thematic list's assessment column
	assessment: StateAssessment | None = None
	warnings: list[RowIssue] = field(default_factory=list)


@dataclass
class Change:
	action: str  # "create", "update" or "unchanged"
	changed_fields: list[str] = field(default_factory=list)
	# Child table → source values the record lacks, which the import adds.
	missing_rows: dict[str, list[str]] = field(default_factory=dict)


class ImportRun(SourceRows):
	"""Candidates and fatal row issues of one source file, counting as it goes.

	`read`, `skipped_other_state` and `other_states` are the reader's counts; `candidates` and
	`rows_with_issues` count what has been handed out so far.
	"""

	def __init__(self, items: Iterator[ImportCandidate | RowIssue], source_rows: SourceRows):
		super().__init__(items, source_rows.counts)
		self._source_rows = source_rows
		self.candidates = 0
		self._rows_with_issues: set[int] = set()

	def __next__(self) -> ImportCandidate | RowIssue:
		item = super().__next__()
		if isinstance(item, ImportCandidate):
			self.candidates += 1
		else:
			self._rows_with_issues.add(item.row_number)
		return item

	def close(self) -> None:
		super().close()
		self._source_rows.close()

	@property
	def rows_with_issues(self) -> int:
		return len(self._rows_with_issues)


@dataclass(frozen=True)
class _Source:
	"""How one kind of source names its columns and writes several values in one cell."""

	columns: dict[str, str]  # row field → column name as the user sees it in the file
	separators: str = ""  # besides newlines, what separates values within a list cell
	position_source: str = ""  # where a position read from this source comes from
	# UPR Info has no document symbol or annotation id; the same words recommended by another
	# State, in another cycle or to another State are another recommendation.
	identity_with_context: bool = False


# UHRI XLSX headers keep OHCHR's spelling "Reccomending" (UHRI_FORMAT.md); JSON rows are named the
# same way so that a user sees one set of column names whatever the file type.
_UHRI_COLUMN_OF_RECORD_FIELD = {
	"text": "Text",
	"countries": "Countries Concerned",
	"body": "Reccomending Body",
	"symbol": "Document Symbol",
	"themes": "Themes",
	"affected_persons": "Affected Persons",
	"sdg_targets": "Sdgs",
	"publication_date": "Document Publication Date",
	"upr_recommending_states": "UPR Reccomending States",
	"upr_position": "UPR Position",
	"annotation_type": "Type",
	"annotation_id": "OHCHR Annotation Id",
	"upr_session": "UPR Session",
	"regions": "Regions Concerned",
	"recommending_regions": "Recommending Regions",
	"published_on_uhri": "Date of publication on UHRI",
	"document_id": "DocumentId",
	"upr_cycle": "UprCycle",
}
_UHRI = _Source(
	columns={
		"recommendation_text": "Text",
		"paragraph": "Text",
		"mechanism": "Reccomending Body",
		"document_symbol": "Document Symbol",
		"document_date": "Document Publication Date",
		"upr_cycle": "UprCycle",
		"session": "UPR Session",
		"countries_concerned": "Countries Concerned",
		"recommending_states": "UPR Reccomending States",
		"position": "UPR Position",
		"themes": "Themes",
		"affected_groups": "Affected Persons",
		"sdg_targets": "Sdgs",
		"annotation_type": "Type",
		"uhri_annotation_id": "OHCHR Annotation Id",
		"uhri_document_id": "DocumentId",
	},
	position_source="UHRI",
)
_UPR_INFO = _Source(
	columns=UPR_INFO_COLUMNS, separators=";,", position_source="UPR Info", identity_with_context=True
)
_TEMPLATE = _Source(columns={column.field: column.header for column in TEMPLATE_COLUMNS}, separators=";")


def annotation_type_of(value: str | None) -> str:
	"""A source's type as the Recommendation's: `Concerns/Observations` → `Concern/Observation`."""
	lowered = (value or "").casefold()
	if not lowered.strip() or "recommend" in lowered:
		return "Recommendation"
	if "concern" in lowered or "observation" in lowered:
		return "Concern/Observation"
	return "Other"


def map_uhri_record(record: UhriRecord, context: ImportContext) -> ImportCandidate | RowIssue:
	"""One UHRI record as an import candidate, or the fatal issue that keeps it out."""
	return _map_row(_row_of_record(record), context, _UHRI)


def read_candidates(
	source_type: str,
	source: str | os.PathLike | IO[bytes],
	context: ImportContext,
	*,
	state: str | None = None,
) -> ImportRun:
	"""Candidates and fatal row issues of a source file, streamed; warnings ride on the candidates.

	`state` keeps only the rows about that State (UHRI `Countries Concerned`, UPR Info State under
	review, thematic list page header); the template is typed for the NMIRF's own State and is not
	filtered. A file that is not of `source_type` raises UhriFormatError, SpreadsheetFormatError or
	ThematicListFormatError (all ValueError) at once.
	"""
	if source_type == "uhri-xlsx":
		records = read_uhri_xlsx(source, state=state, resolver=context.countries)
		return ImportRun(_candidates(_rows_of_records(records), context, _UHRI), records)
	if source_type == "uhri-json":
		records = read_uhri_json(source, state=state, resolver=context.countries)
		return ImportRun(_candidates(_rows_of_records(records), context, _UHRI), records)
	if source_type == "upr-info-csv":
		rows = read_upr_info_csv(source, state=state, resolver=context.countries)
		return ImportRun(_candidates(rows, context, _UPR_INFO), rows)
	if source_type == "template":
		rows = read_template(source)
		return ImportRun(_candidates(rows, context, _TEMPLATE), rows)
	if source_type == "upr-thematic-list":
		rows = read_upr_thematic_list(source, state=state, resolver=context.countries)
		# Column headings differ between the lists' layouts: issues name this file's own.
		source_columns = _Source(
			columns=rows.columns, position_source="UPR thematic list", identity_with_context=True
		)
		return ImportRun(_candidates(rows, context, source_columns), rows)
	raise ValueError(f"Unknown source type {source_type!r}: expected one of {', '.join(SOURCE_TYPES)}")


def _rows_of_records(records: UhriRecords) -> Iterator[dict | RowIssue]:
	for item in records:
		if isinstance(item, RowError):
			yield RowIssue(
				item.row_number, _UHRI_COLUMN_OF_RECORD_FIELD.get(item.field, item.field), item.message
			)
		else:
			yield _row_of_record(item)


def _candidates(rows: Iterator[dict | RowIssue], context: ImportContext, source: _Source):
	first_row_of_key: dict[str, int] = {}
	for row in rows:
		item = row if isinstance(row, RowIssue) else _map_row(row, context, source)
		if isinstance(item, ImportCandidate):
			first_row = first_row_of_key.setdefault(item.dedupe_key, item.row_number)
			if first_row != item.row_number:
				item = RowIssue(
					item.row_number,
					_identity_column(item.dedupe_key, source),
					f"Same recommendation as row {first_row}; this row was left out",
				)
		yield item


def _identity_column(dedupe_key: str, source: _Source) -> str:
	if dedupe_key.startswith("uhri:"):
		return source.columns.get("uhri_annotation_id", "")
	if dedupe_key.startswith("doc:"):
		return source.columns.get("document_symbol", "")
	return source.columns.get("recommendation_text", "")


def _row_of_record(record: UhriRecord) -> dict[str, Any]:
	"""A UHRI record in the Recommendation's field names, as the other readers give their rows."""
	return {
		"row_number": record.row_number,
		"mechanism": record.body,
		"recommendation_text": record.text,
		"document_symbol": record.symbol,
		"paragraph": record.paragraph,
		"document_date": record.publication_date,
		"upr_cycle": record.upr_cycle,
		"session": record.upr_session,
		"countries_concerned": record.countries,
		"recommending_states": record.upr_recommending_states,
		"position": record.upr_position,
		"themes": record.themes,
		"affected_groups": record.affected_persons,
		"sdg_targets": record.sdg_targets,
		"annotation_type": record.annotation_type,
		"uhri_annotation_id": record.annotation_id,
		"uhri_document_id": record.document_id,
	}


def _map_row(row: dict[str, Any], context: ImportContext, source: _Source) -> ImportCandidate | RowIssue:
	row_number = row["row_number"]
	column = source.columns.get
	for name, limit in _MAX_LENGTHS.items():
		length = len(_text(row.get(name)))
		if length > limit:
			# Refused whole rather than cut: a truncated recommendation would read as the real one.
			return RowIssue(
				row_number,
				column(name, name),
				f"This cell holds {length:,} characters, more than the {limit:,} it may: shorten it and "
				"import the file again; nothing of this row was imported",
				value=_text(row.get(name)),
			)
	text = _text(row.get("recommendation_text"))
	if not text:
		return RowIssue(row_number, column("recommendation_text", ""), "The recommendation has no text")

	body = _text(row.get("mechanism"))
	if not body:
		return RowIssue(row_number, column("mechanism", ""), "No mechanism is given for this recommendation")
	mechanism = context.mechanism_for(body)
	if not mechanism:
		return RowIssue(
			row_number,
			column("mechanism", ""),
			f"No Human Rights Mechanism is known by '{body}': add a Human Rights Mechanism whose UHRI "
			f"body codes include '{body}', then import the file again",
			value=body,
		)

	raw_position = _text(row.get("position"))
	try:
		position = _position(raw_position)
	except ValueError:
		return RowIssue(
			row_number,
			column("position", ""),
			f"The position '{raw_position}' is not understood: use Supported, Noted or Supported/Noted",
			value=raw_position,
		)

	paragraph = _text(row.get("paragraph")) or parse_paragraph_number(split_paragraph_heading(text)[1])
	stated_states = list(row.get("recommending_states") or [])
	if not stated_states and (mechanism == UPR_MECHANISM or match_key(body) == "upr"):
		# UHRI leaves the column empty in some exports; the printed line ends with the States.
		printed = split_upr_recommendation(text, context.countries)
		stated_states = printed.recommending_states
		paragraph = paragraph or printed.paragraph

	warnings: list[RowIssue] = []

	def resolve(
		name: str, values: list[str], resolver: Callable[[str], str | None], message: str
	) -> list[str]:
		found, unknown = _resolve_values(values, resolver, source.separators)
		warnings.extend(
			RowIssue(
				row_number,
				column(name, name),
				message.format(value=shorten(value)),
				value=value,
				fatal=False,
				vocabulary=name if name in MAPPABLE_VOCABULARIES else "",
			)
			for value in unknown
		)
		return found

	themes = resolve(
		"themes",
		row.get("themes") or [],
		context.themes.resolve,
		"The theme '{value}' is not in the theme list and was left out; add it, or an alias for it, to keep it",
	)
	affected_groups = resolve(
		"affected_groups",
		row.get("affected_groups") or [],
		context.affected_groups.resolve,
		"The affected group '{value}' is not in the list of affected groups and was left out; "
		"add it, or an alias for it, to keep it",
	)
	sdgs = resolve(
		"sdg_targets",
		row.get("sdg_targets") or [],
		context.sdg_for,
		"'{value}' is not a known SDG target or goal and was left out; write a target as its code, "
		"e.g. 16.3, or a goal as its number, e.g. 16",
	) + resolve(
		"sdg_goals",
		row.get("sdg_goals") or [],
		context.sdg_goal_for,
		"'{value}' is not a known SDG goal and was left out; write a goal as its number, e.g. 16",
	)
	sdg_targets = [sdg for sdg in sdgs if sdg in context.sdg_targets]
	goals_of_targets = {sdg_goal_name(target.split(".")[0]) for target in sdg_targets}
	sdg_goals = list(
		dict.fromkeys(sdg for sdg in sdgs if sdg not in sdg_targets and sdg not in goals_of_targets)
	)
	recommending_states = resolve(
		"recommending_states",
		stated_states,
		context.countries.resolve,
		"'{value}' is not a known country and was left out of the recommending States; "
		"add a country alias for it to keep it",
	)
	state_under_review = _state_under_review(row, context, warnings, column("countries_concerned", ""))
	assessment = _assessment(row, warnings, column("assessment", "Assessment"))

	values = {
		"recommendation_text": text,
		"mechanism": mechanism,
		"annotation_type": annotation_type_of(row.get("annotation_type")),
		"document_symbol": _text(row.get("document_symbol")),
		"paragraph": paragraph or "",
		"document_date": row.get("document_date"),
		"upr_cycle": row.get("upr_cycle")
		or (upr_cycle_of_session(row.get("session")) if mechanism == UPR_MECHANISM else None),
		"session": _text(row.get("session")),
		"state_under_review": state_under_review,
		"position": position,
		"position_source": (_text(row.get("position_source")) or source.position_source) if position else "",
		"uhri_annotation_id": _text(row.get("uhri_annotation_id")),
		"uhri_document_id": _text(row.get("uhri_document_id")),
	}
	identity_text = text
	if source.identity_with_context:
		identity_text = " ".join(
			[
				*row.get("countries_concerned", []),
				str(values["upr_cycle"] or ""),
				*sorted(stated_states),
				text,
			]
		)
	try:
		dedupe_key = build_dedupe_key(
			uhri_annotation_id=values["uhri_annotation_id"],
			document_symbol=values["document_symbol"],
			paragraph=values["paragraph"],
			text=identity_text,
			mechanism_code=mechanism,
		)
	except ValueError:
		return RowIssue(
			row_number, column("recommendation_text", ""), "The recommendation text has no words", value=text
		)
	return ImportCandidate(
		row_number=row_number,
		dedupe_key=dedupe_key,
		values=values,
		themes=themes,
		affected_groups=affected_groups,
		sdg_targets=sdg_targets,
		sdg_goals=sdg_goals,
		recommending_states=recommending_states,
		assessment=assessment,
		warnings=warnings,
	)


def _assessment(row: dict, warnings: list[RowIssue], column: str) -> StateAssessment | None:
	"""The State's assessment a filled assessment column gives; a text naming no status is a
	warning, never silently dropped."""
	text = _text(row.get("assessment"))
	if not text:
		return None
	assessment = read_assessment_cell(text)
	if assessment.status:
		return assessment
	warnings.append(
		RowIssue(
			row["row_number"],
			column,
			f"The assessment '{shorten(text, 80)}' names no level of implementation and was not recorded; "
			"begin it with Not started, In progress, Partially implemented or Fully implemented",
			value=text,
			fatal=False,
		)
	)
	return None


def _text(value: Any) -> str:
	# Control characters (a NUL from a JSON "\u0000") print as nothing and no XLSX export can hold them.
	return "" if value is None else CONTROL_CHARACTERS.sub("", str(value)).strip()


def _position(value: str) -> str:
	if match_key(value) in _NO_POSITION_YET:
		return ""
	return normalise_upr_position(value)


def _state_under_review(row: dict, context: ImportContext, warnings: list[RowIssue], column: str) -> str:
	"""The NMIRF's State when the row concerns it or names no State; else the one State it names."""
	named = row.get("countries_concerned") or []
	resolved = []
	for name in named:
		country = context.countries.resolve(name)
		if country:
			resolved.append(country)
		else:
			warnings.append(
				RowIssue(
					row["row_number"],
					column,
					f"'{shorten(name)}' is not a known country; add a country alias for it",
					value=name,
					fatal=False,
				)
			)
	if not named or context.state in resolved:
		return context.state or ""
	distinct = list(dict.fromkeys(resolved))
	return distinct[0] if len(distinct) == 1 else ""


def _resolve_values(
	values: list[str], resolve: Callable[[str], str | None], separators: str
) -> tuple[list[str], list[str]]:
	"""(resolved, unknown) values of a list cell, each value taken whole first.

	Labels may hold a separator ("Children: definition; general principles; protection", "Korea,
	Republic of"), so a value is only split on `separators` when it does not resolve whole.
	"""
	resolved: list[str] = []
	unknown: list[str] = []
	for value in values:
		whole = resolve(value.strip())
		if whole:
			resolved.append(whole)
		elif separators:
			found, not_found = _resolve_parts(value, resolve, separators)
			resolved += found
			unknown += not_found
		elif value.strip():
			unknown.append(value.strip())
	return list(dict.fromkeys(resolved)), list(dict.fromkeys(unknown))


def _resolve_parts(
	value: str, resolve: Callable[[str], str | None], separators: str
) -> tuple[list[str], list[str]]:
	"""The longest runs of parts that resolve, left to right; the parts between them as written."""
	tokens = re.split(f"([{re.escape(separators)}])", value)  # parts at even indexes, separators between

	def run(start: int, end: int) -> str:
		if end <= start:
			return ""
		return "".join(tokens[2 * start : 2 * end - 1]).strip(f" \t{separators}")

	count = (len(tokens) + 1) // 2
	resolved: list[str] = []
	unknown: list[str] = []
	start = unknown_from = 0
	while start < count:
		for end in range(min(count, start + _MAX_PARTS_IN_LABEL), start, -1):
			label = resolve(run(start, end)) if run(start, end) else None
			if label:
				if run(unknown_from, start):
					unknown.append(run(unknown_from, start))
				resolved.append(label)
				start = unknown_from = end
				break
		else:
			start += 1
	if run(unknown_from, count):
		unknown.append(run(unknown_from, count))
	return resolved, unknown


def plan_change(candidate: ImportCandidate, existing: dict | None) -> Change:
	"""What importing `candidate` does to the Recommendation with its dedupe key.

	`existing` is that record's SOURCE_FIELDS plus its SOURCE_TABLES as lists of values, or None
	when no record has the key. The import owns the source fields only, and:

	- corrects a source field whose value differs, but never blanks one: an empty source value
	  leaves what the record holds (a position entered by hand stays until a source states one);
	- adds to a child table the source values the record lacks, and never removes a value, so that
	  themes, groups or States the NMIRF added by hand survive every re-import.

	Values compare normalised: dates as ISO text, None as "", numbers as text, whitespace
	collapsed, table values without case or order. The writer sets `changed_fields` and appends
	`missing_rows`, nothing else.
	"""
	candidate_tables = {name: getattr(candidate, name) for name in SOURCE_TABLES}
	if existing is None:
		filled = [name for name in SOURCE_FIELDS if _comparable(candidate.values.get(name))]
		tables = {name: list(values) for name, values in candidate_tables.items() if values}
		return Change("create", filled + list(tables), tables)

	changed = [
		name
		for name in SOURCE_FIELDS
		if (new := _comparable(candidate.values.get(name))) and new != _comparable(existing.get(name))
	]
	missing_rows = {}
	for name, link_field in SOURCE_TABLES.items():
		present = {_table_key(value, link_field) for value in existing.get(name) or []}
		missing = [value for value in candidate_tables[name] if _table_key(value, link_field) not in present]
		if missing:
			missing_rows[name] = missing
	changed_fields = changed + list(missing_rows)
	return Change("update" if changed_fields else "unchanged", changed_fields, missing_rows)


def _comparable(value: Any) -> str:
	if value is None:
		return ""
	if isinstance(value, datetime):
		return value.date().isoformat()
	if isinstance(value, date):
		return value.isoformat()
	if isinstance(value, float) and value.is_integer():
		return str(int(value))
	text = " ".join(str(value).split())
	# Frappe may hand a Date back as "2021-07-12 00:00:00" text.
	return text.removesuffix(" 00:00:00") if re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", text) else text


def _table_key(value: Any, link_field: str) -> str:
	if isinstance(value, dict):
		value = value.get(link_field)
	return _comparable(value).casefold()


def states_most_named(other_states: Mapping[str, int], shown: int = 3) -> tuple[list[tuple[str, int]], int]:
	"""The States the left-out rows were about, most rows first (ties by name), at most `shown`;
	and how many States more there were."""
	ranked = sorted(
		((state, count) for state, count in other_states.items() if count), key=lambda x: (-x[1], x[0])
	)
	return ranked[:shown], max(len(ranked) - shown, 0)


def nothing_to_import(created: int, updated: int) -> bool:
	"""A preview that found no row to create or update: importing would change nothing (failing
	rows fail again)."""
	return not (created or updated)
