"""User story: a civil-society organisation sends input through the public web form without an
account; the secretariat reviews it in the desk and takes it into account with a public reason;
the decision appears on the portal. Script hidden in the input never runs, in the desk or on the
portal."""

import json
import uuid

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login
from playwright.sync_api import expect
from test_progress_update_approval import run_workflow_action

SECRETARIAT = "secretariat@demo.nmirf.example"
PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def test_guest_input_is_moderated_and_its_feedback_published(browser, page, admin_api):
	subject = f"Shelters for women in the Chaco {uuid.uuid4().hex[:6]}"
	page.goto(f"{BASE_URL}/submit-input")
	page.locator("[data-fieldname='submitter_type'] select").select_option("Civil society organisation")
	page.locator("[data-fieldname='organisation'] input").fill("Red de Mujeres del Chaco")
	page.locator("[data-fieldname='email'] input").fill(f"{uuid.uuid4().hex[:8]}@redmujeres.example")
	page.locator("[data-fieldname='subject'] input").fill(subject)
	page.locator("[data-fieldname='submission_text'] textarea").fill(
		f"Only two shelters serve the whole Chaco region. {PAYLOAD}"
	)
	page.locator("button.submit-btn").first.click()
	expect(page.get_by_text("Your input was received")).to_be_visible(timeout=30_000)
	page.screenshot(path=str(ARTIFACTS / "public-submission-sent.png"), full_page=True)

	rows = admin_api.get(
		f"{BASE_URL}/api/resource/Stakeholder Submission",
		params={
			"filters": json.dumps([["subject", "=", subject]]),
			"fields": json.dumps(["name", "workflow_state"]),
		},
		timeout=30,
	).json()["data"]
	assert [row["workflow_state"] for row in rows] == ["Received"]
	name = rows[0]["name"]

	# nothing of it is public before the decision, and a guest cannot read it through the API
	assert subject not in page.context.request.get(f"{BASE_URL}/submissions").text()
	assert page.context.request.get(f"{BASE_URL}/api/resource/Stakeholder Submission/{name}").status != 200

	desk = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
	login(desk, SECRETARIAT, DEMO_PASSWORD)
	desk.goto(f"{BASE_URL}/app/stakeholder-submission/{name}")
	expect(desk.locator(".indicator-pill").filter(has_text="Received").first).to_be_visible(timeout=30_000)
	run_workflow_action(desk, "Start review")
	expect(desk.locator(".indicator-pill").filter(has_text="Under review").first).to_be_visible(
		timeout=30_000
	)
	run_workflow_action(desk, "Take into account")
	dialog = desk.locator(".modal.show")
	dialog.locator("textarea").fill("The report now gives the number of shelters per department.")
	dialog.locator(".btn-modal-primary").click()
	expect(desk.locator(".indicator-pill").filter(has_text="Taken into account").first).to_be_visible(
		timeout=30_000
	)
	assert desk.evaluate("window.__xss") is None, "the input's script ran in the desk"
	desk.screenshot(path=str(ARTIFACTS / "public-submission-moderated.png"), full_page=True)
	desk.context.close()

	# a page of its own: the form's page may still be busy after sending
	page = page.context.new_page()
	page.goto(f"{BASE_URL}/submissions")
	entry = page.locator(".nmirf-submission").filter(has_text=subject)
	expect(entry).to_be_visible(timeout=30_000)
	expect(entry).to_contain_text("Taken into account")
	expect(entry).to_contain_text("The report now gives the number of shelters per department.")
	assert page.evaluate("window.__xss") is None, "the input's script ran on the portal"
	page.screenshot(path=str(ARTIFACTS / "public-submission-published.png"), full_page=True)
