"""What the browser tests share besides their fixtures (conftest.py): the served site's address
and passwords, a REST session, the portal's pages, logging in.

NMIRF_BASE_URL   the site's URL, e.g. http://127.0.0.1:8017 (tests skip without it)
NMIRF_ARTIFACTS  folder for screenshots (default: test-artifacts/ in the checkout)
"""

import json
import os
from pathlib import Path

import requests

BASE_URL = os.environ.get("NMIRF_BASE_URL")
ADMIN_PASSWORD = os.environ.get("NMIRF_ADMIN_PASSWORD", "admin")
DEMO_PASSWORD = os.environ.get("NMIRF_DEMO_PASSWORD", "demo-NMIRF-2026")
ARTIFACTS = Path(os.environ.get("NMIRF_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
CHROMIUM = os.environ.get("NMIRF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


def api_session(user: str, password: str) -> requests.Session:
	session = requests.Session()
	response = session.post(f"{BASE_URL}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
	response.raise_for_status()
	return session


def resource_rows(
	session: requests.Session, doctype: str, filters=(), fields=("name",), **params
) -> list[dict]:
	"""The records a user's REST list answers (all of them unless limit_page_length is given)."""
	response = session.get(
		f"{BASE_URL}/api/resource/{doctype}",
		params={
			"filters": json.dumps(list(filters)),
			"fields": json.dumps(list(fields)),
			"limit_page_length": 0,
			**params,
		},
		timeout=60,
	)
	response.raise_for_status()
	return response.json()["data"]


def portal_pages(admin_api):
	published = resource_rows(admin_api, "Recommendation", [["published", "=", 1]], limit_page_length=1)
	assert published, "the demo publishes recommendations"
	consultations = resource_rows(admin_api, "Consultation", [["published", "=", 1]], limit_page_length=1)
	assert consultations, "the demo publishes a consultation"
	return [
		"/recommendations",
		f"/recommendations/{published[0]['name']}",
		"/recommendation-summary",
		"/submissions",
		"/consultations",
		f"/consultations/{consultations[0]['name']}",
		"/submit-input",
	]


# What a visitor meets when a search finds nothing or a page is past the last: drawn differently.
PORTAL_STATES = ["/recommendations?q=no-such-words-anywhere", "/recommendations?page=999"]


def portal_pages_in(browser, pages, language):
	"""Each portal page as a visitor reading `language` sees it: (path, page), closed afterwards."""
	for path in pages:
		context = browser.new_context(
			viewport={"width": 1366, "height": 900},
			locale=language,
			extra_http_headers={"Accept-Language": language},
		)
		page = context.new_page()
		response = page.goto(f"{BASE_URL}{path}")
		assert response.status == 200, f"{path} answers {response.status}"
		page.wait_for_load_state("load")
		page.wait_for_timeout(500)  # the web form draws its fields after loading
		yield path, page
		context.close()


def login(page, user: str, password: str):
	page.goto(f"{BASE_URL}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".btn-login")
	page.wait_for_url("**/app**", timeout=30_000)
