"""User story: the secretariat tags every recommendation of a filter from the list in one step;
past a hundred records it runs as a job with a progress bar and says what it did. A focal point
who names another institution's records is refused them."""

import json
import time

from conftest import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect
from test_progress_update_approval import SECRETARIAT, demo_people, open_bell

HEALTH = "Ministry of Public Health and Social Welfare"
JUSTICE = "Ministry of Justice"


def told(session, subject):
	return any(
		row["subject"].startswith(subject)
		for row in resource_rows(
			session, "Notification Log", [["subject", "like", "Bulk edit done%"]], fields=("subject",)
		)
	)


def with_theme(session, theme):
	return resource_rows(session, "Recommendation", [["Recommendation Theme", "theme", "=", theme]])


def unused_theme(admin_api):
	used = {
		row["theme"]
		for row in resource_rows(
			admin_api, "Recommendation Theme", fields=("theme",), parent="Recommendation"
		)
	}
	return next(
		row["name"] for row in resource_rows(admin_api, "Human Rights Theme") if row["name"] not in used
	)


def test_the_secretariat_tags_a_whole_filter_in_a_job_with_its_outcome(page, admin_api):
	theme = unused_theme(admin_api)
	total = len(resource_rows(admin_api, "Recommendation"))
	assert total > 100  # past the size edited within the request
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation")
	expect(page.locator(".list-row-container").first).to_be_visible(timeout=30_000)
	page.locator(".page-actions .menu-btn-group button").click()
	page.locator(".dropdown-menu.show .dropdown-item").filter(
		has_text="Change every recommendation of this filter"
	).click()
	dialog = page.locator(".modal.show")
	dialog.locator("select[data-fieldname='change']").select_option("add_themes")
	field = dialog.locator(".frappe-control[data-fieldname='themes'] input")
	field.click()
	field.press_sequentially(theme[:12], delay=50)  # the suggestions follow keystrokes
	dialog.locator(".frappe-control[data-fieldname='themes'] li").filter(has_text=theme).first.click(
		timeout=30_000
	)
	expect(dialog.locator(".frappe-control[data-fieldname='themes'] .tb-selected-value")).to_have_text(theme)
	dialog.locator(".modal-title").click()  # the suggestions close, as when one clicks away
	dialog.get_by_role("button", name="Apply").click()
	expect(page.locator(".alert-message").filter(has_text="being changed")).to_be_visible(timeout=60_000)
	page.screenshot(path=str(ARTIFACTS / "bulk-edit-queued.png"))
	# the job's outcome reaches the bell (and a message on screen where the realtime server runs)
	session = api_session(SECRETARIAT, DEMO_PASSWORD)
	deadline = time.time() + 300
	while len(with_theme(admin_api, theme)) < total and time.time() < deadline:
		time.sleep(2)
	assert len(with_theme(admin_api, theme)) == total
	expect_told = f"Bulk edit done: {total} changed, 0 already so, 0 refused"
	while time.time() < deadline and not told(session, expect_told):
		time.sleep(1)
	assert told(session, expect_told)
	page.reload()
	expect(open_bell(page).filter(has_text="Bulk edit done").first).to_be_visible(timeout=30_000)
	page.screenshot(path=str(ARTIFACTS / "bulk-edit-outcome.png"))

	# undone through the REST API, a hundred at a time (answered in the request), the demo is as it was
	names = [row["name"] for row in with_theme(admin_api, theme)]
	for start in range(0, len(names), 100):
		answer = session.post(
			f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
			data={
				"change": "remove_themes",
				"values": json.dumps([theme]),
				"names": json.dumps(names[start : start + 100]),
			},
			timeout=300,
		).json()["message"]
		assert len(answer["changed"]) == len(names[start : start + 100])
	assert with_theme(admin_api, theme) == []


def test_a_focal_point_is_refused_another_institutions_records(admin_api):
	focal_point, _validator = demo_people(admin_api, HEALTH)
	theirs = resource_rows(
		admin_api, "Recommendation", [["lead_institution", "=", JUSTICE]], limit_page_length=3
	)
	mine = resource_rows(api_session(focal_point, DEMO_PASSWORD), "Recommendation", limit_page_length=1)
	assert theirs and mine
	theme = unused_theme(admin_api)
	names = [row["name"] for row in theirs + mine]
	answer = (
		api_session(focal_point, DEMO_PASSWORD)
		.post(
			f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
			data={"change": "add_themes", "values": json.dumps([theme]), "names": json.dumps(names)},
			timeout=120,
		)
		.json()["message"]
	)
	assert answer["changed"] == [mine[0]["name"]]
	assert sorted(row["name"] for row in answer["refused"]) == sorted(row["name"] for row in theirs)
	assert [row["name"] for row in with_theme(admin_api, theme)] == [mine[0]["name"]]
	api_session(focal_point, DEMO_PASSWORD).post(
		f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
		data={
			"change": "remove_themes",
			"values": json.dumps([theme]),
			"names": json.dumps([mine[0]["name"]]),
		},
		timeout=120,
	)
