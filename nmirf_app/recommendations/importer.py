"""Runs a Recommendation Import: reads the source through nmirf_app.core, compares each row with
what the site holds, and creates or updates recommendations — or only counts, for a preview.

Each row is written inside its own savepoint, so a row that fails leaves nothing behind, and work
is committed batch by batch, so an interrupted run keeps what it finished and a re-run (identity by
dedupe key) completes it without duplicates.
"""

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import frappe
import requests
from frappe import _, _lt
from frappe.utils import escape_html, now_datetime, nowdate, strip_html
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from nmirf_app.core.assessment_cell import StateAssessment
from nmirf_app.core.countries import load_country_resolver
from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.recommendation_import import (
	SOURCE_FIELDS,
	SOURCE_TABLES,
	TABLE_FIELD_OF,
	ImportCandidate,
	ImportContext,
	RowIssue,
	nothing_to_import,
	plan_change,
	read_candidates,
	states_most_named,
)
from nmirf_app.core.references import normalise_symbol
from nmirf_app.core.spreadsheet import write_csv
from nmirf_app.core.uhri_format import UhriFormatError
from nmirf_app.core.vocabulary import VocabularyIndex
from nmirf_app.recommendations import batch_create
from nmirf_app.recommendations.classification_refresh import enqueue_refresh

SOURCE_TYPE_CODES = {
	"UHRI XLSX": "uhri-xlsx",
	"UHRI JSON": "uhri-json",
	"UPR Info CSV": "upr-info-csv",
	"Template": "template",
	"UPR Thematic List": "upr-thematic-list",
}
CHILD_DOCTYPES = {
	"themes": "Recommendation Theme",
	"affected_groups": "Recommendation Affected Group",
	"sdg_targets": "Recommendation SDG Target",
	"sdg_goals": "Recommendation SDG Target",
	"recommending_states": "Recommendation Recommending State",
}
# the vocabulary a label was looked up in (core's table name) -> its DocType
VOCABULARY_DOCTYPES = {"themes": "Human Rights Theme", "affected_groups": "Affected Group"}
BATCH_SIZE = 200
# an import in one of these has a background job to wait for (or was interrupted)
RUNNING_STATUSES = ("Preview queued", "Previewing", "Queued", "Importing")
ISSUES_KEPT_ON_RECORD = 500
DOWNLOAD_TIMEOUT = (10, 120)  # seconds to connect, seconds between bytes
# A whole UHRI JSON export is a few hundred MB; a source larger than this is not one (a hostile or
# mistaken URL must not fill the disk).
MAX_DOWNLOAD_BYTES = 1 << 30


class ImportSourceError(Exception):
	"""The run cannot happen at all: no file, unreachable URL, unreadable format."""


@dataclass
class ImportCounts:
	read: int = 0
	created: int = 0
	updated: int = 0
	unchanged: int = 0
	failed: int = 0
	skipped_other_state: int = 0
	other_states: dict[str, int] = field(default_factory=dict)
	warnings: int = 0
	assessments: int = 0  # State's assessments recorded (or, in a preview, to record)
	issues: list[RowIssue] = field(default_factory=list)
	# what made the run create recommendations one by one instead of a batch at a time
	created_one_by_one_for: list[str] = field(default_factory=list)

	def summary(self) -> dict:
		return {
			"read": self.read,
			"created": self.created,
			"updated": self.updated,
			"unchanged": self.unchanged,
			"failed": self.failed,
			"assessments": self.assessments,
		}


def build_import_context(state: str | None = None) -> ImportContext:
	"""What the site knows, in a handful of queries: mechanisms, vocabularies, SDGs, countries."""
	mechanisms_by_body_code = {}
	for mechanism in frappe.get_all("Human Rights Mechanism", fields=["name", "uhri_body_codes"]):
		mechanisms_by_body_code[mechanism.name] = mechanism.name
		for code in (mechanism.uhri_body_codes or "").splitlines():
			if code.strip():
				mechanisms_by_body_code[code.strip()] = mechanism.name
	return ImportContext(
		mechanisms_by_body_code=mechanisms_by_body_code,
		themes=vocabulary_index("Human Rights Theme"),
		affected_groups=vocabulary_index("Affected Group"),
		sdg_targets=set(frappe.get_all("SDG Target", pluck="name")),
		sdg_goals=set(frappe.get_all("SDG Goal", pluck="name")),
		countries=load_country_resolver(frappe.get_all("Country", pluck="name")),
		state=state or frappe.db.get_single_value("NMIRF Settings", "state"),
	)


def vocabulary_index(doctype: str) -> VocabularyIndex:
	aliases: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Vocabulary Alias", filters={"parenttype": doctype}, fields=["parent", "alias"], limit_page_length=0
	):
		aliases.setdefault(row.parent, []).append(row.alias)
	return VocabularyIndex((label, aliases.get(label, [])) for label in frappe.get_all(doctype, pluck="name"))


def add_alias(vocabulary_doctype: str, entry: str, label: str) -> bool:
	"""Makes `label` read as the vocabulary entry `entry` in every later import (a Vocabulary Alias
	of the entry). False when the entry already reads it so; the user needs write permission on
	the entry."""
	if vocabulary_doctype not in VOCABULARY_DOCTYPES.values():
		frappe.throw(_("{0} is not a vocabulary an import looks labels up in.").format(vocabulary_doctype))
	label = " ".join((label or "").split())
	if not label:
		frappe.throw(_("Give the label to map."))
	doc = frappe.get_doc(vocabulary_doctype, entry)
	doc.check_permission("write")
	already = vocabulary_index(vocabulary_doctype).resolve(label)
	if already == doc.name:
		return False
	if already:
		frappe.throw(
			_("'{0}' already reads as '{1}': change that entry's aliases first.").format(label, already),
			title=_("Label already mapped"),
		)
	doc.append("aliases", {"alias": label})
	doc.save()
	return True


@contextmanager
def opened_source(import_doc, local_path: str | None = None) -> Iterator[str]:
	"""A local path to read: the attached private file, a download of the URL, or (command line
	only) a file on the server. Server paths never come from a web request."""
	if local_path:
		if not os.path.isfile(local_path):
			raise ImportSourceError(_("File not found: {0}").format(local_path))
		yield local_path
	elif import_doc.import_file:
		file_doc = frappe.get_doc("File", {"file_url": import_doc.import_file})
		yield file_doc.get_full_path()
	elif import_doc.source_url:
		with downloaded(import_doc.source_url) as path:
			yield path
	else:
		raise ImportSourceError(_("Attach a file or give a source URL."))


@contextmanager
def downloaded(url: str) -> Iterator[str]:
	if not url.lower().startswith(("https://", "http://")):
		raise ImportSourceError(
			_("Source URL: only http(s) addresses can be downloaded, not {0}").format(url)
		)
	session = requests.Session()
	retries = Retry(
		total=3, backoff_factor=2, status_forcelist=(429, 500, 502, 503, 504), allowed_methods=["GET"]
	)
	session.mount("https://", HTTPAdapter(max_retries=retries))
	session.mount("http://", HTTPAdapter(max_retries=retries))
	try:
		response = session.get(url, stream=True, timeout=DOWNLOAD_TIMEOUT)
		response.raise_for_status()
	except requests.exceptions.ConnectionError:
		raise ImportSourceError(
			_("Could not reach {0}: the server is offline or this site has no internet access.").format(url)
		)
	except requests.exceptions.Timeout:
		raise ImportSourceError(_("{0} did not answer within {1} seconds.").format(url, DOWNLOAD_TIMEOUT[1]))
	except requests.exceptions.RequestException as error:
		raise ImportSourceError(_("Could not download {0}: {1}").format(url, error))
	too_large = ImportSourceError(
		_("{0} is larger than {1} MB: that is not a recommendations export.").format(
			url, MAX_DOWNLOAD_BYTES >> 20
		)
	)
	if int(response.headers.get("Content-Length") or 0) > MAX_DOWNLOAD_BYTES:
		raise too_large
	with tempfile.NamedTemporaryFile(prefix="nmirf-import-", delete=False) as target:
		try:
			received = 0
			for chunk in response.iter_content(chunk_size=1 << 20):
				received += len(chunk)
				if received > MAX_DOWNLOAD_BYTES:  # the header may be missing or lie
					raise too_large
				target.write(chunk)
		except requests.exceptions.RequestException as error:
			os.unlink(target.name)
			raise ImportSourceError(_("The download of {0} broke off: {1}").format(url, error))
		except ImportSourceError:
			os.unlink(target.name)
			raise
	try:
		yield target.name
	finally:
		os.unlink(target.name)


class ImportRunner:
	def __init__(self, import_doc, *, dry_run: bool, progress: Callable[[int], None] | None = None):
		self.import_doc = import_doc
		self.dry_run = dry_run
		self.progress = progress or (lambda rows_done: None)
		self.counts = ImportCounts()
		# new recommendations are created a batch at a time unless something else on the site
		# listens to each one's insert (batch_create.others_listening)
		self.counts.created_one_by_one_for = [] if dry_run else batch_create.others_listening()
		self.insert_defaults = None

	def run(self, local_path: str | None = None) -> ImportCounts:
		context = build_import_context(self.import_doc.state)
		source_type = SOURCE_TYPE_CODES[self.import_doc.source_type]
		with opened_source(self.import_doc, local_path) as path:
			try:
				rows = read_candidates(source_type, path, context, state=context.state)
				batch: list[ImportCandidate] = []
				for item in rows:
					if isinstance(item, RowIssue):
						self.record_issue(item)
						self.counts.failed += 1
						continue
					batch.append(item)
					if len(batch) >= BATCH_SIZE:
						self.apply_batch(batch, rows)
						batch = []
				self.apply_batch(batch, rows)
			except (UhriFormatError, ValueError, OSError) as error:
				raise ImportSourceError(str(error))
		return self.counts

	def apply_batch(self, batch: list[ImportCandidate], rows):
		existing = existing_snapshots([candidate.dedupe_key for candidate in batch])
		existing.update(same_upr_recommendations([c for c in batch if c.dedupe_key not in existing]))
		assessed = {}  # recommendation -> the State's assessment its row gives
		creates = []
		for candidate in batch:
			for warning in candidate.warnings:
				self.record_issue(warning)
			record = existing.get(candidate.dedupe_key)
			change = plan_change(candidate, record)
			name = record and record["name"]
			if change.action == "unchanged":
				self.counts.unchanged += 1
			elif self.dry_run and change.action == "create":
				self.counts.created += 1
			elif self.dry_run:
				self.counts.updated += 1
			elif change.action == "create" and not self.counts.created_one_by_one_for:
				creates.append((candidate, change))
				continue
			else:
				name = self.write(candidate, record, change)
			if candidate.assessment and (name or self.dry_run):
				assessed[name or candidate.dedupe_key] = (candidate.row_number, candidate.assessment)
		for candidate, name in self.create_batch(creates):
			if candidate.assessment:
				assessed[name] = (candidate.row_number, candidate.assessment)
		self.record_assessments(assessed)
		self.counts.read = rows.read
		self.counts.skipped_other_state = rows.skipped_other_state
		self.counts.other_states = dict(rows.other_states)
		if not self.dry_run:
			frappe.db.commit()  # one batch at a time: an interrupted run keeps its finished batches
		self.progress(self.counts.read)

	def create_batch(self, creates: list) -> list[tuple[ImportCandidate, str]]:
		"""The batch's new recommendations, created together (batch_create); if the database refuses
		their INSERT (a name taken meanwhile by another writer), nothing of it stays and each row is
		inserted on its own. Returns (candidate, name) of each recommendation created."""
		if not creates:
			return []
		if self.insert_defaults is None:
			self.insert_defaults = batch_create.insert_defaults(
				set(TABLE_FIELD_OF.get(t, t) for t in SOURCE_TABLES)
			)
		candidate_of = {}  # id of each new document -> its candidate
		docs = []
		for candidate, _change in creates:
			doc = batch_create.new_recommendation(candidate.values, new_rows(candidate), self.insert_defaults)
			candidate_of[id(doc)] = candidate
			docs.append((candidate.row_number, doc))
		frappe.db.savepoint("nmirf_import_batch")
		try:
			created, refused = batch_create.create(docs)
		except frappe.PermissionError:
			raise
		except Exception:
			frappe.db.rollback(save_point="nmirf_import_batch")
			frappe.clear_messages()
			frappe.log_error(
				title=_("Recommendation Import {0}: a batch inserted row by row").format(self.import_doc.name)
			)
			names = [(candidate, self.write(candidate, None, change)) for candidate, change in creates]
			return [(candidate, name) for candidate, name in names if name]
		for issue in refused:
			self.counts.failed += 1
			self.record_issue(issue)
		self.counts.created += len(created)
		return [(candidate_of[id(doc)], doc.name) for doc in created]

	def write(self, candidate: ImportCandidate, existing: dict | None, change):
		savepoint = "nmirf_import_row"
		frappe.db.savepoint(savepoint)
		try:
			if change.action == "create":
				doc = frappe.new_doc("Recommendation")
				doc.update(candidate.values)
				for table_field, rows in new_rows(candidate).items():
					for row in rows:
						doc.append(table_field, row)
				doc.insert()
				self.counts.created += 1
				return doc.name
			else:
				doc = frappe.get_doc("Recommendation", existing["name"])
				for fieldname in change.changed_fields:
					if fieldname in SOURCE_TABLES:
						link_field = SOURCE_TABLES[fieldname]
						table_field = TABLE_FIELD_OF.get(fieldname, fieldname)
						present = {row.get(link_field) for row in doc.get(table_field)}
						for value in getattr(candidate, fieldname):
							if value not in present:
								doc.append(table_field, {link_field: value})
					else:
						doc.set(fieldname, candidate.values.get(fieldname))
				doc.save()
				self.counts.updated += 1
				return doc.name
		except Exception as error:
			frappe.db.rollback(save_point=savepoint)
			frappe.clear_messages()
			self.counts.failed += 1
			self.record_issue(RowIssue(candidate.row_number, _("Row"), strip_html(str(error)) or repr(error)))

	def record_assessments(self, assessed: dict[str, tuple[int, StateAssessment]]):
		"""The State's assessments a source gives (the thematic list's assessment column), each
		recorded once: the same words on the same recommendation are the assessment already there,
		new words a new one (the earlier ones stay, as the history of the State's view)."""
		if not assessed:
			return
		recorded = {
			(row.recommendation, row.status, plain_words(row.notes))
			for row in frappe.get_all(
				"Implementation Assessment",
				filters={"recommendation": ("in", list(assessed)), "voice": "Government"},
				fields=["recommendation", "status", "notes"],
				limit_page_length=0,
			)
		}
		for name, (row_number, assessment) in assessed.items():
			if (name, assessment.status, plain_words(assessment.notes)) in recorded:
				continue
			if self.dry_run:
				self.counts.assessments += 1
				continue
			frappe.db.savepoint("nmirf_import_assessment")
			try:
				frappe.get_doc(
					{
						"doctype": "Implementation Assessment",
						"recommendation": name,
						"voice": "Government",
						"assessed_on": assessment.assessed_on or nowdate(),
						"status": assessment.status,
						"notes": "".join(
							f"<p>{escape_html(line)}</p>" for line in assessment.notes.splitlines()
						),
						"source_reference": _("Recommendation Import {0}").format(self.import_doc.name),
					}
				).insert()
				self.counts.assessments += 1
			except Exception as error:
				frappe.db.rollback(save_point="nmirf_import_assessment")
				frappe.clear_messages()
				reason = strip_html(str(error)) or repr(error)
				self.record_issue(
					RowIssue(
						row_number,
						_("Assessment"),
						_("The State's assessment was not recorded: {0}").format(reason),
						fatal=False,
					)
				)

	def record_issue(self, issue: RowIssue):
		if not issue.fatal:
			self.counts.warnings += 1
		self.counts.issues.append(issue)


def new_rows(candidate: ImportCandidate) -> dict[str, list[dict]]:
	"""The rows of a new recommendation's tables that the candidate gives, per table field."""
	rows: dict[str, list[dict]] = {}
	for table, link_field in SOURCE_TABLES.items():
		for value in getattr(candidate, table):
			rows.setdefault(TABLE_FIELD_OF.get(table, table), []).append({link_field: value})
	return rows


def plain_words(html: str | None) -> str:
	"""A text as compared for sameness: without markup, case or spacing."""
	return " ".join(plain_text(html).split()).casefold()


def existing_snapshots(dedupe_keys: list[str]) -> dict[str, dict]:
	"""Source fields and source tables of the recommendations already holding these keys (one query
	for the records, one per child table)."""
	if not dedupe_keys:
		return {}
	records = frappe.get_all(
		"Recommendation",
		filters={"dedupe_key": ("in", dedupe_keys)},
		fields=["name", "dedupe_key", *SOURCE_FIELDS],
		limit_page_length=0,
	)
	by_name = {record.name: {**record, **{table: [] for table in SOURCE_TABLES}} for record in records}
	if by_name:
		for table, link_field in SOURCE_TABLES.items():
			for row in frappe.get_all(
				CHILD_DOCTYPES[table],
				filters={
					"parenttype": "Recommendation",
					"parentfield": TABLE_FIELD_OF.get(table, table),
					"parent": ("in", list(by_name)),
				},
				fields=["parent", link_field],
				limit_page_length=0,
			):
				if row[link_field]:  # a goal-only SDG row has no target
					by_name[row.parent][table].append(row[link_field])
	return {snapshot["dedupe_key"]: snapshot for snapshot in by_name.values()}


def same_upr_recommendations(candidates: list[ImportCandidate]) -> dict[str, dict]:
	"""A UPR recommendation is one paragraph of its Working Group report, whichever source brought
	it: the thematic list (keyed by symbol and paragraph) finds one imported from UHRI (keyed by
	its annotation id), and the other way round. Treaty-body paragraphs hold several UHRI
	annotations, so only UPR ones match this way."""
	wanted = {
		(
			normalise_symbol(c.values.get("document_symbol")),
			str(c.values.get("paragraph")).strip(),
		): c.dedupe_key
		for c in candidates
		if c.values.get("mechanism") == "UPR"
		and c.values.get("document_symbol")
		and c.values.get("paragraph")
	}
	if not wanted:
		return {}
	symbols = {c.values["document_symbol"].strip() for c in candidates if c.values.get("document_symbol")}
	found = frappe.get_all(
		"Recommendation",
		filters={
			"mechanism": "UPR",
			# as the sources write it (read through symbol_paragraph_index); compared normalised below
			"document_symbol": ("in", sorted(symbols | {symbol for symbol, _paragraph in wanted})),
			"paragraph": ("in", sorted({paragraph for _symbol, paragraph in wanted})),
		},
		fields=["dedupe_key", "document_symbol", "paragraph"],
		limit_page_length=0,
	)
	matches = {}
	for row in found:
		key = wanted.get((normalise_symbol(row.document_symbol), (row.paragraph or "").strip()))
		if key and key not in matches:
			matches[key] = row.dedupe_key
	snapshots = existing_snapshots(list(matches.values()))
	return {key: snapshots[record_key] for key, record_key in matches.items() if record_key in snapshots}


def issues_csv(issues: list[RowIssue]) -> bytes:
	# The values come from the imported file: write_csv keeps a hostile "=HYPERLINK(…)" text.
	return write_csv(
		["Row", "Severity", "Column", "Reason", "Value"],
		(
			[
				issue.row_number,
				"Failed" if issue.fatal else "Warning",
				issue.field,
				issue.message,
				issue.value,
			]
			for issue in issues
		),
	)


def run_import(import_name: str, dry_run: bool, local_path: str | None = None, echo: Callable | None = None):
	"""Runs one import (or preview) and records its outcome on the Recommendation Import."""
	import_doc = frappe.get_doc("Recommendation Import", import_name)
	import_doc.db_set(
		{
			"status": "Previewing" if dry_run else "Importing",
			"started_at": now_datetime(),
			"finished_at": None,
		}
	)
	frappe.db.commit()

	def report_progress(rows_done: int):
		frappe.publish_realtime(
			"nmirf_import_progress",
			{"import": import_name, "rows": rows_done, "dry_run": dry_run},
			doctype="Recommendation Import",
			docname=import_name,
		)
		if echo:
			echo(f"  {rows_done} rows read")

	runner = ImportRunner(import_doc, dry_run=dry_run, progress=report_progress)
	try:
		counts = runner.run(local_path)
	except ImportSourceError as error:
		frappe.db.rollback()
		import_doc.reload()
		import_doc.db_set({"status": "Failed", "error_message": str(error), "finished_at": now_datetime()})
		frappe.db.commit()
		raise
	except Exception:
		frappe.db.rollback()
		import_doc.reload()
		import_doc.db_set(
			{"status": "Failed", "error_message": frappe.get_traceback(), "finished_at": now_datetime()}
		)
		frappe.db.commit()
		raise
	record_outcome(import_doc, counts, dry_run)
	frappe.db.commit()
	return counts


def outcome_in_words(counts: ImportCounts, dry_run: bool) -> str:
	"""What a run found, as the secretariat reads it: "432 rows read: all about other States —
	Bhutan 223, Costa Rica 209 — nothing to import." Shown on the import and by the CLI."""
	named, more = states_most_named(counts.other_states)
	states = ", ".join(f"{state} {count}" for state, count in named)
	if more:
		states = _("{0} and {1} more").format(states, more)
	if not counts.read:
		return _("The source holds no recommendation: nothing to import.")
	if counts.skipped_other_state == counts.read:
		return _(
			"{0} rows read: all about other States — {1} — nothing to import. Is the State in NMIRF Settings the one this file is about?"
		).format(counts.read, states)
	if dry_run:
		sentence = _("{0} rows read: {1} to create, {2} to update, {3} already up to date, {4} failing.")
	else:
		sentence = _("{0} rows read: {1} created, {2} updated, {3} already up to date, {4} failed.")
	sentence = sentence.format(counts.read, counts.created, counts.updated, counts.unchanged, counts.failed)
	if counts.assessments:
		assessments = (
			_("{0} State's assessments to record.") if dry_run else _("{0} State's assessments recorded.")
		)
		sentence += " " + assessments.format(counts.assessments)
	if counts.skipped_other_state:
		sentence += " " + _("Left out as about other States: {0} ({1}).").format(
			counts.skipped_other_state, states
		)
	if dry_run and nothing_to_import(counts.created, counts.updated):
		sentence += " " + _("Nothing to import.")
	if counts.created and counts.created_one_by_one_for:
		sentence += " " + _(
			"Created one by one, more slowly, because this runs on each new recommendation: {0}."
		).format(", ".join(counts.created_one_by_one_for))
	return sentence


def record_outcome(import_doc, counts: ImportCounts, dry_run: bool):
	import_doc.reload()
	if dry_run:
		status = "Previewed"
	else:
		status = "Completed with errors" if counts.failed else "Completed"
	import_doc.update(
		{
			"status": status,
			"last_run_was_preview": int(dry_run),
			"rows_read": counts.read,
			"skipped_other_state": counts.skipped_other_state,
			"outcome": outcome_in_words(counts, dry_run),
			"created": counts.created,
			"updated": counts.updated,
			"unchanged": counts.unchanged,
			"failed": counts.failed,
			"warnings": counts.warnings,
			"finished_at": now_datetime(),
			"error_message": None,
			"issues": [
				{
					"row_number": issue.row_number,
					"severity": "Failed" if issue.fatal else "Warning",
					"field": issue.field,
					"message": issue.message,
					"value": issue.value,
					"vocabulary": VOCABULARY_DOCTYPES.get(issue.vocabulary),
				}
				for issue in counts.issues[:ISSUES_KEPT_ON_RECORD]
			],
		}
	)
	import_doc.issues_file = None
	if counts.issues:
		issues_file = frappe.get_doc(
			{
				"doctype": "File",
				# each run keeps its own list: a later preview or import never overwrites it
				"file_name": f"{import_doc.name}-{'preview' if dry_run else 'import'}-{now_datetime():%Y%m%d-%H%M%S}-issues.csv",
				"attached_to_doctype": "Recommendation Import",
				"attached_to_name": import_doc.name,
				"is_private": 1,
				"content": issues_csv(counts.issues),
			}
		).insert(ignore_permissions=True)  # the run's own log, attached to a record the user may read
		import_doc.issues_file = issues_file.file_url
	import_doc.flags.ignore_permissions = True  # a system job records its outcome
	import_doc.save()
	if not dry_run and (counts.created or counts.updated):
		enqueue_refresh()  # new texts and OHCHR's tags: suggestions and similar lists learn from them


def run_import_job(import_name: str, dry_run: bool):
	"""Background entry point (queue 'long')."""
	try:
		run_import(import_name, dry_run)
	except ImportSourceError:
		pass  # recorded on the import; nothing for the worker to retry


# translated when written (str()), in the language of the moment, not when the module is imported
INTERRUPTED = _lt(
	"The run was interrupted: its background job stopped before finishing (the worker was stopped or "
	"restarted). Run it again: rows already imported are recognised and nothing is duplicated."
)


def import_job_id(import_name: str) -> str:
	return f"nmirf-import::{import_name}"


def fail_interrupted_imports() -> list[str]:
	"""Scheduled every few minutes: a run still marked as queued or running whose background job no
	longer exists, or has failed, was interrupted (worker killed, Redis flushed); it is marked failed
	with that reason, so that nobody waits for it and it can be run again."""
	from frappe.utils.background_jobs import get_queue, is_job_enqueued
	from rq.registry import StartedJobRegistry

	# A job whose worker was killed stays "started" until RQ cleans its registry: that happens every
	# ten minutes, this makes it happen now (a job whose worker stopped beating ~90 s ago is failed).
	StartedJobRegistry(queue=get_queue("long")).cleanup()
	interrupted = []
	for name in frappe.get_all(
		"Recommendation Import", filters={"status": ("in", RUNNING_STATUSES)}, pluck="name"
	):
		if is_job_enqueued(import_job_id(name)):
			continue
		frappe.db.set_value(
			"Recommendation Import",
			name,
			{"status": "Failed", "error_message": str(INTERRUPTED), "finished_at": now_datetime()},
		)
		interrupted.append(name)
	if interrupted:
		frappe.db.commit()
	return interrupted
