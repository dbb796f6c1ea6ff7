"""User story: the secretariat opens the Gantt view of actions and sees each bar from the action's
start to its end (not an undated placeholder)."""

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from test_progress_update_approval import SECRETARIAT

INSTITUTION = "Ministry of Justice"


def make_action(admin_api, title, start, end):
	return admin_api.post(
		f"{BASE_URL}/api/resource/Implementation Action",
		json={"action_title": title, "lead_institution": INSTITUTION, "start_date": start, "end_date": end},
		timeout=30,
	).json()["data"]["name"]


def test_gantt_bars_run_from_each_actions_start_to_its_end(page, admin_api):
	short = make_action(admin_api, "Gantt test: one month", "2027-01-01", "2027-01-31")
	long = make_action(admin_api, "Gantt test: one year", "2027-01-01", "2027-12-31")
	try:
		login(page, SECRETARIAT, DEMO_PASSWORD)
		page.goto(f"{BASE_URL}/app/implementation-action/view/gantt?lead_institution={INSTITUTION}")
		bars = {name: page.locator(f".bar-wrapper[data-id='{name}'] .bar") for name in (short, long)}
		for bar in bars.values():
			expect(bar).to_be_visible(timeout=30_000)
		widths = {name: float(bar.get_attribute("width")) for name, bar in bars.items()}
		# a year is about twelve months long on the chart; placeholder bars would be the same length
		assert 8 < widths[long] / widths[short] < 16, widths
		page.get_by_role("button", name="Month", exact=True).click()
		expect(bars[short]).to_be_visible(timeout=30_000)
		# the chart opens on its earliest action's month; switching the scale redraws the bars, so
		# the one found may be replaced while it is scrolled to: find it again
		for _attempt in range(10):
			try:
				bars[short].scroll_into_view_if_needed(timeout=3_000)
				break
			except PlaywrightError:
				page.wait_for_timeout(300)
		else:
			raise AssertionError("the one-month bar never settled after switching to months")
		page.screenshot(path=str(ARTIFACTS / "actions-gantt.png"), full_page=True)
	finally:
		for name in (short, long):
			admin_api.delete(f"{BASE_URL}/api/resource/Implementation Action/{name}", timeout=30)
