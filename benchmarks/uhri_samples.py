"""Realistic UHRI exports for the import benchmark, and the same records as a Frappe Data Import CSV.

One list of `SampleRecord`s is written three ways:

- a UHRI XLSX export: the 16 OHCHR headers (typo "Reccomending" included), `- ` prefixes,
  newline-separated lists, Excel serial dates (UHRI_FORMAT.md);
- a UHRI JSON export: an array of objects with the JSON keys, ISO dates, some texts in HTML;
- a CSV for Frappe's Data Import into Recommendation: the Recommendation's field labels as headers,
  one child-table column per table ("Theme (Themes)"), and a record spread over as many lines as
  its longest child table, later lines leaving the parent columns blank (Frappe's convention).

The CSV holds what the nmirf importer writes for each record (resolved mechanism, Country names,
theme labels, SDG target codes, normalised position), so both paths create the same records.
Generation is seeded: the same arguments give the same files.
"""

import csv
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

REFERENCE_DATA = Path(__file__).resolve().parent.parent / "nmirf_app" / "nmirf_setup" / "reference_data"

# Recommendation fields by label, and the child tables as "<child field label> (<table label>)",
# the headers Frappe's Data Import matches (frappe/core/doctype/data_import/importer.py,
# build_fields_dict_for_column_matching).
CSV_PARENT_HEADERS = (
	"Text",
	"Mechanism",
	"Type",
	"Document symbol",
	"Paragraph",
	"Document date",
	"UPR cycle",
	"Session",
	"State under review",
	"Position of the State",
	"Position source",
	"UHRI annotation id",
	"UHRI document id",
)
CSV_CHILD_HEADERS = (
	"Theme (Themes)",
	"Affected group (Affected groups)",
	"SDG target (SDG targets)",
	"Country (Recommending States)",
)


@dataclass(frozen=True)
class State:
	un_name: str  # as UN documents and UHRI write it
	country: str  # the Frappe Country record
	iso3: str
	region: str  # UHRI "Regions Concerned"
	group: str  # UN regional group, UHRI "Recommending Regions"


LATAM = ("Americas", "Latin American and Caribbean States")
WEOG = ("Europe", "Western European and other States")
ASIA = ("Asia", "Asia-Pacific States")
AFRICA = ("Africa", "African States")
EASTERN = ("Europe", "Eastern European States")


def _state(un_name, iso3, regions, country=None):
	return State(un_name, country or un_name, iso3, *regions)


# States under review other than the NMIRF's own: UHRI exports cover every State.
OTHER_STATES = (
	_state("Argentina", "ARG", LATAM),
	_state("Bolivia (Plurinational State of)", "BOL", LATAM, "Bolivia, Plurinational State of"),
	_state("Brazil", "BRA", LATAM),
	_state("Chile", "CHL", LATAM),
	_state("Peru", "PER", LATAM),
	_state("Uruguay", "URY", LATAM),
	_state("Colombia", "COL", LATAM),
	_state("Guatemala", "GTM", LATAM),
	_state("Venezuela (Bolivarian Republic of)", "VEN", LATAM, "Venezuela, Bolivarian Republic of"),
	_state("Iraq", "IRQ", ASIA),
	_state("Philippines", "PHL", ASIA),
	_state("Viet Nam", "VNM", ASIA, "Vietnam"),
	_state("Kenya", "KEN", AFRICA),
	_state("Türkiye", "TUR", WEOG, "Turkey"),
	_state("Spain", "ESP", WEOG),
)
# States that make UPR recommendations; UN names, several only known through country aliases.
RECOMMENDING_STATES = (
	*OTHER_STATES,
	_state("Portugal", "PRT", WEOG),
	_state("France", "FRA", WEOG),
	_state("Germany", "DEU", WEOG),
	_state("Norway", "NOR", WEOG),
	_state("Sweden", "SWE", WEOG),
	_state("Canada", "CAN", WEOG),
	_state("Iceland", "ISL", WEOG),
	_state("Switzerland", "CHE", WEOG),
	_state("Italy", "ITA", WEOG),
	_state("Holy See", "VAT", WEOG, "Holy See (Vatican City State)"),
	_state("United Kingdom of Great Britain and Northern Ireland", "GBR", WEOG, "United Kingdom"),
	_state("Netherlands (Kingdom of the)", "NLD", WEOG, "Netherlands"),
	_state("Maldives", "MDV", ASIA),
	_state("Japan", "JPN", ASIA),
	_state("India", "IND", ASIA),
	_state("Indonesia", "IDN", ASIA),
	_state("Thailand", "THA", ASIA),
	_state("Nepal", "NPL", ASIA),
	_state("Fiji", "FJI", ASIA),
	_state("Republic of Korea", "KOR", ASIA, "Korea, Republic of"),
	_state("Iran (Islamic Republic of)", "IRN", ASIA, "Iran"),
	_state("State of Palestine", "PSE", ASIA, "Palestinian Territory, Occupied"),
	_state("Senegal", "SEN", AFRICA),
	_state("Ghana", "GHA", AFRICA),
	_state("Namibia", "NAM", AFRICA),
	_state("Sierra Leone", "SLE", AFRICA),
	_state("Côte d'Ivoire", "CIV", AFRICA, "Ivory Coast"),
	_state("Costa Rica", "CRI", LATAM),
	_state("Panama", "PAN", LATAM),
	_state("Mexico", "MEX", LATAM),
	_state("Ecuador", "ECU", LATAM),
	_state("Cuba", "CUB", LATAM),
	_state("Czechia", "CZE", EASTERN, "Czech Republic"),
	_state("Russian Federation", "RUS", EASTERN),
	_state("Slovenia", "SVN", EASTERN),
	_state("Ukraine", "UKR", EASTERN),
)
KNOWN_STATES = {
	"Paraguay": _state("Paraguay", "PRY", LATAM),
	**{state.country: state for state in OTHER_STATES},
}

# UHRI body code → Human Rights Mechanism (human_rights_mechanisms.csv), with each body's
# share of rows; UPR reports are long, so the UPR gives the most rows.
BODIES = {"UPR": 40, "CRC": 16, "CRC-OP-AC": 2, "CEDAW": 15, "CAT": 12, "CCPR": 15}
MECHANISM_OF_BODY = {"CRC-OP-AC": "CRC"}
POSITIONS = {"Supported": "Supported", "Noted": "Noted", "Supported/Noted": "Supported in part"}

TOPICS = (
	"violence against women, including femicide",
	"the worst forms of child labour, including criadazgo",
	"trafficking in persons, in particular women and girls",
	"torture and ill-treatment in places of deprivation of liberty",
	"excessive use of pretrial detention",
	"overcrowding and poor material conditions in prisons",
	"access to sexual and reproductive health services for adolescents",
	"universal and free birth registration",
	"the land and territorial rights of indigenous peoples",
	"corporal punishment in all settings",
	"the juvenile justice system",
	"the rights of domestic workers",
	"discrimination on the grounds of sexual orientation and gender identity",
	"the inclusion of persons with disabilities in mainstream education",
	"enforced disappearances committed during the dictatorship (1954-1989)",
	"forced evictions of peasant and indigenous communities",
	"threats and attacks against human rights defenders and journalists",
	"the independence of the judiciary and the appointment of judges",
	"maternal mortality and unsafe abortion",
	"early and forced marriage",
	"the situation of persons deprived of liberty with mental health conditions",
	"access to safe drinking water and sanitation in the Chaco region",
	"the use of pesticides affecting rural communities",
	"the participation of women in political and public life",
	"the economic exploitation of children in rural areas",
)
ACTIONS = (
	"Adopt a comprehensive law on {topic} and allocate sufficient human, technical and financial resources for its implementation",
	"Ensure that all allegations of {topic} are promptly, impartially and effectively investigated, that perpetrators are prosecuted and, if convicted, punished with appropriate penalties, and that victims obtain full redress",
	"Establish a national data collection system on {topic}, disaggregated by age, sex, disability, geographical location, ethnic origin and socioeconomic background",
	"Intensify awareness-raising campaigns, in cooperation with civil society and the media, to combat {topic}",
	"Provide mandatory and continuous training for judges, prosecutors, police officers and other law enforcement officials on {topic}",
	"Expedite the adoption of the draft legislation on {topic} and ensure that it is in line with international standards",
	"Strengthen the mandate and resources of the National Mechanism for the Prevention of Torture to monitor {topic}",
	"Develop, with the meaningful participation of the communities concerned, a national action plan to address {topic}",
	"Guarantee access to justice and effective remedies for victims of {topic}, including in Guarani and indigenous languages",
	"Ensure adequate funding for shelters and support services for victims of {topic} throughout the territory",
)
UPR_ACTIONS = (
	"Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
	"Ratify the Convention on the Reduction of Statelessness",
	"Extend a standing invitation to all special procedures of the Human Rights Council",
	"Continue efforts to combat {topic}",
	"Take further measures to address {topic}",
	"Adopt a comprehensive anti-discrimination law that includes sexual orientation and gender identity as prohibited grounds",
	"Strengthen the National Mechanism for the Prevention of Torture by providing it with adequate human and financial resources",
	"Take further measures to guarantee the rights of indigenous peoples, in particular their right to land and to free, prior and informed consent",
	"Redouble efforts to eradicate {topic}, especially in rural areas",
	"Implement the recommendations of the Truth and Justice Commission on {topic}",
	"Allocate sufficient resources to the Ministry of Women to address {topic}",
)
CONCERNS = (
	"The Committee is concerned about {topic}",
	"The Committee notes with concern the persistence of {topic}",
	"While noting the adoption of Law No. {law} on {topic}, the Committee is concerned at the lack of resources allocated to its implementation",
	"The Committee is deeply concerned at reports of {topic} and at the impunity of the perpetrators",
)
OPENINGS = (
	"The Committee recommends that the State party:",
	"The Committee urges the State party to:",
	"Recalling its previous recommendations ({previous}, para. {para}), the Committee recommends that the State party:",
	"The Committee reiterates its recommendation that the State party:",
	"The State party should:",
)
SUB_HEADINGS = (
	"Rural women",
	"Violence against women",
	"Birth registration",
	"Juvenile justice",
	"Conditions of detention",
	"Indigenous peoples",
	"Human rights defenders",
)
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass
class SampleRecord:
	annotation_id: str
	document_id: str
	text: str
	state: State
	countries: list[str]  # UN names
	body: str
	symbol: str
	paragraph: str
	themes: list[str]  # as the export writes them, old vocabulary included
	affected_persons: list[str]
	sdgs: list[tuple[str, str]]  # (target code, short title)
	published: date
	on_uhri: datetime
	annotation_type: str
	upr_session: int | None = None
	recommending_states: list[State] = field(default_factory=list)
	states_in_column: bool = True  # some exports leave the column empty: the text still names them
	position: str = ""
	html: bool = False  # the JSON export gives this text as HTML

	@property
	def upr_cycle(self) -> int | None:
		if not self.upr_session:
			return None
		return 1 if self.upr_session <= 12 else 2 + (self.upr_session - 13) // 14


@dataclass
class Vocabularies:
	themes: list[str]  # labels as exports write them
	affected_persons: list[str]
	sdg_targets: list[tuple[str, str]]
	theme_label: dict[str, str]  # written label → the Human Rights Theme record
	affected_group_label: dict[str, str]


def load_vocabularies() -> Vocabularies:
	"""The shipped vocabularies, and the records each written label lands on (aliases included)."""
	from nmirf_app.core.reference_data import read_csv, vocabulary
	from nmirf_app.core.vocabulary import VocabularyIndex

	def written_and_resolved(kind: str, source: str) -> tuple[list[str], dict[str, str]]:
		index = VocabularyIndex(
			(entry.label, [alias for alias, _ in entry.aliases]) for entry in vocabulary(kind)
		)
		written = sorted({row["label"] for row in read_csv(source)})
		return written, {label: index.resolve(label) for label in written}

	themes, theme_label = written_and_resolved("theme", "uhri_themes.csv")
	groups, group_label = written_and_resolved("affected_group", "uhri_affected_persons.csv")
	targets = [(row["target"], row["short_title"]) for row in read_csv("sdg_targets.csv")]
	return Vocabularies(themes, groups, targets, theme_label, group_label)


def generate_records(
	rows: int, *, state: str = "Paraguay", other_state_share: float = 0.15, seed: int = 2026
) -> list[SampleRecord]:
	"""`rows` paragraphs of whole documents (concluding observations, UPR reports), most about
	`state`, the others about other States."""
	if state not in KNOWN_STATES:
		raise ValueError(f"No sample data for {state!r}; choose one of {', '.join(sorted(KNOWN_STATES))}")
	own_state = KNOWN_STATES[state]
	others = [candidate for candidate in OTHER_STATES if candidate.country != state]
	vocabularies = load_vocabularies()
	rng = random.Random(seed)
	reports: dict[tuple[str, str], int] = {}
	records: list[SampleRecord] = []
	own_rows = 0
	# BODIES are shares of rows; a UPR report has about 175 annotated paragraphs, concluding
	# observations about 37.
	document_weights = [share / (175 if body == "UPR" else 37) for body, share in BODIES.items()]
	while len(records) < rows:
		# Whole documents, each about one State: the next one goes to whichever side is short.
		under_review = own_state if own_rows <= (1 - other_state_share) * len(records) else rng.choice(others)
		body = rng.choices(list(BODIES), weights=document_weights)[0]
		report = reports[(under_review.iso3, body)] = reports.get((under_review.iso3, body), 0) + 1
		# Reports on several States name the NMIRF's State with others; keep those few to its rows.
		neighbours = others if under_review is own_state else []
		document = _document(rng, vocabularies, under_review, body, report, rows - len(records), neighbours)
		records.extend(document)
		if under_review is own_state:
			own_rows += len(document)
	return records


def _uuid(rng: random.Random) -> str:
	return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _document(rng, vocabularies, under_review: State, body: str, report: int, room: int, neighbours):
	"""The annotated paragraphs of one UN document."""
	document_id = _uuid(rng)
	if body == "UPR":
		session = rng.randint(1, 48)
		published = date(2008, 4, 1) + timedelta(days=(session - 1) * 122 + rng.randint(0, 60))
		symbol = f"A/HRC/{session + 7}/{rng.randint(5, 17)}"
		main_paragraph = rng.randint(100, 150)  # "Conclusions and recommendations"
		paragraphs = [
			f"{main_paragraph}.{number}" for number in range(1, min(room, rng.randint(100, 250)) + 1)
		]
	else:
		session = None
		published = date(2003, 1, 15) + timedelta(days=rng.randint(0, 8000))
		treaty = body.split("-")[0]
		protocol = body.removeprefix("CRC-OP-")  # CRC/C/OPAC/PRY/CO/1 for the Optional Protocols
		symbol = (
			f"{treaty}/C/{'OP' + protocol + '/' if protocol != body else ''}{under_review.iso3}/CO/{report}"
		)
		paragraphs = []
		number = rng.randint(5, 9)
		for _ in range(min(room, rng.randint(15, 60))):
			paragraphs.append(str(number))
			if rng.random() > 0.1:  # UHRI sometimes splits one paragraph into several annotations
				number += 1
	on_uhri = datetime.combine(published, datetime.min.time()) + timedelta(
		days=rng.randint(20, 400), seconds=rng.randint(0, 86399), milliseconds=rng.randint(0, 999)
	)
	records = []
	for paragraph in paragraphs:
		record = SampleRecord(
			annotation_id=_uuid(rng),
			document_id=document_id,
			text="",
			state=under_review,
			countries=[under_review.un_name],
			body=body,
			symbol=symbol,
			paragraph=paragraph,
			themes=rng.sample(vocabularies.themes, rng.choice((1, 1, 2, 2, 3))),
			affected_persons=rng.sample(vocabularies.affected_persons, rng.choice((0, 1, 1, 2, 3))),
			sdgs=rng.sample(vocabularies.sdg_targets, rng.choice((0, 0, 1, 1, 2))),
			published=published,
			on_uhri=on_uhri,
			annotation_type="Recommendations",
			upr_session=session,
			html=rng.random() < 0.1,
		)
		if neighbours and rng.random() < 0.02:
			record.countries.append(rng.choice(neighbours).un_name)
		if body == "UPR":
			_upr_paragraph(rng, record)
		else:
			_treaty_paragraph(rng, record, under_review, report)
		records.append(record)
	return records


def _upr_paragraph(rng, record: SampleRecord):
	candidates = [state for state in RECOMMENDING_STATES if state.country != record.state.country]
	record.recommending_states = rng.sample(candidates, rng.choice((1, 1, 1, 2, 2, 3)))
	record.states_in_column = rng.random() > 0.05
	record.position = rng.choices(list(POSITIONS), weights=(70, 28, 2))[0]
	action = rng.choice(UPR_ACTIONS).format(topic=rng.choice(TOPICS))
	if rng.random() < 0.4:
		action += ", " + rng.choice(ACTIONS).format(topic=rng.choice(TOPICS)).lower()
	by = " ".join(f"({state.un_name})" for state in record.recommending_states)
	record.text = f"{record.paragraph} {action} {by};"


def _treaty_paragraph(rng, record: SampleRecord, under_review: State, report: int):
	topic = rng.choice(TOPICS)
	number = f"{record.paragraph}." + ("" if rng.random() < 0.3 else " ")
	heading = f"{rng.choice(SUB_HEADINGS)} " if rng.random() < 0.05 else ""
	if rng.random() < 0.3:
		record.annotation_type = "Concerns/Observations"
		concern = rng.choice(CONCERNS).format(
			topic=topic, law=f"{rng.randint(1000, 7000)}/{rng.randint(10, 24)}"
		)
		details = rng.choice(("", " and at the limited information on its implementation", ""))
		record.text = f"{heading}{number}{concern}{details}."
		return
	openings = OPENINGS if report > 1 else [opening for opening in OPENINGS if "{previous}" not in opening]
	opening = rng.choice(openings).format(
		previous=record.symbol.rsplit("/", 1)[0] + f"/{report - 1}", para=rng.randint(5, 60)
	)
	items = [
		rng.choice(ACTIONS).format(topic=rng.choice((topic, *rng.sample(TOPICS, 2))))
		for _ in range(rng.randint(1, 5))
	]
	if len(items) == 1:
		record.text = f"{heading}{number}{opening.removesuffix(':')} {items[0][0].lower()}{items[0][1:]}."
		return
	lettered = [
		f"({letter}) {item}{';' if index < len(items) - 1 else '.'}"
		for index, (letter, item) in enumerate(zip("abcdefgh", items, strict=False))
	]
	separator = "\n" if rng.random() < 0.5 else " "
	record.text = f"{heading}{number}{opening}{separator}{separator.join(lettered)}"


# ---------------------------------------------------------------------------------------- writers


def _dashed(values) -> str:
	"""A UHRI XLSX list cell: one `- value` line per value."""
	return "\n".join(f"- {value}" for value in values)


def _excel_serial(value: date | datetime) -> int | float:
	if isinstance(value, datetime):
		delta = value - datetime.combine(EXCEL_EPOCH, datetime.min.time())
		return round(delta.total_seconds() / 86400, 10)
	return (value - EXCEL_EPOCH).days


def _sdg_label(code: str, title: str) -> str:
	return f"{code.upper()} - {title}"


def write_xlsx(records: list[SampleRecord], path: Path) -> None:
	from openpyxl import Workbook

	from nmirf_app.core.uhri_format import UHRI_XLSX_HEADERS

	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet("Export")
	sheet.append(list(UHRI_XLSX_HEADERS))
	for record in records:
		upr = record.body == "UPR"
		sheet.append(
			[
				record.text,
				_dashed(record.countries),
				_dashed([record.body]),
				_dashed([record.symbol]),
				_dashed(record.themes),
				_dashed(record.affected_persons),
				_dashed(_sdg_label(*target) for target in record.sdgs),
				_excel_serial(record.published),
				_dashed(state.un_name for state in record.recommending_states)
				if record.states_in_column
				else "",
				_dashed([record.position]) if record.position else "",
				_dashed([record.annotation_type]),
				_dashed([record.annotation_id]),
				_dashed([_session_label(record.upr_session)]) if upr else "",
				_dashed([record.state.region]),
				_dashed(sorted({state.group for state in record.recommending_states})) if upr else "",
				_excel_serial(record.on_uhri),
			]
		)
	workbook.save(path)


def _session_label(session: int) -> str:
	suffix = "th" if 10 <= session % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(session % 10, "th")
	return f"{session}{suffix} Session"


def _html(text: str) -> str:
	return "".join(f"<p>{escape(line, quote=False)}</p>" for line in text.splitlines())


def write_json(records: list[SampleRecord], path: Path) -> None:
	with open(path, "w", encoding="utf-8") as file:
		file.write("[\n")
		for index, record in enumerate(records):
			upr = record.body == "UPR"
			item = {
				"AnnotationId": record.annotation_id,
				"DocumentId": record.document_id,
				"Text": _html(record.text) if record.html else record.text,
				"Countries": record.countries,
				"Body": record.body,
				"Symbol": record.symbol,
				"Themes": record.themes,
				"AffectedPersons": record.affected_persons,
				"Sdgs": [_sdg_label(*target) for target in record.sdgs],
				"PublicationDate": f"{record.published.isoformat()}T00:00:00",
				"UprRecommendingCountry": [state.un_name for state in record.recommending_states]
				if record.states_in_column
				else [],
				"UprPositions": record.position.split("/") if record.position else [],
				"AnnotationType": record.annotation_type,
				"UprSession": _session_label(record.upr_session) if upr else None,
				"UprCycle": record.upr_cycle,
				"Regions": [record.state.region],
				"UprRecommendingRegions": sorted({state.group for state in record.recommending_states}),
				"PublicationDateOnUhri": record.on_uhri.isoformat(timespec="milliseconds") + "Z",
			}
			file.write(("  " if index == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False))
		file.write("\n]\n")


def write_data_import_csv(records: list[SampleRecord], path: Path, vocabularies: Vocabularies) -> int:
	"""What the nmirf importer would write for each record, in Frappe's Data Import layout; returns
	the number of data lines."""
	lines = 0
	with open(path, "w", encoding="utf-8", newline="") as file:  # no BOM: Frappe would keep it in "Text"
		writer = csv.writer(file)
		writer.writerow([*CSV_PARENT_HEADERS, *CSV_CHILD_HEADERS])
		for record in records:
			upr = record.body == "UPR"
			parent = [
				record.text,
				MECHANISM_OF_BODY.get(record.body, record.body),
				"Concern/Observation" if "concern" in record.annotation_type.lower() else "Recommendation",
				record.symbol,
				record.paragraph,
				record.published.isoformat(),
				record.upr_cycle or "",
				_session_label(record.upr_session) if upr else "",
				record.state.country,
				POSITIONS.get(record.position, ""),
				"UHRI" if record.position else "",
				record.annotation_id,
				record.document_id,
			]
			children = [
				list(dict.fromkeys(vocabularies.theme_label[label] for label in record.themes)),
				list(
					dict.fromkeys(
						vocabularies.affected_group_label[label] for label in record.affected_persons
					)
				),
				[code for code, _title in record.sdgs],
				[state.country for state in record.recommending_states],
			]
			for line in range(max(1, *(len(values) for values in children))):
				lines += 1
				writer.writerow(
					[
						*(parent if line == 0 else [""] * len(parent)),
						*(values[line] if line < len(values) else "" for values in children),
					]
				)
	return lines


@dataclass
class Samples:
	xlsx: Path
	json: Path
	csv: Path
	rows: int
	own_state_rows: int
	csv_lines: int  # data lines of the CSV: a record takes as many as its longest child table
	reused: bool = False


def write_samples(rows: int, directory: Path, *, state: str, other_state_share: float, seed: int) -> Samples:
	"""The three files for `rows` records, reused when already written with the same arguments."""
	stem = f"uhri-{rows}-{state.lower().replace(' ', '-')}-{round(other_state_share * 100)}pc-seed{seed}"
	manifest = directory / f"{stem}-manifest.json"
	paths = {
		"xlsx": directory / f"{stem}.xlsx",
		"json": directory / f"{stem}.json",
		"csv": directory / f"{stem}-data-import.csv",
	}
	if manifest.exists() and all(path.exists() for path in paths.values()):
		return Samples(**paths, **json.loads(manifest.read_text()), reused=True)
	records = generate_records(rows, state=state, other_state_share=other_state_share, seed=seed)
	write_xlsx(records, paths["xlsx"])
	write_json(records, paths["json"])
	csv_lines = write_data_import_csv(records, paths["csv"], load_vocabularies())
	counts = {
		"rows": len(records),
		"own_state_rows": sum(1 for record in records if record.state.country == state),
		"csv_lines": csv_lines,
	}
	manifest.write_text(json.dumps(counts))
	return Samples(**paths, **counts)
