"""User story: a focal point who would rather get one e-mail a day than one per notification says
so in their own settings, in two clicks from their avatar."""

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login
from playwright.sync_api import expect
from test_progress_update_approval import demo_people

HEALTH = "Ministry of Public Health and Social Welfare"


def test_a_focal_point_chooses_one_email_a_day(page, admin_api):
	focal_point, _validator = demo_people(admin_api, HEALTH)
	login(page, focal_point, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/notification-settings/{focal_point}")
	choice = page.locator(
		".frappe-control[data-fieldname='nmirf_daily_digest'] input[data-fieldname='nmirf_daily_digest']"
	)
	expect(choice).to_be_visible(timeout=30_000)
	expect(page.locator(".frappe-control[data-fieldname='nmirf_daily_digest']")).to_contain_text(
		"each morning"
	)
	try:
		choice.check()
		page.keyboard.press("Control+s")
		expect(page.locator(".indicator-pill, .alert-message").filter(has_text="Saved").first).to_be_visible(
			timeout=30_000
		)
		expect(page.locator(".indicator-pill").filter(has_text="Not Saved")).to_have_count(0, timeout=30_000)
		page.screenshot(path=str(ARTIFACTS / "email-choice-daily.png"), full_page=True)
		settings = admin_api.get(
			f"{BASE_URL}/api/resource/Notification Settings/{focal_point}", timeout=30
		).json()
		assert settings["data"]["nmirf_daily_digest"] == 1
	finally:
		admin_api.put(
			f"{BASE_URL}/api/resource/Notification Settings/{focal_point}",
			json={"nmirf_daily_digest": 0},
			timeout=30,
		)
