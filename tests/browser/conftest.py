"""Browser tests run against a served bench site with the demo loaded (.ci/run sets this up); the
fixtures are here, what the tests share besides them in helpers.py."""

import pytest
import requests
from helpers import ADMIN_PASSWORD, ARTIFACTS, BASE_URL, CHROMIUM, CHROMIUM_ARGS, api_session

if not BASE_URL:
	pytest.skip("NMIRF_BASE_URL is not set: no served site to test against", allow_module_level=True)


@pytest.fixture(scope="session")
def admin_api() -> requests.Session:
	return api_session("Administrator", ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def browser():
	from playwright.sync_api import sync_playwright

	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
		yield browser
		browser.close()


@pytest.fixture
def page(browser, request):
	context = browser.new_context(viewport={"width": 1366, "height": 900})
	page = context.new_page()
	yield page
	ARTIFACTS.mkdir(parents=True, exist_ok=True)
	failed = getattr(request.node, "rep_call", None) and request.node.rep_call.failed
	page.screenshot(
		path=str(ARTIFACTS / f"{request.node.name}{'-FAILED' if failed else ''}.png"), full_page=True
	)
	context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
	outcome = yield
	report = outcome.get_result()
	setattr(item, f"rep_{report.when}", report)
