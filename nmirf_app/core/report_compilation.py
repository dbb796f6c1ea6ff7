"""The draft of a State report, assembled from approved progress and institutions' contributions,
and its export to Word and Excel.

The draft always reads the same for the same input, laid out as follows:

1. "Introduction" (level 1) with the introduction text, when there is one.
2. One level-1 section per section name of the contributions tied to neither a cluster nor a
   recommendation, sorted by name regardless of case; a section named "Introduction" joins the
   introduction, after its text.
3. "Implementation of the recommendations" (level 1), then
   - organised by cluster: one level-2 section per cluster, alphabetically, with "Other
     recommendations" (those without a cluster) last. In it, recommendation after recommendation,
     the approved progress on each (by approval date, then institution) followed by the
     contributions tied to that recommendation; after them, the contributions tied to the cluster
     only. A contribution tied to a recommendation follows it, whatever cluster it names.
   - organised by recommendation: one level-2 section per recommendation, with its progress and
     then its contributions. Contributions tied to a cluster only have no cluster heading to go
     under there, so they join the sections of point 2 under their section name.
   - organised by SDG goal and target (a Voluntary National Review input): one level-2 section per
     goal and, in it, one level-3 section per target, both in the UN's order ("5.2" before "5.10",
     "5.a" after "5.9"). Under a target, the recommendations linked to it in recommendation order,
     each with its progress and contributions; those linked to a goal but none of its targets come
     first in the goal's own section. A recommendation linked to several targets is told
     under the first; under the others a paragraph says where (Word renumbers paragraphs, so it
     names the target, not a paragraph number). Recommendations linked to no target come last
     under "Other recommendations"; contributions tied to a cluster only join point 2.
4. The annex: every recommendation given, with its status (and, by SDG, its targets), in the order
   of the body.

Recommendations are ordered by mechanism (UPR first, then the treaty bodies alphabetically, then
any other mechanism alphabetically), document symbol and paragraph, numbers compared as numbers
("A/HRC/9/…" before "A/HRC/48/…", "118.2" before "118.10", "9" before "10"), and last by reference.
Contributions in one place are ordered by section, institution and text.

A section or recommendation with nothing to say is left out of the body; the annex still lists
every recommendation with its status, which shows the secretariat what the draft does not cover yet.

Texts may be HTML from Frappe's text editor: tags are dropped and each paragraph of text becomes a
numbered paragraph. Paragraphs are numbered consecutively through the document, as in UN reports.
The citation of the recommendation ("(A/HRC/48/9, para. 118.5 — UPR-3-118.5)") closes the last
paragraph of each progress item, and of each contribution tied to a recommendation.

The headings, citations and annex words the module writes itself are English, marked with `N_`;
`assemble_report(translate=...)` and the layout given to `write_docx` put them in the report's
language. Texts written by people (contributions, progress, cluster names) stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import count
from pathlib import Path
from typing import IO, TYPE_CHECKING

from nmirf_app.core.implementation_matrix import MatrixColumn, write_matrix_xlsx

# UHRI's HTML export and Frappe's text editor need the same flattening to text; shared, not copied.
from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.recommendation_import import UPR_MECHANISM
from nmirf_app.core.references import natural_key, normalise_symbol
from nmirf_app.core.translation import N_, Translate, untranslated

if TYPE_CHECKING:
	from nmirf_app.core.word_document import DocumentLayout

BY_CLUSTER = "cluster"
BY_RECOMMENDATION = "recommendation"
BY_SDG = "sdg"
ORGANISATIONS = (BY_CLUSTER, BY_RECOMMENDATION, BY_SDG)

# The ten treaty bodies (OHCHR); the Frappe side may pass its own list of Treaty Body mechanisms.
TREATY_BODY_CODES = frozenset(("CCPR", "CESCR", "CERD", "CEDAW", "CAT", "SPT", "CRC", "CMW", "CRPD", "CED"))

INTRODUCTION = N_("Introduction")
IMPLEMENTATION = N_("Implementation of the recommendations")
OTHER_RECOMMENDATIONS = N_("Other recommendations")
OTHER_INFORMATION = N_("Other information")
ANNEX_HEADING = N_("Annex: Recommendations covered by the report and their implementation status")
# {0}: the paragraph number in the UN document, {1}: its symbol
RECOMMENDATION_HEADING = N_("Recommendation {0} ({1})")
RECOMMENDATION_HEADING_BY_REFERENCE = N_("Recommendation {0}")  # {0}: the NMIRF's reference
PARAGRAPH_CITATION = N_("para. {0}")  # {0}: the paragraph number, as UN documents cite it
IMPLEMENTATION_BY_SDG = N_("Implementation of the recommendations, by Sustainable Development Goal")
GOAL_HEADING = N_("Goal {0}: {1}")  # {0}: the goal's number, {1}: its title
GOAL_HEADING_UNTITLED = N_("Goal {0}")
TARGET_HEADING = N_("Target {0}: {1}")  # {0}: the target, "5.2", {1}: its title
TARGET_HEADING_UNTITLED = N_("Target {0}")
TOLD_UNDER_TARGET = N_("Progress on this recommendation is reported under target {0}.")
TOLD_UNDER_GOAL = N_("Progress on this recommendation is reported under goal {0}.")

ANNEX_COLUMNS = (
	MatrixColumn(N_("Reference"), "reference", 16),
	MatrixColumn(N_("Mechanism"), "mechanism", 12),
	MatrixColumn(N_("Document symbol"), "document_symbol", 20),
	MatrixColumn(N_("Paragraph"), "paragraph", 10),
	MatrixColumn(N_("Recommendation"), "recommendation_text", 80),
	MatrixColumn(N_("Implementation status"), "status", 22),
)

# Relative widths of the annex columns in Word, on a landscape page: the recommendation takes the room.
ANNEX_WORD_WIDTHS = (14, 10, 13, 7, 44, 12)
# By SDG, the annex says which targets each recommendation serves, after its paragraph.
SDG_ANNEX_COLUMNS = (
	*ANNEX_COLUMNS[:4],
	MatrixColumn(N_("SDG targets"), "sdg_targets", 14),
	*ANNEX_COLUMNS[4:],
)
SDG_ANNEX_WORD_WIDTHS = (13, 9, 12, 7, 9, 39, 11)

# Word properties when neither a generation date nor any approved progress dates the draft.
FALLBACK_GENERATED_ON = date(2000, 1, 1)

# Control characters pasted from other programs that Word's XML cannot hold (python-docx refuses them);
# vertical tab and form feed are left for splitlines, which reads them as paragraph breaks.
# Not spreadsheet.CONTROL_CHARACTERS: a vertical tab (\x0b, Word's line break) and form feed stay,
# to become paragraph breaks.
_NOT_XML_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ReportRecommendation:
	reference: str  # "UPR-3-118.5"
	mechanism: str  # "UPR", "CRC" …
	document_symbol: str  # "A/HRC/48/9"
	paragraph: str  # "118.5"
	text: str
	cluster: str | None
	status: str
	themes: tuple[str, ...] = ()
	sdg_targets: tuple[str, ...] = ()  # "5.2", "16.3"; a goal's number, "5", when only the goal is known


@dataclass(frozen=True)
class ApprovedProgress:
	reference: str  # the recommendation it reports on
	institution: str
	approved_on: date
	summary: str  # may be HTML


@dataclass(frozen=True)
class Contribution:
	section: str
	institution: str
	text: str  # may be HTML
	cluster: str | None = None
	recommendation: str | None = None


@dataclass(frozen=True)
class NumberedParagraph:
	number: int
	text: str
	reference: str | None = None  # the citation of the recommendation it reports on
	source: str | None = None  # the institution that wrote it: for the secretariat, not printed


@dataclass(frozen=True)
class Section:
	heading: str
	level: int
	paragraphs: tuple[NumberedParagraph, ...] = ()
	subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class AnnexRow:
	reference: str
	mechanism: str
	document_symbol: str
	paragraph: str
	recommendation_text: str
	status: str
	sdg_targets: str = ""  # "5.2, 5.3"


@dataclass(frozen=True)
class ReportDocument:
	title: str
	organise_by: str
	sections: tuple[Section, ...]
	annex: tuple[AnnexRow, ...]
	data_as_of: date | None  # the latest approval date of the progress it reports

	def iter_sections(self) -> Iterator[Section]:
		"""Every section and subsection in document order."""

		def walk(sections: Iterable[Section]) -> Iterator[Section]:
			for section in sections:
				yield section
				yield from walk(section.subsections)

		return walk(self.sections)

	def numbered_paragraphs(self) -> list[NumberedParagraph]:
		return [paragraph for section in self.iter_sections() for paragraph in section.paragraphs]

	@property
	def annex_columns(self) -> tuple[MatrixColumn, ...]:
		return SDG_ANNEX_COLUMNS if self.organise_by == BY_SDG else ANNEX_COLUMNS

	@property
	def annex_word_widths(self) -> tuple[int, ...]:
		return SDG_ANNEX_WORD_WIDTHS if self.organise_by == BY_SDG else ANNEX_WORD_WIDTHS


@dataclass
class _DraftSection:
	heading: str
	level: int
	paragraphs: list[tuple[str, str | None, str | None]] = field(default_factory=list)
	subsections: list[_DraftSection] = field(default_factory=list)

	def add_text(self, text: str, *, reference: str | None = None, source: str | None = None) -> None:
		"""Each paragraph of `text`, the citation on the last one."""
		pieces = text_paragraphs(text)
		for index, piece in enumerate(pieces):
			self.paragraphs.append((piece, reference if index == len(pieces) - 1 else None, source))


def assemble_report(
	title: str,
	*,
	recommendations: Iterable[ReportRecommendation],
	progress: Iterable[ApprovedProgress],
	contributions: Iterable[Contribution],
	organise_by: str,
	introduction: str = "",
	treaty_bodies: Iterable[str] = TREATY_BODY_CODES,
	translate: Translate = untranslated,
	sdg_titles: Mapping[str, str] | None = None,
) -> ReportDocument:
	"""The draft report, laid out by the rules in this module's docstring. `sdg_titles` gives the
	headings' titles of SDG goals ("5") and targets ("5.2"); without one a heading has the number only.

	Raises ValueError for an unknown `organise_by`, two recommendations with one reference, and
	progress or contributions about a recommendation not in `recommendations`: dropping them silently
	would lose approved work from the report.
	"""
	if organise_by not in ORGANISATIONS:
		raise ValueError(f"A report is organised by {' or '.join(ORGANISATIONS)}, not {organise_by!r}")
	treaty_body_codes = {code.strip().upper() for code in treaty_bodies}
	ordered = sorted(recommendations, key=lambda rec: recommendation_sort_key(rec, treaty_body_codes))
	by_reference = _index_by_reference(ordered)
	progress_by_reference = _group_progress(progress, by_reference)

	contributions_by_reference: dict[str, list[Contribution]] = {}
	contributions_by_cluster: dict[str, list[Contribution]] = {}
	free_contributions: list[Contribution] = []
	unknown = []
	for contribution in sorted(contributions, key=_contribution_sort_key):
		cluster = _cluster_of(contribution.cluster)
		if contribution.recommendation:
			if contribution.recommendation not in by_reference:
				unknown.append(contribution.recommendation)
			contributions_by_reference.setdefault(contribution.recommendation, []).append(contribution)
		elif cluster and organise_by == BY_CLUSTER:
			contributions_by_cluster.setdefault(cluster, []).append(contribution)
		else:
			free_contributions.append(contribution)
	if unknown:
		raise ValueError(
			"Contributions refer to recommendations that are not in the report: "
			+ ", ".join(sorted(set(unknown)))
		)

	def add_recommendation_material(section: _DraftSection, recommendation: ReportRecommendation) -> bool:
		"""Writes what is known about the recommendation; False when there is nothing."""
		citation = recommendation_citation(recommendation, translate)
		before = len(section.paragraphs)
		for item in progress_by_reference.get(recommendation.reference, ()):
			section.add_text(item.summary, reference=citation, source=item.institution)
		for contribution in contributions_by_reference.get(recommendation.reference, ()):
			section.add_text(contribution.text, reference=citation, source=contribution.institution)
		return len(section.paragraphs) > before

	drafts = _opening_sections(introduction, free_contributions, translate)
	implementation = _DraftSection(
		translate(IMPLEMENTATION_BY_SDG if organise_by == BY_SDG else IMPLEMENTATION), 1
	)
	drafts.append(implementation)
	annex_order: list[ReportRecommendation] = []
	if organise_by == BY_SDG:
		implementation.subsections.extend(
			_sdg_sections(ordered, add_recommendation_material, translate, sdg_titles or {})
		)
		annex_order.extend(ordered)
	elif organise_by == BY_CLUSTER:
		recommendations_by_cluster: dict[str | None, list[ReportRecommendation]] = {}
		for recommendation in ordered:
			recommendations_by_cluster.setdefault(_cluster_of(recommendation.cluster), []).append(
				recommendation
			)
		clusters = set(recommendations_by_cluster) | set(contributions_by_cluster)
		for cluster in sorted(clusters, key=_cluster_sort_key):
			section = _DraftSection(cluster or translate(OTHER_RECOMMENDATIONS), 2)
			for recommendation in recommendations_by_cluster.get(cluster, ()):
				add_recommendation_material(section, recommendation)
				annex_order.append(recommendation)
			for contribution in contributions_by_cluster.get(cluster, ()):
				section.add_text(contribution.text, source=contribution.institution)
			implementation.subsections.append(section)
	else:
		for recommendation in ordered:
			section = _DraftSection(recommendation_heading(recommendation, translate), 2)
			add_recommendation_material(section, recommendation)
			implementation.subsections.append(section)
			annex_order.append(recommendation)

	numbers = count(1)
	sections = tuple(frozen for draft in drafts if (frozen := _number_paragraphs(draft, numbers)) is not None)
	approval_dates = [item.approved_on for items in progress_by_reference.values() for item in items]
	return ReportDocument(
		title=title,
		organise_by=organise_by,
		sections=sections,
		annex=tuple(_annex_row(recommendation) for recommendation in annex_order),
		data_as_of=max(approval_dates, default=None),
	)


def text_paragraphs(text: str | None) -> list[str]:
	"""The paragraphs of a plain or HTML text, tags dropped and whitespace tidied."""
	tidied = plain_text(_NOT_XML_CHARACTERS.sub("", text or ""))
	return tidied.split("\n") if tidied else []


def mechanism_rank(mechanism: str, treaty_bodies: Collection[str] = TREATY_BODY_CODES) -> tuple[int, str]:
	"""UPR first, then the treaty bodies, then the others; alphabetically within each group."""
	code = (mechanism or "").strip().upper()
	if code == UPR_MECHANISM:
		return (0, code)
	return (1 if code in treaty_bodies else 2, code)


def recommendation_sort_key(
	recommendation: ReportRecommendation, treaty_bodies: Collection[str] = TREATY_BODY_CODES
) -> tuple:
	return (
		mechanism_rank(recommendation.mechanism, treaty_bodies),
		natural_key(normalise_symbol(recommendation.document_symbol)),
		natural_key(recommendation.paragraph),
		recommendation.reference,
	)


def recommendation_telling_each_action(
	links: Iterable[tuple[str, str]],
	recommendations: dict[str, ReportRecommendation],
	treaty_bodies: Collection[str] = TREATY_BODY_CODES,
) -> dict[str, str]:
	"""{action: recommendation}: progress on an action is told once, under the first of the action's
	recommendations in the report's order. links: (action, recommendation) pairs."""
	first = {}
	for action, reference in sorted(
		links, key=lambda link: (recommendation_sort_key(recommendations[link[1]], treaty_bodies), link[0])
	):
		first.setdefault(action, reference)
	return first


def recommendation_citation(recommendation: ReportRecommendation, translate: Translate = untranslated) -> str:
	"""`(A/HRC/48/9, para. 118.5 — UPR-3-118.5)`: where the UN published it, and how the NMIRF quotes it."""
	paragraph = (recommendation.paragraph or "").strip()
	source = ", ".join(
		part
		for part in (
			(recommendation.document_symbol or "").strip(),
			translate(PARAGRAPH_CITATION).format(paragraph) if paragraph else "",
		)
		if part
	)
	return f"({source} — {recommendation.reference})" if source else f"({recommendation.reference})"


def recommendation_heading(recommendation: ReportRecommendation, translate: Translate = untranslated) -> str:
	"""`Recommendation 118.5 (A/HRC/48/9)`, or the reference when symbol or paragraph is unknown."""
	symbol = (recommendation.document_symbol or "").strip()
	paragraph = (recommendation.paragraph or "").strip()
	if symbol and paragraph:
		return translate(RECOMMENDATION_HEADING).format(paragraph, symbol)
	return translate(RECOMMENDATION_HEADING_BY_REFERENCE).format(recommendation.reference)


def write_docx(
	report: ReportDocument,
	stream_or_path: str | Path | IO[bytes],
	*,
	generated_on: date | None = None,
	layout: DocumentLayout | None = None,
) -> None:
	"""The report as a Word document a ministry can circulate (nmirf_app.core.word_document): a title
	page, the contents, the Heading 1/2 sections of paragraphs numbered by Word ("Numbered Paragraph"
	style, one sequence), each citation of a recommendation as a footnote, and the annex as a table
	with a header row repeated on every page. `layout` (by default an English A4 draft) sets the page
	size, language, title page and the translation of the words the writer adds.

	Writing the same report twice gives the same bytes: the document properties and the dates inside
	the .docx package are set from `generated_on`, by default the report's latest approval date.
	"""
	# Imported here so that the rest of the module works where only the Excel export is used.
	from nmirf_app.core.word_document import DocumentLayout, WordDocument, footnote_citation

	layout = layout or DocumentLayout()
	translate = layout.translate
	stamp = generated_on or report.data_as_of or FALLBACK_GENERATED_ON
	document = WordDocument(layout, title=report.title, stamp=stamp)
	document.add_title_page()
	document.add_contents()
	for index, section in enumerate(report.iter_sections()):
		document.add_heading(section.heading, section.level, new_page=index == 0)
		for paragraph in section.paragraphs:
			document.add_numbered_paragraph(
				paragraph.text,
				footnote=footnote_citation(paragraph.reference) if paragraph.reference else None,
			)
	if report.annex:
		# Six columns read better across a landscape page.
		document.start_landscape_section()
		document.add_heading(translate(ANNEX_HEADING), 1)
		document.add_table(
			[translate(column.header) for column in report.annex_columns],
			[_annex_cells(row, report.annex_columns, translate) for row in report.annex],
			widths=report.annex_word_widths,
		)
	_write_bytes(document.to_bytes(), stream_or_path)


def _annex_cells(row: AnnexRow, columns: Sequence[MatrixColumn], translate: Translate) -> list[str]:
	"""The row's cells in the order of `columns`; the status, one of the app's words, translated."""
	values = asdict(row)
	values["status"] = translate(row.status) if row.status else ""
	return [values[column.key] or "" for column in columns]


def write_xlsx_matrix(report: ReportDocument, stream: str | Path | IO[bytes]) -> None:
	"""The annex as an Excel sheet, styled like the implementation matrix; cells go through safe_cell."""
	records = [asdict(row) for row in report.annex]
	_write_bytes(write_matrix_xlsx(records, title=report.title, columns=report.annex_columns), stream)


def _index_by_reference(recommendations: list[ReportRecommendation]) -> dict[str, ReportRecommendation]:
	by_reference: dict[str, ReportRecommendation] = {}
	duplicates = set()
	for recommendation in recommendations:
		if recommendation.reference in by_reference:
			duplicates.add(recommendation.reference)
		by_reference[recommendation.reference] = recommendation
	if duplicates:
		raise ValueError("Recommendations are given twice: " + ", ".join(sorted(duplicates)))
	return by_reference


def _group_progress(
	progress: Iterable[ApprovedProgress], by_reference: dict[str, ReportRecommendation]
) -> dict[str, list[ApprovedProgress]]:
	grouped: dict[str, list[ApprovedProgress]] = {}
	for item in sorted(
		progress,
		key=lambda item: (item.approved_on, item.institution.casefold(), item.institution, item.summary),
	):
		grouped.setdefault(item.reference, []).append(item)
	unknown = sorted(set(grouped) - set(by_reference))
	if unknown:
		raise ValueError(
			"Approved progress refers to recommendations that are not in the report: " + ", ".join(unknown)
		)
	return grouped


def sdg_targets_of(recommendation: ReportRecommendation) -> list[str]:
	"""The recommendation's SDG targets, each once, in the UN's order."""
	return sorted(
		{target.strip() for target in recommendation.sdg_targets if target.strip()}, key=natural_key
	)


def sdg_goal_of(target: str) -> str:
	"""The goal of a target: "5" for "5.2" and "5.a"."""
	return target.split(".", 1)[0]


def _sdg_sections(ordered, add_recommendation_material, translate: Translate, titles: Mapping[str, str]):
	"""Level-2 goal sections holding level-3 target sections, then "Other recommendations"."""
	by_target: dict[str, list[ReportRecommendation]] = {}
	unlinked = _DraftSection(translate(OTHER_RECOMMENDATIONS), 2)
	for recommendation in ordered:
		targets = sdg_targets_of(recommendation)
		for target in targets:
			by_target.setdefault(target, []).append(recommendation)
		if not targets:
			add_recommendation_material(unlinked, recommendation)
	told_under: dict[str, str] = {}  # recommendation -> the paragraph saying where its material is
	goals: dict[str, _DraftSection] = {}
	for target in sorted(by_target, key=natural_key):  # a goal ("5") sorts before its targets ("5.1")
		goal = sdg_goal_of(target)
		if goal not in goals:
			goals[goal] = _DraftSection(
				_titled(goal, titles, GOAL_HEADING, GOAL_HEADING_UNTITLED, translate), 2
			)
		if target == goal:  # linked to the goal only: told in the goal's own section
			section, told = goals[goal], translate(TOLD_UNDER_GOAL).format(goal)
		else:
			section = _DraftSection(
				_titled(target, titles, TARGET_HEADING, TARGET_HEADING_UNTITLED, translate), 3
			)
			goals[goal].subsections.append(section)
			told = translate(TOLD_UNDER_TARGET).format(target)
		for recommendation in by_target[target]:
			if recommendation.reference in told_under:
				section.add_text(
					told_under[recommendation.reference],
					reference=recommendation_citation(recommendation, translate),
				)
			elif add_recommendation_material(section, recommendation):
				told_under[recommendation.reference] = told
	return [*goals.values(), unlinked]


def _titled(number: str, titles: Mapping[str, str], titled: str, untitled: str, translate: Translate) -> str:
	title = (titles.get(number) or "").strip()
	return translate(titled).format(number, translate(title)) if title else translate(untitled).format(number)


def _opening_sections(
	introduction: str, free_contributions: list[Contribution], translate: Translate
) -> list[_DraftSection]:
	"""The introduction, then one section per contribution section name (contributions come sorted).
	A section named "Introduction", in English or in the report's language, joins the introduction."""
	opening = _DraftSection(translate(INTRODUCTION), 1)
	opening.add_text(introduction)
	sections = {INTRODUCTION.casefold(): opening, opening.heading.casefold(): opening}
	for contribution in free_contributions:
		heading = contribution.section.strip() or translate(OTHER_INFORMATION)
		section = sections.setdefault(heading.casefold(), _DraftSection(heading, 1))
		section.add_text(contribution.text, source=contribution.institution)
	return list({id(section): section for section in sections.values()}.values())


def _number_paragraphs(draft: _DraftSection, numbers: Iterator[int]) -> Section | None:
	"""The frozen section with its paragraphs numbered in document order; None when it is empty."""
	paragraphs = tuple(
		NumberedParagraph(next(numbers), text, reference, source)
		for text, reference, source in draft.paragraphs
	)
	subsections = tuple(
		frozen
		for subsection in draft.subsections
		if (frozen := _number_paragraphs(subsection, numbers)) is not None
	)
	if not paragraphs and not subsections:
		return None
	return Section(draft.heading, draft.level, paragraphs, subsections)


def _annex_row(recommendation: ReportRecommendation) -> AnnexRow:
	return AnnexRow(
		reference=recommendation.reference,
		mechanism=recommendation.mechanism,
		document_symbol=recommendation.document_symbol,
		paragraph=recommendation.paragraph,
		recommendation_text=" ".join(text_paragraphs(recommendation.text)),
		status=recommendation.status,
		sdg_targets=", ".join(sdg_targets_of(recommendation)),
	)


def _cluster_of(cluster: str | None) -> str | None:
	return (cluster or "").strip() or None


def _cluster_sort_key(cluster: str | None) -> tuple:
	return (cluster is None, (cluster or "").casefold(), cluster or "")


def _contribution_sort_key(contribution: Contribution) -> tuple:
	return (
		contribution.section.strip().casefold(),
		contribution.section,
		contribution.institution.casefold(),
		contribution.institution,
		contribution.text,
	)


def _write_bytes(content: bytes, stream_or_path: str | Path | IO[bytes]) -> None:
	if hasattr(stream_or_path, "write"):
		stream_or_path.write(content)
	else:
		Path(stream_or_path).write_bytes(content)
