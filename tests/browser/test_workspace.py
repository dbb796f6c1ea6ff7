"""The NMIRF workspace at a glance: the secretariat sees every number card and chart; a focal
point's cards and charts count only their institution's recommendations (the same figures the REST
API gives them)."""

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect

SECRETARIAT = "secretariat@demo.nmirf.example"
FOCAL_POINT = "fp.women@demo.nmirf.example"
CARDS = 8
CHARTS = 6


def card_value(page, label):
	"""The figure a number card shows, once it has loaded."""
	page.wait_for_function(
		"(label) => [...document.querySelectorAll('.number-widget-box')].some(box => box.textContent.includes(label) && /\\d/.test(box.querySelector('.number')?.textContent || ''))",
		arg=label,
		timeout=30_000,
	)
	card = page.locator(".number-widget-box").filter(has_text=label).first
	return int(card.locator(".number").text_content().replace(",", "").strip())


def recommendations_count(user):
	session = api_session(user, DEMO_PASSWORD)
	return session.get(
		f"{BASE_URL}/api/method/frappe.client.get_count", params={"doctype": "Recommendation"}, timeout=30
	).json()["message"]


def chart_labels(page, title):
	"""The x-axis labels a workspace chart drew, once it has drawn them."""
	widget = page.locator(".widget.dashboard-widget-box").filter(has_text=title).first
	labels = widget.locator("svg .x.axis text")
	expect(labels.first).to_be_visible(timeout=30_000)
	return [text.strip() for text in labels.all_text_contents() if text.strip()]


def status_chart_total(page):
	"""The sum of the figures the status donut's legend shows."""
	widget = page.locator(".widget.dashboard-widget-box").filter(has_text="Recommendations by status").first
	values = widget.locator("svg .legend-dataset-value")
	expect(values.first).to_be_visible(timeout=30_000)
	return sum(int(value.replace(",", "")) for value in values.all_text_contents())


def visible_mechanisms(user):
	rows = resource_rows(api_session(user, DEMO_PASSWORD), "Recommendation", fields=("mechanism",))
	return sorted({row["mechanism"] for row in rows})


def test_workspace_cards_and_charts_follow_the_viewers_permissions(browser, page):
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/nmirf")
	expect(page.locator(".number-widget-box")).to_have_count(CARDS, timeout=30_000)
	expect(page.locator(".widget.dashboard-widget-box")).to_have_count(CHARTS, timeout=30_000)
	assert card_value(page, "Recommendations") == recommendations_count(SECRETARIAT)
	for title in ("Recommendations by mechanism", "Recommendations by theme", "Recommendations by SDG"):
		assert chart_labels(page, title), f"{title} drew nothing"
	assert chart_labels(page, "Recommendations by mechanism") == visible_mechanisms(SECRETARIAT)
	assert status_chart_total(page) == recommendations_count(SECRETARIAT)
	page.screenshot(path=str(ARTIFACTS / "workspace-secretariat.png"), full_page=True)

	focal = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
	login(focal, FOCAL_POINT, DEMO_PASSWORD)
	focal.goto(f"{BASE_URL}/app/nmirf")
	expect(focal.locator(".number-widget-box").first).to_be_visible(timeout=30_000)
	mine = recommendations_count(FOCAL_POINT)
	assert 0 < mine < recommendations_count(SECRETARIAT)
	assert card_value(focal, "Recommendations") == mine
	# the charts count the focal point's recommendations only
	assert status_chart_total(focal) == mine
	assert chart_labels(focal, "Recommendations by mechanism") == visible_mechanisms(FOCAL_POINT)
	focal.screenshot(path=str(ARTIFACTS / "workspace-focal-point.png"), full_page=True)
	focal.context.close()
