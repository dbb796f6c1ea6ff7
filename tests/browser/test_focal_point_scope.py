"""User story: a ministry's focal point signs in and sees only what their institution is
responsible for — in the desk list, when guessing another record's URL, and over the REST API."""

import re

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect


def active_main_focal_point(admin_api):
	rows = resource_rows(
		admin_api,
		"Focal Point",
		# demo people only: integration tests that commit leave users without the demo password
		[["is_active", "=", 1], ["role_type", "=", "Main"], ["user", "like", "%@demo.nmirf.example"]],
		fields=("user", "institution"),
		order_by="institution asc",
	)
	assert rows, "the demo has active main focal points"
	return rows[0]["user"], rows[0]["institution"]


def recommendation_names(api, filters=()):
	return {row["name"] for row in resource_rows(api, "Recommendation", filters)}


def test_focal_point_sees_only_their_institutions_recommendations(page, admin_api):
	user, institution = active_main_focal_point(admin_api)
	theirs = recommendation_names(
		admin_api, [["Recommendation Institution", "institution", "=", institution]]
	)
	everything = recommendation_names(admin_api)
	others = everything - theirs
	assert theirs and others, "the demo spreads recommendations over several institutions"

	login(page, user, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation?implementation_status=")
	page.wait_for_selector(".list-row-container", timeout=30_000)
	# the count reads "Refreshing..." until the list has loaded, then e.g. "20 of 41"
	expect(page.locator(".list-count")).to_have_text(re.compile(rf"\bof {len(theirs)}$"), timeout=30_000)
	listed = set(
		page.eval_on_selector_all(".list-row-container [data-name]", "els => els.map(e => e.dataset.name)")
	)
	assert listed and listed <= theirs

	page.screenshot(path=str(ARTIFACTS / "focal-point-recommendation-list.png"), full_page=True)

	guessed = sorted(others)[0]
	page.goto(f"{BASE_URL}/app/recommendation/{guessed}")
	page.wait_for_selector(f"text=Insufficient Permission for Recommendation {guessed}", timeout=30_000)
	assert page.locator(".frappe-control[data-fieldname='recommendation_text']").count() == 0


def test_focal_point_rest_api_is_scoped_the_same_way(admin_api):
	user, institution = active_main_focal_point(admin_api)
	theirs = recommendation_names(
		admin_api, [["Recommendation Institution", "institution", "=", institution]]
	)
	others = recommendation_names(admin_api) - theirs
	focal_point_api = api_session(user, DEMO_PASSWORD)

	assert recommendation_names(focal_point_api) == theirs
	guessed = sorted(others)[0]
	response = focal_point_api.get(f"{BASE_URL}/api/resource/Recommendation/{guessed}", timeout=30)
	assert response.status_code == 403
	response = focal_point_api.put(
		f"{BASE_URL}/api/resource/Recommendation/{guessed}",
		json={"institution_notes": "guessing"},
		timeout=30,
	)
	assert response.status_code == 403
