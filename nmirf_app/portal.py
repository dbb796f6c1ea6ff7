"""The public portal's data: only published recommendations, and of them only the fields meant for
the public (never internal notes, institution notes, assignment remarks or unpublished progress).
Every function checks that the NMIRF publishes at all (NMIRF Settings → Publish a public portal)."""

import frappe
from frappe import _, _lt
from frappe.query_builder.functions import Count
from frappe.rate_limiter import rate_limit
from frappe.utils import cint

from nmirf_app.core import translation
from nmirf_app.core.portal_search import PortalSearch, read_search
from nmirf_app.core.references import natural_key, natural_sort_key
from nmirf_app.core.status_rules import STATUSES
from nmirf_app.core.translation import LANGUAGE_PARAMETER, LANGUAGES
from nmirf_app.recommendations import tally
from nmirf_app.recommendations.report_filters import FILTER_FIELDS, RECOMMENDATION, filter_condition
from nmirf_app.recommendations.value_labels import value_labels

PAGE_LENGTH = 20
TAG_BATCH = 5000  # recommendations whose tags one query reads
# the choices of the filters are read from the published recommendations at most this often
CHOICES_SECONDS = 300
CHOICES_CACHE_KEY = "nmirf_portal_filter_choices"
FIRST_YEAR, LAST_YEAR = 1945, 2100  # a year outside is no filter
# Each download reads every matching published recommendation: one address gets this many per 10 minutes.
DOWNLOADS_PER_10_MINUTES = 30
PUBLIC_FIELDS = (
	"name",
	"title",
	"recommendation_text",
	"mechanism",
	"document_symbol",
	"paragraph",
	"document_date",
	"upr_cycle",
	"position",
	"implementation_status",
	"lead_institution",
	"cluster",
)
# published order: newest first, then by reference as people read it (CRC-2024-8 before CRC-2024-52)
PUBLISHED_ORDER = "`document_date` desc, `reference_sort_key` asc, `name` asc"
# What the portal lets a visitor filter on (a subset of the reports' filters, same meaning).
PORTAL_FILTERS = (
	"mechanism",
	"implementation_status",
	"upr_cycle",
	"theme",
	"affected_group",
	"sdg_goal",
	"sdg_target",
	"institution",
)
# everything a visitor's query string may say
QUERY_KEYS = (*PORTAL_FILTERS, "from_year", "to_year", "q")
# The tags a recommendation page lists: the reports' tag filters, key -> (child table, field)
TAG_TABLES = {key: table for key, table in FILTER_FIELDS.items() if table[0] != RECOMMENDATION}
SDG_TAGS = FILTER_FIELDS["sdg_goal"][0]
DOWNLOAD_COLUMNS = (
	("name", "Reference"),
	("mechanism", "Mechanism"),
	("document_symbol", "Document symbol"),
	("paragraph", "Paragraph"),
	("document_date", "Date"),
	("upr_cycle", "UPR cycle"),
	("recommendation_text", "Recommendation"),
	("recommending_state", "Recommending States"),
	("position", "Position"),
	("implementation_status", "Implementation status"),
	("lead_institution", "Lead institution"),
	("institution", "Responsible institutions"),
	("theme", "Themes"),
	("affected_group", "Affected groups"),
	("sdg_target", "SDG targets"),
	("cluster", "Cluster"),
)
# the tags each published recommendation is shown with (page, download, open data API):
# key -> (child table, field of the value, or the fields to take the first filled of); an SDG row
# naming the goal only gives the goal
PUBLIC_TAGS = {
	**{key: (child, field) for key, (child, field) in TAG_TABLES.items() if key != "sdg_goal"},
	# an SDG row names its target, or only its goal (as OHCHR's thematic lists do)
	"sdg_target": (SDG_TAGS, ("sdg_target", "sdg_goal")),
	"recommending_state": ("Recommendation Recommending State", "country"),
}


def require_portal():
	if not frappe.db.get_single_value("NMIRF Settings", "portal_enabled"):
		raise frappe.PageDoesNotExistError


def published_condition(args: dict) -> str:
	"""The SQL condition on `tabRecommendation` for the published recommendations matching the
	portal's query string (the reports' filters, an SDG target, a range of years, and a search); a
	literal % is doubled, so the query runs with a values dict."""
	conditions = ["`tabRecommendation`.`published` = 1"]
	filters = {key: args.get(key) for key in PORTAL_FILTERS if key in FILTER_FIELDS}
	for key, day, bound in (("from_year", "01-01", "from_date"), ("to_year", "12-31", "to_date")):
		if FIRST_YEAR <= cint(args.get(key)) <= LAST_YEAR:
			filters[bound] = f"{cint(args.get(key))}-{day}"
	if condition := filter_condition(filters):
		conditions.append(condition)
	if args.get("sdg_target"):
		conditions.append(
			f"""exists (select 1 from `tab{SDG_TAGS}` tag where tag.parent = `tabRecommendation`.`name`
			and tag.parenttype = 'Recommendation' and tag.sdg_target = {frappe.db.escape(args["sdg_target"], percent=False)})"""
		)
	if search := read_search(args.get("q")):
		conditions.append(search_condition(search))
	return " and ".join(conditions).replace("%", "%%")


def search_condition(search: PortalSearch) -> str:
	"""Every reading of the search (nmirf_app.core.portal_search): the words in the text, the
	reference, the document symbol (with its paragraph), the paragraph."""
	escape = lambda value: frappe.db.escape(value, percent=False)  # noqa: E731
	readings = [f"`tabRecommendation`.`recommendation_text` like {escape(f'%{search.text}%')}"]
	if search.reference:
		readings.append(f"`tabRecommendation`.`name` = {escape(search.reference)}")
	if search.symbol:
		symbol = f"`tabRecommendation`.`document_symbol` = {escape(search.symbol)}"
		readings.append(
			f"({symbol} and `tabRecommendation`.`paragraph` = {escape(search.paragraph)})"
			if search.paragraph
			else symbol
		)
	elif search.paragraph:
		readings.append(f"`tabRecommendation`.`paragraph` = {escape(search.paragraph)}")
	return f"({' or '.join(readings)})"


def _published_rows(args: dict, fields, limit: int | None = None, offset: int = 0) -> list[dict]:
	# SQL text, not frappe.qb: the conditions are the reports' own (report_filters.filter_condition)
	return frappe.db.sql(
		f"""select {", ".join(f"`{field}`" for field in fields)} from `tabRecommendation`
		where {published_condition(args)}
		order by {PUBLISHED_ORDER}"""
		+ (" limit %(limit)s offset %(offset)s" if limit else ""),
		{"limit": limit, "offset": offset},
		as_dict=True,
	)


def published_recommendations(args: dict, page_length: int | None = None) -> dict:
	"""One page of the published recommendations matching the query (PAGE_LENGTH a page unless
	told); `out_of_range` when the page asked for is past the last."""
	require_portal()
	page_length = page_length or PAGE_LENGTH
	page = max(cint(args.get("page")) or 1, 1)
	# at 250,000 recommendations a filtered count(*) reads them all: the tally answers most lists
	total = tally.published_count({key: args.get(key) for key in QUERY_KEYS})
	if total is None:
		total = frappe.db.sql(f"select count(*) from `tabRecommendation` where {published_condition(args)}")[
			0
		][0]
	pages = max((total + page_length - 1) // page_length, 1)
	rows = (
		_published_rows(args, PUBLIC_FIELDS, limit=page_length, offset=(page - 1) * page_length)
		if page <= pages
		else []
	)
	return {"rows": rows, "total": total, "page": page, "pages": pages, "out_of_range": page > pages}


def with_public_tags(rows: list[dict]) -> list[dict]:
	"""The rows with their public tags (themes, groups, SDG targets, institutions, recommending
	States), each a list in the recommendation's order: one query per kind of tag."""
	names = [row["name"] for row in rows]
	for key, (child, value) in PUBLIC_TAGS.items():
		tags: dict[str, list] = {}
		# a download holds every published recommendation: the names go in batches
		table = frappe.qb.DocType(child)
		fields = [table[field] for field in ((value,) if isinstance(value, str) else value)]
		for start in range(0, len(names), TAG_BATCH):
			for parent, *values in (
				frappe.qb.from_(table)
				.select(table.parent, *fields)
				.where(
					(table.parenttype == RECOMMENDATION) & table.parent.isin(names[start : start + TAG_BATCH])
				)
				.orderby(table.parent)
				.orderby(table.idx)
				.run()
			):
				if tag := next((value for value in values if value), None):
					tags.setdefault(parent, []).append(tag)
		for row in rows:
			row[key] = tags.get(row["name"], [])
	return rows


def _published_values(key: str) -> list:
	"""The values of one filter among the published recommendations: from the Recommendation Tally
	while it is current (a few thousand rows), else counted live; SDG targets always live (the
	tally counts goals)."""
	child, field = FILTER_FIELDS.get(key) or (SDG_TAGS, "sdg_target")
	if key in FILTER_FIELDS and tally.is_current():
		if child == RECOMMENDATION and key in tally.DIMENSION_FILTERS:
			rows = tally.grouped_counts(key, {"published": 1})
			return sorted({row.grp for row in rows if row.grp})
		if child != RECOMMENDATION:
			rows = tally.grouped_counts("tag", {"published": 1}, tag_type=child, with_untagged=False)
			return sorted({row.grp for row in rows if row.grp})
	if child == RECOMMENDATION:
		recommendation = frappe.qb.DocType(RECOMMENDATION)
		query = frappe.qb.from_(recommendation).select(recommendation[field])
	else:
		recommendation, tag = frappe.qb.DocType(RECOMMENDATION), frappe.qb.DocType(child)
		query = (
			frappe.qb.from_(tag)
			.join(recommendation)
			.on((recommendation.name == tag.parent) & (tag.parenttype == RECOMMENDATION))
			.select(tag[field])
		)
	values = query.where(recommendation.published == 1).distinct().run(pluck=True)
	return [value for value in values if value]  # no empty value, no UPR cycle 0


def published_choices() -> dict[str, list]:
	"""The values each filter can take among the published recommendations, so that nobody picks
	one that finds nothing; read at most every CHOICES_SECONDS."""
	require_portal()
	cached = frappe.cache.get_value(CHOICES_CACHE_KEY)
	if cached is not None:
		return cached
	choices = {}
	for key in PORTAL_FILTERS:
		choices[key] = sorted(
			_published_values(key),
			key=lambda value: (
				STATUSES.index(value) if value in STATUSES else len(STATUSES),
				natural_sort_key(str(value)),
			),
		)
	frappe.cache.set_value(CHOICES_CACHE_KEY, choices, expires_in_sec=CHOICES_SECONDS)
	return choices


# Frappe's own words on every portal page that Frappe leaves untranslated in the app's languages:
# listed here so that the app's PO files carry them (Frappe merges every app's translations).
FRAPPE_WORDS_ON_THE_PORTAL = (_lt("Built on {0}"),)


def published_recommendation(name: str) -> dict:
	"""One published recommendation with its tags and its published, approved progress."""
	require_portal()
	row = frappe.db.get_value(
		"Recommendation", {"name": name, "published": 1}, list(PUBLIC_FIELDS), as_dict=True
	)
	if not row:
		raise frappe.PageDoesNotExistError
	with_public_tags([row])
	row.labels = {key: value_labels(key, row[key]) for key in PUBLIC_TAGS}
	row.progress = frappe.get_all(
		"Progress Update",
		filters={"recommendation": name, "docstatus": 1, "published": 1},
		fields=["approved_on", "institution", "reported_status", "summary"],
		order_by="approved_on asc",
	)
	return row


def summaries() -> dict:
	"""Per mechanism and per SDG goal: published recommendations by status, from the Recommendation
	Tally (counted live while it is being rebuilt)."""
	require_portal()
	if tally.is_current():
		by_mechanism = tally.grouped_counts("mechanism", {"published": 1})
		by_goal = tally.grouped_counts("tag", {"published": 1}, tag_type=SDG_TAGS, with_untagged=False)
	else:
		recommendation, target = frappe.qb.DocType(RECOMMENDATION), frappe.qb.DocType(SDG_TAGS)
		by_mechanism = (
			frappe.qb.from_(recommendation)
			.select(recommendation.mechanism.as_("grp"), recommendation.implementation_status.as_("status"))
			.select(Count("*").as_("recommendations"))
			.where(recommendation.published == 1)
			.groupby(recommendation.mechanism, recommendation.implementation_status)
			.run(as_dict=True)
		)
		by_goal = (
			frappe.qb.from_(recommendation)
			.join(target)
			.on((target.parent == recommendation.name) & (target.parenttype == RECOMMENDATION))
			.select(target.sdg_goal.as_("grp"), recommendation.implementation_status.as_("status"))
			.select(Count(recommendation.name).distinct().as_("recommendations"))
			.where((recommendation.published == 1) & (target.sdg_goal.notnull()) & (target.sdg_goal != ""))
			.groupby(target.sdg_goal, recommendation.implementation_status)
			.run(as_dict=True)
		)
	summary = {"mechanism": _pivot(by_mechanism), "sdg": _pivot(by_goal)}
	for key, groups in (("mechanism", summary["mechanism"]), ("sdg_goal", summary["sdg"])):
		labels = value_labels(key, [group["group"] for group in groups])
		for group in groups:
			group["label"] = labels[str(group["group"])]
	return summary


def _pivot(rows) -> list[dict]:
	groups: dict = {}
	for row in rows:
		group = groups.setdefault(row.grp, {"group": row.grp, "total": 0, "implemented": 0})
		group["total"] += row.recommendations
		if row.status == "Fully implemented":
			group["implemented"] += row.recommendations
	return sorted(groups.values(), key=lambda group: natural_key(str(group["group"])))


@frappe.whitelist(allow_guest=True)
@rate_limit(limit=DOWNLOADS_PER_10_MINUTES, seconds=10 * 60)
def download(file_format: str = "csv", **args):
	"""What the portal shows, as CSV or Excel: the published recommendations matching the filters."""
	from frappe.desk.utils import provide_binary_file

	require_portal()
	if file_format not in ("csv", "xlsx"):
		frappe.throw(_("Format: csv or xlsx."))
	rows = with_public_tags(
		_published_rows(args, [field for field, _label in DOWNLOAD_COLUMNS if field not in PUBLIC_TAGS])
	)
	for row in rows:
		for key in PUBLIC_TAGS:
			row[key] = "; ".join(row[key])
	if file_format == "xlsx":
		from nmirf_app.core.implementation_matrix import MatrixColumn, write_matrix_xlsx

		columns = tuple(
			MatrixColumn(label, field, 60 if field == "recommendation_text" else 18)
			for field, label in DOWNLOAD_COLUMNS
		)
		content = write_matrix_xlsx(rows, title=_("Published recommendations"), columns=columns)
	else:
		from nmirf_app.core.spreadsheet import write_csv

		content = write_csv(
			[label for _field, label in DOWNLOAD_COLUMNS],
			([row[field] for field, _label in DOWNLOAD_COLUMNS] for row in rows),
		)
	provide_binary_file(_("published-recommendations"), file_format, content)


def remember_the_visitors_language():
	"""before_request hook: a visitor who picks a language on the portal (`?_lang=fr`) keeps it on
	the next pages and the web form. Frappe reads the `preferred_language` cookie for guests; signed-in
	users keep the language of their own settings."""
	chosen = frappe.form_dict.get(LANGUAGE_PARAMETER)
	if frappe.session.user == "Guest" and chosen in LANGUAGES:
		frappe.local.cookie_manager.set_cookie("preferred_language", chosen)


def nmirf_language_links() -> list[dict]:
	"""Jinja method: this portal page in each of the app's languages, for the language switch."""
	request = frappe.local.request
	return translation.language_links(request.path, request.args.items(multi=True), frappe.local.lang)
