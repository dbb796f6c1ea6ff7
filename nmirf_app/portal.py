"""The public portal's data: only published recommendations, and of them only the fields meant for
the public (never internal notes, institution notes, assignment remarks or unpublished progress).
Every function checks that the NMIRF publishes at all (NMIRF Settings → Publish a public portal)."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint

from nmirf_app.recommendations import tally
from nmirf_app.recommendations.report_filters import FILTER_FIELDS, RECOMMENDATION, filter_condition

PAGE_LENGTH = 20
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
# What the portal lets a visitor filter on (a subset of the reports' filters, same meaning).
PORTAL_FILTERS = (
	"mechanism",
	"implementation_status",
	"upr_cycle",
	"theme",
	"affected_group",
	"sdg_goal",
	"institution",
)
# The tags a recommendation page lists: the reports' tag filters, key -> (child table, field)
TAG_TABLES = {key: table for key, table in FILTER_FIELDS.items() if table[0] != RECOMMENDATION}
SDG_TAGS = FILTER_FIELDS["sdg_goal"][0]
DOWNLOAD_COLUMNS = (
	("name", "Reference"),
	("mechanism", "Mechanism"),
	("document_symbol", "Document symbol"),
	("paragraph", "Paragraph"),
	("document_date", "Date"),
	("recommendation_text", "Recommendation"),
	("position", "Position"),
	("implementation_status", "Implementation status"),
	("lead_institution", "Lead institution"),
)


def require_portal():
	if not frappe.db.get_single_value("NMIRF Settings", "portal_enabled"):
		raise frappe.PageDoesNotExistError


def published_condition(args: dict) -> str:
	"""The SQL condition on `tabRecommendation` for the published recommendations matching the
	portal's query string (the reports' filters, and a text search); a literal % is doubled, so the
	query runs with a values dict."""
	conditions = ["`tabRecommendation`.`published` = 1"]
	if condition := filter_condition({key: args.get(key) for key in PORTAL_FILTERS}):
		conditions.append(condition)
	search = (args.get("q") or "").strip()
	if search:
		conditions.append(
			f"`tabRecommendation`.`recommendation_text` like {frappe.db.escape(f'%{search}%', percent=False)}"
		)
	return " and ".join(conditions).replace("%", "%%")


def _published_rows(args: dict, fields, limit: str = "") -> list[dict]:
	return frappe.db.sql(
		f"""select {", ".join(f"`{field}`" for field in fields)} from `tabRecommendation`
		where {published_condition(args)}
		order by `document_date` desc, `name` asc {limit}""",
		{},
		as_dict=True,
	)


def published_recommendations(args: dict) -> dict:
	require_portal()
	page = max(cint(args.get("page")) or 1, 1)
	rows = _published_rows(args, PUBLIC_FIELDS, f"limit {PAGE_LENGTH} offset {(page - 1) * PAGE_LENGTH}")
	total = frappe.db.sql(f"select count(*) from `tabRecommendation` where {published_condition(args)}", {})[
		0
	][0]
	return {
		"rows": rows,
		"total": total,
		"page": page,
		"pages": max((total + PAGE_LENGTH - 1) // PAGE_LENGTH, 1),
	}


def published_recommendation(name: str) -> dict:
	"""One published recommendation with its tags and its published, approved progress."""
	require_portal()
	row = frappe.db.get_value(
		"Recommendation", {"name": name, "published": 1}, list(PUBLIC_FIELDS), as_dict=True
	)
	if not row:
		raise frappe.PageDoesNotExistError
	for key, (child, field) in {
		**TAG_TABLES,
		"recommending_state": ("Recommendation Recommending State", "country"),
	}.items():
		row[key] = frappe.get_all(
			child, filters={"parent": name, "parenttype": "Recommendation"}, pluck=field, order_by="idx asc"
		)
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
		by_mechanism = frappe.db.sql(
			"""select mechanism as grp, implementation_status as status, count(*) as recommendations
			from `tabRecommendation` where published = 1 group by mechanism, implementation_status""",
			as_dict=True,
		)
		by_goal = frappe.db.sql(
			"""select t.sdg_goal as grp, r.implementation_status as status,
				count(distinct r.name) as recommendations
			from `tabRecommendation` r join `tabRecommendation SDG Target` t
				on t.parent = r.name and t.parenttype = 'Recommendation'
			where r.published = 1 and ifnull(t.sdg_goal, '') != ''
			group by t.sdg_goal, r.implementation_status""",
			as_dict=True,
		)
	return {"mechanism": _pivot(by_mechanism), "sdg": _pivot(by_goal)}


def _pivot(rows) -> list[dict]:
	groups: dict = {}
	for row in rows:
		group = groups.setdefault(row.grp, {"group": row.grp, "total": 0, "implemented": 0})
		group["total"] += row.recommendations
		if row.status == "Fully implemented":
			group["implemented"] += row.recommendations
	from nmirf_app.core.report_compilation import natural_key

	return sorted(groups.values(), key=lambda group: natural_key(str(group["group"])))


@frappe.whitelist(allow_guest=True)
@rate_limit(limit=DOWNLOADS_PER_10_MINUTES, seconds=10 * 60)
def download(file_format: str = "csv", **args):
	"""What the portal shows, as CSV or Excel: the published recommendations matching the filters."""
	from frappe.desk.utils import provide_binary_file

	require_portal()
	if file_format not in ("csv", "xlsx"):
		frappe.throw(_("Format: csv or xlsx."))
	rows = _published_rows(args, [field for field, _label in DOWNLOAD_COLUMNS])
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
