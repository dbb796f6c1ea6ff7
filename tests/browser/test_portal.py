"""The public portal for a guest: browse and filter the published recommendations (every control
labelled, usable on a phone), open one, and find nothing unpublished."""

import json

from helpers import ARTIFACTS, BASE_URL, resource_rows
from playwright.sync_api import expect


def test_guest_browses_filters_and_opens_a_recommendation(browser, admin_api):
	published = resource_rows(
		admin_api, "Recommendation", [["published", "=", 1], ["mechanism", "=", "CEDAW"]]
	)
	hidden = resource_rows(admin_api, "Recommendation", [["published", "=", 0]], limit_page_length=1)[0][
		"name"
	]
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


def test_portal_speaks_the_visitors_language_and_reads_right_to_left_in_arabic(browser):
	for locale, direction in (("ar", "rtl"), ("fr", None), ("es", None)):
		context = browser.new_context(locale=locale, extra_http_headers={"Accept-Language": locale})
		page = context.new_page()
		page.goto(f"{BASE_URL}/recommendations")
		main = page.locator(".nmirf-portal")
		assert main.get_attribute("dir") == direction
		english = "Recommendations to the State and what it did"
		assert page.locator("#portal-title").inner_text() != english, f"the {locale} title is translated"
		page.screenshot(path=str(ARTIFACTS / f"portal-list-{locale}.png"), full_page=True)
		context.close()


def test_a_visitor_picks_a_language_and_keeps_it_from_page_to_page_and_on_the_form(browser):
	context = browser.new_context(locale="en-GB", extra_http_headers={"Accept-Language": "en"})
	page = context.new_page()
	page.goto(f"{BASE_URL}/recommendations?mechanism=CEDAW")
	switch = page.get_by_role("navigation", name="Language")
	assert switch.get_by_role("link").all_inner_texts() == ["English", "Français", "Español", "العربية"]
	assert switch.get_by_role("link", name="English").get_attribute("aria-current") == "true"

	switch.get_by_role("link", name="Français").click()
	page.wait_for_load_state("load")
	assert page.locator("html").get_attribute("lang") == "fr"
	assert "mechanism=CEDAW" in page.url, "the filter is kept"
	assert page.locator("#filter-mechanism").input_value() == "CEDAW"
	french_title = page.locator("#portal-title").inner_text()
	assert french_title != "Recommendations to the State and what it did"

	page.get_by_role("link", name="Synthèse par mécanisme et par ODD").click()
	page.wait_for_load_state("load")
	assert page.locator("html").get_attribute("lang") == "fr", "the next page keeps the language"
	page.goto(f"{BASE_URL}/submit-input/new")
	page.wait_for_timeout(500)
	assert page.locator("html").get_attribute("lang") == "fr", "so does the public form"

	page.goto(f"{BASE_URL}/recommendations")
	page.get_by_role("navigation", name="Langue").get_by_role("link", name="العربية").click()
	page.wait_for_load_state("load")
	assert page.locator(".nmirf-portal").get_attribute("dir") == "rtl"
	page.screenshot(path=str(ARTIFACTS / "portal-language-switch-ar.png"))
	context.close()


def test_published_progress_appears_on_its_recommendations_page(page, admin_api):
	update = admin_api.get(
		f"{BASE_URL}/api/resource/Progress Update",
		params={
			"filters": json.dumps([["published", "=", 1], ["docstatus", "=", 1]]),
			"fields": json.dumps(["recommendation", "summary"]),
			"limit_page_length": 1,
		},
		timeout=30,
	).json()["data"]
	assert update, "the demo publishes approved progress on published recommendations"
	page.goto(f"{BASE_URL}/recommendations/{update[0]['recommendation']}")
	first_words = " ".join(update[0]["summary"].replace("<p>", "").split()[:6])
	expect(page.locator(".nmirf-progress")).to_contain_text(first_words)


def test_guest_finds_a_recommendation_by_its_symbol_and_paragraph_and_is_led_back_from_a_lost_page(
	page, admin_api
):
	record = resource_rows(
		admin_api,
		"Recommendation",
		[["published", "=", 1], ["paragraph", "is", "set"], ["document_symbol", "is", "set"]],
		fields=["name", "document_symbol", "paragraph"],
		limit_page_length=1,
	)[0]
	page.goto(f"{BASE_URL}/recommendations")
	search = page.get_by_label("Search: words, a reference or a document symbol")
	search.fill(f"{record['document_symbol'].lower()}, para. {record['paragraph']}")
	page.get_by_role("button", name="Show").click()
	expect(page.locator(".nmirf-recommendation a").first).to_have_text(record["name"])
	page.screenshot(path=str(ARTIFACTS / "portal-search-symbol.png"), full_page=True)

	# the choices are those of the published recommendations, as the open data API says
	published = page.request.get(f"{BASE_URL}/api/method/nmirf_app.open_data.v1.filters").json()["message"]
	offered = page.locator("#filter-mechanism option").all_inner_texts()[1:]  # after "All"
	assert len(offered) == len(published["data"]["mechanism"])

	page.goto(f"{BASE_URL}/recommendations?page=999")
	expect(page.locator(".nmirf-message")).to_contain_text("There is no page 999")
	page.get_by_role("link", name="Go to the last page").click()
	expect(page.locator(".nmirf-recommendation").first).to_be_visible()
	expect(page.locator(".nmirf-message")).to_have_count(0)


def test_the_public_form_reads_in_the_visitors_language(browser):
	context = browser.new_context(locale="fr", extra_http_headers={"Accept-Language": "fr"})
	page = context.new_page()
	page.goto(f"{BASE_URL}/submit-input/new")
	expect(page.locator(".web-form-introduction")).to_contain_text("Les organisations de la société civile")
	expect(page.locator("button.submit-btn")).to_have_text("Envoyer")
	expect(page.locator("label", has_text="Votre contribution")).to_be_visible()
	context.close()
