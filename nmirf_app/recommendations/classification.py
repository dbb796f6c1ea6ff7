"""Assisted classification on the site: suggested tags and similar recommendations (repeats),
computed by nmirf_app/core/classification.py from the site's own tagged
recommendations (and, optionally, a whole UHRI export learnt with `bench nmirf learn`).

Nothing is tagged without a person: a suggestion is accepted or rejected on the form (each
decision kept as a Tag Suggestion Decision), or applied above a confidence the secretariat chooses
in a bulk job. Suggestions and similar lists only rest on, and only show, recommendations the
reader may open. The model is a private file of the site, refreshed nightly and after imports."""

import gzip
import json
import os
from collections.abc import Iterator

import frappe
from frappe import _
from frappe.utils import cint, flt, get_datetime, now_datetime
from frappe.utils.synchronization import filelock

from nmirf_app.core import classification as engine
from nmirf_app.core.classification import TrainingRecord
from nmirf_app.core.countries import read_country_aliases
from nmirf_app.permissions import recommendation_query_conditions
from nmirf_app.recommendations.classification_refresh import enqueue_refresh
from nmirf_app.recommendations.my_work import titles_of

# kind -> (tag table field, child DocType, its link field, the tag DocType, how people call it)
KIND_TABLES = {
	"themes": ("themes", "Recommendation Theme", "theme", "Human Rights Theme", "Theme"),
	"affected_groups": (
		"affected_groups",
		"Recommendation Affected Group",
		"affected_group",
		"Affected Group",
		"Affected group",
	),
	"sdg_targets": ("sdg_targets", "Recommendation SDG Target", "sdg_target", "SDG Target", "SDG target"),
}
LEARNED_PREFIX = "uhri:"  # records learnt from an export: they vote, they are never listed
MODEL_FILE = "classification-model.joblib"
MODEL_FACTS = "classification-model.json"
LEARNED_CORPUS = "classification-learned.jsonl.gz"
TRAIN_IN_REQUEST = 20_000  # a site without a model trains it on first use below this size
BATCH = 2000
MODEL_LOCK = "nmirf-classification-model"
# the form shows the few best suggestions of each kind; a long tail of weak ones only distracts
SHOWN_PER_KIND = 5
SHOWN_MIN_SCORE = 0.05
# Proposals are a first draft the secretariat edits: a looser grouping than the engine's default
# keeps related recommendations together (short texts share few words); a person splits or drops.
PROPOSAL_SIMILARITY = 0.15

_loaded: dict = {}  # the model this worker has in memory, by site: (file mtime, Model)


# ------------------------------------------------------------------------------- model on disk


def model_directory() -> str:
	path = frappe.get_site_path("private", "nmirf")
	os.makedirs(path, exist_ok=True)
	return path


def model_facts() -> dict:
	path = os.path.join(model_directory(), MODEL_FACTS)
	if not os.path.exists(path):
		return {}
	with open(path) as facts:
		return json.load(facts)


def current_model() -> engine.Model:
	"""The site's model, loaded once per worker and again when a refresh replaced the file."""
	path = os.path.join(model_directory(), MODEL_FILE)
	if not os.path.exists(path):
		if frappe.db.count("Recommendation") > TRAIN_IN_REQUEST:
			enqueue_refresh()
			frappe.throw(
				_(
					"Suggestions are being prepared from this site's recommendations; try again in a few minutes."
				),
				title=_("Suggestions not ready"),
			)
		with filelock(MODEL_LOCK, timeout=120):  # the form asks twice at once: one learns, one waits
			if not os.path.exists(path):
				learn_site()
	mtime = os.path.getmtime(path)
	cached = _loaded.get(frappe.local.site)
	if not cached or cached[0] != mtime:
		cached = (mtime, engine.load(path))
		_loaded[frappe.local.site] = cached
	return cached[1]


def refresh_model(progress=None) -> dict:
	"""Learns from every recommendation of the site (and the learnt export), then replaces the model
	file at once: a suggestion asked meanwhile uses the previous one. One learner at a time."""
	with filelock(MODEL_LOCK, timeout=3600):
		return learn_site(progress)


def learn_site(progress=None) -> dict:
	counts = {"site": 0, "learned": 0}

	def counted(records, key):
		for record in records:
			counts[key] += 1
			if progress and counts[key] % 50_000 == 0:
				progress(f"{counts[key]} {key} recommendations read")
			yield record

	def everything():
		yield from counted(site_training_records(), "site")
		yield from counted(learned_training_records(), "learned")

	model = engine.train(everything(), site_vocabulary(), ignored_names=state_names())
	directory = model_directory()
	model.save(os.path.join(directory, MODEL_FILE))
	facts = {
		"trained_on": str(now_datetime()),
		"recommendations": counts["site"],
		"learned": counts["learned"],
		"tagged": {kind: model.tagged_count(kind) for kind in engine.KINDS},
	}
	with open(os.path.join(directory, MODEL_FACTS), "w") as file:
		json.dump(facts, file)
	return facts


def site_training_records() -> Iterator[TrainingRecord]:
	"""Every recommendation with its tags, read in batches (a State has thousands)."""
	last = ""
	while True:
		rows = frappe.get_all(
			"Recommendation",
			filters={"name": (">", last)},
			fields=["name", "recommendation_text"],
			order_by="name asc",
			limit_page_length=BATCH,
		)
		if not rows:
			return
		names = [row.name for row in rows]
		tags = {name: {kind: [] for kind in KIND_TABLES} for name in names}
		for kind, (_field, child, link, _doctype, _label) in KIND_TABLES.items():
			for row in frappe.get_all(
				child,
				filters={"parenttype": "Recommendation", "parent": ("in", names)},
				fields=["parent", link],
				order_by="idx asc",
				limit_page_length=0,
			):
				tags[row.parent][kind].append(row[link])
		for row in rows:
			yield TrainingRecord(row.name, row.recommendation_text or "", tags[row.name])
		last = names[-1]


def learned_training_records() -> Iterator[TrainingRecord]:
	"""The learnt export, without the recommendations the site has imported since: their twin
	would vote for their own tags (no leave-one-out across two copies)."""
	path = os.path.join(model_directory(), LEARNED_CORPUS)
	if not os.path.exists(path):
		return
	on_site = site_dedupe_keys()
	with gzip.open(path, "rt", encoding="utf-8") as corpus:
		for line in corpus:
			record = json.loads(line)
			if record["id"] not in on_site:
				yield TrainingRecord(LEARNED_PREFIX + record["id"], record["text"], record["tags"])


def site_dedupe_keys() -> set[str]:
	return set(
		frappe.get_all(
			"Recommendation", filters={"dedupe_key": ("is", "set")}, pluck="dedupe_key", limit_page_length=0
		)
	)


def learn_export(path_or_url: str, source_type: str | None = None, progress=None) -> dict:
	"""Learns from a whole UHRI export (every State's recommendations and OHCHR's tags) without
	importing them: their texts and tags are kept in a private corpus file the model trains on."""
	from contextlib import nullcontext

	from nmirf_app.core.recommendation_import import read_candidates
	from nmirf_app.core.spreadsheet import RowIssue
	from nmirf_app.recommendations.importer import build_import_context, downloaded

	is_url = path_or_url.lower().startswith(("http://", "https://"))
	source_type = source_type or ("uhri-json" if path_or_url.lower().endswith(".json") else "uhri-xlsx")
	if source_type not in ("uhri-xlsx", "uhri-json"):
		frappe.throw(_("Learn from a UHRI export (XLSX or JSON)."))
	if not is_url and not os.path.isfile(path_or_url):
		frappe.throw(_("File not found: {0}").format(path_or_url))
	counts = {"learned": 0, "already_on_site": 0, "unreadable": 0}
	on_site = site_dedupe_keys()
	corpus = os.path.join(model_directory(), LEARNED_CORPUS)
	with downloaded(path_or_url) if is_url else nullcontext(path_or_url) as local:
		with gzip.open(corpus + ".partial", "wt", encoding="utf-8") as out:
			for item in read_candidates(source_type, local, build_import_context()):
				if isinstance(item, RowIssue):
					counts["unreadable"] += 1
					continue
				if item.dedupe_key in on_site:
					counts["already_on_site"] += 1
					continue
				record = {
					"id": item.dedupe_key,
					"text": item.values.get("recommendation_text") or "",
					"tags": {kind: getattr(item, kind) for kind in KIND_TABLES},
				}
				out.write(json.dumps(record, ensure_ascii=False) + "\n")
				counts["learned"] += 1
				if progress and counts["learned"] % 10_000 == 0:
					progress(f"{counts['learned']} recommendations read")
	os.replace(corpus + ".partial", corpus)  # a failed read leaves the previous corpus in place
	return {**counts, **refresh_model(progress)}


def site_vocabulary() -> dict[str, list[tuple[str, str]]]:
	"""The site's tags, each with the words that describe it (the shipped labels and aliases, or
	its name for a tag the State added), so a new site gets suggestions before any tagging."""
	shipped = engine.shipped_vocabulary()
	vocabulary = {}
	for kind, doctype in (
		("themes", "Human Rights Theme"),
		("affected_groups", "Affected Group"),
		("sdg_targets", "SDG Target"),
		("sdg_goals", "SDG Goal"),
	):
		described = dict(shipped.get(kind, []))
		vocabulary[kind] = [
			(name, described.get(name, name))
			for name in frappe.get_all(doctype, pluck="name", limit_page_length=0)
		]
	return vocabulary


def state_names() -> list[str]:
	"""Country names and their aliases: a recommendation made to another State still matches."""
	names = set(frappe.get_all("Country", pluck="name", limit_page_length=0))
	names.update(read_country_aliases())
	return sorted(names)


# ----------------------------------------------------------------------------------- readers


def readable_recommendations() -> set[str] | None:
	"""None when the user reads every recommendation, else the names they may open."""
	if not recommendation_query_conditions(frappe.session.user):
		return None
	return set(frappe.get_list("Recommendation", pluck="name", limit_page_length=0))


def voters_allowed(readable: set[str] | None):
	"""Who may vote for a suggestion: what the reader may open, and the learnt export (public)."""
	if readable is None:
		return None
	return lambda name: name.startswith(LEARNED_PREFIX) or name in readable


def listed_allowed(readable: set[str] | None):
	"""Who may be listed as similar: the site's recommendations the reader may open."""
	if readable is None:
		return lambda name: not name.startswith(LEARNED_PREFIX)
	return readable


def tag_labels(kind: str, names) -> dict[str, str]:
	"""What a person reads for a tag: an SDG target's or goal's short title next to its code."""
	doctype = {"sdg_targets": "SDG Target", "sdg_goals": "SDG Goal"}.get(kind)
	if not doctype or not names:
		return {name: _(name) for name in names}
	return {
		row.name: f"{row.name} {row.short_title}".strip()
		for row in frappe.get_all(
			doctype, filters={"name": ("in", list(names))}, fields=["name", "short_title"]
		)
	}


def rejected_tags(recommendation: str) -> set[tuple[str, str]]:
	return {
		(row.tag_doctype, row.tag)
		for row in frappe.get_all(
			"Tag Suggestion Decision",
			filters={"recommendation": recommendation, "decision": "Rejected"},
			fields=["tag_doctype", "tag"],
		)
	}


def current_tags(doc) -> dict[str, list[str]]:
	return {
		kind: [row.get(link) for row in doc.get(field) if row.get(link)]
		for kind, (field, _child, link, _doctype, _label) in KIND_TABLES.items()
	}


def open_suggestions(doc, model, readable) -> dict[str, list[engine.Suggestion]]:
	"""The model's suggestions for a recommendation, without the tags it has or people rejected."""
	suggestions = model.suggest(
		doc.recommendation_text or "", exclude_id=doc.name, allowed=voters_allowed(readable)
	)
	have = current_tags(doc)
	have["sdg_goals"] = [row.sdg_goal for row in doc.sdg_targets if row.sdg_goal]
	rejected = rejected_tags(doc.name)
	doctype_of = {kind: spec[3] for kind, spec in KIND_TABLES.items()} | {"sdg_goals": "SDG Goal"}
	return {
		kind: [
			suggestion
			for suggestion in found
			if suggestion.name not in have.get(kind, [])
			and (doctype_of[kind], suggestion.name) not in rejected
		]
		for kind, found in suggestions.items()
	}


# ------------------------------------------------------------------------------ the form's panel


@frappe.whitelist()
def get_suggestions(recommendation: str) -> dict:
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("read")
	model = current_model()
	readable = readable_recommendations()
	suggestions = open_suggestions(doc, model, readable)
	supporting = {name for found in suggestions.values() for item in found for name in item.supporting_ids}
	titles = titles_of({name for name in supporting if not name.startswith(LEARNED_PREFIX)})
	facts = model_facts()
	return {
		"basis": {
			"trained_on": facts.get("trained_on"),
			"recommendations": facts.get("recommendations", model.size),
			"learned": facts.get("learned", 0),
			"tagged": facts.get("tagged", {}),
		},
		"can_accept": bool(doc.has_permission("write")),
		"kinds": {
			kind: [
				{
					"name": item.name,
					"label": labels.get(item.name, item.name),
					"score": item.score,
					"supporting": [
						{"name": name, "title": titles.get(name, "")}
						for name in item.supporting_ids
						if name in titles
					],
					"from_export": sum(name.startswith(LEARNED_PREFIX) for name in item.supporting_ids),
				}
				for item in found
				if item.score >= SHOWN_MIN_SCORE
			][:SHOWN_PER_KIND]
			for kind, found in suggestions.items()
			for labels in [tag_labels(kind, [item.name for item in found])]
		},
	}


def check_kind(kind: str) -> tuple:
	if kind not in KIND_TABLES:
		frappe.throw(_("Kind: choose themes, affected groups or SDG targets."))
	return KIND_TABLES[kind]


def record_decision(doc, kind: str, tag: str, decision: str, via: str, score=None, supporting=None):
	_field, _child, _link, doctype, label = KIND_TABLES[kind]
	trained_on = model_facts().get("trained_on")
	frappe.get_doc(
		{
			"doctype": "Tag Suggestion Decision",
			"recommendation": doc.name,
			"kind": label,
			"tag_doctype": doctype,
			"tag": tag,
			"decision": decision,
			"via": via,
			"score": round(flt(score) * 100, 1) if score is not None else None,
			"supporting": ", ".join(supporting or []),
			"model_trained_on": get_datetime(trained_on) if trained_on else None,
		}
	).insert(ignore_permissions=True)  # the audit trail is written by the app, for whoever decides


@frappe.whitelist()
def accept_suggestion(recommendation: str, kind: str, tag: str, score=None, supporting=None) -> dict:
	"""Adds a suggested tag: the row says it was suggested and who accepted it; the record's
	version history and the decision log keep the step."""
	field, _child, link, doctype, _label = check_kind(kind)
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("write")
	if not frappe.db.exists(doctype, tag):
		frappe.throw(_("{0} {1} does not exist.").format(_(doctype), tag))
	if tag not in [row.get(link) for row in doc.get(field)]:
		doc.append(field, {link: tag, "suggested": 1, "accepted_by": frappe.session.user})
		doc.save(ignore_version=False)  # the history says who, even in tests
	supporting = frappe.parse_json(supporting) if isinstance(supporting, str) else supporting
	record_decision(doc, kind, tag, "Accepted", "On the form", score, supporting)
	return {"accepted": tag}


@frappe.whitelist()
def reject_suggestion(recommendation: str, kind: str, tag: str, score=None, supporting=None) -> dict:
	"""A rejected suggestion is not offered again for this recommendation, and the log says who."""
	check_kind(kind)
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("write")
	supporting = frappe.parse_json(supporting) if isinstance(supporting, str) else supporting
	record_decision(doc, kind, tag, "Rejected", "On the form", score, supporting)
	return {"rejected": tag}


def apply_confident_suggestions(doc, threshold: float, model, readable) -> list[tuple[str, str, float]]:
	"""For the bulk job: adds to the document in memory the suggestions at or above `threshold`;
	returns (kind, tag, score) of each added."""
	suggestions = open_suggestions(doc, model, readable)
	to_add = engine.tags_to_apply(suggestions, current_tags(doc), threshold)
	score_of = {(kind, item.name): item.score for kind, found in suggestions.items() for item in found}
	added = []
	for kind, tags in to_add.items():
		field, _child, link, _doctype, _label = KIND_TABLES[kind]
		for tag in tags:
			doc.append(field, {link: tag, "suggested": 1, "accepted_by": frappe.session.user})
			added.append((kind, tag, score_of.get((kind, tag), threshold)))
	return added


# ------------------------------------------------------------------------- similar recommendations


@frappe.whitelist()
def get_similar(recommendation: str, limit: int = 10) -> list[dict]:
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("read")
	return similar_to(doc, cint(limit) or 10)


def similar_to(doc, limit: int) -> list[dict]:
	found = current_model().similar(
		doc.recommendation_text or "",
		exclude_id=doc.name,
		allowed=listed_allowed(readable_recommendations()),
		limit=limit,
	)
	names = [item.id for item in found]
	if not names:
		return []
	rows = {
		row.name: row
		for row in frappe.get_all(
			"Recommendation",
			filters={"name": ("in", names)},
			fields=[
				"name",
				"title",
				"mechanism",
				"upr_cycle",
				"year",
				"position",
				"implementation_status",
			],
		)
	}
	latest = latest_approved_progress(names)
	marked = {row.repeats for row in doc.get("repeats")}
	return [
		{
			"name": item.id,
			"score": item.score,
			**rows[item.id],
			"latest_progress": latest.get(item.id),
			"marked": item.id in marked,
		}
		for item in found
		if item.id in rows
	]


def latest_approved_progress(names: list[str]) -> dict[str, dict]:
	latest = {}
	for update in frappe.get_all(
		"Progress Update",
		filters={"recommendation": ("in", names), "workflow_state": "Approved", "docstatus": 1},
		fields=["recommendation", "reported_status", "approved_on", "institution"],
		order_by="approved_on asc, creation asc",
	):
		latest[update.recommendation] = {
			"status": update.reported_status,
			"on": update.approved_on,
			"institution": update.institution,
		}
	return latest


@frappe.whitelist()
def mark_as_repeat(recommendation: str, repeats: str, similarity=None) -> dict:
	"""The secretariat says a recommendation repeats another (it may repeat several)."""
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("write")
	if not doc.has_permlevel_access_to("repeats", permission_type="write"):
		frappe.throw(_("Only the secretariat marks repeats."), frappe.PermissionError)
	frappe.get_doc("Recommendation", repeats).check_permission("read")
	if repeats not in [row.repeats for row in doc.repeats]:
		doc.append(
			"repeats",
			{
				"repeats": repeats,
				"similarity": round(flt(similarity) * 100, 1) if similarity is not None else None,
				"marked_by": frappe.session.user,
			},
		)
		doc.save(ignore_version=False)  # the history says who, even in tests
	return {"repeats": [row.repeats for row in doc.repeats]}


@frappe.whitelist()
def unmark_repeat(recommendation: str, repeats: str) -> dict:
	doc = frappe.get_doc("Recommendation", recommendation)
	doc.check_permission("write")
	if not doc.has_permlevel_access_to("repeats", permission_type="write"):
		frappe.throw(_("Only the secretariat marks repeats."), frappe.PermissionError)
	kept = [row for row in doc.repeats if row.repeats != repeats]
	if len(kept) != len(doc.repeats):
		doc.set("repeats", kept)
		doc.save(ignore_version=False)  # the history says who, even in tests
	return {"repeats": [row.repeats for row in doc.repeats]}
