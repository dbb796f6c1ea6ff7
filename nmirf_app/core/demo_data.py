"""A demo NMIRF for Paraguay: institutions, people, clusters and about 300 recommendations.

Framework-free so that it can be tested without a site; `nmirf_app.demo` loads it into one.

Document metadata (symbols, sessions, cycles, the UPR paragraph blocks) follow Paraguay's real
documents. The recommendation texts, recommending States, positions and statuses are synthetic:
they are composed from templates in UN drafting style and must not be presented as quotations.
Everything is drawn from one `random.Random(seed)`, so the same seed gives the same dataset.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

DEMO_STATE = "Paraguay"
DEMO_EMAIL_DOMAIN = "demo.nmirf.example"
# Every state institution has exactly one main focal point on every day of this window.
DEMO_PERIOD_START = date(2023, 2, 1)
DEMO_PERIOD_END = date(2026, 12, 31)

ROLE_ADMINISTRATOR = "NMIRF Administrator"
ROLE_SECRETARIAT = "NMIRF Secretariat"
ROLE_FOCAL_POINT = "NMIRF Focal Point"
ROLE_VALIDATOR = "NMIRF Institution Validator"
ROLE_APPROVER = "NMIRF Approver"
ROLE_OBSERVER = "NMIRF Observer"

UPR_POSITIONS = ("Supported", "Noted", "Supported in part")
IMPLEMENTATION_STATUSES = (
	"Not assessed",
	"Not started",
	"In progress",
	"Partially implemented",
	"Fully implemented",
)
PRIORITIES = ("High", "Medium", "Low")


@dataclass(frozen=True)
class DemoInstitution:
	name: str
	abbreviation: str
	institution_type: str
	is_state_body: bool
	parent: str | None = None


@dataclass(frozen=True)
class DemoUser:
	email: str
	first_name: str
	last_name: str
	roles: tuple[str, ...]


@dataclass(frozen=True)
class DemoFocalPoint:
	user: str
	institution: str
	role_type: str
	capacity: str
	active_from: date
	active_to: date | None = None
	handover_notes: str = ""


@dataclass(frozen=True)
class DemoCluster:
	name: str
	description: str
	themes: tuple[str, ...]


@dataclass(frozen=True)
class DemoRecommendation:
	mechanism: str
	annotation_type: str
	document_symbol: str
	paragraph: str
	document_date: date
	upr_cycle: int | None
	session: str
	text: str
	recommending_states: tuple[str, ...]
	position: str
	themes: tuple[str, ...]
	affected_groups: tuple[str, ...]
	sdg_targets: tuple[str, ...]
	cluster: str | None
	institutions: tuple[tuple[str, str], ...]
	priority: str
	implementation_status: str
	published: bool
	follow_up_required: bool
	uhri_annotation_id: str
	# (document_symbol, paragraph) of the earlier recommendation this one repeats.
	repeats: tuple[str, str] | None = None


# kw_only lets `state` keep its default while coming first.
@dataclass(frozen=True, kw_only=True)
class DemoDataset:
	state: str = DEMO_STATE
	institutions: tuple[DemoInstitution, ...]
	users: tuple[DemoUser, ...]
	focal_points: tuple[DemoFocalPoint, ...]
	validators: dict[str, str]
	clusters: tuple[DemoCluster, ...]
	recommendations: tuple[DemoRecommendation, ...]


def build_demo_dataset(seed: int = 2026) -> DemoDataset:
	rng = random.Random(seed)
	users, focal_points, validators = _build_people(rng)
	return DemoDataset(
		institutions=_INSTITUTIONS,
		users=users,
		focal_points=focal_points,
		validators=validators,
		clusters=_CLUSTERS,
		recommendations=_build_recommendations(rng, seed),
	)


# --- Institutions -------------------------------------------------------------------------------

_MFA = "Ministry of Foreign Affairs"
_JUSTICE = "Ministry of Justice"
_HEALTH = "Ministry of Public Health and Social Welfare"
_EDUCATION = "Ministry of Education and Sciences"
_WOMEN = "Ministry of Women"
_LABOUR = "Ministry of Labour, Employment and Social Security"
_INTERIOR = "Ministry of the Interior"
_CHILDREN = "Ministry of Children and Adolescents"
_SOCIAL = "Ministry of Social Development"
_INDIGENOUS = "National Institute of Indigenous Affairs"
_COURT = "Supreme Court of Justice"
_PROSECUTOR = "Public Prosecutor's Office"
_CONGRESS = "National Congress"

# The loader takes the first institution as the NMIRF secretariat's host.
_INSTITUTIONS = (
	DemoInstitution(_MFA, "MRE", "Ministry", True),
	DemoInstitution(_JUSTICE, "MJ", "Ministry", True),
	DemoInstitution(_HEALTH, "MSPBS", "Ministry", True),
	DemoInstitution(_EDUCATION, "MEC", "Ministry", True),
	DemoInstitution(_WOMEN, "MINMUJER", "Ministry", True),
	DemoInstitution(_LABOUR, "MTESS", "Ministry", True),
	DemoInstitution(_INTERIOR, "MDI", "Ministry", True),
	DemoInstitution(_CHILDREN, "MINNA", "Ministry", True),
	DemoInstitution(_SOCIAL, "MDS", "Ministry", True),
	DemoInstitution(_INDIGENOUS, "INDI", "Agency", True),
	DemoInstitution(_COURT, "CSJ", "Judiciary", True),
	# Paraguay's Constitution places the Public Prosecutor's Office within the judicial branch.
	DemoInstitution(_PROSECUTOR, "MP", "Judiciary", True),
	DemoInstitution(_CONGRESS, "CN", "Parliament", True),
	# Not a state body here: the NHRI's independence is the point of it.
	DemoInstitution("Ombudsman's Office (Defensoría del Pueblo)", "DP", "NHRI", False),
	DemoInstitution(
		"Human Rights Coordinating Body of Paraguay (CODEHUPY)",
		"CODEHUPY",
		"Civil Society Organisation",
		False,
	),
	DemoInstitution("United Nations Country Team in Paraguay", "UNCT", "UN Entity", False),
)


@dataclass(frozen=True)
class _Desk:
	"""How a state institution is staffed in the demo."""

	institution: str
	slug: str  # email prefix part: fp.<slug>@, fp2.<slug>@, validator.<slug>@
	capacity: str
	has_alternate: bool


_DESKS = (
	_Desk(_MFA, "foreign", "Technical", True),
	_Desk(_JUSTICE, "justice", "Technical", True),
	_Desk(_HEALTH, "health", "Technical", True),
	_Desk(_EDUCATION, "education", "Technical", True),
	_Desk(_WOMEN, "women", "Technical", True),
	_Desk(_LABOUR, "labour", "Technical", True),
	_Desk(_INTERIOR, "interior", "Technical", True),
	_Desk(_CHILDREN, "children", "Technical", True),
	_Desk(_SOCIAL, "social", "Technical", False),
	_Desk(_INDIGENOUS, "indigenous", "Technical", False),
	_Desk(_COURT, "court", "Technical", False),
	_Desk(_PROSECUTOR, "prosecutor", "Technical", False),
	# Congress designates an adviser of its human rights committee, appointed by the chamber's leadership.
	_Desk(_CONGRESS, "congress", "Political", False),
)

# The turnover case the demo shows: the Ministry of Health's main focal point hands over mid-period.
_TURNOVER_INSTITUTION = _HEALTH
_TURNOVER_LAST_DAY = date(2024, 8, 31)
_TURNOVER_NOTES = (
	"Handed over on reassignment to the Vice-Ministry of Health Services. Open items: evidence on the "
	"maternal mortality recommendations for the UPR mid-term report; the follow-up paragraphs of "
	"CEDAW/C/PRY/CO/8 on sexual and reproductive health; contacts of the Directorate of Indigenous "
	"Health for the CRC review. Working files are in the shared SIMORE folder of the Directorate of "
	"Human Rights."
)

_FIRST_NAMES = (
	"María José", "Lourdes", "Carlos", "Diego", "Gabriela", "Fernando", "Liz", "Rodrigo", "Natalia",
	"Hugo", "Mirta", "Óscar", "Patricia", "Raúl", "Silvia", "Andrea", "Luis", "Rocío", "Marcelo",
	"Fátima", "Gustavo", "Celeste", "Juan Pablo", "Verónica", "Derlis", "Nilda", "Osvaldo", "Romina",
	"Blas", "Sonia", "Víctor", "Mónica", "Alcides", "Teresa", "Emilio", "Graciela", "Jorge", "Karina",
	"Nelson", "Alba", "Federico", "Cynthia",
)  # fmt: skip
_LAST_NAMES = (
	"Benítez", "González", "Giménez", "Ramírez", "Villalba", "Ayala", "Duarte", "Ortiz", "Cáceres",
	"Fernández", "Martínez", "Acosta", "Cabrera", "Escobar", "Franco", "Galeano", "Insfrán", "Jara",
	"Ledesma", "Medina", "Ocampo", "Rojas", "Sanabria", "Vera", "Zárate", "Aquino", "Báez", "Candia",
	"Delgado", "Espínola", "Figueredo", "Gauto", "Irala", "Maidana", "Paredes", "Riquelme",
	"Samaniego", "Talavera", "Valdez", "Núñez", "Ruiz Díaz", "Cardozo",
)  # fmt: skip


def _email(local_part: str) -> str:
	return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def _build_people(
	rng: random.Random,
) -> tuple[tuple[DemoUser, ...], tuple[DemoFocalPoint, ...], dict[str, str]]:
	# Shuffled pools paired by position give every user a distinct name.
	first_names = list(_FIRST_NAMES)
	last_names = list(_LAST_NAMES)
	rng.shuffle(first_names)
	rng.shuffle(last_names)
	users: list[DemoUser] = []

	def add_user(local_part: str, *roles: str) -> str:
		index = len(users)
		users.append(DemoUser(_email(local_part), first_names[index], last_names[index], roles))
		return users[-1].email

	add_user("admin", ROLE_ADMINISTRATOR)
	add_user("secretariat", ROLE_SECRETARIAT)
	add_user("secretariat2", ROLE_SECRETARIAT)
	add_user("approver", ROLE_APPROVER)
	add_user("observer.nhri", ROLE_OBSERVER)

	focal_points: list[DemoFocalPoint] = []
	validators: dict[str, str] = {}
	for desk in _DESKS:
		if desk.institution == _TURNOVER_INSTITUTION:
			# The former focal point keeps the role: their past submissions stay attributed to them.
			former = add_user(f"fp.{desk.slug}.former", ROLE_FOCAL_POINT)
			focal_points.append(
				DemoFocalPoint(
					former,
					desk.institution,
					"Main",
					desk.capacity,
					DEMO_PERIOD_START,
					_TURNOVER_LAST_DAY,
					_TURNOVER_NOTES,
				)
			)
			main_from = _TURNOVER_LAST_DAY + timedelta(days=1)
		else:
			main_from = DEMO_PERIOD_START
		main = add_user(f"fp.{desk.slug}", ROLE_FOCAL_POINT)
		focal_points.append(DemoFocalPoint(main, desk.institution, "Main", desk.capacity, main_from))
		if desk.has_alternate:
			alternate = add_user(f"fp2.{desk.slug}", ROLE_FOCAL_POINT)
			focal_points.append(
				DemoFocalPoint(alternate, desk.institution, "Alternate", "Technical", DEMO_PERIOD_START)
			)
		validators[desk.institution] = add_user(f"validator.{desk.slug}", ROLE_VALIDATOR)
	return tuple(users), tuple(focal_points), validators


# --- Clusters and vocabulary (labels exactly as in the uhri-2025 CSVs) ----------------------------

_C_INTERNATIONAL = "International instruments and cooperation"
_C_EQUALITY = "Equality and non-discrimination"
_C_GENDER = "Gender equality and violence against women"
_C_CHILD = "Rights of the child"
_C_INDIGENOUS = "Indigenous peoples"
_C_JUSTICE = "Administration of justice and detention"
_C_HEALTH = "Health"
_C_EDUCATION = "Education"
_C_LABOUR = "Labour and social protection"
_C_CIVIC = "Human rights defenders and civic space"

_T_TORTURE = "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)"
_T_CHILD_PROTECTION = "Children: definition; general principles; protection"
_T_BUDGET = "Budget & resources (for human rights implementation)"
_T_NMIRF = "National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)"
_T_EXPRESSION = "Freedom of opinion and expression & access to information"
_T_SRHR = "Sexual & reproductive health and rights"

_G_WOMEN = "Women"
_G_WOMEN_GIRLS = "Women & girls"
_G_GIRLS = "Girls"
_G_CHILDREN = "Children"
_G_VULNERABLE_CHILDREN = (
	"Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, "
	"migrant children etc.)"
)
_G_YOUTH = "Youth & juveniles"
_G_INDIGENOUS = "Indigenous peoples"
_G_DETAINEES = "Persons deprived of their liberty & detainees"
_G_LAW_ENFORCEMENT = "Law enforcement / police & prison officials"
_G_JUDGES = "Judges, lawyers and prosecutors"
_G_RURAL = "Persons living in rural areas"
_G_POOR = "Persons living in poverty"
_G_DISABILITIES = "Persons with disabilities"
_G_LGBTI = "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"
_G_DOMESTIC_WORKERS = "Migrants & domestic workers"
_G_MEDIA = "Media"
_G_CIVIL_SOCIETY = "Civil society"
_G_EDUCATION_STAFF = "Educational staff & students"
_G_PUBLIC_OFFICIALS = "Public officials"
_G_DISAPPEARED = "Disappeared persons"
_G_HIV = "Persons living with HIV/AIDS"
_G_REFUGEES = "Refugees & asylum seekers"

# Committee paragraphs name children (CRC) or women (CEDAW) even where the subject alone does not.
_CHILD_GROUPS = {_G_CHILDREN, _G_VULNERABLE_CHILDREN, _G_GIRLS, _G_YOUTH, _G_WOMEN_GIRLS}
_WOMEN_GROUPS = {_G_WOMEN, _G_WOMEN_GIRLS, _G_GIRLS}

_CLUSTERS = (
	DemoCluster(
		_C_INTERNATIONAL,
		"Ratifications, cooperation with the UN mechanisms, the NMIRF itself, the National Human Rights "
		"Plan and the Ombudsman's Office.",
		(
			"Ratification of & accession to international instruments",
			"Cooperation with human rights mechanisms & requests for technical assistance",
			_T_NMIRF,
			"National Human Rights Institution (NHRI)",
		),
	),
	DemoCluster(
		_C_EQUALITY,
		"The anti-discrimination law and the protection of groups exposed to discrimination, including "
		"LGBTI persons and refugees.",
		("Equality & non-discrimination", "Refugees & asylum seekers"),
	),
	DemoCluster(
		_C_GENDER,
		"Act No. 5777/2016 and femicide, women's political participation, the Ministry of Women, rural "
		"women and trafficking in persons.",
		(
			"Violence against women",
			"Discrimination against women",
			"Participation of women in political & public life",
			"Human trafficking & contemporary forms of slavery",
		),
	),
	DemoCluster(
		_C_CHILD,
		"The child protection system, birth registration, violence and sexual abuse, criadazgo and child "
		"labour, alternative care and juvenile justice.",
		(
			_T_CHILD_PROTECTION,
			"Children: protection against exploitation",
			"Children: family environment & alternative care",
			"Children: juvenile justice",
		),
	),
	DemoCluster(
		_C_INDIGENOUS,
		"Ancestral lands, free, prior and informed consultation, and access of indigenous peoples to "
		"basic services.",
		("Indigenous peoples", "Land & property rights"),
	),
	DemoCluster(
		_C_JUSTICE,
		"Judicial independence, corruption, pretrial detention, prisons, torture prevention, the use of "
		"force and redress for the dictatorship.",
		(
			"Administration of justice & fair trial",
			"Conditions of detention",
			_T_TORTURE,
			"Access to justice & remedy",
		),
	),
	DemoCluster(
		_C_HEALTH,
		"Maternal mortality, sexual and reproductive health, universal health coverage, HIV and mental "
		"health.",
		("Right to health", _T_SRHR),
	),
	DemoCluster(
		_C_EDUCATION,
		"Quality and coverage of education, intercultural bilingual and inclusive education, and human "
		"rights education.",
		("Right to education", "Human rights education, trainings & awareness raising"),
	),
	DemoCluster(
		_C_LABOUR,
		"Domestic workers, informality and social security, forced labour in the Chaco and poverty "
		"reduction.",
		("Labour rights and right to work", "Right to social security", "Human rights & poverty"),
	),
	DemoCluster(
		_C_CIVIC,
		"Journalists, human rights defenders, peaceful assembly and access to public information.",
		(_T_EXPRESSION, "Freedom of association", "Right to peaceful assembly"),
	),
)


# --- Recommendation templates ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
	"""A phrase usable only in documents of certain years (it names a law, a body or an event)."""

	text: str
	since: int = 0
	until: int = 9999
	noted_share: float | None = None  # overrides the topic's share of "Noted" UPR responses


def _dated(text: str, since: int = 0, until: int = 9999, noted_share: float | None = None) -> _Phrase:
	return _Phrase(text, since, until, noted_share)


@dataclass(frozen=True)
class _Topic:
	"""One subject: what the text says decides themes, groups, SDGs, cluster and institutions."""

	key: str
	cluster: str
	lead: str
	themes: tuple[str, ...]
	supporting: tuple[str, ...] = ()
	groups: tuple[str, ...] = ()
	sdgs: tuple[str, ...] = ()
	# UPR: one imperative clause, optionally followed by a tail (text, affected group it names).
	upr: tuple[str | _Phrase, ...] = ()
	tails: tuple[tuple[str, str | None], ...] = (("", None),)
	# Treaty bodies: lettered sub-paragraphs by mechanism, and an optional topic-specific lead-in.
	committee: dict[str, tuple[str | _Phrase, ...]] = field(default_factory=dict)
	committee_intro: dict[str, str] = field(default_factory=dict)
	weight: int = 2  # how often States raise it at the UPR
	noted_share: float = 0.1
	urgent: bool = False


def _phrases_in_force(phrases: tuple[str | _Phrase, ...], year: int) -> list[_Phrase]:
	as_phrases = (phrase if isinstance(phrase, _Phrase) else _Phrase(phrase) for phrase in phrases)
	return [phrase for phrase in as_phrases if phrase.since <= year <= phrase.until]


_RURAL_TAIL = (", particularly in rural areas", _G_RURAL)
_INDIGENOUS_TAIL = (", with special attention to indigenous peoples", _G_INDIGENOUS)

# Catalogue order is the order of the documents: general measures first, then specific rights.
_TOPICS: tuple[_Topic, ...] = (
	_Topic(
		key="ratification",
		cluster=_C_INTERNATIONAL,
		lead=_MFA,
		supporting=(_CONGRESS,),
		themes=("Ratification of & accession to international instruments",),
		upr=(
			"Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural "
			"Rights",
			"Consider ratifying the Optional Protocol to the International Covenant on Economic, Social and "
			"Cultural Rights",
			"Ratify the Inter-American Convention against All Forms of Discrimination and Intolerance",
			"Ratify the Inter-American Convention against Racism, Racial Discrimination and Related Forms of "
			"Intolerance",
			_dated(
				"Ratify the Violence and Harassment Convention, 2019 (No. 190), of the International Labour "
				"Organization",
				since=2020,
			),
			_dated(
				"Ratify the Regional Agreement on Access to Information, Public Participation and Justice in "
				"Environmental Matters in Latin America and the Caribbean (Escazú Agreement)",
				since=2019,
				noted_share=0.8,
			),
		),
		tails=(("", None), (" at the earliest opportunity", None)),
		weight=3,
		noted_share=0.6,
	),
	_Topic(
		key="nmirf",
		cluster=_C_INTERNATIONAL,
		lead=_MFA,
		supporting=(_JUSTICE,),
		themes=(_T_NMIRF, "Cooperation & Follow up with Treaty Bodies"),
		sdgs=("16.6",),
		upr=(
			"Continue to strengthen the Recommendations Monitoring System (SIMORE) for the follow-up of the "
			"recommendations of international human rights mechanisms",
			"Strengthen the inter-institutional mechanism for reporting on and following up international "
			"human rights recommendations",
			"Ensure the systematic participation of civil society in the follow-up to the universal periodic "
			"review",
			_dated(
				"Continue sharing its experience with the SIMORE Plus platform with other States through "
				"South-South cooperation",
				since=2020,
			),
		),
		tails=(("", None), (", in coordination with all branches of the State", None)),
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="cooperation",
		cluster=_C_INTERNATIONAL,
		lead=_MFA,
		themes=(
			"Cooperation with human rights mechanisms & requests for technical assistance",
			"Cooperation & Follow up with Treaty Bodies",
		),
		upr=(
			"Continue its constructive cooperation with the special procedures of the Human Rights Council",
			"Submit its overdue periodic reports to the treaty bodies",
			"Continue cooperating with the Office of the United Nations High Commissioner for Human Rights",
			"Respond positively to pending requests for visits by special procedure mandate holders",
		),
		tails=(("", None), (", seeking technical assistance where needed", None)),
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="human_rights_plan",
		cluster=_C_INTERNATIONAL,
		lead=_JUSTICE,
		supporting=(_MFA,),
		themes=("National Human Rights Action Plans (or specific areas) / implementation plans", _T_BUDGET),
		upr=(
			"Ensure the effective implementation of the National Human Rights Plan",
			"Allocate adequate human and financial resources for the implementation of the National Human "
			"Rights Plan",
			"Adopt an action plan with measurable indicators for the National Human Rights Plan",
		),
		tails=(
			("", None),
			(", with the participation of civil society", _G_CIVIL_SOCIETY),
			(", at both the national and the departmental levels", None),
		),
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="nhri",
		cluster=_C_INTERNATIONAL,
		lead=_CONGRESS,
		supporting=(_MFA,),
		themes=("National Human Rights Institution (NHRI)",),
		sdgs=("16.a",),
		upr=(
			"Strengthen the Ombudsman's Office in full compliance with the principles relating to the "
			"status of national institutions for the promotion and protection of human rights (the Paris "
			"Principles)",
			"Provide the Ombudsman's Office with sufficient human and financial resources to discharge its "
			"mandate effectively",
			"Ensure a transparent, participatory and merit-based process for the selection of the Ombudsman",
		),
		committee={
			"CRC": (
				"Ensure that the Ombudsman's Office has a specific mandate and dedicated resources to "
				"receive, investigate and address complaints by children in a child-sensitive manner",
				"Guarantee the independence of the Ombudsman's Office, including with regard to its funding "
				"and the appointment of its head",
				"Ensure that the Office is accessible to children in all departments, including in rural "
				"areas and indigenous communities",
			),
		},
		weight=2,
	),
	_Topic(
		key="anti_discrimination_law",
		cluster=_C_EQUALITY,
		lead=_CONGRESS,
		supporting=(_JUSTICE, _WOMEN),
		themes=("Equality & non-discrimination", "Constitutional & legislative framework"),
		sdgs=("10.3", "16.b"),
		upr=(
			"Adopt a comprehensive law against all forms of discrimination",
			"Expedite the adoption of the draft law against all forms of discrimination",
			"Adopt comprehensive anti-discrimination legislation that addresses both direct and indirect "
			"discrimination",
			"Establish an independent body to receive and investigate complaints of discrimination",
		),
		tails=(
			("", None),
			(", including on the grounds of sexual orientation and gender identity", _G_LGBTI),
			(", in line with international human rights standards", None),
			(
				", with particular attention to indigenous peoples and persons of African descent",
				_G_INDIGENOUS,
			),
		),
		committee={
			"CEDAW": (
				"Adopt comprehensive anti-discrimination legislation that includes a definition of "
				"discrimination against women in line with article 1 of the Convention",
				"Ensure that the legislation covers direct and indirect discrimination in the public and "
				"private spheres, as well as intersecting forms of discrimination",
				"Review existing legislation with a view to repealing all provisions that discriminate "
				"against women",
				"Provide for effective remedies and sanctions for discrimination against women",
			),
			"CRC": (
				"Adopt a comprehensive law prohibiting all forms of discrimination, including against "
				"indigenous children, children with disabilities and lesbian, gay, bisexual, transgender and "
				"intersex children",
				"Conduct awareness-raising campaigns to address discriminatory attitudes towards children in "
				"marginalized situations",
				"Ensure that children in rural areas and in street situations have equal access to basic "
				"services",
			),
		},
		weight=3,
		noted_share=0.4,
	),
	_Topic(
		key="lgbti",
		cluster=_C_EQUALITY,
		lead=_JUSTICE,
		supporting=(_INTERIOR, _PROSECUTOR),
		themes=("Equality & non-discrimination",),
		groups=(_G_LGBTI,),
		sdgs=("10.3", "16.1"),
		upr=(
			"Take measures to prevent, investigate and punish violence and hate crimes against lesbian, gay, "
			"bisexual, transgender and intersex persons",
			"Combat discrimination and stigmatization on the grounds of sexual orientation and gender "
			"identity",
			_dated(
				"Adopt legislation allowing transgender persons to change their name and gender marker in "
				"official documents",
				noted_share=0.9,
			),
		),
		tails=(("", None), (", including in schools and health services", None)),
		weight=2,
		noted_share=0.6,
	),
	_Topic(
		key="refugees",
		cluster=_C_EQUALITY,
		lead=_MFA,
		supporting=(_INTERIOR,),
		themes=("Refugees & asylum seekers",),
		groups=(_G_REFUGEES,),
		sdgs=("10.7",),
		upr=(
			"Strengthen the National Commission for Refugees and the asylum procedure",
			"Guarantee respect for the principle of non-refoulement at all border points",
		),
		committee={
			"CAT": (
				"Ensure that no person is expelled, returned or extradited to a State where there are "
				"substantial grounds for believing that he or she would be in danger of being subjected to "
				"torture",
				"Guarantee access to fair and efficient asylum procedures at all border points",
				"Provide training on the principle of non-refoulement to border and migration officials",
			),
		},
		weight=1,
	),
	_Topic(
		key="violence_against_women_law",
		cluster=_C_GENDER,
		lead=_WOMEN,
		supporting=(_INTERIOR, _PROSECUTOR, _COURT),
		themes=("Violence against women", "Legal, institutional & policy framework"),
		groups=(_G_WOMEN,),
		sdgs=("5.2",),
		upr=(
			_dated(
				"Adopt the draft comprehensive law to protect women against all forms of violence", until=2016
			),
			_dated(
				"Expedite the adoption of the bill on the comprehensive protection of women against all "
				"forms of violence, including femicide",
				until=2016,
			),
			_dated(
				"Ensure the effective implementation of Act No. 5777/2016 on the comprehensive protection of "
				"women against all forms of violence",
				since=2017,
			),
			_dated(
				"Allocate sufficient resources for the full implementation of Act No. 5777/2016", since=2017
			),
			_dated(
				"Strengthen inter-institutional coordination for the implementation of Act No. 5777/2016",
				since=2017,
			),
		),
		tails=(("", None), _RURAL_TAIL, (", including for indigenous women", _G_INDIGENOUS)),
		committee={
			"CEDAW": (
				"Ensure the effective implementation of Act No. 5777/2016 and allocate adequate human, "
				"technical and financial resources for that purpose",
				"Establish a comprehensive system for collecting data on gender-based violence against "
				"women, disaggregated by age, ethnicity, disability and relationship between victim and "
				"perpetrator",
				"Train judges, prosecutors, police officers and other law enforcement officials on the "
				"strict application of Act No. 5777/2016 and on gender-sensitive investigation methods",
				"Ensure that women victims of violence have access to adequate shelters, legal aid, "
				"psychosocial support and rehabilitation throughout the country",
			),
			"CAT": (
				"Ensure the effective implementation of Act No. 5777/2016 on the comprehensive protection of "
				"women against all forms of violence",
				"Ensure that all acts of gender-based violence, in particular those involving actions or "
				"omissions by State authorities, are thoroughly investigated and that alleged perpetrators "
				"are prosecuted",
				"Ensure that victims of gender-based violence receive redress, including adequate "
				"compensation and rehabilitation",
				"Provide mandatory training on the prosecution of gender-based violence to judges, "
				"prosecutors and police officers",
			),
		},
		committee_intro={
			"CEDAW": "Recalling its general recommendation No. 35 (2017) on gender-based violence against "
			"women, updating general recommendation No. 19, the Committee recommends that the State party",
		},
		weight=3,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="femicide",
		cluster=_C_GENDER,
		lead=_WOMEN,
		supporting=(_PROSECUTOR, _INTERIOR),
		themes=("Violence against women", "Domestic violence", "Sexual & gender-based violence"),
		groups=(_G_WOMEN,),
		sdgs=("5.2", "16.1"),
		upr=(
			"Step up efforts to prevent, investigate and punish femicide and all forms of violence against "
			"women",
			"Strengthen the capacity of the police and the justice system to respond effectively to cases of "
			"domestic and gender-based violence",
			"Expand the network of shelters and comprehensive care services for women victims of violence",
			"Conduct public awareness campaigns to prevent gender-based violence and challenge patriarchal "
			"stereotypes",
			"Ensure that all cases of violence against women are promptly investigated and that perpetrators "
			"are brought to justice",
		),
		tails=(
			("", None),
			(", in particular in rural and indigenous communities", _G_RURAL),
			(", in line with its international obligations", None),
		),
		committee={
			"CEDAW": (
				"Adopt a national strategy to prevent femicide, including an early-warning and "
				"risk-assessment protocol",
				"Ensure that all cases of femicide and attempted femicide are investigated with due "
				"diligence and that perpetrators are prosecuted and adequately punished",
				"Provide reparations to the families of victims of femicide, including to children left "
				"orphaned",
				"Collect and publish data on femicide, disaggregated by age, ethnicity and relationship "
				"between victim and perpetrator",
			),
		},
		weight=4,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="political_participation",
		cluster=_C_GENDER,
		lead=_WOMEN,
		supporting=(_CONGRESS,),
		themes=("Participation of women in political & public life", "Advancement of women"),
		groups=(_G_WOMEN,),
		sdgs=("5.5",),
		upr=(
			"Take measures to increase the participation of women in political and public life",
			"Adopt a law on parity democracy to ensure the equal representation of women in decision-making "
			"positions",
			"Adopt temporary special measures to accelerate the equal representation of women in elected and "
			"appointed bodies",
		),
		tails=(
			("", None),
			(", including at the departmental and municipal levels", None),
			(", in particular for indigenous and rural women", _G_INDIGENOUS),
		),
		committee={
			"CEDAW": (
				"Adopt legislation establishing gender parity in electoral lists, with alternating "
				"placement of women and men candidates and effective sanctions for non-compliance",
				"Adopt temporary special measures, in line with article 4 (1) of the Convention and its "
				"general recommendation No. 25 (2004), to accelerate the equal representation of women in "
				"the legislative and executive branches, the judiciary and the foreign service",
				"Take measures to prevent and address political violence against women candidates and "
				"officials",
				"Provide capacity-building for women candidates, in particular indigenous and rural women",
			),
		},
		weight=2,
		noted_share=0.3,
	),
	_Topic(
		key="gender_machinery",
		cluster=_C_GENDER,
		lead=_WOMEN,
		themes=("Advancement of women", _T_BUDGET),
		groups=(_G_WOMEN,),
		sdgs=("5.1", "5.c"),
		upr=(
			"Strengthen the Ministry of Women with adequate human, technical and financial resources",
			"Continue implementing the national plan for equality between women and men",
			"Mainstream a gender perspective in all public policies and budgets",
		),
		tails=(("", None), (", at the national, departmental and municipal levels", None)),
		committee={
			"CEDAW": (
				"Strengthen the mandate and authority of the Ministry of Women to coordinate gender equality "
				"policies across all sectors and levels of government",
				"Increase the budget allocated to the Ministry of Women and introduce gender-responsive "
				"budgeting across ministries",
				"Establish gender units with clear mandates and resources in all ministries and departmental "
				"governments",
				"Systematically evaluate the impact of the national plan for equality",
			),
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="stereotypes",
		cluster=_C_GENDER,
		lead=_WOMEN,
		supporting=(_EDUCATION,),
		themes=("Discrimination against women", "Human rights education, trainings & awareness raising"),
		groups=(_G_WOMEN,),
		sdgs=("5.1",),
		upr=(
			"Take measures to eliminate discriminatory stereotypes regarding the roles of women and men in "
			"the family and in society",
			"Conduct awareness-raising campaigns to combat sexist stereotypes, including in the media",
		),
		tails=(("", None), (", in cooperation with civil society", _G_CIVIL_SOCIETY)),
		committee={
			"CEDAW": (
				"Adopt a comprehensive strategy to eliminate discriminatory gender stereotypes, targeting "
				"community and religious leaders, teachers, parents and the media",
				"Review school textbooks and curricula to eliminate gender stereotypes",
				"Encourage the media to promote positive images of women as active participants in public "
				"life",
				"Counter the backlash against gender equality, including disinformation campaigns targeting "
				"women's rights",
			),
		},
		weight=1,
	),
	_Topic(
		key="trafficking",
		cluster=_C_GENDER,
		# The Ministry of Foreign Affairs coordinates Paraguay's round table against trafficking.
		lead=_MFA,
		supporting=(_PROSECUTOR, _WOMEN, _INTERIOR),
		themes=("Human trafficking & contemporary forms of slavery",),
		groups=(_G_WOMEN_GIRLS,),
		sdgs=("5.2", "8.7", "16.2"),
		upr=(
			"Strengthen measures to prevent and combat trafficking in persons, in particular women and "
			"children",
			"Ensure the effective implementation of Act No. 4788/2012 on comprehensive measures against "
			"trafficking in persons",
			"Provide comprehensive assistance and protection to victims of trafficking, including shelters "
			"and reintegration programmes",
			"Strengthen cooperation with neighbouring countries to combat cross-border trafficking in "
			"persons",
		),
		tails=(
			("", None),
			(", including through specialized training for prosecutors and police", _G_LAW_ENFORCEMENT),
		),
		committee={
			"CEDAW": (
				"Allocate sufficient resources to the inter-institutional round table for the prevention of "
				"and fight against trafficking in persons",
				"Strengthen the early identification of women and girl victims of trafficking and their "
				"referral to appropriate services",
				"Ensure that perpetrators, including public officials complicit in trafficking, are "
				"prosecuted and adequately punished",
				"Address the root causes of trafficking by improving the economic situation of women and "
				"girls in border areas",
			),
			"CAT": (
				"Ensure that cases of trafficking in persons are thoroughly investigated and that "
				"perpetrators are prosecuted and punished",
				"Provide victims of trafficking with protection, medical and psychosocial assistance and "
				"redress",
				"Provide specialized training to police officers, prosecutors and judges on the "
				"identification of victims of trafficking",
			),
			"CRC": (
				"Strengthen measures to prevent the trafficking and sale of children, in particular in "
				"border areas",
				"Ensure that child victims of trafficking are identified and referred to specialized "
				"protection services",
				"Prosecute and adequately punish perpetrators of trafficking in children",
			),
		},
		weight=2,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="rural_women",
		cluster=_C_GENDER,
		lead=_WOMEN,
		supporting=(_SOCIAL,),
		themes=("Advancement of women", "Land & property rights", "Right to an adequate standard of living"),
		groups=(_G_WOMEN, _G_RURAL),
		sdgs=("5.a", "1.4"),
		upr=(
			_dated(
				"Ensure the effective implementation of Act No. 5446/2015 on public policies for rural women",
				since=2016,
			),
			"Improve rural women's access to land, credit and technical assistance",
		),
		committee={
			"CEDAW": (
				"Ensure the effective implementation of Act No. 5446/2015 on public policies for rural "
				"women, with adequate resources",
				"Ensure rural women's equal access to land ownership, credit, technical assistance and "
				"markets",
				"Ensure the participation of rural women in the design of agricultural and rural development "
				"policies",
				"Protect rural women from the impact of agrochemical use and land conflicts",
			),
		},
		committee_intro={
			"CEDAW": "In line with its general recommendation No. 34 (2016) on the rights of rural women, "
			"the Committee recommends that the State party",
		},
		weight=1,
	),
	_Topic(
		key="child_protection_system",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_SOCIAL,),
		themes=(_T_CHILD_PROTECTION, _T_BUDGET),
		groups=(_G_CHILDREN,),
		upr=(
			"Strengthen the National System for the Comprehensive Protection and Advancement of Children and "
			"Adolescents",
			"Increase budget allocations for programmes for children and adolescents",
			_dated(
				"Provide the Ministry of Children and Adolescents with sufficient resources to coordinate "
				"the child protection system",
				since=2019,
			),
			"Strengthen the municipal councils for the rights of children and adolescents (CODENI)",
		),
		tails=(("", None), (", in particular at the departmental and municipal levels", None)),
		committee={
			"CRC": (
				"Provide the Ministry of Children and Adolescents with the authority and the human, "
				"technical and financial resources necessary to coordinate the National System for the "
				"Comprehensive Protection and Advancement of Children and Adolescents",
				"Strengthen the municipal councils for the rights of children and adolescents (CODENI) in "
				"all municipalities",
				"Undertake a child-rights assessment of the national budget and establish budget lines for "
				"children in disadvantaged situations",
				"Adopt a new national plan for children and adolescents with measurable targets and "
				"evaluate it systematically",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="child_data",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		themes=("Statistics, indicators & disaggregated data", _T_CHILD_PROTECTION),
		groups=(_G_CHILDREN,),
		sdgs=("17.18",),
		upr=(
			"Improve the collection of data disaggregated by age, sex, ethnicity, disability and "
			"geographical location to inform public policies for children",
		),
		committee={
			"CRC": (
				"Improve its data collection system to cover all areas of the Convention, with data "
				"disaggregated by age, sex, disability, geographical location, ethnic origin and "
				"socioeconomic background",
				"Ensure that data and indicators are shared among the ministries concerned and used for "
				"policymaking",
				"Strengthen the capacity of the National Institute of Statistics to collect data on violence "
				"against children",
			),
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="birth_registration",
		cluster=_C_CHILD,
		# The Civil Registry reports to the Ministry of Justice.
		lead=_JUSTICE,
		supporting=(_CHILDREN, _INDIGENOUS),
		themes=("Rights related to name, identity & nationality",),
		groups=(_G_CHILDREN,),
		sdgs=("16.9",),
		upr=(
			"Strengthen birth registration, particularly in rural areas and among indigenous communities",
			"Ensure free and universal birth registration and access to identity documents",
			"Expand mobile civil registration services to remote areas",
		),
		tails=(("", None), (", in cooperation with departmental governments", None)),
		committee={
			"CRC": (
				"Ensure that all children are registered immediately after birth, free of charge, including "
				"in rural and indigenous communities",
				"Expand mobile registration units and registration offices in hospitals and health centres",
				"Facilitate late registration and the issuance of identity cards to children who were not "
				"registered at birth",
				"Conduct awareness-raising campaigns, in indigenous languages, on the importance of birth "
				"registration",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="violence_against_children",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_EDUCATION,),
		themes=(_T_CHILD_PROTECTION, "Right to physical & moral integrity"),
		groups=(_G_CHILDREN,),
		sdgs=("16.2",),
		upr=(
			_dated("Explicitly prohibit corporal punishment of children in all settings", until=2016),
			_dated(
				"Ensure the effective implementation of Act No. 5659/2016 on the promotion of good treatment "
				"and positive parenting",
				since=2017,
			),
			"Promote positive, non-violent and participatory forms of child-rearing and discipline",
			"Strengthen measures to prevent and respond to violence against children in the family and in "
			"schools",
		),
		tails=(
			("", None),
			(", including through awareness-raising for parents and teachers", _G_EDUCATION_STAFF),
		),
		committee={
			"CRC": (
				"Ensure the effective enforcement of Act No. 5659/2016, which prohibits corporal punishment "
				"in all settings",
				"Strengthen awareness-raising programmes for parents, teachers and other professionals "
				"working with children on positive, non-violent forms of discipline",
				"Establish accessible, confidential and child-friendly reporting mechanisms for child "
				"victims of violence, including a toll-free helpline",
				"Ensure that cases of violence against children are promptly investigated and that "
				"perpetrators are held accountable",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="sexual_abuse_of_children",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_PROSECUTOR, _INTERIOR, _HEALTH),
		themes=("Children: protection against exploitation", "Sexual & gender-based violence"),
		groups=(_G_CHILDREN, _G_GIRLS),
		sdgs=("16.2", "5.2"),
		upr=(
			"Strengthen measures to prevent and combat sexual abuse and sexual exploitation of children and "
			"adolescents",
			"Ensure that cases of sexual violence against children are promptly investigated and that "
			"perpetrators are prosecuted",
			"Provide comprehensive care, including psychological support, to child victims of sexual "
			"violence",
			"Review existing legislation and programmes to prevent and eradicate the sexual exploitation of "
			"children",
		),
		tails=(("", None), (", including online", None), (", in particular in border areas", None)),
		committee={
			"CRC": (
				"Develop a national strategy to prevent and address sexual exploitation and abuse of "
				"children, including online",
				"Ensure that child victims of sexual abuse have access to child-friendly complaint "
				"mechanisms, Gesell chambers for interviews and comprehensive recovery services",
				"Ensure that cases of sexual abuse of children are investigated promptly and that "
				"perpetrators are prosecuted",
				"Train judges, prosecutors and police officers in child-sensitive procedures to avoid the "
				"revictimization of children",
			),
		},
		weight=3,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="child_marriage",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_CONGRESS, _JUSTICE),
		themes=("Rights related to marriage & family", _T_CHILD_PROTECTION),
		groups=(_G_GIRLS,),
		sdgs=("5.3",),
		upr=(
			"Prohibit child marriage and early unions, without exception",
			"Take measures to prevent early unions, particularly in rural and indigenous communities",
		),
		committee={
			"CRC": (
				"Ensure that the law prohibits marriage under the age of 18 years, without exception, and "
				"that it is effectively enforced",
				"Take measures to prevent informal early unions, particularly in indigenous and rural "
				"communities",
				"Conduct awareness-raising programmes on the harmful effects of child marriage, targeting "
				"families and community and religious leaders",
			),
			"CEDAW": (
				"Prohibit all marriages and informal unions involving persons under 18 years of age, without "
				"exception",
				"Conduct awareness-raising campaigns on the negative effects of child marriage on girls' "
				"health and education",
				"Ensure that women in de facto unions enjoy equal property rights upon the dissolution of "
				"the union",
			),
		},
		weight=1,
		noted_share=0.4,
	),
	_Topic(
		key="criadazgo",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_LABOUR, _PROSECUTOR),
		themes=(
			"Children: protection against exploitation",
			"Human trafficking & contemporary forms of slavery",
		),
		groups=(_G_VULNERABLE_CHILDREN, _G_GIRLS),
		sdgs=("8.7", "16.2"),
		upr=(
			"Eradicate the practice of criadazgo and protect the children concerned",
			_dated("Criminalize the practice of criadazgo", noted_share=0.3),
			"Identify children in criadazgo and ensure their return to their families and their access to "
			"education",
		),
		tails=(
			("", None),
			(
				", in line with the recommendations of the Special Rapporteur on contemporary forms of "
				"slavery",
				None,
			),
		),
		committee={
			"CRC": (
				"Criminalize the practice of criadazgo and ensure that those responsible are prosecuted",
				"Identify children in situations of criadazgo and ensure their recovery, reintegration and "
				"access to education",
				"Conduct awareness-raising campaigns on the harmful effects of criadazgo, particularly in "
				"rural areas",
				"Strengthen labour inspections in private households",
			),
		},
		weight=2,
		noted_share=0.05,
		urgent=True,
	),
	_Topic(
		key="child_labour",
		cluster=_C_CHILD,
		# The national commission on child labour (CONAETI) sits in the Ministry of Labour.
		lead=_LABOUR,
		supporting=(_CHILDREN, _SOCIAL),
		themes=("Children: protection against exploitation", "Labour rights and right to work"),
		groups=(_G_CHILDREN,),
		sdgs=("8.7",),
		upr=(
			"Strengthen the implementation of the national strategy for the prevention and eradication of "
			"child labour",
			"Strengthen labour inspections to detect and sanction the worst forms of child labour",
			"Expand programmes that support families to keep children in school and out of work",
		),
		tails=(("", None), (", particularly in agriculture and domestic work", None)),
		committee={
			"CRC": (
				"Update the list of hazardous work prohibited for children and ensure its enforcement",
				"Provide the labour inspectorate with the resources to monitor child labour, including in "
				"the informal sector and in agriculture",
				"Expand social protection programmes linked to school attendance in order to reduce child "
				"labour",
				"Seek technical assistance from the International Labour Organization",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="alternative_care",
		cluster=_C_CHILD,
		lead=_CHILDREN,
		supporting=(_COURT,),
		themes=("Children: family environment & alternative care",),
		groups=(_G_VULNERABLE_CHILDREN,),
		upr=(
			"Promote family-based alternative care and reduce the institutionalization of children",
			"Strengthen the foster care programme and the supervision of residential care institutions",
		),
		committee={
			"CRC": (
				"Adopt a strategy for the deinstitutionalization of children, with a clear timeline",
				"Strengthen family-based care, including kinship and foster care, with adequate support for "
				"foster families",
				"Ensure the regular review of placements and the independent monitoring of residential "
				"institutions",
				"Provide adequate support to young people leaving care",
			),
		},
		committee_intro={
			"CRC": "Drawing attention to the Guidelines for the Alternative Care of Children, the Committee "
			"recommends that the State party",
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="juvenile_justice",
		cluster=_C_CHILD,
		# The service for adolescents in conflict with the law reports to the Ministry of Justice.
		lead=_JUSTICE,
		supporting=(_COURT, _CHILDREN),
		themes=("Children: juvenile justice", "Conditions of detention"),
		groups=(_G_YOUTH,),
		sdgs=("16.3",),
		upr=(
			"Ensure that the deprivation of liberty of adolescents is used only as a measure of last resort",
			"Improve conditions in educational centres for adolescents in conflict with the law",
			"Promote diversion and non-custodial measures for children in conflict with the law",
		),
		tails=(("", None), (", in line with international standards on juvenile justice", None)),
		committee={
			"CRC": (
				"Promote non-judicial measures, such as diversion, mediation and counselling, for children "
				"accused of criminal offences",
				"Ensure that detention is used as a measure of last resort and for the shortest possible "
				"period",
				"Improve conditions in educational centres for adolescents and ensure their access to "
				"education and health services",
				"Ensure the availability of specialized juvenile courts and judges throughout the country",
			),
			"CAT": (
				"Ensure that adolescents deprived of their liberty are held separately from adults",
				"Investigate all allegations of ill-treatment in educational centres for adolescents",
				"Improve material conditions in centres for adolescents in conflict with the law",
			),
		},
		committee_intro={
			"CRC": "In the light of its general comment No. 24 (2019) on children's rights in the child "
			"justice system, the Committee urges the State party to",
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="indigenous_lands",
		cluster=_C_INDIGENOUS,
		lead=_INDIGENOUS,
		supporting=(_CONGRESS, _JUSTICE),
		themes=("Indigenous peoples", "Land & property rights"),
		groups=(_G_INDIGENOUS,),
		sdgs=("1.4", "2.3"),
		upr=(
			"Guarantee the right of indigenous peoples to their ancestral lands, territories and resources",
			"Expedite the restitution of ancestral lands to indigenous communities",
			"Comply fully with the judgments of the Inter-American Court of Human Rights concerning the "
			"Yakye Axa, Sawhoyamaxa and Xákmok Kásek communities",
			"Protect the territories of the Ayoreo Totobiegosode people, including those living in voluntary "
			"isolation",
			"Establish an effective mechanism for the demarcation and titling of indigenous lands",
		),
		tails=(
			("", None),
			(", in consultation with the communities concerned", None),
			(", with adequate budgetary resources", None),
		),
		weight=4,
		noted_share=0.2,
		urgent=True,
	),
	_Topic(
		key="indigenous_consultation",
		cluster=_C_INDIGENOUS,
		lead=_INDIGENOUS,
		supporting=(_CONGRESS,),
		themes=("Indigenous peoples", "Business & Human Rights"),
		groups=(_G_INDIGENOUS,),
		sdgs=("16.7",),
		upr=(
			"Ensure free, prior and informed consultation with indigenous peoples on legislative and "
			"administrative measures that affect them",
			_dated(
				"Ensure the effective application of the protocol for consultation and free, prior and "
				"informed consent of indigenous peoples",
				since=2019,
			),
			"Ensure that business activities, including agribusiness and logging, respect the rights of "
			"indigenous peoples",
		),
		tails=(("", None), (", in particular in the Chaco region", None)),
		weight=2,
		noted_share=0.4,
	),
	_Topic(
		key="indigenous_services",
		cluster=_C_INDIGENOUS,
		lead=_INDIGENOUS,
		supporting=(_HEALTH, _EDUCATION, _SOCIAL),
		themes=(
			"Indigenous peoples",
			"Right to an adequate standard of living",
			"Safe drinking water & sanitation",
		),
		groups=(_G_INDIGENOUS, _G_RURAL),
		sdgs=("1.2", "6.1"),
		upr=(
			"Improve the access of indigenous peoples to health care, education, safe drinking water and "
			"sanitation",
			"Reduce poverty and extreme poverty among indigenous peoples",
			"Strengthen the National Institute of Indigenous Affairs with adequate resources",
		),
		tails=(("", None), (", particularly in the Chaco region", None)),
		committee={
			"CRC": (
				"Ensure that indigenous children have access to health services, safe drinking water and "
				"adequate nutrition",
				"Address the high rates of malnutrition among indigenous children, particularly in the Chaco "
				"region",
				"Ensure that indigenous children in street situations in urban areas receive protection and "
				"culturally appropriate services",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="indigenous_women",
		cluster=_C_INDIGENOUS,
		lead=_WOMEN,
		supporting=(_INDIGENOUS,),
		themes=("Indigenous peoples", "Discrimination against women"),
		groups=(_G_INDIGENOUS, _G_WOMEN_GIRLS),
		sdgs=("5.1", "10.2"),
		upr=(
			"Adopt measures to eliminate multiple forms of discrimination against indigenous women and girls",
		),
		committee={
			"CEDAW": (
				"Ensure that indigenous women have access to land titles, credit and technical assistance",
				"Guarantee the participation of indigenous women in decision-making on matters affecting "
				"their communities and territories",
				"Provide indigenous women and girls with culturally appropriate health and education "
				"services in their own languages",
			),
		},
		committee_intro={
			"CEDAW": "Recalling its general recommendation No. 39 (2022) on the rights of Indigenous women "
			"and girls, the Committee recommends that the State party",
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="judicial_independence",
		cluster=_C_JUSTICE,
		lead=_COURT,
		supporting=(_CONGRESS,),
		themes=("Administration of justice & fair trial", "Good governance & corruption"),
		groups=(_G_JUDGES,),
		sdgs=("16.3", "16.6"),
		upr=(
			"Strengthen the independence of the judiciary",
			"Ensure transparent and merit-based procedures for the selection and appointment of judges and "
			"prosecutors",
			"Enhance public accountability of the judiciary by limiting political interference and "
			"increasing transparency in judicial processes",
			"Reform the Council of the Judiciary and the Jury for the Prosecution of Magistrates to "
			"guarantee their impartiality",
		),
		tails=(
			("", None),
			(", in line with the Basic Principles on the Independence of the Judiciary", None),
		),
		committee={
			"CAT": (
				"Guarantee the independence of the judiciary and the Public Prosecutor's Office, including "
				"through transparent selection procedures",
				"Ensure that disciplinary proceedings against judges and prosecutors are not used to "
				"interfere with their independence",
			),
		},
		weight=3,
		noted_share=0.3,
	),
	_Topic(
		key="corruption",
		cluster=_C_JUSTICE,
		lead=_PROSECUTOR,
		supporting=(_COURT, _JUSTICE),
		themes=("Good governance & corruption", "Impunity & transparency"),
		groups=(_G_PUBLIC_OFFICIALS,),
		sdgs=("16.5", "16.6"),
		upr=(
			"Intensify efforts to combat corruption in the public sector, including the judiciary",
			"Strengthen the specialized anti-corruption units of the Public Prosecutor's Office",
			"Ensure the effective prosecution of corruption cases involving public officials",
		),
		tails=(("", None), (" and ensure the protection of whistle-blowers", None)),
		weight=2,
		noted_share=0.05,
	),
	_Topic(
		key="pretrial_detention",
		cluster=_C_JUSTICE,
		lead=_COURT,
		supporting=(_JUSTICE, _PROSECUTOR),
		themes=("Arbitrary arrest & detention", "Administration of justice & fair trial"),
		groups=(_G_DETAINEES,),
		sdgs=("16.3",),
		upr=(
			"Reduce the excessive use of pretrial detention",
			"Promote the use of alternatives to pretrial detention",
			"Reduce delays in judicial proceedings to guarantee the right to be tried without undue delay",
		),
		tails=(
			("", None),
			(", in line with international standards", None),
			(", particularly for persons accused of minor offences", None),
		),
		committee={
			"CAT": (
				"Ensure that pretrial detention is applied only as an exceptional measure and for a limited "
				"period, taking into account the principles of necessity and proportionality",
				"Promote non-custodial measures in line with the United Nations Standard Minimum Rules for "
				"Non-custodial Measures (the Tokyo Rules)",
				"Review the provisions of the Code of Criminal Procedure that restrict the application of "
				"alternatives to pretrial detention",
				"Ensure that persons in pretrial detention are held separately from convicted prisoners",
			),
		},
		weight=2,
		noted_share=0.2,
	),
	_Topic(
		key="prisons",
		cluster=_C_JUSTICE,
		lead=_JUSTICE,
		supporting=(_COURT,),
		themes=("Conditions of detention",),
		groups=(_G_DETAINEES,),
		upr=(
			"Improve conditions of detention and reduce overcrowding in prisons",
			"Take measures to prevent violence in prisons and investigate all deaths in custody",
			"Ensure adequate health care for persons deprived of their liberty",
			"Implement the reform of the penitentiary system",
		),
		tails=(
			("", None),
			(
				", in line with the United Nations Standard Minimum Rules for the Treatment of Prisoners "
				"(the Nelson Mandela Rules)",
				None,
			),
		),
		committee={
			"CAT": (
				"Reduce overcrowding, including through the construction and renovation of facilities and "
				"the use of non-custodial measures",
				"Improve material conditions of detention, including access to food, water, sanitation and "
				"medical care",
				"Investigate all deaths in custody promptly and impartially, including through independent "
				"forensic examinations",
				"Regain effective control of prisons and prevent inter-prisoner violence and the activities "
				"of criminal groups",
				"Ensure that women deprived of their liberty are held in conditions that meet their specific "
				"needs, in line with the United Nations Rules for the Treatment of Women Prisoners and "
				"Non-custodial Measures for Women Offenders (the Bangkok Rules)",
			),
		},
		weight=3,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="torture_investigation",
		cluster=_C_JUSTICE,
		lead=_PROSECUTOR,
		supporting=(_INTERIOR, _JUSTICE),
		themes=(_T_TORTURE, "Impunity & transparency"),
		groups=(_G_LAW_ENFORCEMENT,),
		sdgs=("16.3",),
		upr=(
			"Ensure that all allegations of torture and ill-treatment are promptly and impartially "
			"investigated and that those responsible are punished",
			"Strengthen the specialized human rights unit of the Public Prosecutor's Office to investigate "
			"cases of torture",
			"Provide training on the absolute prohibition of torture to police and prison officials",
		),
		tails=(("", None), (", and provide redress to the victims", None)),
		committee={
			"CAT": (
				"Ensure that all complaints of torture and ill-treatment are investigated promptly and "
				"impartially by an independent body, with no institutional or hierarchical connection "
				"between the investigators and the alleged perpetrators",
				"Ensure that alleged perpetrators are immediately suspended from duty for the duration of "
				"the investigation",
				"Prosecute persons suspected of having committed torture and, if they are found guilty, "
				"ensure that they receive sentences commensurate with the gravity of their acts",
				"Ensure that the Public Prosecutor's Office systematically applies the Istanbul Protocol in "
				"the documentation of torture",
				"Compile and publish statistics on complaints, investigations, prosecutions and convictions "
				"in cases of torture and ill-treatment",
			),
		},
		weight=2,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="torture_definition",
		cluster=_C_JUSTICE,
		lead=_CONGRESS,
		supporting=(_JUSTICE,),
		themes=(_T_TORTURE, "Legal & institutional reform"),
		upr=(
			"Bring the definition of torture in the Criminal Code into line with article 1 of the Convention "
			"against Torture",
		),
		committee={
			"CAT": (
				"Amend the Criminal Code to bring the definition of torture into full conformity with "
				"article 1 of the Convention",
				"Ensure that the offence of torture is punishable by appropriate penalties that take into "
				"account its grave nature",
				"Ensure that the prohibition of torture is absolute and non-derogable",
			),
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="preventive_mechanism",
		cluster=_C_JUSTICE,
		# The Mechanism's budget is voted by Congress, which also appoints its commissioners.
		lead=_CONGRESS,
		supporting=(_MFA, _JUSTICE),
		themes=(_T_TORTURE, _T_BUDGET),
		groups=(_G_DETAINEES,),
		upr=(
			"Provide the National Mechanism for the Prevention of Torture with adequate financial and human "
			"resources",
			"Ensure that the recommendations of the National Mechanism for the Prevention of Torture are "
			"implemented",
		),
		committee={
			"CAT": (
				"Ensure that the National Mechanism for the Prevention of Torture has sufficient financial, "
				"human and material resources to carry out its mandate independently and effectively",
				"Ensure that the Mechanism has unrestricted access to all places of deprivation of liberty, "
				"including psychiatric institutions and military facilities",
				"Ensure the systematic follow-up of the recommendations made by the Mechanism",
			),
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="use_of_force",
		cluster=_C_JUSTICE,
		lead=_INTERIOR,
		supporting=(_PROSECUTOR,),
		themes=("Liberty & security of the person", "Right to peaceful assembly"),
		groups=(_G_LAW_ENFORCEMENT, _G_RURAL),
		sdgs=("16.1",),
		upr=(
			"Ensure that the use of force by law enforcement officials complies with international standards",
			"Investigate allegations of excessive use of force during evictions of peasant and indigenous "
			"communities",
			_dated(
				"Ensure an independent and impartial investigation into the events of June 2012 in Curuguaty "
				"(Marina Cue)",
				noted_share=0.7,
			),
			"Strengthen human rights training for the National Police",
		),
		committee={
			"CAT": (
				"Ensure that evictions are carried out in accordance with international standards and that "
				"any use of force is strictly necessary and proportionate",
				"Investigate all allegations of excessive use of force by police officers during evictions "
				"and protests, and prosecute those responsible",
				"Ensure an independent investigation of the events of 15 June 2012 in Curuguaty, including "
				"the allegations of torture and ill-treatment of detained peasants",
				"Regulate the involvement of the armed forces in public security tasks, including the Joint "
				"Task Force deployed in the northern departments",
			),
		},
		weight=2,
		noted_share=0.35,
		urgent=True,
	),
	_Topic(
		key="dictatorship_redress",
		cluster=_C_JUSTICE,
		lead=_JUSTICE,
		supporting=(_PROSECUTOR,),
		themes=("Enforced disappearances", "Right to effective remedy & reparations"),
		groups=(_G_DISAPPEARED,),
		sdgs=("16.3",),
		upr=(
			"Continue the search for and identification of persons who disappeared during the dictatorship "
			"(1954-1989)",
			"Implement the recommendations of the Truth and Justice Commission, including reparations for "
			"the victims of the dictatorship",
		),
		committee={
			"CAT": (
				"Continue the search for victims of enforced disappearance during the dictatorship and the "
				"identification of their remains",
				"Ensure that victims of torture during the dictatorship obtain full redress, including "
				"rehabilitation",
				"Prosecute those responsible for acts of torture committed during the dictatorship",
			),
		},
		committee_intro={
			"CAT": "Recalling its general comment No. 3 (2012) on the implementation of article 14, the "
			"Committee urges the State party to",
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="access_to_justice",
		cluster=_C_JUSTICE,
		lead=_COURT,
		supporting=(_JUSTICE,),
		themes=("Access to justice & remedy",),
		groups=(_G_POOR,),
		sdgs=("16.3",),
		upr=(
			"Improve access to justice for persons living in poverty, indigenous peoples and persons with "
			"disabilities",
			"Strengthen the Public Defence Service with adequate resources",
			"Provide interpretation in Guarani and indigenous languages in judicial proceedings",
		),
		tails=(("", None), _RURAL_TAIL),
		committee={
			"CEDAW": (
				"Strengthen the capacity of the justice system to handle cases of gender-based "
				"discrimination and violence, including by increasing the number of specialized courts",
				"Ensure that women, in particular indigenous and rural women, have access to free legal aid "
				"and interpretation services",
				"Train judges, prosecutors and lawyers on women's rights and gender-sensitive approaches to "
				"justice",
				"Eliminate gender stereotypes from judicial decisions",
			),
		},
		committee_intro={
			"CEDAW": "In line with its general recommendation No. 33 (2015) on women's access to justice, "
			"the Committee recommends that the State party",
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="official_training",
		cluster=_C_JUSTICE,
		lead=_INTERIOR,
		supporting=(_JUSTICE, _PROSECUTOR),
		themes=("Human rights education, trainings & awareness raising", _T_TORTURE),
		groups=(_G_LAW_ENFORCEMENT,),
		committee={
			"CAT": (
				"Develop mandatory training programmes on the Convention for police, prison staff, "
				"prosecutors and judges",
				"Include the Istanbul Protocol in the training of all medical and forensic staff who deal "
				"with persons deprived of their liberty",
				"Assess the effectiveness of training programmes in reducing cases of torture and "
				"ill-treatment",
			),
		},
	),
	_Topic(
		key="maternal_mortality",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		supporting=(_WOMEN,),
		themes=("Right to health", _T_SRHR),
		groups=(_G_WOMEN,),
		sdgs=("3.1", "3.2"),
		upr=(
			"Step up efforts to reduce maternal mortality",
			"Strengthen access to quality obstetric and emergency care to reduce maternal and neonatal "
			"mortality",
			"Ensure that all births are attended by skilled health personnel",
		),
		tails=(("", None), _RURAL_TAIL, (", especially among indigenous women", _G_INDIGENOUS)),
		committee={
			"CEDAW": (
				"Reduce maternal mortality by ensuring access to quality prenatal, delivery and post-partum "
				"care, including emergency obstetric care",
				"Ensure that skilled birth attendants are available in rural and remote areas",
				"Conduct audits of maternal deaths and address their causes, including unsafe abortion",
			),
			"CRC": (
				"Reduce neonatal and infant mortality by improving access to quality prenatal and perinatal "
				"care",
				"Address the high rates of stunting and malnutrition, particularly among indigenous children",
			),
		},
		weight=3,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="reproductive_health",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		supporting=(_EDUCATION, _CHILDREN),
		themes=(_T_SRHR, "Access to sexual & reproductive health & services"),
		groups=(_G_WOMEN_GIRLS,),
		sdgs=("3.7", "5.6"),
		upr=(
			"Ensure access to sexual and reproductive health services, including modern contraceptives, for "
			"all women and adolescents",
			"Strengthen measures to prevent adolescent pregnancy",
			"Ensure that girls who become pregnant as a result of sexual violence receive comprehensive "
			"health care and protection",
		),
		tails=(("", None), _RURAL_TAIL),
		committee={
			"CEDAW": (
				"Ensure access to affordable modern contraceptives and family planning services for all "
				"women and adolescent girls, including in rural areas",
				"Ensure that girls under 14 years of age who become pregnant, who are presumed to be "
				"victims of sexual violence, receive comprehensive care and protection",
				"Ensure that women and girls receive quality post-abortion care in all circumstances, free "
				"from stigma and from being reported to the authorities",
				"Raise awareness of sexual and reproductive health and rights among women and adolescent "
				"girls",
			),
			"CRC": (
				"Adopt a comprehensive sexual and reproductive health policy for adolescents, including "
				"access to contraceptives and confidential services",
				"Address the high rate of adolescent pregnancy, particularly among girls under 15 years of "
				"age who are victims of sexual abuse",
				"Ensure that pregnant adolescents have access to prenatal care and can continue their "
				"education",
			),
		},
		weight=3,
		noted_share=0.3,
		urgent=True,
	),
	_Topic(
		key="abortion",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		supporting=(_CONGRESS,),
		themes=(_T_SRHR, "Right to health"),
		groups=(_G_WOMEN_GIRLS,),
		sdgs=("3.7", "5.6"),
		upr=(
			"Decriminalize abortion in all circumstances",
			"Legalize abortion in cases of rape, incest or severe fetal impairment and where the life or "
			"health of the woman is at risk",
			"Review the legislation on the voluntary termination of pregnancy to protect the health and "
			"lives of women and girls",
		),
		committee={
			"CEDAW": (
				"Legalize abortion in cases of rape, incest, threat to the life or health of the pregnant "
				"woman or severe fetal impairment, and decriminalize it in all other cases",
				"Provide women with access to safe abortion and post-abortion care",
			),
		},
		weight=1,
		# Paraguay has noted these recommendations in every cycle.
		noted_share=0.95,
	),
	_Topic(
		key="universal_health",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		supporting=(_SOCIAL,),
		themes=("Right to health",),
		sdgs=("3.8",),
		upr=(
			"Strengthen the public health system to ensure universal access to quality health services",
			"Increase the budget allocated to public health",
			"Improve the availability of medicines and medical supplies in public health facilities",
			"Expand primary health care through the family health units",
		),
		tails=(("", None), _RURAL_TAIL, _INDIGENOUS_TAIL),
		committee={
			"CRC": (
				"Increase investment in primary health care for children, including through the family "
				"health units",
				"Ensure universal vaccination coverage and reverse the decline in immunization rates",
			),
		},
		weight=3,
		noted_share=0.0,
	),
	_Topic(
		key="hiv",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		themes=("Right to health", "Equality & non-discrimination"),
		groups=(_G_HIV,),
		sdgs=("3.3",),
		upr=(
			"Ensure universal access to HIV prevention, treatment and care without discrimination",
			"Combat stigma and discrimination against persons living with HIV/AIDS",
		),
		committee={
			"CRC": (
				"Prevent mother-to-child transmission of HIV and congenital syphilis",
				"Ensure access to antiretroviral treatment for all children and adolescents living with HIV",
				"Combat discrimination against children living with HIV/AIDS",
			),
		},
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="mental_health",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		themes=("Right to health", "Persons with disabilities: independence, inclusion"),
		groups=(_G_DISABILITIES,),
		sdgs=("3.4",),
		upr=(
			"Adopt a community-based mental health model that respects the rights of persons with "
			"psychosocial disabilities",
			"Progressively end the long-term institutionalization of persons with psychosocial disabilities",
		),
		committee={
			"CAT": (
				"Ensure that psychiatric hospitals are subject to independent monitoring and that patients "
				"are not subjected to prolonged isolation or restraint",
				"Develop community-based mental health services as an alternative to institutionalization",
				"Ensure that involuntary hospitalization is subject to judicial safeguards",
			),
		},
		weight=1,
	),
	_Topic(
		key="agrochemicals",
		cluster=_C_HEALTH,
		lead=_HEALTH,
		supporting=(_PROSECUTOR,),
		themes=("Human rights & the environment", "Right to health"),
		groups=(_G_RURAL,),
		sdgs=("3.9", "12.4"),
		upr=(
			"Regulate and monitor the use of agrochemicals to protect the health of rural and indigenous "
			"communities",
			"Investigate cases of poisoning caused by the spraying of agrochemicals and provide redress to "
			"the victims",
		),
		committee={
			"CRC": (
				"Enforce buffer zones around schools and communities for the spraying of agrochemicals",
				"Assess the impact of agrochemical use on children's health and provide appropriate care to "
				"affected children",
				"Ensure access to justice and remedies for children affected by environmental harm",
			),
		},
		committee_intro={
			"CRC": "Drawing attention to its general comment No. 26 (2023) on children's rights and the "
			"environment, with a special focus on climate change, the Committee recommends that the State "
			"party",
		},
		weight=1,
		noted_share=0.35,
	),
	_Topic(
		key="quality_education",
		cluster=_C_EDUCATION,
		lead=_EDUCATION,
		themes=("Right to education",),
		groups=(_G_CHILDREN,),
		sdgs=("4.1", "4.2"),
		upr=(
			"Continue efforts to improve the quality of education",
			"Increase public investment in education",
			"Reduce school drop-out rates, particularly at the secondary level",
			"Expand access to early childhood education",
			"Improve school infrastructure and teacher training",
		),
		tails=(
			("", None),
			_RURAL_TAIL,
			(", with particular attention to children living in poverty", _G_POOR),
		),
		committee={
			"CRC": (
				"Increase the budget for education and ensure that it is used effectively to improve quality",
				"Take measures to reduce drop-out and repetition rates in secondary education, particularly "
				"in rural areas",
				"Expand the coverage of early childhood education",
				"Improve school infrastructure, including access to water and sanitation",
				_dated(
					"Ensure the effective implementation of the Zero Hunger in Schools Act in all schools",
					since=2024,
				),
			),
		},
		weight=3,
		noted_share=0.0,
	),
	_Topic(
		key="intercultural_education",
		cluster=_C_EDUCATION,
		lead=_EDUCATION,
		supporting=(_INDIGENOUS,),
		themes=("Right to education", "Indigenous peoples", "Cultural rights"),
		groups=(_G_INDIGENOUS,),
		sdgs=("4.5",),
		upr=(
			"Guarantee intercultural bilingual education for indigenous children",
			"Ensure the effective implementation of the Indigenous Education Act (Act No. 3231/2007)",
			"Train and recruit indigenous teachers",
		),
		tails=(("", None), (", in consultation with indigenous communities", None)),
		committee={
			"CRC": (
				"Ensure the effective implementation of Act No. 3231/2007 on indigenous education, with "
				"adequate resources",
				"Train and recruit more indigenous teachers and develop teaching materials in indigenous "
				"languages",
				"Improve the access of indigenous children to secondary education",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="inclusive_education",
		cluster=_C_EDUCATION,
		lead=_EDUCATION,
		themes=("Right to education", "Persons with disabilities: independence, inclusion"),
		groups=(_G_DISABILITIES,),
		sdgs=("4.5", "4.a"),
		upr=(
			"Ensure the effective implementation of the Inclusive Education Act (Act No. 5136/2013)",
			"Guarantee inclusive education for children with disabilities, with reasonable accommodation in "
			"mainstream schools",
			"Train teachers in inclusive education",
		),
		committee={
			"CRC": (
				"Ensure the effective implementation of Act No. 5136/2013 on inclusive education",
				"Provide reasonable accommodation and support to children with disabilities in mainstream "
				"schools",
				"Train and assign specialized teachers and professionals in inclusive education",
				"Collect data on children with disabilities, including on their access to education",
			),
		},
		committee_intro={
			"CRC": "In the light of its general comment No. 9 (2006) on the rights of children with "
			"disabilities, the Committee urges the State party to",
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="human_rights_education",
		cluster=_C_EDUCATION,
		lead=_EDUCATION,
		supporting=(_JUSTICE,),
		themes=("Human rights education, trainings & awareness raising",),
		groups=(_G_EDUCATION_STAFF,),
		sdgs=("4.7",),
		upr=(
			"Integrate human rights education into school curricula at all levels",
			"Provide human rights training to teachers and public officials",
			"Develop a national plan for human rights education",
		),
		tails=(("", None), (", in cooperation with civil society", _G_CIVIL_SOCIETY)),
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="sexuality_education",
		cluster=_C_EDUCATION,
		lead=_EDUCATION,
		supporting=(_HEALTH,),
		themes=("Right to education", _T_SRHR),
		groups=(_G_YOUTH,),
		sdgs=("4.7", "3.7"),
		upr=(
			"Include age-appropriate comprehensive sexuality education in school curricula",
			"Ensure comprehensive sexuality education to prevent adolescent pregnancy and sexual violence",
		),
		committee={
			"CEDAW": (
				"Include mandatory, age-appropriate comprehensive education on sexual and reproductive "
				"health and rights in school curricula",
				"Revoke the ministerial resolution prohibiting the dissemination of materials on gender in "
				"schools",
				"Train teachers to deliver sexuality education based on scientific evidence",
			),
			"CRC": (
				"Ensure that age-appropriate education on sexual and reproductive health is part of the "
				"mandatory school curriculum",
				"Train teachers to provide such education",
			),
		},
		weight=1,
		noted_share=0.8,
	),
	_Topic(
		key="domestic_workers",
		cluster=_C_LABOUR,
		lead=_LABOUR,
		supporting=(_WOMEN,),
		themes=("Labour rights and right to work", "Discrimination against women"),
		groups=(_G_DOMESTIC_WORKERS, _G_WOMEN),
		sdgs=("8.8", "8.5"),
		upr=(
			_dated(
				"Amend the Domestic Work Act to guarantee domestic workers the full minimum wage", until=2019
			),
			"Ensure that domestic workers enjoy the same labour rights as other workers",
			"Strengthen labour inspections in domestic work",
			"Extend social security coverage to domestic workers",
		),
		committee={
			"CEDAW": (
				"Ensure that domestic workers receive at least the minimum wage and enjoy the same labour "
				"rights as other workers",
				"Strengthen labour inspections of private households and give domestic workers access to "
				"complaint mechanisms",
				"Increase the enrolment of domestic workers in the social security system",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="decent_work",
		cluster=_C_LABOUR,
		lead=_LABOUR,
		supporting=(_SOCIAL,),
		themes=("Labour rights and right to work", "Right to social security"),
		groups=(_G_POOR,),
		sdgs=("8.5", "8.8", "1.3"),
		upr=(
			"Extend social security coverage to workers in the informal economy",
			"Strengthen the labour inspection system",
			"Ensure the enforcement of the minimum wage in all sectors",
			"Promote decent work and formal employment, particularly for young people",
		),
		committee={
			"CEDAW": (
				"Close the gender pay gap, including by applying the principle of equal pay for work of "
				"equal value",
				"Facilitate the transition of women from the informal to the formal economy and extend "
				"social protection to them",
				"Expand affordable childcare services and promote the equal sharing of domestic and care "
				"responsibilities between women and men",
			),
		},
		weight=2,
		noted_share=0.0,
	),
	_Topic(
		key="forced_labour",
		cluster=_C_LABOUR,
		lead=_LABOUR,
		supporting=(_INDIGENOUS, _PROSECUTOR),
		themes=("Human trafficking & contemporary forms of slavery", "Labour rights and right to work"),
		groups=(_G_INDIGENOUS,),
		sdgs=("8.7",),
		upr=(
			"Eradicate forced labour and debt bondage, particularly of indigenous workers in the Chaco "
			"region",
			"Strengthen labour inspection in the Chaco to detect situations of forced labour",
		),
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="poverty",
		cluster=_C_LABOUR,
		lead=_SOCIAL,
		supporting=(_LABOUR,),
		themes=(
			"Human rights & poverty",
			"Right to an adequate standard of living",
			"Right to social security",
		),
		groups=(_G_POOR,),
		sdgs=("1.2", "1.3"),
		upr=(
			"Continue implementing social programmes to reduce poverty and extreme poverty",
			"Expand the coverage of the Tekoporã conditional cash transfer programme",
			"Strengthen the social protection system, including the non-contributory pension for older "
			"persons",
			"Adopt measures to reduce inequality, in particular between urban and rural areas",
		),
		tails=(
			("", None),
			(", with particular attention to rural households", _G_RURAL),
			(", with particular attention to indigenous peoples", _G_INDIGENOUS),
		),
		committee={
			"CRC": (
				"Strengthen social protection programmes for families with children, such as Tekoporã, and "
				"expand their coverage",
				"Adopt a strategy to reduce child poverty, with particular attention to indigenous and rural "
				"children",
				"Ensure the right to adequate food and address child malnutrition",
			),
		},
		weight=3,
		noted_share=0.0,
	),
	_Topic(
		key="disability_employment",
		cluster=_C_LABOUR,
		lead=_LABOUR,
		themes=("Persons with disabilities: independence, inclusion", "Labour rights and right to work"),
		groups=(_G_DISABILITIES,),
		sdgs=("8.5", "10.2"),
		upr=(
			"Ensure compliance with the employment quota for persons with disabilities in the public sector",
			"Promote the inclusion of persons with disabilities in the labour market",
		),
		weight=1,
		noted_share=0.0,
	),
	_Topic(
		key="trade_unions",
		cluster=_C_LABOUR,
		lead=_LABOUR,
		themes=("Trade union rights", "Freedom of association"),
		sdgs=("8.8",),
		upr=(
			"Guarantee the exercise of trade union rights and protect trade union leaders from reprisals",
			"Ensure that anti-union dismissals are investigated and sanctioned",
		),
		weight=1,
		noted_share=0.25,
	),
	_Topic(
		key="journalists",
		cluster=_C_CIVIC,
		lead=_PROSECUTOR,
		supporting=(_INTERIOR,),
		themes=(_T_EXPRESSION, "Liberty & security of the person"),
		groups=(_G_MEDIA,),
		sdgs=("16.10",),
		upr=(
			"Ensure prompt and impartial investigations of threats, attacks and killings of journalists",
			"Establish a protection mechanism for journalists at risk",
			"Guarantee a safe environment for journalists and media workers, particularly in border areas",
		),
		weight=2,
		noted_share=0.0,
		urgent=True,
	),
	_Topic(
		key="human_rights_defenders",
		cluster=_C_CIVIC,
		lead=_JUSTICE,
		supporting=(_INTERIOR, _PROSECUTOR),
		themes=("Freedom of association", "Cooperation & consultation with civil society"),
		groups=(_G_CIVIL_SOCIETY,),
		sdgs=("16.10",),
		upr=(
			"Adopt a law and a policy for the protection of human rights defenders",
			"Ensure that human rights defenders, including defenders of land and environmental rights, can "
			"work in a safe and enabling environment",
			"Refrain from criminalizing human rights defenders and social leaders",
			"Ensure the meaningful participation of civil society in the design of public policies",
		),
		committee={
			"CEDAW": (
				"Ensure that women human rights defenders can carry out their work without fear of "
				"harassment or reprisals",
				"Investigate and prosecute attacks against women human rights defenders, including "
				"indigenous and rural women leaders",
			),
			"CAT": (
				"Ensure that human rights defenders and peasant leaders are protected against threats and "
				"attacks",
				"Investigate all attacks against human rights defenders and bring those responsible to "
				"justice",
			),
		},
		weight=2,
		noted_share=0.4,
	),
	_Topic(
		key="peaceful_assembly",
		cluster=_C_CIVIC,
		lead=_INTERIOR,
		themes=("Right to peaceful assembly", "Freedom of association"),
		groups=(_G_RURAL,),
		sdgs=("16.10",),
		upr=(
			"Guarantee the right to peaceful assembly and refrain from criminalizing social protest",
			"Ensure that the policing of demonstrations complies with international standards",
		),
		weight=1,
		noted_share=0.35,
	),
	_Topic(
		key="access_to_information",
		cluster=_C_CIVIC,
		lead=_JUSTICE,
		themes=(_T_EXPRESSION, "Good governance & corruption"),
		sdgs=("16.10",),
		upr=(
			"Ensure the effective implementation of Act No. 5282/2014 on free public access to public "
			"information and government transparency",
			"Promote the publication of open data on public spending",
		),
		weight=1,
		noted_share=0.0,
	),
)


# --- Documents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Document:
	mechanism: str
	symbol: str
	document_date: date  # the day is approximate where the UN date was not at hand
	session: str
	count: int
	status_weights: tuple[int, int, int, int, int]  # in the order of IMPLEMENTATION_STATUSES
	upr_cycle: int | None = None
	paragraph_block: int = 0  # UPR: the paragraph whose sub-paragraphs are the recommendations
	first_paragraph: int = 0  # treaty bodies: the first paragraph that recommends
	previous_symbol: str = ""  # treaty bodies: the concluding observations they recall
	# Treaty bodies: the committee's usual order of sections, by topic key; other topics follow.
	topic_order: tuple[str, ...] = ()

	def topic_rank(self, topic_index: int, topic: _Topic) -> int:
		if topic.key in self.topic_order:
			return self.topic_order.index(topic.key)
		return len(self.topic_order) + topic_index


# Older documents have had more time to be implemented; the newest is still being assessed.
_UPR_SECOND_CYCLE = _Document(
	"UPR", "A/HRC/32/9", date(2016, 4, 11), "24th Session", 110, (3, 10, 30, 35, 22), 2, paragraph_block=102
)
# Paraguay's second review (24th session, 2016) and third (38th session, 2021); its responses to the
# third cite its recommendations as 118.x.
_UPR_THIRD_CYCLE = _Document(
	"UPR", "A/HRC/48/9", date(2021, 7, 12), "38th Session", 110, (8, 17, 40, 25, 10), 3, paragraph_block=118
)
_TREATY_DOCUMENTS = (
	_Document(
		"CAT",
		"CAT/C/PRY/CO/7",
		date(2017, 9, 5),
		"61st session",
		25,
		(5, 15, 35, 30, 15),
		first_paragraph=8,
		previous_symbol="CAT/C/PRY/CO/4-6",
		topic_order=(
			"torture_definition",
			"judicial_independence",
			"pretrial_detention",
			"preventive_mechanism",
			"prisons",
			"juvenile_justice",
			"mental_health",
			"torture_investigation",
			"use_of_force",
			"human_rights_defenders",
			"violence_against_women_law",
			"trafficking",
			"refugees",
			"dictatorship_redress",
			"official_training",
		),
	),
	_Document(
		"CEDAW",
		"CEDAW/C/PRY/CO/8",
		date(2023, 5, 31),
		"85th session",
		27,
		(15, 25, 40, 15, 5),
		first_paragraph=10,
		previous_symbol="CEDAW/C/PRY/CO/7",
		topic_order=(
			"anti_discrimination_law",
			"access_to_justice",
			"gender_machinery",
			"stereotypes",
			"violence_against_women_law",
			"femicide",
			"trafficking",
			"political_participation",
			"sexuality_education",
			"decent_work",
			"domestic_workers",
			"maternal_mortality",
			"reproductive_health",
			"abortion",
			"rural_women",
			"indigenous_women",
			"human_rights_defenders",
			"child_marriage",
		),
	),
	# Paraguay's combined fourth to sixth reports were reviewed in May 2024.
	_Document(
		"CRC",
		"CRC/C/PRY/CO/4-6",
		date(2024, 6, 7),
		"96th session",
		28,
		(40, 30, 25, 5, 0),
		first_paragraph=6,
		previous_symbol="CRC/C/PRY/CO/3",
		topic_order=(
			"child_protection_system",
			"child_data",
			"nhri",
			"anti_discrimination_law",
			"birth_registration",
			"violence_against_children",
			"sexual_abuse_of_children",
			"child_marriage",
			"alternative_care",
			"inclusive_education",
			"maternal_mortality",
			"universal_health",
			"reproductive_health",
			"hiv",
			"agrochemicals",
			"poverty",
			"indigenous_services",
			"quality_education",
			"intercultural_education",
			"sexuality_education",
			"criadazgo",
			"child_labour",
			"trafficking",
			"juvenile_justice",
		),
	),
)

_NOTED_STATUS_WEIGHTS = (10, 60, 20, 10, 0)
_MIN_NOTED_SHARE = 0.04
_REPEATED_FROM_CYCLE_3 = 6

_RECOMMENDING_STATES = (
	"Argentina", "Australia", "Belgium", "Bolivia, Plurinational State of", "Brazil", "Canada", "Chile",
	"China", "Colombia", "Costa Rica", "Cuba", "Czech Republic", "Denmark", "Ecuador", "Egypt",
	"El Salvador", "Fiji", "Finland", "France", "Germany", "Ghana", "Guatemala", "Honduras", "Iceland",
	"India", "Indonesia", "Ireland", "Italy", "Japan", "Korea, Republic of", "Luxembourg", "Malaysia",
	"Maldives", "Mexico", "Montenegro", "Namibia", "Netherlands", "New Zealand", "Norway", "Panama",
	"Peru", "Philippines", "Portugal", "Russian Federation", "Senegal", "Sierra Leone", "Slovenia",
	"South Africa", "Spain", "Sweden", "Switzerland", "Thailand", "Togo", "Tunisia", "Turkey",
	"Ukraine", "United Kingdom", "United States", "Uruguay", "Venezuela, Bolivarian Republic of",
)  # fmt: skip

# Lead-ins without the final ":" so that a single sub-paragraph can follow them directly.
_COMMITTEE_LEAD_INS = {
	"CAT": ("The State party should", "The Committee urges the State party to"),
	"CEDAW": ("The Committee recommends that the State party", "The Committee urges the State party to"),
	"CRC": ("The Committee recommends that the State party", "The Committee urges the State party to"),
}
_RECALL_LEAD_INS = {
	"CAT": "Recalling its previous concluding observations ({symbol}, para. {paragraph}), the Committee "
	"urges the State party to",
	"CEDAW": "Recalling its previous concluding observations ({symbol}, para. {paragraph}), the Committee "
	"recommends that the State party",
	"CRC": "Recalling its previous recommendations ({symbol}, para. {paragraph}), the Committee recommends "
	"that the State party",
}


@dataclass(frozen=True)
class _Draft:
	topic: _Topic
	text: str
	extra_group: str | None = None
	noted_share: float | None = None
	repeated: DemoRecommendation | None = None


def _build_recommendations(rng: random.Random, seed: int) -> tuple[DemoRecommendation, ...]:
	used_texts: set[str] = set()
	second_cycle = _upr_recommendations(rng, seed, _UPR_SECOND_CYCLE, used_texts, repeated=[])
	# A repeat only makes sense for something accepted and not yet done.
	candidates = [
		(rec, topic)
		for rec, topic in second_cycle
		if rec.position == "Supported" and rec.implementation_status != "Fully implemented"
	]
	repeated = rng.sample(candidates, min(_REPEATED_FROM_CYCLE_3, len(candidates)))
	third_cycle = _upr_recommendations(rng, seed, _UPR_THIRD_CYCLE, used_texts, repeated)
	treaty = [
		rec
		for document in _TREATY_DOCUMENTS
		for rec in _treaty_recommendations(rng, seed, document, used_texts)
	]
	return (*(rec for rec, _topic in second_cycle), *(rec for rec, _topic in third_cycle), *treaty)


def _upr_recommendations(
	rng: random.Random,
	seed: int,
	document: _Document,
	used_texts: set[str],
	repeated: list[tuple[DemoRecommendation, _Topic]],
) -> list[tuple[DemoRecommendation, _Topic]]:
	drafts = []
	for earlier, topic in repeated:
		text = _reword_repeat(earlier.text)
		used_texts.add(text)
		drafts.append(_Draft(topic, text, repeated=earlier))

	# Every unused (clause, tail) combination, per topic, in a random order.
	remaining: dict[str, list[tuple[str, str | None, float | None]]] = {}
	for topic in _TOPICS:
		combinations = [
			(f"{phrase.text}{tail}.", tail_group, phrase.noted_share)
			for phrase in _phrases_in_force(topic.upr, document.document_date.year)
			for tail, tail_group in topic.tails
			if not tail or tail.strip(" ,") not in phrase.text
		]
		rng.shuffle(combinations)
		remaining[topic.key] = [
			combination for combination in combinations if combination[0] not in used_texts
		]

	while len(drafts) < document.count:
		topics = [topic for topic in _TOPICS if remaining[topic.key]]
		if not topics:
			break
		topic = rng.choices(topics, weights=[topic.weight for topic in topics])[0]
		text, extra_group, noted_share = remaining[topic.key].pop()
		used_texts.add(text)
		drafts.append(_Draft(topic, text, extra_group, noted_share))

	# UPR reports group recommendations by subject; the sort is stable, so each subject keeps its draw order.
	topic_order = {topic.key: index for index, topic in enumerate(_TOPICS)}
	drafts.sort(key=lambda draft: topic_order[draft.topic.key])
	return [
		(_upr_recommendation(rng, seed, document, f"{document.paragraph_block}.{number}", draft), draft.topic)
		for number, draft in enumerate(drafts, start=1)
	]


def _reword_repeat(text: str) -> str:
	"""States often repeat an earlier recommendation almost word for word, only more insistently."""
	words = text.split(" ")
	verb_length = 2 if words[1] == "up" else 1  # "Step up efforts ..." keeps its particle
	verb, rest = " ".join(words[:verb_length]), " ".join(words[verb_length:])
	return f"{verb}, as a matter of priority, {rest}"


def _upr_recommendation(
	rng: random.Random, seed: int, document: _Document, paragraph: str, draft: _Draft
) -> DemoRecommendation:
	states = rng.sample(_RECOMMENDING_STATES, rng.choices((1, 2, 3), weights=(75, 20, 5))[0])
	if draft.repeated and rng.random() < 0.6:
		# The State that made the earlier recommendation usually makes it again.
		first_state = draft.repeated.recommending_states[0]
		states = [first_state, *(state for state in states if state != first_state)][:3]
	noted_share = draft.topic.noted_share if draft.noted_share is None else draft.noted_share
	# States note a few recommendations on any subject, for their wording or their cost.
	noted_share = max(noted_share, _MIN_NOTED_SHARE)
	draw = rng.random()
	if draw < noted_share:
		position = "Noted"
	elif draw < noted_share + 0.05:
		position = "Supported in part"
	else:
		position = "Supported"
	return _recommendation(
		rng,
		seed,
		document,
		paragraph,
		draft,
		recommending_states=tuple(states),
		position=position,
		groups=_groups(draft.topic.groups, draft.extra_group),
		themes=draft.topic.themes,
		follow_up_required=False,
	)


def _treaty_recommendations(
	rng: random.Random, seed: int, document: _Document, used_texts: set[str]
) -> list[DemoRecommendation]:
	"""One paragraph per subject, a second one for some subjects with more to say."""
	first_parts, second_parts = [], []
	for topic_index, topic in enumerate(_TOPICS):
		items = _phrases_in_force(topic.committee.get(document.mechanism, ()), document.document_date.year)
		if not items:
			continue
		order = list(range(len(items)))
		rng.shuffle(order)
		first_size = min(len(items), rng.choice((2, 3)) if len(items) >= 5 else 2)
		first = [items[index].text for index in sorted(order[:first_size])]
		rest = [items[index].text for index in sorted(order[first_size:])]
		rank = document.topic_rank(topic_index, topic)
		first_parts.append((rank, 0, topic, first))
		if rest:
			second_parts.append((rank, 1, topic, rest))
	rng.shuffle(second_parts)
	parts = first_parts + second_parts[: max(0, document.count - len(first_parts))]
	if len(parts) > document.count:
		parts = rng.sample(parts, document.count)
	parts.sort(key=lambda part: (part[0], part[1]))

	# Concluding observations alternate concerns and recommendations, so recommending paragraphs skip numbers.
	paragraph = document.first_paragraph
	drafts = []
	for _rank, _part, topic, items in parts:
		text = _committee_text(rng, document, topic, items)
		used_texts.add(text)
		drafts.append((str(paragraph), _Draft(topic, text)))
		paragraph += rng.choice((1, 2, 2))

	follow_up_paragraphs = {number for number, _draft in rng.sample(drafts, rng.randint(2, 4))}
	records = []
	for number, draft in drafts:
		themes = draft.topic.themes
		if document.mechanism == "CEDAW" and "Discrimination against women" not in themes and len(themes) < 3:
			themes = (*themes, "Discrimination against women")
		records.append(
			_recommendation(
				rng,
				seed,
				document,
				number,
				draft,
				recommending_states=(),
				position="",
				groups=_committee_groups(document.mechanism, draft.topic.groups),
				themes=themes,
				follow_up_required=number in follow_up_paragraphs,
			)
		)
	return records


def _committee_text(rng: random.Random, document: _Document, topic: _Topic, items: list[str]) -> str:
	topic_lead_in = topic.committee_intro.get(document.mechanism)
	if topic_lead_in and rng.random() < 0.6:
		lead_in = topic_lead_in
	elif document.mechanism == "CRC" and topic.sdgs and rng.random() < 0.25:
		lead_in = (
			f"Taking note of target {topic.sdgs[0]} of the Sustainable Development Goals, the Committee "
			"recommends that the State party"
		)
	elif rng.random() < 0.2:
		lead_in = _RECALL_LEAD_INS[document.mechanism].format(
			symbol=document.previous_symbol, paragraph=rng.randint(9, 60)
		)
	else:
		lead_in = rng.choice(_COMMITTEE_LEAD_INS[document.mechanism])
	if len(items) == 1:
		return f"{lead_in} {items[0][0].lower()}{items[0][1:]}."
	lettered = "; ".join(f"({letter}) {item}" for letter, item in zip("abcdefgh", items, strict=False))
	return f"{lead_in}: {lettered}."


def _groups(topic_groups: tuple[str, ...], extra_group: str | None) -> tuple[str, ...]:
	groups = list(topic_groups)
	if extra_group and extra_group not in groups:
		# The group the text names explicitly must survive the cap of two.
		groups = [*groups[:1], extra_group]
	return tuple(groups[:2])


def _committee_groups(mechanism: str, topic_groups: tuple[str, ...]) -> tuple[str, ...]:
	if mechanism == "CRC" and not _CHILD_GROUPS.intersection(topic_groups):
		return (_G_CHILDREN, *topic_groups[:1])
	if mechanism == "CEDAW" and not _WOMEN_GROUPS.intersection(topic_groups):
		return (_G_WOMEN, *topic_groups[:1])
	return topic_groups[:2]


def _recommendation(
	rng: random.Random,
	seed: int,
	document: _Document,
	paragraph: str,
	draft: _Draft,
	*,
	recommending_states: tuple[str, ...],
	position: str,
	groups: tuple[str, ...],
	themes: tuple[str, ...],
	follow_up_required: bool,
) -> DemoRecommendation:
	topic = draft.topic
	status_weights = _NOTED_STATUS_WEIGHTS if position == "Noted" else document.status_weights
	status = rng.choices(IMPLEMENTATION_STATUSES, weights=status_weights)[0]
	# The secretariat clusters a recommendation when it first assesses it.
	cluster = None if status == "Not assessed" and rng.random() < 0.6 else topic.cluster
	supporting = rng.sample(topic.supporting, rng.randint(0, min(2, len(topic.supporting))))
	if follow_up_required:
		priority = "High"
	elif position == "Noted":
		priority = rng.choices(PRIORITIES, weights=(5, 30, 65))[0]
	else:
		priority = rng.choices(PRIORITIES, weights=(55, 35, 10) if topic.urgent else (20, 55, 25))[0]
	# Only validated work is published; Not assessed means nobody has looked at it yet.
	published = status != "Not assessed" and rng.random() < 0.8
	return DemoRecommendation(
		mechanism=document.mechanism,
		annotation_type="Recommendation",
		document_symbol=document.symbol,
		paragraph=paragraph,
		document_date=document.document_date,
		upr_cycle=document.upr_cycle,
		session=document.session,
		text=draft.text,
		recommending_states=recommending_states,
		position=position,
		themes=themes,
		affected_groups=groups,
		sdg_targets=topic.sdgs,
		cluster=cluster,
		institutions=((topic.lead, "Lead"), *((name, "Supporting") for name in supporting)),
		priority=priority,
		implementation_status=status,
		published=published,
		follow_up_required=follow_up_required,
		uhri_annotation_id=_annotation_id(seed, document.symbol, paragraph),
		repeats=(draft.repeated.document_symbol, draft.repeated.paragraph) if draft.repeated else None,
	)


def _annotation_id(seed: int, symbol: str, paragraph: str) -> str:
	# Its own generator per record: an id does not change when other records are added or removed.
	bits = random.Random(f"{seed}|{symbol}|{paragraph}").getrandbits(128)
	return str(uuid.UUID(int=bits, version=4))
