"""The demo's reporting: Paraguay's reporting calendar, the reports it is preparing, the
contributions institutions sent and the progress the secretariat approved, so that a new user can
compile a real draft on the demo site (nmirf_app.demo loads it).

Dates follow the demo's documents (nmirf_app.core.demo_data): CEDAW/C/PRY/CO/8 (31 May 2023) asks
for the ninth report four years later; CRC/C/PRY/CO/4-6 (7 June 2024) closed the CRC cycle; the
third UPR review (2021) leads to the fourth in 2026. Texts are plausible, not official.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nmirf_app.core.demo_data import (
	_C_CIVIC,
	_C_EDUCATION,
	_C_GENDER,
	_C_HEALTH,
	_C_INDIGENOUS,
	_C_JUSTICE,
	_C_LABOUR,
	_CHILDREN,
	_EDUCATION,
	_HEALTH,
	_JUSTICE,
	_WOMEN,
)


@dataclass(frozen=True)
class DemoObligation:
	mechanism: str
	procedure: str
	last_submitted_on: date | None
	last_dialogue_on: date | None
	next_due_override: date | None = None
	notes: str = ""


@dataclass(frozen=True)
class DemoContribution:
	institution: str
	section: str
	due_on: date
	# the workflow actions it has been through, in order, by its focal point then the secretariat
	actions: tuple[str, ...]
	text: str = ""
	cluster: str | None = None


@dataclass(frozen=True)
class DemoReport:
	title: str
	report_type: str
	mechanism: str | None
	# the drafting workflow's actions taken so far, in order
	actions: tuple[str, ...]
	due_on: date | None = None
	recommendation_scope: str = "Recommendations of the mechanism"
	source_document_symbol: str | None = None
	concluding_observations_symbol: str | None = None
	submitted_on: date | None = None
	dialogue_on: date | None = None
	period: tuple[date, date] | None = None
	introduction: str = ""
	contributions: tuple[DemoContribution, ...] = ()


OBLIGATIONS = (
	DemoObligation(
		"UPR",
		"Standard",
		date(2021, 2, 8),
		date(2021, 5, 5),
		date(2027, 4, 26),
		"National report for the fourth-cycle review; OHCHR set the deadline for the Working Group's session.",
	),
	DemoObligation("CEDAW", "Standard", date(2021, 9, 14), date(2023, 5, 16), date(2027, 5, 31)),
	DemoObligation("CRC", "Simplified (LOIPR)", date(2021, 3, 2), date(2024, 5, 22), date(2029, 9, 7)),
	DemoObligation("CAT", "Simplified (LOIPR)", date(2016, 2, 10), date(2017, 8, 2)),
	DemoObligation("CCPR", "Simplified (LOIPR)", date(2017, 6, 1), date(2019, 7, 3), date(2027, 7, 26)),
)

_PLAN = ("Start drafting",)
# The default drafting stages from planning to the government's approval and submission.
_TO_SUBMISSION = (
	"Start drafting",
	"Consolidate",
	"Open consultation",
	"Send for validation",
	"Send for government approval",
	"Approve and submit",
)

REPORTS = (
	DemoReport(
		title="Ninth periodic report of Paraguay to the Committee on the Elimination of Discrimination against Women",
		report_type="Periodic report",
		mechanism="CEDAW",
		actions=_PLAN,
		due_on=date(2027, 5, 31),
		source_document_symbol="CEDAW/C/PRY/CO/8",
		introduction=(
			"<p>The Republic of Paraguay submits its ninth periodic report under article 18 of the "
			"Convention, covering the period from June 2023 to December 2026.</p>"
			"<p>The report was prepared by the National Mechanism for Implementation, Reporting and "
			"Follow-up with contributions from the ministries and State bodies responsible for each "
			"recommendation of the Committee's concluding observations (CEDAW/C/PRY/CO/8).</p>"
		),
		contributions=(
			DemoContribution(
				_WOMEN,
				"Legislative and institutional framework",
				date(2026, 10, 30),
				("Submit to secretariat", "Accept"),
				"<p>Law No. 5777/2016 on the comprehensive protection of women against all forms of violence "
				"has been complemented by its regulatory decree and by a national protocol for inter-institutional "
				"response adopted in 2025.</p><p>The Ministry of Women's budget grew by 18 per cent between 2023 and 2026.</p>",
			),
			DemoContribution(
				_HEALTH,
				"Health",
				date(2026, 10, 30),
				("Submit to secretariat", "Accept"),
				"<p>The maternal mortality ratio fell from 84 to 71 deaths per 100,000 live births between 2022 "
				"and 2025, after emergency obstetric care was extended to 42 district hospitals.</p>",
				cluster=_C_HEALTH,
			),
			DemoContribution(
				_JUSTICE,
				"Access to justice",
				date(2026, 11, 15),
				("Submit to secretariat",),
				"<p>Specialised courts on violence against women now sit in 9 of the 17 departments.</p>",
				cluster=_C_JUSTICE,
			),
			DemoContribution(_EDUCATION, "Education", date(2026, 12, 15), (), cluster=_C_EDUCATION),
		),
	),
	DemoReport(
		title="Information provided by Paraguay in follow-up to the concluding observations CEDAW/C/PRY/CO/8",
		report_type="Follow-up report",
		mechanism="CEDAW",
		actions=_TO_SUBMISSION,
		due_on=date(2025, 5, 31),
		recommendation_scope="Follow-up paragraphs of the mechanism",
		source_document_symbol="CEDAW/C/PRY/CO/8",
		submitted_on=date(2025, 6, 10),
	),
	DemoReport(
		title="Combined fourth to sixth periodic reports of Paraguay to the Committee on the Rights of the Child",
		report_type="Periodic report",
		mechanism="CRC",
		actions=(*_TO_SUBMISSION, "Record dialogue", "Close"),
		due_on=date(2021, 3, 2),
		concluding_observations_symbol="CRC/C/PRY/CO/4-6",
		submitted_on=date(2021, 3, 2),
		dialogue_on=date(2024, 5, 22),
		contributions=(
			DemoContribution(
				_CHILDREN,
				"Child protection system",
				date(2020, 11, 30),
				("Submit to secretariat", "Accept"),
				"<p>The National System for the Comprehensive Protection of Children and Adolescents "
				"now has councils in 230 of the 263 municipalities.</p>",
			),
		),
	),
	DemoReport(
		title="NMIRF annual report 2026",
		report_type="NMIRF annual report",
		mechanism=None,
		actions=(),
		due_on=date(2027, 3, 31),
		recommendation_scope="All recommendations",
		period=(date(2026, 1, 1), date(2026, 12, 31)),
	),
	DemoReport(
		title="Human rights input to Paraguay's 2027 Voluntary National Review",
		report_type="Voluntary National Review input",
		mechanism=None,
		actions=(),
		due_on=date(2027, 4, 30),
		recommendation_scope="All recommendations",
		introduction="<p>This input tells the High-level Political Forum how the recommendations of the "
		"human rights mechanisms serve the Sustainable Development Goals, and what the State has done "
		"on each, from the approved progress the institutions reported to the NMIRF.</p>",
	),
)
# The reports the demo compiles, so that their Word drafts can be opened at once.
COMPILED_REPORTS = (REPORTS[0].title, REPORTS[-1].title)

# Approved progress the demo shows in compiled drafts: what the lead institution reported, by cluster.
PROGRESS_BY_CLUSTER = {
	_C_GENDER: "<p>The Ministry of Women opened four new regional Ciudad Mujer centres in 2026; together they "
	"assisted 11,400 women, 38 per cent of them survivors of violence.</p>",
	_C_HEALTH: "<p>Emergency obstetric and neonatal care is now available around the clock in 42 district "
	"hospitals; 2,100 health staff were trained on the updated protocols.</p>",
	_C_EDUCATION: "<p>The comprehensive sexuality education guide was validated with teachers in 12 departments "
	"and included in the teacher-training curriculum from the 2026 school year.</p>",
	_C_LABOUR: "<p>Labour inspections of domestic work rose from 310 in 2024 to 1,050 in 2026; registration of "
	"domestic workers in social security grew by 22 per cent.</p>",
	_C_INDIGENOUS: "<p>Free, prior and informed consultation protocols were agreed with 14 indigenous peoples; "
	"bilingual (Guaraní-Spanish) health promoters serve 61 communities.</p>",
	_C_JUSTICE: "<p>Specialised prosecutors on gender-based violence were appointed in 9 of the 17 departments, "
	"and the average duration of femicide proceedings fell from 26 to 17 months.</p>",
	_C_CIVIC: "<p>A protocol for the protection of human rights defenders, drafted with civil society, "
	"was adopted by the Ministry of the Interior in August 2026.</p>",
}
PROGRESS_PER_MECHANISM = 5  # at most; one per cluster
PROGRESS_MECHANISMS = ("CEDAW", "CRC")
