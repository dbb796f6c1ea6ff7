"""The demo's engagement work (loaded by nmirf_app.demo.engagement): consultations around the
CEDAW reports, input from civil society and the NHRI, special procedure communications and a visit,
and an NMIRF plenary with its decisions. Texts are plausible, not official."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nmirf_app.core.demo_data import _INTERIOR, _WOMEN
from nmirf_app.core.demo_reporting import REPORTS

NHRI = "Ombudsman's Office (Defensoría del Pueblo)"
CSO = "Human Rights Coordinating Body of Paraguay (CODEHUPY)"
UNCT = "United Nations Country Team in Paraguay"
CEDAW_REPORT = REPORTS[0].title


@dataclass(frozen=True)
class DemoConsultation:
	title: str
	consultation_date: date
	status: str
	participants: tuple[tuple[str, str], ...]  # (participant type, institution)
	inputs: tuple[tuple[str, str, str, str], ...] = ()  # (source, summary, response, feedback)
	state_report: str | None = None
	place: str = ""
	minutes: str = ""
	published: bool = False


@dataclass(frozen=True)
class DemoSubmission:
	submitter_type: str
	organisation: str
	email: str
	subject: str
	text: str
	# the moderation actions taken, and the public reason of the decision
	actions: tuple[str, ...] = ()
	public_reason: str = ""


@dataclass(frozen=True)
class DemoCommunication:
	reference: str
	communication_type: str
	mandates: tuple[str, ...]
	subject: str
	date_received: date
	responsible_institution: str | None
	reply_sent_on: date | None = None


CONSULTATIONS = (
	DemoConsultation(
		"Consultation with civil society and the NHRI on the ninth CEDAW report",
		date(2027, 2, 15),
		"Planned",
		(("NHRI", NHRI), ("Civil society", CSO), ("UN", UNCT), ("Government", _WOMEN)),
		state_report=CEDAW_REPORT,
		place="Asunción, Ministry of Foreign Affairs, and online",
	),
	DemoConsultation(
		"Consultation on the CEDAW follow-up report",
		date(2025, 4, 10),
		"Held",
		(("NHRI", NHRI), ("Civil society", CSO), ("Government", _WOMEN)),
		inputs=(
			(
				CSO,
				"Shelters for women survivors of violence exist in only 4 of 17 departments.",
				"Taken into account",
				"The follow-up report gives the shelters per department and the 2026 budget for new ones.",
			),
			(
				NHRI,
				"Complaints of obstetric violence are not recorded separately.",
				"Not retained",
				"The health information system cannot separate them before 2027; the report says so.",
			),
		),
		place="Asunción",
		minutes="<p>Twenty-three participants discussed the draft follow-up information on paragraphs 14, 28 and 40.</p>",
		published=True,
	),
)

SUBMISSIONS = (
	DemoSubmission(
		"Civil society organisation",
		CSO,
		"secretaria@codehupy.example",
		"Access to justice for indigenous women",
		"Indigenous women in the Chaco rarely reach a court: interpreters in Guaraní and indigenous "
		"languages are missing in 11 of 17 judicial districts.",
		("Start review", "Take into account"),
		"The ninth CEDAW report gives the number of court interpreters per district and the 2027 plan.",
	),
	DemoSubmission(
		"National human rights institution",
		NHRI,
		"despacho@defensoria.example",
		"Pre-trial detention of women",
		"Sixty-one per cent of women in prison have not been convicted; the Ombudsman asks that the "
		"report address alternatives to pre-trial detention.",
	),
)

COMMUNICATIONS = (
	DemoCommunication(
		"AL PRY 2/2026",
		"Allegation letter",
		("SR-FREEDOM-EXPRESSION", "SR-HR-DEFENDERS"),
		"Alleged threats against community radio journalists in Canindeyú",
		date(2026, 10, 5),
		_INTERIOR,
	),
	DemoCommunication(
		"UA PRY 1/2026",
		"Urgent appeal",
		("SR-INDIGENOUS",),
		"Eviction of an indigenous community in Alto Paraná",
		date(2026, 6, 2),
		None,
		reply_sent_on=date(2026, 7, 28),
	),
)

VISIT = {
	"mechanism": "SR-VIOLENCE-WOMEN",
	"status": "Scheduled",
	"request_date": date(2025, 9, 1),
	"state_response": "Accepted",
	"response_date": date(2025, 11, 20),
	"visit_from": date(2027, 3, 8),
	"visit_to": date(2027, 3, 19),
	"programme": "<p>Asunción, Concepción and the Chaco; meetings with the Ministry of Women, the judiciary, the Ombudsman and civil society.</p>",
}

MEETING = {
	"title": "NMIRF plenary, November 2026",
	"meeting_type": "Plenary",
	"meeting_date": date(2026, 11, 10),
	"place": "Ministry of Foreign Affairs",
	"agenda": "<ol><li>Ninth CEDAW report: contributions</li><li>Visit of the Special Rapporteur on violence against women</li></ol>",
	"minutes": "<p>The plenary reviewed the contributions received for the ninth CEDAW report and the preparations for the Special Rapporteur's visit.</p>",
	"decisions": (
		(
			"Remind the Ministry of Education of its CEDAW contribution",
			12,
		),  # (decision, days after the meeting)
		("Propose the visit programme to the Special Rapporteur", 35),
	),
}
