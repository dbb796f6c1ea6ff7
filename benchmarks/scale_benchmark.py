"""Scale benchmark: a site the size of the whole UHRI, and how fast the everyday reads answer.

Run with the bench's Python from its `sites` folder (it is not a test and prints figures):

	cd /srv/frappe-bench/sites
	../env/bin/python /path/to/nmirf_app/benchmarks/scale_benchmark.py --site nmirf-bench.localhost

It fills the site (once; a second run reuses the data) with 250,000 recommendations tagged like
UHRI's (themes, groups, SDG targets, responsible institutions), 2,000 institutions, 20,000 actions
and 50,000 approved progress updates, written with bulk inserts (the importer's speed is measured by
import_benchmark.py). Then, as the secretariat and as a focal point (whose permission conditions
apply), it times the recommendation list, a filtered list, a Report Builder group-by, the main
reports and the portal list: the median of several runs each, first without the app's extra
indexes and without the Recommendation Tally ("before"), then with them ("after"); and what keeping
the tally adds to saving a recommendation.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from unittest.mock import patch

import frappe

from nmirf_app.core.references import natural_sort_key

BENCH_PREFIX = "BENCH"
STATUSES = ("Not assessed", "Not started", "In progress", "Partially implemented", "Fully implemented")
MECHANISMS = (
	("UPR", 0.7),
	("CRC", 0.06),
	("CEDAW", 0.06),
	("CAT", 0.04),
	("CCPR", 0.05),
	("CESCR", 0.04),
	("CERD", 0.03),
	("CRPD", 0.02),
)
# The one-column indexes the app adds (search_index in the doctypes); dropped for the "before"
# figures together with its composite indexes (nmirf_app.recommendations.indexes).
SEARCH_INDEXES = {
	"tabRecommendation": (
		"mechanism",
		"implementation_status",
		"published",
		"lead_institution",
		"document_date",
		"cluster",
	),
	"tabRecommendation Theme": ("theme",),
	"tabRecommendation SDG Target": ("sdg_goal",),
	"tabRecommendation Institution": ("institution",),
	"tabAction Recommendation": ("recommendation",),
	"tabProgress Update": ("recommendation", "implementation_action", "institution"),
}


def main():
	parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
	parser.add_argument("--site", required=True)
	parser.add_argument("--recommendations", type=int, default=250_000)
	parser.add_argument("--institutions", type=int, default=2_000)
	parser.add_argument("--actions", type=int, default=20_000)
	parser.add_argument("--updates", type=int, default=50_000)
	parser.add_argument("--runs", type=int, default=5)
	parser.add_argument("--before-runs", type=int, default=1, help="runs without the indexes (they are slow)")
	parser.add_argument(
		"--cap", type=int, default=30, help="seconds after which a query without indexes is stopped"
	)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		started = time.perf_counter()
		generate(args)
		print(
			f"data ready in {time.perf_counter() - started:.0f} s: "
			+ ", ".join(
				f"{frappe.db.count(dt):,} {dt}"
				for dt in ("Recommendation", "Institution", "Implementation Action", "Progress Update")
			),
			flush=True,
		)
		users = people()
		count_tally()
		drop_app_indexes()
		# "before": counted live, as every query was before the tally
		with patch("nmirf_app.recommendations.tally.is_current", return_value=False):
			before = measure(users, args.before_runs, cap_seconds=args.cap)
		add_app_indexes()
		after = measure(users, args.runs)
		print_table(before, after)
		time_saves(users["secretariat"], args.runs)
	finally:
		frappe.destroy()


def generate(args):
	rng = random.Random(2026)
	institutions = [f"{BENCH_PREFIX} Institution {number:04d}" for number in range(args.institutions)]
	existing = set(
		frappe.get_all("Institution", filters={"name": ("like", f"{BENCH_PREFIX}%")}, pluck="name")
	)
	rows = [(*base(name), name, "Ministry", 1, 1) for name in institutions if name not in existing]
	bulk("Institution", ("institution_name", "institution_type", "is_state_body", "is_active"), rows)

	have = frappe.db.count("Recommendation", {"name": ("like", f"{BENCH_PREFIX}-%")})
	themes = frappe.get_all("Human Rights Theme", pluck="name")
	groups = frappe.get_all("Affected Group", pluck="name")
	targets = frappe.get_all("SDG Target", fields=["name", "sdg_goal"])
	mechanisms, weights = zip(*MECHANISMS, strict=True)
	recs, inst_rows, theme_rows, group_rows, sdg_rows = [], [], [], [], []
	for number in range(have, args.recommendations):
		name = f"{BENCH_PREFIX}-{number:06d}"
		mechanism = rng.choices(mechanisms, weights)[0]
		lead = rng.choice(institutions)
		day = date(2008, 1, 1) + timedelta(days=rng.randrange(6500))
		text = f"{number}. The State should adopt measure {number} on {rng.choice(themes)}."
		status = rng.choice(STATUSES)
		recs.append(
			(
				*base(name),
				text[:140],
				text,
				mechanism,
				f"{mechanism}/BENCH/{day.year}",
				str(number % 200),
				day,
				day.year,
				status,
				int(rng.random() < 0.7),
				lead,
				f"bench:{name}",
				natural_sort_key(name),
			)
		)
		inst_rows.append((*child(name, "responsible_institutions", 1), lead, "Lead", "Accepted"))
		if rng.random() < 0.4:
			inst_rows.append(
				(
					*child(name, "responsible_institutions", 2),
					rng.choice(institutions),
					"Supporting",
					"Assigned",
				)
			)
		for index, theme in enumerate(rng.sample(themes, rng.randint(1, 3)), 1):
			theme_rows.append((*child(name, "themes", index), theme))
		for index, group in enumerate(rng.sample(groups, rng.randint(0, 2)), 1):
			group_rows.append((*child(name, "affected_groups", index), group))
		for index, target in enumerate(rng.sample(targets, rng.randint(0, 2)), 1):
			sdg_rows.append((*child(name, "sdg_targets", index), target.name, target.sdg_goal))
		if len(recs) == 10_000:
			flush_recommendations(recs, inst_rows, theme_rows, group_rows, sdg_rows)
			print(f"  recommendations: {number + 1:,}", flush=True)
	flush_recommendations(recs, inst_rows, theme_rows, group_rows, sdg_rows)

	have = frappe.db.count("Implementation Action", {"name": ("like", f"{BENCH_PREFIX}-%")})
	actions, links = [], []
	for number in range(have, args.actions):
		name = f"{BENCH_PREFIX}-ACT-{number:05d}"
		end = date(2024, 1, 1) + timedelta(days=rng.randrange(1500))
		actions.append(
			(
				*base(name),
				f"Action {number}",
				rng.choice(institutions),
				rng.choice(("Planned", "In progress", "Completed")),
				end - timedelta(days=400),
				end,
			)
		)
		for index in range(1, rng.randint(1, 3) + 1):
			links.append(
				(
					*child(name, "recommendations", index, "Implementation Action"),
					f"{BENCH_PREFIX}-{rng.randrange(args.recommendations):06d}",
				)
			)
	bulk(
		"Implementation Action",
		("action_title", "lead_institution", "status", "start_date", "end_date"),
		actions,
	)
	bulk("Action Recommendation", ("recommendation",), links)

	have = frappe.db.count("Progress Update", {"name": ("like", f"{BENCH_PREFIX}-%")})
	updates = []
	for number in range(have, args.updates):
		name = f"{BENCH_PREFIX}-PU-{number:05d}"
		approved = date(2023, 1, 1) + timedelta(days=rng.randrange(1400))
		on_action = rng.random() < 0.5
		updates.append(
			(
				*base(name, docstatus=1),
				rng.choice(institutions),
				f"{BENCH_PREFIX}-ACT-{rng.randrange(args.actions):05d}" if on_action else None,
				None if on_action else f"{BENCH_PREFIX}-{rng.randrange(args.recommendations):06d}",
				"In progress",
				f"<p>Progress {number}</p>",
				"Approved",
				approved,
				int(rng.random() < 0.5),
			)
		)
	bulk(
		"Progress Update",
		(
			"institution",
			"implementation_action",
			"recommendation",
			"reported_status",
			"summary",
			"workflow_state",
			"approved_on",
			"published",
		),
		updates,
	)
	frappe.db.commit()


def flush_recommendations(recs, inst_rows, theme_rows, group_rows, sdg_rows):
	bulk(
		"Recommendation",
		(
			"title",
			"recommendation_text",
			"mechanism",
			"document_symbol",
			"paragraph",
			"document_date",
			"year",
			"implementation_status",
			"published",
			"lead_institution",
			"dedupe_key",
			"reference_sort_key",
		),
		recs,
	)
	bulk("Recommendation Institution", ("institution", "role", "assignment_status"), inst_rows)
	bulk("Recommendation Theme", ("theme",), theme_rows)
	bulk("Recommendation Affected Group", ("affected_group",), group_rows)
	bulk("Recommendation SDG Target", ("sdg_target", "sdg_goal"), sdg_rows)
	frappe.db.commit()
	for rows in (recs, inst_rows, theme_rows, group_rows, sdg_rows):
		rows.clear()


STANDARD = ("name", "creation", "modified", "owner", "modified_by", "docstatus", "idx")
CHILD = (
	"name",
	"creation",
	"modified",
	"owner",
	"modified_by",
	"docstatus",
	"idx",
	"parent",
	"parenttype",
	"parentfield",
)
NOW = "2026-11-23 00:00:00"


def base(name, docstatus=0):
	return (name, NOW, NOW, "Administrator", "Administrator", docstatus, 0)


def child(parent, parentfield, idx, parenttype="Recommendation"):
	return (
		frappe.generate_hash(length=12),
		NOW,
		NOW,
		"Administrator",
		"Administrator",
		0,
		idx,
		parent,
		parenttype,
		parentfield,
	)


def bulk(doctype, fields, rows):
	if not rows:
		return
	is_child = frappe.get_meta(doctype).istable
	frappe.db.bulk_insert(doctype, (CHILD if is_child else STANDARD) + tuple(fields), rows, chunk_size=5_000)


def people():
	"""The secretariat, and a focal point of one benchmark institution (a real user with a term)."""
	from nmirf_app.testing import make_focal_point, make_user

	secretariat = make_user("secretariat.bench", "NMIRF Secretariat")
	focal_point = make_user("fp.bench", "NMIRF Focal Point")
	make_focal_point(focal_point, f"{BENCH_PREFIX} Institution 0007", role_type="Alternate")
	frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
	frappe.db.commit()
	return {"secretariat": secretariat, "focal point": focal_point}


def count_tally():
	"""The bulk inserts bypass the tally (as a restore or a bulk SQL load would): count it afresh,
	as the nightly job does."""
	from nmirf_app.recommendations.tally import rebuild

	started = time.perf_counter()
	rebuild()
	frappe.db.commit()
	rows = frappe.db.count("Recommendation Tally")
	print(
		f"Recommendation Tally counted afresh in {time.perf_counter() - started:.1f} s: {rows:,} rows",
		flush=True,
	)


def time_saves(user, runs):
	"""What keeping the tally adds to a save: a recommendation's status changed through the form."""
	from nmirf_app.recommendations import tally

	names = frappe.get_all(
		"Recommendation", filters={"name": ("like", f"{BENCH_PREFIX}-%")}, limit=runs, pluck="name"
	)
	whole, tally_part = [], []
	real_add = tally.add

	def timed_add(change):
		started = time.perf_counter()
		real_add(change)
		tally_part.append(time.perf_counter() - started)

	frappe.set_user(user)
	try:
		with patch.object(tally, "add", timed_add):
			for name in names:
				doc = frappe.get_doc("Recommendation", name)
				doc.implementation_status = (
					"Fully implemented" if doc.implementation_status != "Fully implemented" else "In progress"
				)
				started = time.perf_counter()
				doc.save()
				whole.append(time.perf_counter() - started)
	finally:
		frappe.db.rollback()
		frappe.set_user("Administrator")
	print(
		f"\nsaving a recommendation (status changed, {len(whole)} saves): median {statistics.median(whole) * 1000:.0f} ms,"
		f" of which keeping the tally {statistics.median(tally_part) * 1000:.1f} ms"
	)


def queries():
	from nmirf_app.implementation.report.institution_scorecard.institution_scorecard import (
		execute as scorecard,
	)
	from nmirf_app.open_data.v1 import as_published
	from nmirf_app.portal import (
		CHOICES_CACHE_KEY,
		published_choices,
		published_recommendations,
		summaries,
		with_public_tags,
	)
	from nmirf_app.recommendations.report.gaps.gaps import execute as gaps
	from nmirf_app.recommendations.report.implementation_status.implementation_status import execute as status
	from nmirf_app.recommendations.report.sdg_coverage.sdg_coverage import execute as sdg

	theme = frappe.get_all("Human Rights Theme", limit=1, pluck="name")[0]
	fields = ["name", "title", "mechanism", "implementation_status", "lead_institution"]
	return {
		"list view (20 rows + count)": lambda: (
			frappe.get_list("Recommendation", fields=fields, order_by="modified desc", limit_page_length=20),
			frappe.get_list(
				"Recommendation", fields=["count(distinct `tabRecommendation`.name) as n"], order_by=None
			),
		),
		"filtered list (mechanism, status, theme)": lambda: frappe.get_list(
			"Recommendation",
			filters=[
				["mechanism", "=", "CRC"],
				["implementation_status", "=", "In progress"],
				["Recommendation Theme", "theme", "=", theme],
			],
			fields=fields,
			limit_page_length=20,
		),
		"Report Builder group-by status": lambda: frappe.get_list(
			"Recommendation",
			fields=["implementation_status", "count(*) as n"],
			group_by="implementation_status",
			order_by=None,
		),
		"report Implementation Status by mechanism": lambda: status({"group_by": "Mechanism"}),
		"report Implementation Status by theme": lambda: status({"group_by": "Theme"}),
		"report Implementation Status by SDG, UPR only": lambda: status(
			{"group_by": "SDG", "mechanism": "UPR"}
		),
		"report SDG Coverage": lambda: sdg({}),
		"report Gaps (no action)": lambda: gaps({"gap": "No action"}),
		"report Institution Scorecard": lambda: scorecard({}),
		"portal list (page 1)": lambda: published_recommendations({}),
		"portal list filtered (mechanism, SDG)": lambda: published_recommendations(
			{"mechanism": "UPR", "sdg_goal": "SDG 5"}
		),
		"portal list, page 50": lambda: published_recommendations({"page": 50}),
		"portal search by symbol and paragraph": lambda: published_recommendations(
			{"q": "CRC/BENCH/2015, para. 12"}
		),
		"portal search by words": lambda: published_recommendations({"q": "measure 12345"}),
		"portal summaries": summaries,
		"portal filter choices (not cached)": lambda: (
			frappe.cache.delete_value(CHOICES_CACHE_KEY),
			published_choices(),
		),
		# what nmirf_app.open_data.v1.recommendations does, without its per-address rate limit
		"portal open data API, 100 rows filtered (UPR, 5.2)": lambda: [
			as_published(row)
			for row in with_public_tags(
				published_recommendations({"mechanism": "UPR", "sdg_target": "5.2"}, page_length=100)["rows"]
			)
		],
	}


def measure(users, runs, cap_seconds=None):
	"""{(query, user): median seconds, or None when the query ran past the cap}."""
	# MariaDB stops a statement that runs longer than this (0 = no limit)
	frappe.db.sql(f"set session max_statement_time = {cap_seconds or 0}")
	results = {}
	for label, query in queries().items():
		for who, user in users.items():
			if label.startswith("portal"):
				who, user = "guest", "Guest"
				if (label, who) in results:
					continue
			timings = []
			for _ in range(runs):
				frappe.set_user(user)
				started = time.perf_counter()
				try:
					query()
				except Exception as error:  # the cap: MariaDB "Query execution was interrupted"
					if (
						"interrupted" not in str(error).lower()
						and "max_statement_time" not in str(error).lower()
					):
						raise
					timings = None
					break
				finally:
					frappe.set_user("Administrator")
				timings.append(time.perf_counter() - started)
			results[(label, who)] = statistics.median(timings) if timings else None
			shown = f"{results[(label, who)] * 1000:9.0f} ms" if timings else f"> {cap_seconds} s (stopped)"
			print(f"  {label:45} {who:12} {shown}", flush=True)
	frappe.db.sql("set session max_statement_time = 0")
	return results


def secondary_indexes(table):
	"""{index name: [columns]} of the table's secondary indexes."""
	columns_of = {}
	for row in frappe.db.sql(f"show index from `{table}`", as_dict=True):
		if row.Key_name != "PRIMARY":
			columns_of.setdefault(row.Key_name, []).append(row.Column_name)
	return columns_of


def drop_app_indexes():
	from nmirf_app.recommendations.indexes import COMPOSITE_INDEXES

	print("without the app's indexes:", flush=True)
	for table, columns in SEARCH_INDEXES.items():
		for key, indexed in secondary_indexes(table).items():
			if len(indexed) == 1 and indexed[0] in columns:
				frappe.db.sql_ddl(f"alter table `{table}` drop index `{key}`")
	for doctype, indexes in COMPOSITE_INDEXES.items():
		existing = secondary_indexes(f"tab{doctype}")
		for key, _columns in indexes:
			if key in existing:
				frappe.db.sql_ddl(f"alter table `tab{doctype}` drop index `{key}`")


def add_app_indexes():
	from nmirf_app.recommendations.indexes import COMPOSITE_INDEXES, add_composite_indexes

	print("with the app's indexes:", flush=True)
	for table, columns in SEARCH_INDEXES.items():
		indexed = {tuple(columns) for columns in secondary_indexes(table).values()}
		for column in columns:
			if (column,) not in indexed:
				frappe.db.sql_ddl(f"alter table `{table}` add index `{column}_index`(`{column}`)")
	for doctype in COMPOSITE_INDEXES:
		add_composite_indexes(doctype)


def print_table(before, after):
	buffer_pool = frappe.db.sql("select @@innodb_buffer_pool_size")[0][0] / 2**20
	print(
		"\nmedian response time (ms), before -> after the app's indexes and the Recommendation Tally"
		f" (InnoDB buffer pool {buffer_pool:,.0f} MB)"
	)
	print(f"{'query':45} {'user':12} {'before':>9} {'after':>9}")
	for key in before:
		shown = f"{before[key] * 1000:9.0f}" if before[key] is not None else "  stopped"
		print(f"{key[0]:45} {key[1]:12} {shown} {after[key] * 1000:9.0f}")


if __name__ == "__main__":
	sys.exit(main())
