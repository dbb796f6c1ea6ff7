"""User story: from a recommendation, the secretariat sees what was reported on it and plans an
action in one click, the recommendation and its lead institution already filled; a focal point
starts a progress update on it from the same form."""

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login, resource_rows
from playwright.sync_api import expect
from test_progress_update_approval import SECRETARIAT, demo_people


def reported_recommendation(admin_api):
	"""A recommendation with a progress update, led by an institution with an active main focal
	point, from the demo."""
	reported = {
		row["recommendation"]
		for row in resource_rows(admin_api, "Progress Update", fields=("recommendation",))
	}
	staffed = {
		row["institution"]
		for row in resource_rows(
			admin_api,
			"Focal Point",
			[["is_active", "=", 1], ["role_type", "=", "Main"]],
			fields=("institution",),
		)
	}
	return next(
		row
		for row in resource_rows(
			admin_api,
			"Recommendation",
			[["lead_institution", "is", "set"]],
			fields=("name", "lead_institution"),
		)
		if row["name"] in reported and row["lead_institution"] in staffed
	)


def test_the_secretariat_plans_an_action_from_a_recommendation(page, admin_api):
	recommendation = reported_recommendation(admin_api)
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation/{recommendation['name']}")
	connections = page.locator(".form-dashboard .document-link[data-doctype='Progress Update']")
	expect(connections).to_be_visible(timeout=30_000)
	expect(connections.locator(".count")).not_to_have_text("0")
	page.screenshot(path=str(ARTIFACTS / "recommendation-connections.png"), full_page=True)

	page.locator(".page-actions button").filter(has_text="New action").click()
	page.wait_for_url("**/app/implementation-action/new-implementation-action-*", timeout=30_000)
	lead = page.locator(".frappe-control[data-fieldname='lead_institution'] input")
	expect(lead).to_have_value(recommendation["lead_institution"])
	rows = page.locator(".frappe-control[data-fieldname='recommendations'] .grid-body .grid-row")
	expect(rows).to_have_count(1)
	expect(rows.first).to_contain_text(recommendation["name"])
	page.locator(".frappe-control[data-fieldname='action_title'] input").fill(
		"Browser test: action planned from its recommendation"
	)
	# the dates through the form (typing them depends on the user's date format)
	page.evaluate("cur_frm.set_value({start_date: '2027-01-01', end_date: '2027-12-31'})")
	page.keyboard.press("Control+s")
	page.wait_for_url("**/app/implementation-action/ACT-*", timeout=30_000)
	action = page.url.rsplit("/", 1)[-1]

	page.goto(f"{BASE_URL}/app/recommendation/{recommendation['name']}")
	page.locator(".page-actions button").filter(has_text="Actions").first.click()
	expect(page.locator(".list-row-container").filter(has_text=action)).to_be_visible(timeout=30_000)
	admin_api.delete(f"{BASE_URL}/api/resource/Implementation Action/{action}", timeout=30)


def test_a_focal_point_starts_a_progress_update_from_the_recommendation(page, admin_api):
	recommendation = reported_recommendation(admin_api)
	focal_point, _validator = demo_people(admin_api, recommendation["lead_institution"])
	login(page, focal_point, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation/{recommendation['name']}")
	expect(page.locator(".page-actions button").filter(has_text="New action")).to_have_count(0)
	page.locator(".page-actions button").filter(has_text="New progress update").click()
	page.wait_for_url("**/app/progress-update/new*", timeout=30_000)
	# the link shows the recommendation's title; the form holds its reference
	page.wait_for_function(
		"name => window.cur_frm && cur_frm.doc.recommendation === name",
		arg=recommendation["name"],
		timeout=30_000,
	)
	expect(page.locator(".frappe-control[data-fieldname='institution'] input")).to_have_value(
		recommendation["lead_institution"], timeout=30_000
	)
	page.screenshot(path=str(ARTIFACTS / "progress-update-from-recommendation.png"), full_page=True)


def test_the_form_says_where_the_recommendation_stands_and_links_each_step(page, admin_api):
	[update] = resource_rows(
		admin_api,
		"Progress Update",
		[["workflow_state", "=", "Approved"], ["recommendation", "is", "set"]],
		fields=("name", "recommendation", "institution"),
		order_by="approved_on desc",
		limit_page_length=1,
	)
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation/{update['recommendation']}")
	history = page.locator(".nmirf-history")
	expect(history.locator(".nmirf-history-latest")).to_contain_text("Latest approved report", timeout=30_000)
	expect(history.locator(".nmirf-history-latest")).to_contain_text(update["institution"])
	entry = history.locator(".nmirf-history-entry", has=page.locator(f"a[href$='/{update['name']}']"))
	expect(entry).to_contain_text("Approved")
	history.scroll_into_view_if_needed()
	page.screenshot(path=str(ARTIFACTS / "recommendation-history.png"))
	entry.locator("a").click()
	page.wait_for_url(f"**/app/progress-update/{update['name']}", timeout=30_000)
