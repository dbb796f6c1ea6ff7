"""User story: the secretariat tags every recommendation of a filter (500) from the list in one step;
past a hundred records it runs as a job with a progress bar and says what it did. It assigns an
institution to fifty selected recommendations and each of its focal points gets one task listing
them. A focal point who names another institution's records is refused them, in the request and in
a job over 500 records."""

import json
import time

import pytest
from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect
from test_progress_update_approval import SECRETARIAT, demo_people, open_bell

HEALTH = "Ministry of Public Health and Social Welfare"
JUSTICE = "Ministry of Justice"


def times_told(session, subject):
	"""How many bell entries say `subject` (a test waits for one more than before it started)."""
	return sum(
		row["subject"].startswith(subject)
		for row in resource_rows(
			session, "Notification Log", [["subject", "like", "Bulk edit done%"]], fields=("subject",)
		)
	)


def wait_until_told(session, subject, before, deadline):
	while time.time() < deadline and times_told(session, subject) <= before:
		time.sleep(2)
	return times_told(session, subject) > before


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


BULK_VOLUME = 500  # the figure: a filter of 500 recommendations tagged in one step


@pytest.fixture
def five_hundred_recommendations(admin_api):
	"""The demo's recommendations and, past them, as many treaty-body ones as make 500 (removed after)."""
	missing = BULK_VOLUME - len(resource_rows(admin_api, "Recommendation"))
	docs = [
		{
			"doctype": "Recommendation",
			"mechanism": "CRC",
			"document_symbol": "CRC/C/BULK/CO/5-6",
			"document_date": "2024-02-01",
			"paragraph": f"{900 + index}",
			"recommendation_text": f"The Committee recommends that the State party ensure birth registration "
			f"in district {index + 1}, free of charge, including for children of migrants.",
		}
		for index in range(max(0, missing))
	]
	added = []
	for start in range(0, len(docs), 100):  # Frappe inserts at most 200 in one call
		answer = admin_api.post(
			f"{BASE_URL}/api/method/frappe.client.insert_many",
			data={"docs": json.dumps(docs[start : start + 100])},
			timeout=300,
		)
		answer.raise_for_status()
		added += answer.json()["message"]
	yield BULK_VOLUME
	for name in added:
		admin_api.delete(f"{BASE_URL}/api/resource/Recommendation/{name}", timeout=60).raise_for_status()


def test_the_secretariat_tags_a_whole_filter_in_a_job_with_its_outcome(
	page, admin_api, five_hundred_recommendations
):
	theme = unused_theme(admin_api)
	total = len(resource_rows(admin_api, "Recommendation"))
	assert total >= five_hundred_recommendations  # past the size edited within the request
	session = api_session(SECRETARIAT, DEMO_PASSWORD)
	told_before = times_told(session, f"Bulk edit done: {total} changed, 0 already so, 0 refused")
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation")
	expect(page.locator(".list-row-container").first).to_be_visible(timeout=30_000)
	clear_filters = page.locator(".filter-x-button")
	if clear_filters.is_visible():  # the list opens with the filters this user left on it
		clear_filters.click()
	expect(page.locator(".list-count")).to_contain_text(f"of {total}", timeout=30_000)
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
	queued = page.locator(".alert-message").filter(has_text="being changed")
	expect(queued).to_be_visible(timeout=60_000)
	expect(page.locator(".modal-backdrop")).to_have_count(0)  # the dialog has faded out
	expect(queued).to_be_visible()
	page.screenshot(path=str(ARTIFACTS / "bulk-edit-queued.png"))
	# the job's outcome reaches the bell (and a message on screen where the realtime server runs)
	deadline = time.time() + 300
	while len(with_theme(admin_api, theme)) < total and time.time() < deadline:
		time.sleep(2)
	assert len(with_theme(admin_api, theme)) == total
	expect_told = f"Bulk edit done: {total} changed, 0 already so, 0 refused"
	assert wait_until_told(session, expect_told, told_before, deadline)
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


def test_a_focal_points_job_over_500_records_changes_only_its_institutions(
	admin_api, five_hundred_recommendations
):
	"""Past a hundred records the edit is a job; the job checks each record as the request does."""
	focal_point, _validator = demo_people(admin_api, HEALTH)
	session = api_session(focal_point, DEMO_PASSWORD)
	everything = [row["name"] for row in resource_rows(admin_api, "Recommendation")]
	mine = {row["name"] for row in resource_rows(session, "Recommendation")}
	assert len(everything) >= five_hundred_recommendations and 0 < len(mine) < len(everything)
	theme = unused_theme(admin_api)
	expect_told = f"Bulk edit done: {len(mine)} changed, 0 already so, {len(everything) - len(mine)} refused"
	told_before = times_told(session, expect_told)
	answer = session.post(
		f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
		data={"change": "add_themes", "values": json.dumps([theme]), "names": json.dumps(everything)},
		timeout=120,
	).json()["message"]
	assert answer["queued"] == len(everything)
	assert wait_until_told(session, expect_told, told_before, time.time() + 300)
	assert {row["name"] for row in with_theme(admin_api, theme)} == mine
	mine = sorted(mine)
	for start in range(0, len(mine), 100):
		session.post(
			f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
			data={
				"change": "remove_themes",
				"values": json.dumps([theme]),
				"names": json.dumps(mine[start : start + 100]),
			},
			timeout=300,
		).raise_for_status()
	assert with_theme(admin_api, theme) == []


def staffed_institution_with_fewest_recommendations(admin_api):
	"""An institution with active focal points, responsible for as few recommendations as possible."""
	people = {}
	for row in resource_rows(
		admin_api, "Focal Point", [["is_active", "=", 1]], fields=("institution", "user")
	):
		people.setdefault(row["institution"], set()).add(row["user"])
	load = {institution: 0 for institution in people}
	for row in resource_rows(
		admin_api, "Recommendation Institution", fields=("institution",), parent="Recommendation"
	):
		if row["institution"] in load:
			load[row["institution"]] += 1
	institution = min(load, key=lambda name: (load[name], name))
	return institution, sorted(people[institution])


def open_tasks_of(admin_api, user):
	return resource_rows(
		admin_api,
		"ToDo",
		[["allocated_to", "=", user], ["status", "=", "Open"]],
		fields=("name", "description", "reference_type"),
	)


def test_assigning_fifty_selected_recommendations_gives_each_focal_point_one_task(page, admin_api):
	institution, focal_points = staffed_institution_with_fewest_recommendations(admin_api)
	involved = {
		row["parent"]
		for row in resource_rows(
			admin_api,
			"Recommendation Institution",
			[["institution", "=", institution]],
			fields=("parent",),
			parent="Recommendation",
		)
	}
	chosen = [
		row["name"]
		for row in resource_rows(admin_api, "Recommendation", order_by="name asc")
		if row["name"] not in involved
	][:50]
	assert len(chosen) == 50
	tasks_before = {user: {task["name"] for task in open_tasks_of(admin_api, user)} for user in focal_points}

	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation?name=" + json.dumps(["in", chosen]))
	expect(page.locator(".list-row-container").first).to_be_visible(timeout=30_000)
	page.locator(".btn-paging[data-value='100']").click()
	expect(page.locator(".list-row-container")).to_have_count(50, timeout=30_000)
	page.locator(".list-header-checkbox, .list-check-all").first.check()
	page.locator(".actions-btn-group button").click()
	page.locator(".dropdown-menu.show .dropdown-item").filter(
		has_text="Change institutions, tags, cluster"
	).click()
	dialog = page.locator(".modal.show")
	expect(dialog.locator(".modal-title")).to_have_text("Change 50 selected recommendations")
	dialog.locator("select[data-fieldname='change']").select_option("add_supporting_institution")
	field = dialog.locator("input[data-fieldname='institution']")
	field.click()
	field.press_sequentially(institution[:14], delay=50)
	dialog.locator(".frappe-control[data-fieldname='institution'] [role='option']").filter(
		has_text=institution
	).first.click(timeout=30_000)
	dialog.locator(".modal-title").click()
	dialog.get_by_role("button", name="Apply").click()
	outcome = page.locator(".modal.show .nmirf-bulk-outcome")
	expect(outcome).to_contain_text(
		"50 recommendations changed, 0 were already so, 0 refused", timeout=120_000
	)
	page.screenshot(path=str(ARTIFACTS / "bulk-assignment-outcome.png"))

	try:
		for user in focal_points:
			new = [task for task in open_tasks_of(admin_api, user) if task["name"] not in tasks_before[user]]
			assert len(new) == 1, (user, [task["name"] for task in new])
			assert "50 recommendations assigned" in new[0]["description"]
			assert "accept or dispute each by" in new[0]["description"]
	finally:  # the demo as it was: the institution removed again, its task closed with it
		answer = admin_api.post(
			f"{BASE_URL}/api/method/nmirf_app.recommendations.bulk_edit.bulk_edit",
			data={
				"change": "remove_institution",
				"values": json.dumps([institution]),
				"names": json.dumps(chosen),
			},
			timeout=300,
		).json()["message"]
	assert len(answer["changed"]) == 50
	for user in focal_points:
		assert {task["name"] for task in open_tasks_of(admin_api, user)} <= tasks_before[user]
