"""Open data API, version 1: the published recommendations and their summaries as JSON, read-only,
without login, rate-limited per address — exactly what the public portal shows, through the same
functions (nmirf_app.portal), so an unpublished recommendation or field can never appear here.

    GET /api/method/nmirf_app.open_data.v1.recommendations?mechanism=CRC&q=birth&page=2
    GET /api/method/nmirf_app.open_data.v1.recommendation?reference=CRC-2024-8
    GET /api/method/nmirf_app.open_data.v1.summaries
    GET /api/method/nmirf_app.open_data.v1.filters

Each answer is {"message": {"version": 1, ...}}. The fields and filters are documented in the
README ("Open data API"); a field is never renamed or removed within version 1.
"""

import frappe
from frappe.rate_limiter import rate_limit
from frappe.utils import cint, get_url

from nmirf_app import portal

VERSION = 1
DEFAULT_PAGE_LENGTH = 20
MAX_PAGE_LENGTH = 100
REQUESTS_PER_MINUTE = 60  # per address, over all the endpoints
# field in the answer -> the recommendation's field or public tag (nmirf_app.portal)
FIELDS = {
	"reference": "name",
	"title": "title",
	"text": "recommendation_text",
	"mechanism": "mechanism",
	"document_symbol": "document_symbol",
	"paragraph": "paragraph",
	"document_date": "document_date",
	"upr_cycle": "upr_cycle",
	"recommending_states": "recommending_state",
	"position": "position",
	"implementation_status": "implementation_status",
	"lead_institution": "lead_institution",
	"responsible_institutions": "institution",
	"themes": "theme",
	"affected_groups": "affected_group",
	"sdg_targets": "sdg_target",
	"cluster": "cluster",
}


def as_published(row) -> dict:
	record = {field: row.get(source) for field, source in FIELDS.items()}
	record["document_date"] = str(record["document_date"]) if record["document_date"] else None
	record["url"] = get_url(f"/recommendations/{row['name']}")
	return record


@frappe.whitelist(allow_guest=True, methods=["GET"])
@rate_limit(limit=REQUESTS_PER_MINUTE, seconds=60)
@frappe.read_only()
def recommendations(page=1, page_length=DEFAULT_PAGE_LENGTH, **filters):
	"""One page of the published recommendations matching the portal's filters and search."""
	length = min(max(cint(page_length) or DEFAULT_PAGE_LENGTH, 1), MAX_PAGE_LENGTH)
	args = {key: filters.get(key) for key in portal.QUERY_KEYS}
	args["page"] = page
	result = portal.published_recommendations(args, page_length=length)
	return {
		"version": VERSION,
		"total": result["total"],
		"page": result["page"],
		"pages": result["pages"],
		"page_length": length,
		"data": [as_published(row) for row in portal.with_public_tags(result["rows"])],
	}


@frappe.whitelist(allow_guest=True, methods=["GET"])
@rate_limit(limit=REQUESTS_PER_MINUTE, seconds=60)
@frappe.read_only()
def recommendation(reference: str):
	"""One published recommendation with its published, approved progress; 404 otherwise."""
	row = portal.published_recommendation(reference)
	return {
		"version": VERSION,
		"data": {
			**as_published(row),
			"progress": [
				{
					"approved_on": str(item.approved_on) if item.approved_on else None,
					"institution": item.institution,
					"reported_status": item.reported_status,
					"summary": item.summary,
				}
				for item in row.progress
			],
		},
	}


@frappe.whitelist(allow_guest=True, methods=["GET"])
@rate_limit(limit=REQUESTS_PER_MINUTE, seconds=60)
@frappe.read_only()
def summaries():
	"""Published recommendations per mechanism and per SDG goal: total and fully implemented."""
	return {"version": VERSION, "data": portal.summaries()}


@frappe.whitelist(allow_guest=True, methods=["GET"])
@rate_limit(limit=REQUESTS_PER_MINUTE, seconds=60)
@frappe.read_only()
def filters():
	"""The values each filter takes among the published recommendations."""
	return {"version": VERSION, "data": portal.published_choices()}
