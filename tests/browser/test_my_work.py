"""User story: a focal point signs in and lands on "My work": the demo's assignments wait there,
each with its answer date, and one click accepts one. A validator signs in and finds the update a
focal point just submitted, one click from its form. The demo gave each focal point one task
listing its recommendations, not one per recommendation."""

import json
import uuid

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect
from test_progress_update_approval import demo_people

HEALTH = "Ministry of Public Health and Social Welfare"


def open_tasks(user):
	return resource_rows(
		api_session(user, DEMO_PASSWORD),
		"ToDo",
		[["allocated_to", "=", user], ["status", "=", "Open"]],
		fields=("name", "reference_type", "description"),
	)


def test_a_focal_point_lands_on_my_work_and_accepts_an_assignment_in_one_click(page, admin_api):
	focal_point, _validator = demo_people(admin_api, HEALTH)
	login(page, focal_point, DEMO_PASSWORD)
	page.wait_for_url("**/app/nmirf-my-work", timeout=30_000)
	section = page.locator('[data-section="assignments"]')
	expect(section).to_be_visible(timeout=30_000)
	expect(page.locator(".nmirf-my-work-summary")).to_contain_text("wait for you")
	first = section.locator(".nmirf-work-item").first
	expect(first.locator(".indicator-pill")).to_contain_text("Due in")
	reference = first.locator(".nmirf-work-reference").inner_text()
	page.screenshot(path=str(ARTIFACTS / "my-work-focal-point.png"), full_page=True)

	first.get_by_role("button", name="Accept").click()
	expect(page.locator(".alert-message").filter(has_text=f"{reference} accepted")).to_be_visible(
		timeout=30_000
	)
	expect(section.locator(".nmirf-work-reference", has_text=reference)).to_have_count(0, timeout=30_000)
	rows = resource_rows(
		admin_api,
		"Recommendation Institution",
		[["parent", "=", reference], ["institution", "=", HEALTH]],
		fields=("assignment_status",),
		parent="Recommendation",
	)
	assert [row["assignment_status"] for row in rows] == ["Accepted"]


def test_the_demo_gave_each_focal_point_one_task_listing_its_recommendations(admin_api):
	focal_point, _validator = demo_people(admin_api, HEALTH)
	assigned = resource_rows(
		admin_api,
		"Recommendation Institution",
		[["institution", "=", HEALTH]],
		fields=("parent",),
		parent="Recommendation",
	)
	assert len(assigned) > 10
	tasks = [task for task in open_tasks(focal_point) if task["reference_type"] in (None, "Recommendation")]
	assert len(tasks) == 1, [task["name"] for task in tasks]
	assert "accept or dispute each by" in tasks[0]["description"]


def test_a_validator_finds_a_submitted_update_on_my_work_one_click_from_it(page, admin_api):
	focal_point, validator = demo_people(admin_api, HEALTH)
	session = api_session(focal_point, DEMO_PASSWORD)
	[row] = resource_rows(
		admin_api,
		"Recommendation",
		[["lead_institution", "=", HEALTH]],
		fields=("name",),
		order_by="name desc",
		limit_page_length=1,
	)
	summary = f"Mobile clinics reached 12 districts ({uuid.uuid4().hex[:6]})."
	created = session.post(
		f"{BASE_URL}/api/resource/Progress Update",
		json={"recommendation": row["name"], "reported_status": "In progress", "summary": summary},
		timeout=60,
	)
	created.raise_for_status()
	update = created.json()["data"]
	submitted = session.post(
		f"{BASE_URL}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(update), "action": "Submit for validation"},
		timeout=60,
	)
	submitted.raise_for_status()

	login(page, validator, DEMO_PASSWORD)
	page.wait_for_url("**/app/nmirf-my-work", timeout=30_000)
	section = page.locator('[data-section="updates_to_validate"]')
	item = section.locator(".nmirf-work-item").filter(has_text=row["name"]).first
	expect(item).to_be_visible(timeout=30_000)
	page.screenshot(path=str(ARTIFACTS / "my-work-validator.png"), full_page=True)
	item.get_by_role("button", name="Open").click()
	page.wait_for_url(f"**/app/progress-update/{update['name']}", timeout=30_000)
	expect(page.locator(".frappe-control[data-fieldname='summary']")).to_contain_text("Mobile clinics")
