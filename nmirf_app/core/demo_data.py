"""A demo NMIRF for Paraguay: institutions, people, clusters and about 300 recommendations.

Framework-free so that it can be tested without a site; `nmirf_app.demo` loads it into one.

Document metadata (symbols, sessions, cycles, the UPR paragraph blocks) follow Paraguay's real
documents. The recommendation texts, recommending States, positions and statuses are synthetic:
they are composed from templates in UN drafting style and must not be presented as quotations.
Everything is drawn from one `random.Random(seed)`, so the same seed gives the same dataset.
"""

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

# The catalogue is data (nmirf_app/demo/data/*.json): institutions and how they are staffed, the
# people's names, the clusters, the topics with the phrases they are written from, and the documents.
# This module decides what is drawn from it.
DEMO_DATA = Path(__file__).resolve().parent.parent / "demo" / "data"


@cache
def _read(name: str):
	return json.loads((DEMO_DATA / f"{name}.json").read_text(encoding="utf-8"))


def _fields(row: dict) -> dict:
	"""A catalogue entry's fields, without the note that explains it to the reader of the file."""
	return {key: value for key, value in row.items() if key != "note"}


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

_INSTITUTIONS = tuple(DemoInstitution(**_fields(row)) for row in _read("institutions")["institutions"])


@dataclass(frozen=True)
class _Desk:
	"""How a state institution is staffed in the demo."""

	institution: str
	slug: str  # email prefix part: fp.<slug>@, fp2.<slug>@, validator.<slug>@
	capacity: str
	has_alternate: bool


_DESKS = tuple(_Desk(**_fields(row)) for row in _read("institutions")["desks"])

# The turnover case the demo shows: the Ministry of Health's main focal point hands over mid-period.
_TURNOVER_INSTITUTION = _HEALTH
_TURNOVER_LAST_DAY = date(2024, 8, 31)
_TURNOVER_NOTES = _read("people")["turnover_notes"]

_FIRST_NAMES = tuple(_read("people")["first_names"])
_LAST_NAMES = tuple(_read("people")["last_names"])


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


_G_WOMEN = "Women"
_G_WOMEN_GIRLS = "Women & girls"
_G_GIRLS = "Girls"
_G_CHILDREN = "Children"
_G_VULNERABLE_CHILDREN = (
	"Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, "
	"migrant children etc.)"
)
_G_YOUTH = "Youth & juveniles"

# Committee paragraphs name children (CRC) or women (CEDAW) even where the subject alone does not.
_CHILD_GROUPS = {_G_CHILDREN, _G_VULNERABLE_CHILDREN, _G_GIRLS, _G_YOUTH, _G_WOMEN_GIRLS}
_WOMEN_GROUPS = {_G_WOMEN, _G_WOMEN_GIRLS, _G_GIRLS}

_CLUSTERS = tuple(
	DemoCluster(row["name"], row["description"], tuple(row["themes"])) for row in _read("clusters")
)


# --- Recommendation templates ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
	"""A phrase usable only in documents of certain years (it names a law, a body or an event)."""

	text: str
	since: int = 0
	until: int = 9999
	noted_share: float | None = None  # overrides the topic's share of "Noted" UPR responses


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


# Catalogue order is the order of the documents: general measures first, then specific rights.
def _topic(row: dict) -> _Topic:
	"""A topic of topics.json: a phrase is a text, or an object with the years it is in force."""

	def phrases(values):
		return tuple(value if isinstance(value, str) else _Phrase(**value) for value in values)

	values = {key: tuple(value) if isinstance(value, list) else value for key, value in _fields(row).items()}
	if "upr" in row:
		values["upr"] = phrases(row["upr"])
	if "tails" in row:
		values["tails"] = tuple(tuple(tail) for tail in row["tails"])
	if "committee" in row:
		values["committee"] = {mechanism: phrases(items) for mechanism, items in row["committee"].items()}
	return _Topic(**values)


# Catalogue order is the order of the documents: general measures first, then specific rights.
_TOPICS: tuple[_Topic, ...] = tuple(_topic(row) for row in _read("topics"))


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


def _document(row: dict) -> _Document:
	values = {key: tuple(value) if isinstance(value, list) else value for key, value in _fields(row).items()}
	return _Document(**{**values, "document_date": date.fromisoformat(row["document_date"])})


# Paraguay's second review (24th session, 2016) and third (38th session, 2021); its responses to the
# third cite its recommendations as 118.x. Older documents have had more time to be implemented.
_UPR_SECOND_CYCLE, _UPR_THIRD_CYCLE = (_document(row) for row in _read("documents")["upr_reviews"])
_TREATY_DOCUMENTS = tuple(_document(row) for row in _read("documents")["treaty_documents"])

_NOTED_STATUS_WEIGHTS = (10, 60, 20, 10, 0)
_MIN_NOTED_SHARE = 0.04
_REPEATED_FROM_CYCLE_3 = 6

_RECOMMENDING_STATES = tuple(_read("documents")["recommending_states"])

_COMMITTEE_LEAD_INS = {
	mechanism: tuple(lead_ins) for mechanism, lead_ins in _read("documents")["committee_lead_ins"].items()
}
_RECALL_LEAD_INS = _read("documents")["recall_lead_ins"]


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
