"""User story: a focal point reports progress with evidence, the institution's validator validates,
the secretariat approves in the desk — and the recommendation's status changes. The evidence stays
private: another institution's focal point cannot download it."""

import json
import time
import uuid

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect

SECRETARIAT = "secretariat@demo.nmirf.example"


def demo_people(admin_api, institution):
	focal_point = admin_api.get(
		f"{BASE_URL}/api/resource/Focal Point",
		params={
			"filters": json.dumps(
				[["institution", "=", institution], ["is_active", "=", 1], ["role_type", "=", "Main"]]
			),
			"fields": json.dumps(["user"]),
		},
		timeout=30,
	).json()["data"][0]["user"]
	validator = admin_api.get(f"{BASE_URL}/api/resource/Institution/{institution}", timeout=30).json()[
		"data"
	]["validating_authority"]
	return focal_point, validator


def choose_recommendation(admin_api):
	"""A recommendation led by a state institution, not yet assessed."""
	rows = resource_rows(
		admin_api,
		"Recommendation",
		[["implementation_status", "=", "Not assessed"], ["lead_institution", "is", "set"]],
		fields=("name", "lead_institution"),
		order_by="name asc",
		limit_page_length=1,
	)
	return rows[0]["name"], rows[0]["lead_institution"]


def run_workflow_action(page, action):
	page.locator(".page-actions .actions-btn-group button").first.click()
	page.locator(".page-actions .dropdown-menu.show .dropdown-item").filter(has_text=action).first.click()
	confirm = page.locator(".modal.show .btn-modal-primary")
	if confirm.count():
		confirm.first.click()


def bell(user, document_name):
	"""What the user's notification bell holds about a document (their own Notification Log)."""
	return [
		row["subject"]
		for row in resource_rows(
			api_session(user, DEMO_PASSWORD),
			"Notification Log",
			[["document_name", "=", document_name], ["type", "=", "Alert"]],
			("subject",),
		)
	]


def told(user, document_name, words):
	"""Waits for the notification (Frappe creates it in a background job) and returns its subject."""
	for _ in range(60):
		subjects = [subject for subject in bell(user, document_name) if words in subject]
		if subjects:
			return subjects[0]
		time.sleep(0.5)
	raise AssertionError(f"{user} was not told '{words}' about {document_name}: {bell(user, document_name)}")


def open_bell(page):
	page.locator(".dropdown-notifications .nav-link, .dropdown-notifications button").first.click()
	return page.locator(".dropdown-notifications .notification-item, .dropdown-notifications .dropdown-item")


def open_as(browser, user, url):
	"""Each person in their own browser session, as on their own computer."""
	page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
	login(page, user, DEMO_PASSWORD)
	page.goto(url)
	# a page the desk routed away from (/app to My work) keeps its hidden title in the DOM
	expect(page.locator(".page-title:visible").first).to_be_visible(timeout=30_000)
	return page


def test_update_goes_through_the_approval_and_sets_the_status(browser, page, admin_api, tmp_path):
	recommendation, institution = choose_recommendation(admin_api)
	focal_point, validator = demo_people(admin_api, institution)
	action = admin_api.post(
		f"{BASE_URL}/api/resource/Implementation Action",
		json={
			"action_title": "Browser test: protocol training",
			"lead_institution": institution,
			"start_date": "2025-01-01",
			"end_date": "2027-12-31",
			"recommendations": [{"recommendation": recommendation}],
		},
		timeout=30,
	).json()["data"]["name"]
	evidence = tmp_path / "attendance-list.pdf"
	# unique content: Frappe shares one stored file between uploads of identical bytes
	evidence.write_bytes(f"%PDF-1.4\n% attendance list of the training sessions {uuid.uuid4()}\n".encode())

	login(page, focal_point, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/progress-update/new?implementation_action={action}")
	page.locator(".frappe-control[data-fieldname='reported_status'] select").select_option(
		"Partially implemented"
	)
	page.locator(".frappe-control[data-fieldname='summary'] .ql-editor[contenteditable='true']").click()
	page.keyboard.type("Trained 300 nurses in 4 departments.")
	page.wait_for_timeout(1000)  # the text editor hands its content to the form after a short pause
	page.keyboard.press("Control+s")
	page.wait_for_url("**/app/progress-update/PU-*")
	update_url = page.url

	page.locator(".form-attachments .add-attachment-btn").click()
	page.locator(".modal.show input[type='file']").set_input_files(str(evidence))
	page.locator(".modal.show .btn-modal-primary").click()
	expect(page.locator(".form-attachments .attachment-row")).to_have_count(1, timeout=30_000)
	run_workflow_action(page, "Submit for validation")
	expect(page.locator(".indicator-pill").filter(has_text="Submitted").first).to_be_visible(timeout=30_000)

	update_name = update_url.rsplit("/", 1)[-1]
	# the validator is told, in the bell; nobody else yet
	told(validator, update_name, "To validate")
	assert bell(SECRETARIAT, update_name) == []
	validator_page = open_as(browser, validator, f"{BASE_URL}/app")
	in_bell = open_bell(validator_page).filter(has_text="To validate").first
	expect(in_bell).to_be_visible(timeout=30_000)
	validator_page.screenshot(path=str(ARTIFACTS / "progress-update-validator-told.png"))
	in_bell.click()  # one click from the bell to the update
	validator_page.wait_for_url(f"**/app/progress-update/{update_name}", timeout=30_000)
	expect(validator_page.locator(".indicator-pill").filter(has_text="Submitted").first).to_be_visible(
		timeout=30_000
	)
	# (on the form reached from the bell's menu the workflow's Actions button did not appear in
	# headless runs; reloading the page shows it)
	validator_page.reload(wait_until="networkidle")
	# the desk boots again after a reload: on a busy CI machine that has taken over 30 s
	expect(validator_page.locator(".page-title:visible").first).to_be_visible(timeout=90_000)
	run_workflow_action(validator_page, "Validate")
	expect(validator_page.locator(".indicator-pill").filter(has_text="Validated").first).to_be_visible(
		timeout=30_000
	)
	validator_page.context.close()

	told(SECRETARIAT, update_name, "To approve")
	secretariat_page = open_as(browser, SECRETARIAT, update_url)
	run_workflow_action(secretariat_page, "Approve")
	expect(secretariat_page.locator(".indicator-pill").filter(has_text="Approved").first).to_be_visible(
		timeout=30_000
	)
	secretariat_page.screenshot(path=str(ARTIFACTS / "progress-update-approved.png"), full_page=True)
	secretariat_page.context.close()

	status = admin_api.get(f"{BASE_URL}/api/resource/Recommendation/{recommendation}", timeout=30).json()[
		"data"
	]["implementation_status"]
	assert status == "Partially implemented"
	told(focal_point, update_name, "Approved")
	files = admin_api.get(
		f"{BASE_URL}/api/resource/File",
		params={
			"filters": json.dumps([["attached_to_name", "=", update_name]]),
			"fields": json.dumps(["file_url", "is_private"]),
		},
		timeout=30,
	).json()["data"]
	assert files and all(file["is_private"] for file in files)
	outsider = next(
		row["user"]
		for row in admin_api.get(
			f"{BASE_URL}/api/resource/Focal Point",
			params={
				"filters": json.dumps([["institution", "!=", institution], ["is_active", "=", 1]]),
				"fields": json.dumps(["user"]),
				"limit_page_length": 50,
			},
			timeout=30,
		).json()["data"]
		# demo people only: the integration tests' own users (committed by tests that commit) have no demo password
		if row["user"] not in (focal_point, validator) and row["user"].endswith("@demo.nmirf.example")
	)
	outsider_api = api_session(outsider, DEMO_PASSWORD)
	assert outsider_api.get(f"{BASE_URL}{files[0]['file_url']}", timeout=30).status_code == 403
	assert (
		outsider_api.get(f"{BASE_URL}/api/resource/Progress Update/{update_name}", timeout=30).status_code
		== 403
	)
