"""The Recommendation Tally on a site (the counting rules are nmirf_app.core.tally): kept up to date
by each save, delete and direct status write of a recommendation, rebuilt from the recommendations
when something may have bypassed it (a renamed theme or mechanism, a bulk load, and nightly as a
safety net), and read by the whole-State reports and the portal.

The tally answers only a user who may read every recommendation, for filters on its own dimensions
(mechanism, UPR cycle, status); anyone else, or any other filter, is answered live."""

from collections import Counter
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.query_builder.functions import Cast, Coalesce, Sum
from frappe.utils import now

from nmirf_app.core.tally import RECOMMENDATIONS, UNTAGGED, contribution, difference
from nmirf_app.recommendations.report_filters import (
	FILTER_FIELDS,
	PERIOD_FILTERS,
	RECOMMENDATION,
	permission_condition,
)
from nmirf_app.recommendations.tags import TAG_TABLES
from nmirf_app.utils import insert_rows

# tag type (the tag DocType) -> the field counted: the reports' tag filters
TAG_FIELDS = {doctype: field for doctype, field in FILTER_FIELDS.values() if doctype != RECOMMENDATION}
# tag type -> Recommendation's table field
TABLE_FIELDS = {doctype: table_field for table_field, (doctype, _field) in TAG_TABLES.items()}
# the report filters the tally can answer (its dimensions on the recommendation)
DIMENSION_FILTERS = ("mechanism", "upr_cycle", "implementation_status")
RECORD_FIELDS = ("name", "mechanism", "upr_cycle", "implementation_status", "published")
# set while the tally may be wrong (after a rename, until the rebuild job has run)
OUTDATED_KEY = "nmirf_recommendation_tally_outdated"
REBUILD_JOB_ID = "nmirf-rebuild-recommendation-tally"
TALLY = "Recommendation Tally"
# the row's standard fields, its key (TallyKey's order) and its count
TALLY_COLUMNS = (
	"name",
	"creation",
	"modified",
	"owner",
	"modified_by",
	"mechanism",
	"upr_cycle",
	"implementation_status",
	"published",
	"tag_type",
	"tag",
	"recommendations",
)


def of_document(recommendation) -> Counter:
	return contribution(
		{field: recommendation.get(field) for field in RECORD_FIELDS},
		{
			doctype: [row.get(field) for row in recommendation.get(TABLE_FIELDS[doctype])]
			for doctype, field in TAG_FIELDS.items()
		},
	)


def of_stored(names, for_update: bool = False) -> Counter:
	"""What these recommendations, as stored, add to the tally (one query per table). for_update
	reads them as last committed and locks them until the transaction ends."""
	counts = Counter()
	if not names:
		return counts
	table = frappe.qb.DocType(RECOMMENDATION)
	query = frappe.qb.from_(table).select(*RECORD_FIELDS).where(table.name.isin(list(names)))
	records = (query.for_update() if for_update else query).run(as_dict=True)
	tags = {record.name: {doctype: [] for doctype in TAG_FIELDS} for record in records}
	for doctype, field in TAG_FIELDS.items():
		tag = frappe.qb.DocType(doctype)
		query = (
			frappe.qb.from_(tag)
			.select(tag.parent, tag[field])
			.where((tag.parent.isin(list(names))) & (tag.parenttype == RECOMMENDATION))
		)
		# the tags locked too: under REPEATABLE READ a plain read would see the transaction's
		# snapshot, which may be older than the recommendation just locked
		for parent, value in (query.for_update() if for_update else query).run():
			if parent in tags:  # else deleted between the two reads, or an orphan row: counts nothing
				tags[parent][doctype].append(value)
	for record in records:
		counts.update(contribution(record, tags[record.name]))
	return counts


def add(change: dict):
	"""Add counts to the tally, in the transaction of the change they count (a failed save or an
	import row rolled back to its savepoint takes its counts with it). Rows are written in name
	order, so two saves lock them in the same order."""
	if not change:
		return
	timestamp, user = now(), frappe.session.user
	rows = sorted((key.name, timestamp, timestamp, user, user, *key, count) for key, count in change.items())
	insert_rows(
		TALLY,
		[dict(zip(TALLY_COLUMNS, row, strict=True)) for row in rows],
		on_duplicate_key_update="""recommendations = recommendations + values(recommendations),
			modified = values(modified), modified_by = values(modified_by)""",
	)


def add_documents(recommendations):
	"""Add new recommendations, all at once (an import batch writes them without saving each)."""
	counts = Counter()
	for recommendation in recommendations:
		counts.update(of_document(recommendation))
	add(counts)


def recommendation_saved(doc, method=None):
	"""doc_events on_update of Recommendation: Frappe has loaded the stored version before the save."""
	before = doc.get_doc_before_save()
	add(difference(of_document(before) if before else {}, of_document(doc)))


def recommendation_deleted(doc, method=None):
	"""doc_events after_delete of Recommendation."""
	add(difference(of_document(doc), {}))


@contextmanager
def written_directly(names):
	"""Around writes that skip the recommendation's save (frappe.db.set_value of a derived status):
	counts the recommendations as stored before and after, and adds the difference."""
	names = list(names)
	# Locked and read as last committed: two approvals moving the same recommendations at once
	# (the load test's deadline rush) each counted the move from the state both had read, so the
	# tally counted it twice; the second now waits for the first and starts from its result.
	before = of_stored(names, for_update=True)
	yield
	add(difference(before, of_stored(names)))


def is_current() -> bool:
	return not frappe.db.get_default(OUTDATED_KEY)


def rebuild():
	"""Count every recommendation afresh (seconds at UHRI's size: a background job, or a patch).
	The names are the same md5 of the key as TallyKey.name."""
	frappe.db.delete(TALLY)
	dimensions = """ifnull(r.mechanism, ''), ifnull(r.upr_cycle, 0), ifnull(r.implementation_status, ''),
		ifnull(r.published, 0)"""
	timestamp, user = now(), frappe.session.user

	# SQL text: one INSERT … SELECT per kind of tag, naming each group by md5(concat_ws()) in MariaDB
	def insert(tag_type, tag, count, source, condition=""):
		frappe.db.sql(
			f"""insert into `tabRecommendation Tally` ({", ".join(TALLY_COLUMNS)})
			select md5(concat_ws(char(31 using utf8mb4), {dimensions}, %(tag_type)s, {tag})),
				%(now)s, %(now)s, %(user)s, %(user)s, {dimensions}, %(tag_type)s, {tag}, {count}
			from {source} {condition}
			group by {dimensions}, {tag}""",
			{"tag_type": tag_type, "now": timestamp, "user": user},
		)

	insert(RECOMMENDATIONS, "''", "count(*)", "`tabRecommendation` r")
	for doctype, field in TAG_FIELDS.items():
		tagged = (
			f"""t.parent = r.name and t.parenttype = 'Recommendation' and ifnull(t.`{field}`, '') != ''"""
		)
		insert(
			doctype,
			f"t.`{field}`",
			"count(distinct r.name)",  # two targets of one SDG goal count their recommendation once
			f"`tabRecommendation` r join `tab{doctype}` t on {tagged}",
		)
		insert(
			doctype,
			f"'{UNTAGGED}'",
			"count(*)",
			"`tabRecommendation` r",
			f"where not exists (select 1 from `tab{doctype}` t where {tagged})",
		)
	frappe.db.set_default(OUTDATED_KEY, None)


def differences_from_a_recount() -> list[str]:
	"""The tally rows (by name) whose count differs from counting every recommendation afresh; the
	recount itself is undone, so the tally is left as it was."""

	def stored() -> dict:
		table = frappe.qb.DocType(TALLY)
		query = frappe.qb.from_(table).select(table.name, table.recommendations)
		return dict(query.where(table.recommendations != 0).run())

	before = stored()
	frappe.db.savepoint("nmirf_tally_recount")
	try:
		rebuild()
		recounted = stored()
	finally:
		frappe.db.rollback(save_point="nmirf_tally_recount")
	return sorted(key for key in before.keys() | recounted.keys() if before.get(key) != recounted.get(key))


def rebuild_later(*args, **kwargs):
	"""After a mechanism, theme, group, SDG goal or institution is renamed (Frappe rewrites the links
	in the recommendations, not the tally): answer live until the tally is counted again."""
	frappe.db.set_default(OUTDATED_KEY, "1")
	frappe.enqueue(
		"nmirf_app.recommendations.tally.rebuild",
		queue="long",
		job_id=REBUILD_JOB_ID,
		deduplicate=True,
		enqueue_after_commit=True,
	)


def answers(filters: dict, user: str | None = None) -> bool:
	"""Whether the tally can answer these report filters for this user (exactly as the live query
	would): someone who may read every recommendation, filtering on the tally's dimensions only."""
	asked = {
		key for key, value in filters.items() if value and (key in FILTER_FIELDS or key in PERIOD_FILTERS)
	}
	return asked <= set(DIMENSION_FILTERS) and not permission_condition(user) and is_current()


def published_count(filters: dict) -> int | None:
	"""How many published recommendations match the portal's filters, read from the tally when it
	can tell: filters on its dimensions and at most one tag (a theme, a group, an SDG goal or an
	institution). None for anything else (words, years, an SDG target, two tags), counted live."""
	asked = {key: value for key, value in filters.items() if value}
	tags = {
		key: value
		for key, value in asked.items()
		if FILTER_FIELDS.get(key, (RECOMMENDATION,))[0] != RECOMMENDATION
	}
	if set(asked) - set(tags) - set(DIMENSION_FILTERS) or len(tags) > 1 or not is_current():
		return None
	((tag_key, tag),) = tags.items() or ((None, UNTAGGED),)
	table = frappe.qb.DocType(TALLY)
	query = (
		frappe.qb.from_(table)
		.select(Coalesce(Sum(table.recommendations), 0))
		.where(table.tag_type == (FILTER_FIELDS[tag_key][0] if tag_key else RECOMMENDATIONS))
		.where((table.tag == tag) & (table.published == 1))
	)
	for key in DIMENSION_FILTERS:
		if key in asked:
			query = query.where(table[key] == asked[key])
	return int(query.run()[0][0])


def grouped_counts(group_field: str, filters: dict, tag_type: str = RECOMMENDATIONS, with_untagged=True):
	"""Recommendations per group and status, as the reports count them live: `group_field` is a
	dimension of the recommendation (tag_type RECOMMENDATIONS) or "tag" (the tags of tag_type, the
	untagged as a group of their own unless with_untagged is false)."""
	if group_field not in (*DIMENSION_FILTERS, "tag"):
		frappe.throw(_("The tally cannot be grouped by {0}.").format(group_field))
	table = frappe.qb.DocType(TALLY)
	counted = Cast(Sum(table.recommendations), "signed")
	query = (
		frappe.qb.from_(table)
		.select(table[group_field].as_("grp"), table.implementation_status.as_("status"))
		.select(counted.as_("recommendations"))
		.where((table.tag_type == tag_type) & (table.recommendations != 0))
		.groupby(table[group_field], table.implementation_status)
		.having(counted > 0)
	)
	for key in DIMENSION_FILTERS:
		if filters.get(key):
			query = query.where(table[key] == filters[key])
	if filters.get("published"):
		query = query.where(table.published == 1)
	if not with_untagged:
		query = query.where(table.tag != "")
	return query.run(as_dict=True)
