"""Realistic UPR "Thematic list of recommendations" documents (DOCX) of the three layouts OHCHR has
published, built here from what the lists look like, for the reader's tests and for trying an import.

`sample_list(cycle)` describes the recommendations of a Paraguay-like State's list for the 2nd, 3rd or
4th cycle, `build_docx(sample)` writes it as OHCHR lays it out: the page header naming State, cycle and
session, one table of four columns, merged `Theme: …` heading rows, the `Source of position:` line
under each recommendation. The lists carry the oddities real ones do: a paragraph holding two
recommendations, a State named with a comma, States in one group or several, a non-breaking space, a
stray line break, `Source of Position:` capitalised, a split position, a filled assessment cell.

Run as a script to write the three documents to a folder:

	python3 tests/thematic_list_samples.py /tmp/thematic-lists
"""

from __future__ import annotations

import io
import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

if __package__ in (None, ""):
	# Run as a script from anywhere: the checkout's nmirf_app is then importable.
	sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from nmirf_app.core.reference_data import sdg_goals

NBSP = "\u00a0"

# Layout of each cycle's list: (State, session, Working Group report, paragraph of its
# recommendations, column headings).
_OLD_HEADINGS = (
	"Recommendation",
	"Position",
	"Full list of themes",
	"Assessment/comments on level of implementation",
)
_CYCLE_4_HEADINGS = (
	"Recommendation and recommending State",
	"Position of the State under review",
	"Human rights themes and groups of persons",
	"Relevant SDGs",
)
LAYOUTS = {
	2: {"session": 24, "report": "A/HRC/32/9", "paragraph": 102, "headings": _OLD_HEADINGS, "count": 28},
	3: {"session": 38, "report": "A/HRC/48/9", "paragraph": 124, "headings": _OLD_HEADINGS, "count": 33},
	4: {"session": 48, "report": "A/HRC/59/9", "paragraph": 115, "headings": _CYCLE_4_HEADINGS, "count": 38},
}

# Topic → themes as each cycle's list writes them: the 2nd cycle with the codes of UHRI's first
# vocabulary, the 3rd with its 2017 labels, the 4th with the 2025 labels (uhri_themes.csv). Some old
# labels have no counterpart in the site's vocabulary, as in real lists.
_TOPICS: dict[str, dict[int, tuple]] = {
	"ratification": {
		2: (("A12", "Acceptance of international norms"),),
		3: ("Acceptance of international norms",),
		4: ("Ratification of & accession to international instruments",),
	},
	"cooperation": {
		2: (("A24", "Cooperation with human rights mechanisms and institutions"),),
		3: ("Cooperation with human rights mechanisms and institutions",),
		4: ("Cooperation with human rights mechanisms & requests for technical assistance",),
	},
	"nhri": {
		2: (("A45", "National Human Rights Institution (NHRI)"),),
		3: ("National Human Rights Institution (NHRI)",),
		4: ("National Human Rights Institution (NHRI)",),
	},
	"action_plan": {
		2: (("A46", "National Plans of Action on Human Rights (or specific areas)"),),
		3: ("National Human Rights Action Plans (or specific areas) / implementation plans",),
		4: (
			"National Human Rights Action Plans (or specific areas) / implementation plans",
			"National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)",
		),
	},
	"discrimination": {
		2: (("B31", "Equality & non-discrimination"),),
		3: ("Equality and non-discrimination",),
		4: ("Equality & non-discrimination",),
	},
	"racial": {
		2: (("B32", "Racial discrimination"),),
		3: ("Equality and non-discrimination",),
		4: ("Racial discrimination",),
	},
	"torture": {
		2: (("D25", "Prohibition of torture and cruel, inhuman or degrading treatment"),),
		3: ("Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)",),
		4: ("Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)",),
	},
	"detention": {
		2: (("D26", "Conditions of detention"),),
		3: ("Conditions of detention",),
		4: ("Conditions of detention",),
	},
	"trafficking": {
		2: (("D27", "Prohibition of slavery, trafficking"),),
		3: ("Prohibition of slavery, trafficking",),
		4: ("Human trafficking & contemporary forms of slavery",),
	},
	"domestic_violence": {
		2: (("D29", "Domestic violence"),),
		3: ("Domestic violence",),
		4: ("Domestic violence",),
	},
	"disappearance": {
		2: (("D32", "Enforced disappearances"),),
		3: ("Liberty and security of the person",),
		4: ("Enforced disappearances", "Right to effective remedy & reparations"),
	},
	"justice": {
		2: (("D51", "Administration of justice & fair trial"),),
		3: ("Administration of justice",),
		4: ("Administration of justice & fair trial",),
	},
	"corruption": {
		2: (("D51", "Administration of justice & fair trial"),),
		3: ("Good governance & corruption",),
		4: ("Good governance & corruption", "Impunity & transparency"),
	},
	"expression": {
		2: (("D43", "Freedom of opinion and expression"),),
		3: ("Fundamental freedoms",),
		4: ("Freedom of opinion and expression & access to information",),
	},
	"poverty": {
		2: (("E25", "Human rights & poverty"),),
		3: ("Right to an adequate standard of living",),
		4: ("Human rights & poverty",),
	},
	"food": {
		2: (("E22", "Right to food"),),
		3: ("Right to an adequate standard of living",),
		4: ("Right to food",),
	},
	"water": {
		2: (("E21", "Right to an adequate standard of living"),),
		3: ("Right to an adequate standard of living",),
		4: ("Safe drinking water & sanitation",),
	},
	"labour": {
		2: (("E31", "Right to work"),),
		3: ("Labour rights",),
		4: ("Labour rights and right to work",),
	},
	"health": {
		2: (("E43", "Access to sexual & reproductive health & services"),),
		3: ("Right to health",),
		4: ("Sexual & reproductive health and rights",),
	},
	"education": {
		2: (("E51", "Right to education"),),
		3: ("Right to education",),
		4: ("Right to education",),
	},
	"land": {
		2: (("E1", "Economic, social & cultural rights - general measures of implementation"),),
		3: ("Rights to protection of property; financial credit",),
		4: ("Land & property rights",),
	},
	"environment": {
		2: (("E1", "Economic, social & cultural rights - general measures of implementation"),),
		3: ("Human rights and environmental issues",),
		4: ("Human rights & the environment", "Human rights & climate change"),
	},
	"women": {
		2: (("F12", "Discrimination against women"),),
		3: ("Women",),
		4: ("Discrimination against women",),
	},
	"violence_women": {
		2: (("F13", "Violence against women"),),
		3: ("Violence against women",),
		4: ("Violence against women", "Sexual & gender-based violence"),
	},
	"women_participation": {
		2: (("F14", "Participation of women in political & public life"),),
		3: ("Women",),
		4: ("Participation of women in political & public life",),
	},
	"children": {
		2: (("F31", "Children: definition; general principles; protection"),),
		3: ("Children",),
		4: ("Children: definition; general principles; protection",),
	},
	"child_labour": {
		2: (("F33", "Children: protection against exploitation"),),
		3: ("Children: protection against exploitation",),
		4: ("Children: protection against exploitation",),
	},
	"disability": {
		2: (("F4", "Persons with disabilities"),),
		3: ("Persons with disabilities",),
		4: ("Persons with disabilities: independence, inclusion",),
	},
	"indigenous": {
		2: (("G3", "Indigenous peoples"),),
		3: ("Indigenous peoples",),
		4: ("Indigenous peoples", "Land & property rights"),
	},
	"migrants": {
		2: (("G4", "Migrants"),),
		3: ("Migrants",),
		4: ("Migrants",),
	},
	"defenders": {
		2: (("H1", "Human rights defenders"),),
		3: ("Human rights defenders",),
		4: ("Freedom of opinion and expression & access to information",),
	},
	"hr_education": {
		2: (("A53", "Professional training in human rights"),),
		3: ("Human rights education, trainings and awareness raising",),
		4: ("Human rights education, trainings & awareness raising",),
	},
	"birth_registration": {
		2: (("F31", "Children: definition; general principles; protection"),),
		3: ("Rights related to name, identity, nationality",),
		4: ("Rights related to name, identity & nationality",),
	},
}

# Group → (2nd and 3rd cycle wording, lower case as those lists print it; 4th cycle wording).
_GROUPS = {
	"general": ("general", ""),
	"children": ("children", "Children"),
	"girls": ("girls", "Women & girls"),
	"women": ("women", "Women"),
	"youth": ("youth", "Youth & juveniles"),
	"indigenous": ("indigenous peoples", "Indigenous peoples"),
	"disabilities": ("persons with disabilities", "Persons with disabilities"),
	"lgbti": (
		"lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
		"Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
	),
	"detainees": ("persons deprived of their liberty", "Persons deprived of their liberty & detainees"),
	"defenders": ("human rights defenders", "Civil society"),
	"media": ("media", "Media"),
	"rural": ("persons living in rural areas", "Persons living in rural areas"),
	"poor": ("persons living in poverty", "Persons living in poverty"),
	"migrants": ("migrants", "Migrants"),
	"judges": ("judges, lawyers and prosecutors", "Judges, lawyers and prosecutors"),
	"police": ("law enforcement / police officials", "Law enforcement / police & prison officials"),
	"disappeared": ("disappeared persons", "Disappeared persons"),
}


@dataclass(frozen=True)
class _Draft:
	"""One recommendation as the Working Group report words it, before a cycle's list lays it out."""

	text: str
	topics: tuple[str, ...]
	groups: tuple[str, ...]
	sdgs: tuple[int, ...]
	states: tuple[str, ...]
	# A second recommendation printed in the same numbered paragraph: (text, States).
	second: tuple[str, tuple[str, ...]] | None = None
	joint: bool = False  # the States in one group, "(Chile, Spain)"


_DRAFTS = (
	_Draft(
		"Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
		("ratification",),
		("general",),
		(16,),
		("Portugal",),
	),
	_Draft(
		"Ratify the ILO Violence and Harassment Convention, 2019 (No. 190)",
		("ratification", "labour"),
		("women",),
		(5, 8),
		("Uruguay",),
	),
	_Draft(
		"Ratify the Inter-American Convention on Protecting the Human Rights of Older Persons",
		("ratification",),
		("general",),
		(10,),
		("Argentina", "Costa Rica"),
		joint=True,
	),
	_Draft(
		"Accede to the 1954 Convention relating to the Status of Stateless Persons",
		("ratification",),
		("general",),
		(16,),
		("Côte d'Ivoire",),
	),
	_Draft(
		"Maintain its standing invitation to the special procedures and respond to pending communications",
		("cooperation",),
		("general",),
		(16, 17),
		("Latvia",),
	),
	_Draft(
		"Bring the Office of the Ombudsman into full compliance with the Paris Principles and ensure "
		"a transparent selection of its head",
		("nhri",),
		("general",),
		(16,),
		("Chile", "Spain"),
		joint=True,
	),
	_Draft(
		"Implement the National Human Rights Plan and allocate the human and financial resources needed "
		"for its execution",
		("action_plan",),
		("general",),
		(16, 17),
		("Venezuela, Bolivarian Republic of",),
	),
	_Draft(
		"Strengthen the SIMORE Plus system for monitoring the implementation of recommendations, with the "
		"participation of civil society",
		("action_plan", "cooperation"),
		("defenders",),
		(16, 17),
		("Brazil", "Kenya"),
	),
	_Draft(
		"Adopt a comprehensive law against all forms of discrimination, including on the grounds of sexual "
		"orientation and gender identity",
		("discrimination",),
		("lgbti",),
		(5, 10, 16),
		("Iceland",),
	),
	_Draft(
		"Take measures to combat racial discrimination against persons of African descent and include "
		"them in national statistics",
		("racial",),
		("general",),
		(10,),
		("Namibia",),
	),
	_Draft(
		"Allocate sufficient human and financial resources to the National Mechanism for the Prevention "
		"of Torture",
		("torture",),
		("detainees",),
		(16,),
		("Denmark",),
	),
	_Draft(
		"Take measures to reduce overcrowding in prisons and improve conditions of detention, in "
		"particular in the Tacumbú penitentiary",
		("detention",),
		("detainees",),
		(16,),
		("Holy See", "Italy"),
	),
	_Draft(
		"Strengthen efforts to combat trafficking in persons, particularly of women and children, and "
		"provide assistance to victims",
		("trafficking",),
		("women", "children"),
		(5, 8, 16),
		("Philippines",),
	),
	_Draft(
		"Implement Law No. 5777/16 on comprehensive protection of women against all forms of violence "
		"and allocate resources to its implementation",
		("violence_women", "domestic_violence"),
		("women",),
		(5,),
		("Türkiye",),
	),
	_Draft(
		"Strengthen mechanisms to prevent femicide and ensure that perpetrators are prosecuted and punished",
		("violence_women",),
		("women", "girls"),
		(5, 16),
		("Bolivia (Plurinational State of)",),
	),
	_Draft(
		"Adopt measures to increase the participation of women in political and public life, including "
		"through parity in electoral lists",
		("women_participation",),
		("women",),
		(5,),
		("Luxembourg",),
	),
	_Draft(
		"Continue the search for and identification of victims of enforced disappearance during the "
		"dictatorship (1954-1989)",
		("disappearance",),
		("disappeared",),
		(16,),
		("France",),
	),
	_Draft(
		"Strengthen the independence of the judiciary and ensure transparent and merit-based procedures "
		"for the selection of judges and prosecutors",
		("justice",),
		("judges",),
		(16,),
		("Germany",),
	),
	_Draft(
		"Intensify efforts to combat corruption in public institutions and protect those who report it",
		("corruption",),
		("general",),
		(16,),
		("United Kingdom of Great Britain and Northern Ireland",),
	),
	_Draft(
		"Investigate all attacks against journalists and human rights defenders and bring those "
		"responsible to justice",
		("expression", "defenders"),
		("media", "defenders"),
		(16,),
		("Canada",),
	),
	_Draft(
		"Continue implementing social programmes to reduce poverty, with particular attention to rural areas",
		("poverty",),
		("poor", "rural"),
		(1, 10),
		("Cuba",),
	),
	_Draft(
		"Adopt a framework law on the right to adequate food and strengthen programmes against child "
		"malnutrition",
		("food",),
		("children",),
		(2,),
		("Egypt",),
	),
	_Draft(
		"Guarantee access to safe drinking water and sanitation for the communities of the Chaco region",
		("water", "indigenous"),
		("indigenous", "rural"),
		(6,),
		("Spain",),
	),
	_Draft(
		"Adopt a national plan for the prevention of teenage pregnancy",
		("health", "children"),
		("girls",),
		(3, 5),
		("Ghana",),
		second=("Increase efforts to reduce maternal mortality, in particular in rural areas", ("Fiji",)),
	),
	_Draft(
		"Guarantee access to sexual and reproductive health services and comprehensive sexuality education "
		"for adolescents",
		("health", "education"),
		("youth", "girls"),
		(3, 4, 5),
		("Sweden", "Netherlands (Kingdom of the)"),
	),
	_Draft(
		"Increase investment in public education and reduce school dropout rates, in particular among "
		"indigenous children",
		("education",),
		("children", "indigenous"),
		(4,),
		("Qatar",),
	),
	_Draft(
		"Expedite the restitution of ancestral lands to the Yakye Axa, Sawhoyamaxa and Xákmok Kásek "
		"indigenous communities",
		("indigenous", "land"),
		("indigenous",),
		(1, 15),
		("Mexico",),
	),
	_Draft(
		"Guarantee the right of indigenous peoples to free, prior and informed consultation on measures "
		"affecting their lands and territories",
		("indigenous",),
		("indigenous",),
		(16,),
		("Peru", "Ecuador"),
	),
	_Draft(
		"Take measures to halt deforestation in the Chaco and to protect the communities affected by it",
		("environment", "land"),
		("rural",),
		(13, 15),
		("Fiji", "Maldives"),
		joint=True,
	),
	_Draft(
		"Eradicate the practice of criadazgo and protect children from domestic servitude",
		("child_labour",),
		("children",),
		(8, 16),
		("Belgium",),
	),
	_Draft(
		"Prohibit corporal punishment of children in all settings",
		("children",),
		("children",),
		(16,),
		("Estonia",),
	),
	_Draft(
		"Ensure universal and free birth registration, including in remote and indigenous communities",
		("birth_registration",),
		("children", "indigenous"),
		(16,),
		("Timor-Leste",),
	),
	_Draft(
		"Adopt measures to ensure the inclusion of persons with disabilities in education and employment",
		("disability",),
		("disabilities",),
		(4, 8, 10),
		("Israel",),
	),
	_Draft(
		"Protect the rights of migrants and their families and ensure their access to basic services",
		("migrants",),
		("migrants",),
		(10,),
		("Sri Lanka",),
	),
	_Draft(
		"Provide human rights training to police, prison staff and members of the armed forces",
		("hr_education", "torture"),
		("police",),
		(16,),
		("Republic of Korea",),
	),
	_Draft(
		"Ensure the protection of human rights defenders, in particular those defending land and "
		"environmental rights",
		("defenders", "environment"),
		("defenders",),
		(16,),
		("Ireland", "Australia"),
	),
	_Draft(
		"Guarantee labour rights of domestic workers, including equal pay to the national minimum wage",
		("labour", "women"),
		("women",),
		(5, 8),
		("Iran (Islamic Republic of)",),
	),
	_Draft(
		"Strengthen the Public Defender's Office and guarantee free legal aid throughout the country",
		("justice",),
		("poor",),
		(16,),
		("Viet Nam",),
	),
)
_ASSESSMENT = (
	"Implemented: the Ombudsman was re-accredited with status A by GANHRI.\n"
	"Source: Ministry of Justice, follow-up report."
)


@dataclass(frozen=True)
class SampleRecommendation:
	"""One recommendation as the list prints it, and as the reader must give it back."""

	paragraph: str
	printed_text: str  # text and States as the reader returns them
	docx_text: str  # the same as the document holds it ("\n" a line break, non-breaking spaces)
	recommending_states: tuple[str, ...]
	position: str
	position_source: str
	document_symbol: str
	themes: tuple[str, ...]  # labels, without 2nd-cycle codes
	theme_codes: dict[str, str]
	affected_groups: tuple[str, ...]
	sdg_goals: tuple[str, ...]
	assessment: str
	heading: str  # the `Theme:` row it is listed under
	source_label: str = "Source of position"
	docx_position_source: str = ""  # as the document holds it, when it differs


@dataclass(frozen=True)
class SampleList:
	cycle: int
	state: str
	session: str  # "38th Session"
	report: str  # the Working Group report
	headings: tuple[str, ...]
	recommendations: tuple[SampleRecommendation, ...] = field(default_factory=tuple)

	@property
	def header_text(self) -> str:
		return f"UPR of {self.state} ({_ordinal(self.cycle)} Cycle - {self.session})"


def sample_list(cycle: int, state: str = "Paraguay") -> SampleList:
	"""The recommendations of a cycle's list (2, 3 or 4), the same every time."""
	layout = LAYOUTS[cycle]
	rng = random.Random(f"thematic-list-{cycle}")
	# Every list holds the drafts that carry an oddity; the others are drawn.
	always = {index for index, draft in enumerate(_DRAFTS) if _is_odd(draft)}
	others = [index for index in range(len(_DRAFTS)) if index not in always]
	chosen = sorted(always | set(rng.sample(others, layout["count"] - len(always))))
	drafts = [_DRAFTS[index] for index in chosen]
	report = layout["report"]
	recommendations = []
	for number, draft in enumerate(drafts, start=1):
		paragraph = f"{layout['paragraph']}.{number}"
		position = "Supported" if rng.random() < 0.75 else "Noted"
		recommendations.append(_laid_out(cycle, draft, paragraph, position, report))
	recommendations = _with_oddities(cycle, recommendations)
	# The list orders recommendations by the theme they are listed under, in the vocabulary's order
	# (a stable sort: the report's order within a theme).
	topic_order = list(_TOPICS)
	by_theme = sorted(
		recommendations, key=lambda recommendation: _topic_rank(recommendation.heading, cycle, topic_order)
	)
	return SampleList(
		cycle=cycle,
		state=state,
		session=f"{_ordinal(layout['session'])} Session",
		report=report,
		headings=layout["headings"],
		recommendations=tuple(by_theme),
	)


def _is_odd(draft: _Draft) -> bool:
	return bool(
		draft.second
		or draft.joint
		or len(draft.states) > 1
		or any("," in state for state in draft.states)
		or "(No. " in draft.text
	)


def _laid_out(cycle: int, draft: _Draft, paragraph: str, position: str, report: str) -> SampleRecommendation:
	themes: list[str] = []
	codes: dict[str, str] = {}
	for topic in draft.topics:
		for theme in _TOPICS[topic][cycle]:
			code, label = theme if isinstance(theme, tuple) else (None, theme)
			if label not in themes:
				themes.append(label)
				if code:
					codes[label] = code
	groups = [_GROUPS[group][0 if cycle < 4 else 1] for group in draft.groups]
	printed = f"{paragraph} {draft.text} {_states_text(draft.states, draft.joint)};"
	states = list(draft.states)
	if draft.second:
		second_text, second_states = draft.second
		printed += f" {second_text} {_states_text(second_states, False)};"
		states += [state for state in second_states if state not in states]
	response_paragraph = {"Supported": 3, "Noted": 5}[position]
	return SampleRecommendation(
		paragraph=paragraph,
		printed_text=printed,
		docx_text=printed,
		recommending_states=tuple(states),
		position=position,
		position_source=f"{report}/Add.1 - Para. {response_paragraph}",
		document_symbol=report,
		themes=tuple(themes),
		theme_codes=codes,
		affected_groups=tuple(group for group in groups if group),
		sdg_goals=tuple(str(goal) for goal in draft.sdgs) if cycle >= 3 else (),
		assessment="",
		heading=themes[0],
	)


def _with_oddities(cycle: int, recommendations: list[SampleRecommendation]) -> list[SampleRecommendation]:
	"""What real lists hold besides the plain case, spread over the list."""
	odd = list(recommendations)
	# A non-breaking space after the paragraph number and in the source of position.
	first = odd[0]
	odd[0] = replace(
		first,
		docx_text=first.docx_text.replace(" ", NBSP, 1),
		docx_position_source=first.position_source.replace("Para. ", f"Para.{NBSP}"),
	)
	# A line break typed inside the text (Word's Shift+Enter).
	second = odd[1]
	words = second.docx_text.split(" ")
	odd[1] = replace(second, docx_text=" ".join(words[:5]) + "\n" + " ".join(words[5:]))
	# The capitalised label some lists print.
	odd[2] = replace(odd[2], source_label="Source of Position")
	# A recommendation supported at the review itself: its source is the report, not the addendum.
	report_paragraph = odd[3].paragraph.split(".")[0]
	odd[3] = replace(
		odd[3], position="Supported", position_source=f"{odd[3].document_symbol} - Para. {report_paragraph}"
	)
	# A split response.
	odd[4] = replace(odd[4], position="Supported/Noted")
	if cycle < 4:
		# The State's own assessment, filled in for a mid-term report.
		odd[5] = replace(odd[5], assessment=_ASSESSMENT)
	return odd


def _topic_rank(heading: str, cycle: int, topic_order: list[str]) -> int:
	for rank, topic in enumerate(topic_order):
		labels = [theme[1] if isinstance(theme, tuple) else theme for theme in _TOPICS[topic][cycle]]
		if heading in labels:
			return rank
	return len(topic_order)


def _states_text(states: tuple[str, ...], joint: bool) -> str:
	return f"({', '.join(states)})" if joint else " ".join(f"({state})" for state in states)


def _ordinal(number: int) -> str:
	suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
	return f"{number}{suffix}"


# The document


def build_docx(sample: SampleList, *, header_in_body: bool = False) -> bytes:
	"""The list as OHCHR lays it out: landscape A4, the page header, one table of four columns."""
	document = Document()
	section = document.sections[0]
	section.orientation = WD_ORIENT.LANDSCAPE
	section.page_width, section.page_height = Cm(29.7), Cm(21.0)
	for side in ("left_margin", "right_margin"):
		setattr(section, side, Cm(1.5))
	style = document.styles["Normal"]
	style.font.name = "Times New Roman"
	style.font.size = Pt(9)
	if header_in_body:
		title = document.add_paragraph()
		title.add_run(sample.header_text).bold = True
		title.add_run("\tThematic list of recommendations")
	else:
		_write_page_header(section.header.paragraphs[0], sample.header_text)

	table = document.add_table(rows=1, cols=4)
	table.style = "Table Grid"
	header_cells = table.rows[0].cells
	for cell, heading in zip(header_cells, sample.headings, strict=True):
		cell.text = ""
		cell.paragraphs[0].add_run(heading).bold = True
	_repeat_as_header_row(table.rows[0])

	current_heading = None
	for recommendation in sample.recommendations:
		if recommendation.heading != current_heading:
			current_heading = recommendation.heading
			_theme_heading_row(table, recommendation)
		_recommendation_row(table, sample.cycle, recommendation)

	buffer = io.BytesIO()
	document.save(buffer)
	return buffer.getvalue()


def _write_page_header(paragraph, header_text: str) -> None:
	paragraph.add_run(header_text)
	paragraph.add_run("\tThematic list of recommendations\tPage ")
	_field(paragraph, "PAGE", "1")
	paragraph.add_run(" of ")
	_field(paragraph, "NUMPAGES", "2")


def _field(paragraph, instruction: str, shown: str) -> None:
	field = OxmlElement("w:fldSimple")
	field.set(qn("w:instr"), instruction)
	run = OxmlElement("w:r")
	text = OxmlElement("w:t")
	text.text = shown
	run.append(text)
	field.append(run)
	paragraph._p.append(field)


def _repeat_as_header_row(row) -> None:
	properties = row._tr.get_or_add_trPr()
	repeat = OxmlElement("w:tblHeader")
	properties.append(repeat)


def _theme_heading_row(table, recommendation: SampleRecommendation) -> None:
	cells = table.add_row().cells
	merged = cells[0].merge(cells[3])
	code = recommendation.theme_codes.get(recommendation.heading)
	merged.text = ""
	merged.paragraphs[0].add_run(f"Theme: {code + ' ' if code else ''}{recommendation.heading}").bold = True
	shading = OxmlElement("w:shd")
	shading.set(qn("w:val"), "clear")
	shading.set(qn("w:fill"), "D9D9D9")
	merged._tc.get_or_add_tcPr().append(shading)


def _recommendation_row(table, cycle: int, recommendation: SampleRecommendation) -> None:
	text_cell, position_cell, themes_cell, last_cell = table.add_row().cells
	_write_lines(text_cell, [recommendation.docx_text])
	paragraph = text_cell.add_paragraph()
	paragraph.add_run(f"{recommendation.source_label}: ").italic = True
	paragraph.add_run(recommendation.docx_position_source or recommendation.position_source).italic = True
	_write_lines(position_cell, [recommendation.position])

	goal_titles = {str(goal["goal_number"]): goal["short_title"].upper() for goal in sdg_goals()}
	sdg_lines = [f"- {goal} - {goal_titles[goal]}" for goal in recommendation.sdg_goals]
	if cycle == 2:
		theme_lines = [
			f"{recommendation.theme_codes.get(label, '')} {label}".strip() for label in recommendation.themes
		]
		lines = [
			*theme_lines,
			"Affected persons:",
			*(f"- {group}" for group in recommendation.affected_groups),
		]
		# The 2nd-cycle lists print each value as its own paragraph.
		_write_lines(themes_cell, lines)
		_write_lines(last_cell, recommendation.assessment.splitlines())
	elif cycle == 3:
		lines = [f"- {label}" for label in recommendation.themes]
		lines += [
			"SDGs:",
			*sdg_lines,
			"Affected persons:",
			*(f"- {group}" for group in recommendation.affected_groups),
		]
		# The 3rd-cycle lists break lines within one paragraph.
		_write_lines(themes_cell, ["\n".join(lines)])
		_write_lines(last_cell, recommendation.assessment.splitlines())
	else:
		lines = [f"- {label}" for label in recommendation.themes]
		lines += ["Groups of Persons:", *(f"- {group}" for group in recommendation.affected_groups)]
		_write_lines(themes_cell, lines)
		_write_lines(last_cell, sdg_lines)


def _write_lines(cell, lines: list[str]) -> None:
	"""Each item its own paragraph; a "\n" inside an item is a line break within its paragraph."""
	cell.text = ""
	for index, line in enumerate(lines):
		paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
		for part_index, part in enumerate(line.split("\n")):
			run = paragraph.add_run(part)
			if part_index < len(line.split("\n")) - 1:
				run.add_break()


def main(argv: list[str]) -> int:
	if len(argv) != 1:
		print("usage: python3 tests/thematic_list_samples.py FOLDER", file=sys.stderr)
		return 2
	folder = Path(argv[0])
	folder.mkdir(parents=True, exist_ok=True)
	for cycle in LAYOUTS:
		sample = sample_list(cycle)
		path = folder / f"upr-thematic-list-paraguay-cycle-{cycle}.docx"
		path.write_bytes(build_docx(sample))
		print(f"{path}: {len(sample.recommendations)} recommendations")
	return 0


if __name__ == "__main__":
	raise SystemExit(main(sys.argv[1:]))
