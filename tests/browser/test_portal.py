"""The public portal for a guest: browse and filter the published recommendations (every control
labelled, usable on a phone), open one, and find nothing unpublished."""

import json

from conftest import ARTIFACTS, BASE_URL
from playwright.sync_api import expect


def test_guest_browses_filters_and_opens_a_recommendation(browser, admin_api):
	published = admin_api.get(
		f"{BASE_URL}/api/resource/Recommendation",
		params={
			"filters": json.dumps([["published", "=", 1], ["mechanism", "=", "CEDAW"]]),
			"fields": json.dumps(["name"]),
			"limit_page_length": 0,
		},
		timeout=30,
	).json()["data"]
	hidden = admin_api.get(
		f"{BASE_URL}/api/resource/Recommendation",
		params={
			"filters": json.dumps([["published", "=", 0]]),
			"fields": json.dumps(["name"]),
			"limit_page_length": 1,
		},
		timeout=30,
	).json()["data"][0]["name"]
	assert published, "the demo publishes CEDAW recommendations"

	phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
	page = phone.new_page()
	page.goto(f"{BASE_URL}/recommendations")
	for control in page.locator(".nmirf-filters select, .nmirf-filters input").all():
		control_id = control.get_attribute("id")
		assert control_id and page.locator(f"label[for='{control_id}']").count() == 1, (
			"every control has a label"
		)
	page.get_by_label("Mechanism").select_option("CEDAW")
	page.get_by_role("button", name="Show").click()
	expect(page.locator(".nmirf-count")).to_contain_text(f"{len(published)} published recommendations")
	page.screenshot(path=str(ARTIFACTS / "portal-list-phone.png"), full_page=True)

	first = page.locator(".nmirf-recommendation a").first
	name = first.inner_text()
	first.click()
	expect(page.locator("#recommendation-title")).to_have_text(name)
	expect(page.locator(".nmirf-status")).to_be_visible()
	page.screenshot(path=str(ARTIFACTS / "portal-recommendation-phone.png"), full_page=True)

	assert page.request.get(f"{BASE_URL}/recommendations/{hidden}").status == 404
	listing = page.request.get(f"{BASE_URL}/recommendations?q={hidden}").text()
	assert f">{hidden}<" not in listing
	download = page.request.get(
		f"{BASE_URL}/api/method/nmirf_app.portal.download?file_format=csv&mechanism=CEDAW"
	)
	assert download.status == 200 and hidden not in download.text()
	phone.close()
