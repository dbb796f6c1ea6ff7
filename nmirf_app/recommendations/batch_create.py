"""Creates an import batch's new recommendations in a few statements instead of a dozen queries
each: every rule of a Recommendation's insert is applied to each row (Frappe's field checks, the
controller's validation, links, naming, identity), with the batch's look-ups made once, and the
rows that pass are written with one INSERT per table. The tally and the focal points' assignments
follow for the batch as a whole.

It runs only where nothing else listens to a Recommendation's insert: a site that adds a Server
Script, Webhook, Notification, Assignment Rule, Energy Point Rule, Milestone Tracker, workflow or
another app's hook gets each row inserted one by one (`others_listening` says why).
"""

from contextlib import contextmanager

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.query_builder import Criterion
from frappe.utils import now, strip_html

from nmirf_app.core.recommendation_import import RowIssue
from nmirf_app.recommendations import tally
from nmirf_app.recommendations.assignment import assign_new_institutions
from nmirf_app.utils import insert_rows

RECOMMENDATION = "Recommendation"
# The methods a Recommendation's insert runs after its INSERT, which the batch does not run for each
# row: another handler of one of them needs the insert itself. (The methods before the INSERT —
# before_insert, autoname, validate, before_save — the batch runs for each row, hooks included.)
AFTER_WRITE_METHODS = ("after_insert", "on_update", "on_change")
# Frappe's own handlers of them for every DocType ("*" in its hooks) and the app's: each does
# nothing for a new recommendation unless the site configured it (checked in others_listening),
# or the batch does it itself (the tally, the focal points' assignments).
HANDLERS_THE_BATCH_ANSWERS = {
	"frappe.desk.notifications.clear_doctype_notifications",
	"frappe.workflow.doctype.workflow_action.workflow_action.process_workflow_actions",  # a workflow
	"frappe.core.doctype.file.utils.attach_files_to_document",  # attach fields: none imported
	"frappe.automation.doctype.assignment_rule.assignment_rule.apply",  # an Assignment Rule
	"frappe.automation.doctype.assignment_rule.assignment_rule.update_due_date",  # an Assignment Rule
	"frappe.core.doctype.user_type.user_type.apply_permissions_for_non_standard_user_type",  # User Type docs
	"frappe.social.doctype.energy_point_rule.energy_point_rule.process_energy_points",  # a rule
	"frappe.automation.doctype.milestone_tracker.milestone_tracker.evaluate_milestone",  # a tracker
	"nmirf_app.recommendations.tally.recommendation_saved",
}
# what on a site makes a handler above act on a Recommendation: (DocType, filters, what it is)
CONFIGURED_LISTENERS = (
	("Server Script", {"reference_doctype": RECOMMENDATION, "disabled": 0}, "Server Script"),
	("Webhook", {"webhook_doctype": RECOMMENDATION, "enabled": 1}, "Webhook"),
	("Assignment Rule", {"document_type": RECOMMENDATION, "disabled": 0}, "Assignment Rule"),
	("Energy Point Rule", {"reference_doctype": RECOMMENDATION, "enabled": 1}, "Energy Point Rule"),
	("Milestone Tracker", {"document_type": RECOMMENDATION, "disabled": 0}, "Milestone Tracker"),
	("Workflow", {"document_type": RECOMMENDATION, "is_active": 1}, "Workflow"),
)
# Notification events an insert fires (a "Method" one only for the methods above)
NOTIFICATION_EVENTS_ON_INSERT = ("New", "Save", "Value Change")
CHILD_FIELDS_SET_BY_THE_PARENT = ("name", "parent", "parenttype", "parentfield", "idx", "docstatus")


def others_listening() -> list[str]:
	"""What on this site would run on a Recommendation's insert besides the batch's own steps, each
	named ("Server Script 'Flag new UPR recommendations'"). Empty: the batch may create."""
	listening = []
	hooks = frappe.get_hooks("doc_events")
	for doctype in ("*", RECOMMENDATION):
		for method, handlers in (hooks.get(doctype) or {}).items():
			if method not in AFTER_WRITE_METHODS:
				continue
			for handler in handlers if isinstance(handlers, list | tuple) else [handlers]:
				if handler not in HANDLERS_THE_BATCH_ANSWERS:
					listening.append(_("the hook {0} ({1})").format(handler, method))
	for doctype, filters, what in CONFIGURED_LISTENERS:
		if not frappe.db.table_exists(doctype):
			continue
		for name in frappe.get_all(doctype, filters=filters, pluck="name"):
			listening.append(f"{_(what)} '{name}'")
	for notification in frappe.get_all(
		"Notification",
		filters={"document_type": RECOMMENDATION, "enabled": 1},
		fields=["name", "event", "method"],
	):
		if notification.event in NOTIFICATION_EVENTS_ON_INSERT or (
			notification.event == "Method" and notification.method in AFTER_WRITE_METHODS
		):
			listening.append(_("Notification '{0}'").format(notification.name))
	if frappe.get_meta(RECOMMENDATION).get_global_search_fields():
		listening.append(_("the global search"))
	if frappe.get_cached_value("User", frappe.session.user, "follow_created_documents"):
		listening.append(_("'Follow documents you create' of {0}").format(frappe.session.user))
	return listening


class BatchLookups:
	"""What the controller would ask the database row by row, asked once for the batch: the names
	and identities already taken (the batch's own included, as it names them) and the State Reports
	whose outcome documents the rows cite."""

	def __init__(self, docs):
		from nmirf_app.reporting.doctype.state_report.state_report import reports_for_outcome_documents

		references = {doc.base_reference() for doc in docs}
		self.taken_references = set(names_starting_with(references))
		keys = [doc.dedupe_key for doc in docs if doc.dedupe_key]
		self.recorded_dedupe_keys = dict(
			frappe.get_all(
				RECOMMENDATION,
				filters={"dedupe_key": ("in", keys)},
				fields=["dedupe_key", "name"],
				as_list=True,
				limit_page_length=0,
			)
			if keys
			else []
		)
		self.state_reports = reports_for_outcome_documents({doc.document_symbol for doc in docs})


def names_starting_with(prefixes) -> list[str]:
	"""The recommendations named by one of the references or its "-2", "-3" namesakes (a LIKE as the
	controller's own: what else it finds is never one of the names tried)."""
	if not prefixes:
		return []
	table = frappe.qb.DocType(RECOMMENDATION)
	return (
		frappe.qb.from_(table)
		.select(table.name)
		.where(Criterion.any([table.name.like(f"{prefix}%") for prefix in prefixes]))
		.run(pluck=True)
	)


def new_recommendation(values: dict, tables: dict[str, list[dict]], defaults: dict):
	"""A Recommendation document as doc.insert would start it: the DocType's defaults where the
	import gives nothing, its rows with their own DocTypes' defaults."""
	doc = frappe.get_doc({**defaults[RECOMMENDATION], **{k: v for k, v in values.items() if v is not None}})
	for table_field, rows in tables.items():
		child_doctype = doc.meta.get_field(table_field).options
		for row in rows:
			doc.append(table_field, {**defaults[child_doctype], **row})
	return doc


def insert_defaults(table_fields) -> dict[str, dict]:
	"""The defaults of a new Recommendation and of its rows, per DocType, read once per batch."""
	defaults = {RECOMMENDATION: without_identity(frappe.new_doc(RECOMMENDATION, as_dict=True))}
	meta = frappe.get_meta(RECOMMENDATION)
	for table_field in table_fields:
		child_doctype = meta.get_field(table_field).options
		defaults[child_doctype] = without_identity(frappe.new_doc(child_doctype, as_dict=True))
	return defaults


def without_identity(template: dict) -> dict:
	return {
		key: value
		for key, value in template.items()
		if value is not None and key not in CHILD_FIELDS_SET_BY_THE_PARENT and not key.startswith("__")
	}


def create(rows: list[tuple[int, object]]) -> tuple[list, list[RowIssue]]:
	"""Creates the recommendations of (row number, new document) pairs: returns the created
	documents and the rows refused, each with its reason. A row refused leaves nothing behind;
	when the database refuses the batch's INSERT (a name taken meanwhile by another writer) it
	raises with nothing of the batch written, and the caller inserts its rows one by one."""
	frappe.has_permission(RECOMMENDATION, "create", throw=True)
	refused = []

	def checked(docs, check):
		passed = []
		for row_number, doc in docs:
			try:
				check(doc)
				passed.append((row_number, doc))
			except (frappe.ValidationError, frappe.PermissionError) as error:
				frappe.clear_messages()
				refused.append(RowIssue(row_number, _("Row"), strip_html(str(error)) or repr(error)))
		return passed

	def identify(doc):
		doc.set_derived_fields()
		doc.set_dedupe_key_value()

	rows = checked(rows, identify)
	lookups = BatchLookups([doc for _row_number, doc in rows])
	timestamp, user = now(), frappe.session.user
	stamp = {"owner": user, "modified_by": user, "creation": timestamp, "modified": timestamp}

	def validate(doc):
		"""doc.insert's steps before its INSERT, in its order, with the batch's look-ups."""
		doc.flags.batch = lookups
		for label, value in missing_links.get(id(doc), []):
			frappe.throw(_("{0}: {1} does not exist.").format(_(label), value), frappe.LinkValidationError)
		doc.update({**stamp, "docstatus": 0})
		doc.set("__islocal", True)
		doc.check_if_latest()  # a new document: no query; sets the action validate reads
		doc.check_permission("create")  # this record: the user's User Permissions apply
		try:
			doc.run_method("before_insert")
			doc.run_method("before_naming")
			doc.run_method("autoname")
			for child in doc.get_all_children():
				child.update({**stamp, "name": make_autoname("hash", child.doctype)})
			doc.set_parent_in_children()
			doc.validate_higher_perm_levels()
			doc.flags.in_insert = True
			doc.run_before_save_methods()  # before_validate, validate, before_save and their hooks
			doc._validate()
		except frappe.ValidationError:
			lookups.taken_references.discard(doc.name)  # a later row may take the name
			raise
		finally:
			doc.flags.in_insert = False
		lookups.recorded_dedupe_keys[doc.dedupe_key] = doc.name  # a later row with it is a duplicate

	with field_lists_kept(
		[RECOMMENDATION, *(child.doctype for _n, doc in rows for child in doc.get_all_children())]
	):
		# read by validate: per document (by id), its links to records that do not exist
		missing_links = resolve_links([doc for _row_number, doc in rows])
		accepted = [doc for _row_number, doc in checked(rows, validate)]
	if accepted:
		write(accepted)
	return accepted, refused


@contextmanager
def field_lists_kept(doctypes):
	"""Frappe's field checks ask a DocType's meta for its fields of a kind (its Select fields, its
	Link fields, …) for every row and every kind, filtering the whole field list each time: a fifth
	of a batch's time. The meta does not change during a batch, so each answer is kept until it
	ends (on the process's own meta objects, which every document of the DocType shares)."""
	metas = {doctype: frappe.get_meta(doctype) for doctype in set(doctypes)}
	for meta in metas.values():
		answers = {}
		ask = meta.get

		def kept(key, filters=None, limit=None, default=None, answers=answers, ask=ask):
			if filters is None:
				return ask(key, filters, limit, default)
			question = (key, repr(filters), limit)
			if question not in answers:
				answers[question] = ask(key, filters, limit, default)
			return list(answers[question])

		meta.get = kept
	try:
		yield
	finally:
		for meta in metas.values():
			del meta.get


def resolve_links(docs) -> dict[int, list[tuple[str, str]]]:
	"""What doc.insert's link check does, with one query per linked DocType for the batch: each link
	takes the linked record's own name and the values its fields fetch from it (an SDG target's
	goal). Returns, per document (by id), the links to records that do not exist, as (field label,
	value)."""
	links = []  # (document id, part, link field, fields fetching from it)
	wanted: dict[str, set] = {}
	columns: dict[str, set] = {}
	for doc in docs:
		for part in (doc, *doc.get_all_children()):
			for df in part.meta.get_link_fields():
				if value := part.get(df.fieldname):
					fetching = [
						fetch
						for fetch in part.meta.get_fields_to_fetch(df.fieldname)
						if not fetch.get("fetch_if_empty") or not part.get(fetch.fieldname)
					]
					links.append((id(doc), part, df, fetching))
					wanted.setdefault(df.options, set()).add(value)
					columns.setdefault(df.options, {"name"}).update(
						fetch.fetch_from.split(".")[-1] for fetch in fetching
					)
	records = {
		doctype: {
			record.name.casefold(): record
			for record in frappe.get_all(
				doctype,
				filters={"name": ("in", list(values))},
				fields=sorted(columns[doctype]),
				limit_page_length=0,
			)
		}
		for doctype, values in wanted.items()
	}
	missing: dict[int, list] = {}
	for doc_id, part, df, fetching in links:
		record = records[df.options].get(str(part.get(df.fieldname)).casefold())
		if not record:
			missing.setdefault(doc_id, []).append((df.label, part.get(df.fieldname)))
			continue
		part.set(df.fieldname, record.name)
		for fetch in fetching:
			part.set_fetch_from_value(df.options, fetch, record)
	return missing


def write(docs):
	"""One INSERT per table for the documents, then what their insert does after: the tally, the
	focal points' assignments, the list views told."""
	insert_rows(
		RECOMMENDATION, [doc.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True) for doc in docs]
	)
	children: dict[str, list] = {}
	for doc in docs:
		for child in doc.get_all_children():
			children.setdefault(child.doctype, []).append(
				child.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True)
			)
	for doctype, rows in children.items():
		insert_rows(doctype, rows)
	tally.add_documents(docs)
	for doc in docs:
		if doc.responsible_institutions:
			assign_new_institutions(doc)
	frappe.publish_realtime("list_update", {"doctype": RECOMMENDATION, "name": None}, after_commit=True)
