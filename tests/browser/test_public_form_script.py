"""Issue #15: nothing a guest sends or links runs in anybody's browser. Each field of the public form
(/submit-input) gets markup from a link and by typing, as a guest and as a signed-in secretariat
member who clicks such a link in an e-mail: a canary of its own per field must stay unset. The
moderator's public reason shows on /submissions as it was typed. With attachments accepted, a
renamed program is refused with a message beside the file; a real PDF goes through and the sender
is given the reference of their input."""

import json
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, api_session, login, resource_rows
from playwright.sync_api import expect

SECRETARIAT = "secretariat@demo.nmirf.example"
# the fields of the form a visitor fills in (the honeypot is hidden, the attachment is a file)
FIELDS = (
	"submitter_type",
	"organisation",
	"contact_name",
	"email",
	"subject",
	"recommendation",
	"submission_text",
)
TYPED = ("organisation", "contact_name", "email", "subject", "submission_text")


def payload(field: str) -> str:
	return f'<img src=x onerror="window.__{field}=1"><svg onload="window.__{field}=1">'


def canaries(page) -> dict:
	return page.evaluate(f"() => Object.fromEntries({json.dumps(FIELDS)}.map(f => [f, window['__' + f]]))")


def unset(page) -> dict:
	return {field: value for field, value in canaries(page).items() if value is not None}


def form_ready(page):
	page.locator("[data-fieldname='submission_text'] textarea").wait_for(timeout=30_000)
	page.wait_for_timeout(800)  # the payloads' images fail and their handlers would fire


@pytest.fixture
def secretariat_page(browser):
	context = browser.new_context(viewport={"width": 1366, "height": 900})
	page = context.new_page()
	login(page, SECRETARIAT, DEMO_PASSWORD)
	yield page
	context.close()


@pytest.mark.parametrize("who", ["guest", "secretariat"])
def test_markup_in_a_link_never_runs_on_the_form(page, secretariat_page, who):
	visitor = page if who == "guest" else secretariat_page
	for field in FIELDS:
		response = visitor.goto(f"{BASE_URL}/submit-input/new?{field}={quote(payload(field))}")
		assert response.ok
		form_ready(visitor)
		assert unset(visitor) == {}, f"{field} from the link ran as {who}"
		assert "?" not in visitor.url, f"{field}: the form kept the link's value ({visitor.url})"
	# all of them at once, and the older /submit-input?… address
	query = "&".join(f"{field}={quote(payload(field))}" for field in FIELDS)
	for path in ("/submit-input/new", "/submit-input"):
		visitor.goto(f"{BASE_URL}{path}?{query}")
		form_ready(visitor)
		assert unset(visitor) == {}, f"{path} with every field in the link ran as {who}"


def test_markup_typed_or_set_never_runs_and_stays_as_typed(page):
	page.goto(f"{BASE_URL}/submit-input/new")
	form_ready(page)
	for field in TYPED:
		control = page.locator(f"[data-fieldname='{field}'] input, [data-fieldname='{field}'] textarea").first
		control.fill(payload(field))
		control.press("Tab")
	page.wait_for_timeout(800)
	assert unset(page) == {}, "typed markup ran"
	for field in TYPED:
		assert page.evaluate(f"frappe.web_form.get_value('{field}')") == payload(field), field
	# Frappe's own prefill path (set_values, as it fills from a link), past the server's redirect
	values = {field: payload(field) for field in FIELDS}
	page.evaluate(f"frappe.web_form.set_values({json.dumps(values)})")
	page.wait_for_timeout(800)
	assert unset(page) == {}, "values set by Frappe's prefill ran"
	page.screenshot(path=str(ARTIFACTS / "public-form-markup-typed.png"), full_page=True)


def test_a_recommendations_link_names_it_on_the_form(page, admin_api):
	accept_attachments(admin_api, 0)  # as the demo has it
	[row] = resource_rows(
		admin_api, "Recommendation", [["published", "=", 1]], ("name", "title"), limit_page_length=1
	)
	page.goto(f"{BASE_URL}/recommendations/{quote(row['name'])}")
	page.get_by_role("link", name="Send your input on this recommendation").click()
	form_ready(page)
	assert page.evaluate("frappe.web_form.get_value('recommendation')") == row["name"]
	expect(page.locator("[data-fieldname='recommendation']")).to_contain_text(row["title"][:40])
	assert page.locator("div[data-fieldname='attachment']").count() == 0, (
		"no upload while attachments are off"
	)
	page.screenshot(path=str(ARTIFACTS / "public-form-recommendation-named.png"), full_page=True)


def send_as_guest(subject: str, **values) -> str:
	"""What the public form posts, without a browser: Frappe's web form endpoint, as a guest."""
	data = {
		"doctype": "Stakeholder Submission",
		"submitter_type": "Civil society organisation",
		"organisation": "Observatorio Ciudadano",
		"email": f"{uuid.uuid4().hex[:10]}@observatorio.example",
		"subject": subject,
		"submission_text": "Budget lines for shelters are not executed.",
		**values,
	}
	response = requests.post(
		f"{BASE_URL}/api/method/frappe.website.doctype.web_form.web_form.accept",
		data={"web_form": "submit-input", "data": json.dumps(data)},
		timeout=30,
	)
	assert response.ok, response.text[:300]
	return response.json()["message"]["name"]


def workflow(session, doc: dict, action: str) -> dict:
	response = session.post(
		f"{BASE_URL}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc), "action": action},
		timeout=30,
	)
	assert response.ok, response.text[:300]
	return response.json()["message"]


def test_the_moderators_reason_shows_as_typed(page):
	secretariat = api_session(SECRETARIAT, DEMO_PASSWORD)
	subject = f"Reason shown as typed {uuid.uuid4().hex[:6]}"
	name = send_as_guest(subject)
	doc = secretariat.get(f"{BASE_URL}/api/resource/Stakeholder Submission/{name}", timeout=30).json()["data"]
	doc = workflow(secretariat, doc, "Start review")
	reason = f"Taken into account: <see> para. 3 & 4. {payload('reason')}"
	response = secretariat.put(
		f"{BASE_URL}/api/resource/Stakeholder Submission/{name}", json={"public_reason": reason}, timeout=30
	)
	assert response.ok, response.text[:300]
	workflow(secretariat, response.json()["data"], "Take into account")

	page.goto(f"{BASE_URL}/submissions")
	entry = page.locator(".nmirf-submission").filter(has_text=subject)
	expect(entry).to_contain_text("Taken into account: <see> para. 3 & 4.")
	assert "&lt;" not in entry.inner_text() and "&amp;" not in entry.inner_text()
	page.wait_for_timeout(500)
	assert page.evaluate("window.__reason") is None, "the reason's markup ran on the portal"
	entry.screenshot(path=str(ARTIFACTS / "public-reason-as-typed.png"))


def accept_attachments(admin_api, value: int):
	response = admin_api.put(
		f"{BASE_URL}/api/resource/NMIRF Settings/NMIRF Settings",
		json={"accept_submission_attachments": value},
		timeout=30,
	)
	assert response.ok, response.text[:300]


@pytest.fixture
def attachments_accepted(admin_api):
	accept_attachments(admin_api, 1)
	yield
	accept_attachments(admin_api, 0)


def attach(page, path: Path):
	page.locator("button[data-fieldname='attachment']").click()
	with page.expect_file_chooser() as chooser:
		page.locator(".modal.show .btn-file-upload").first.click()
	chooser.value.set_files(str(path))
	page.locator(".modal.show .btn-modal-primary, .modal.show .modal-footer .btn-primary").last.click()


def test_uploads_are_judged_by_their_content_and_the_sender_gets_a_reference(
	page, attachments_accepted, tmp_path
):
	from nmirf_app.tests import sample_files

	renamed = tmp_path / "evidence.pdf"
	renamed.write_bytes(sample_files.WINDOWS_PROGRAM)
	real = tmp_path / "shelters-2026.pdf"
	real.write_bytes(sample_files.pdf())

	page.goto(f"{BASE_URL}/submit-input/new")
	form_ready(page)
	page.locator("[data-fieldname='submitter_type'] select").select_option("Civil society organisation")
	page.locator("[data-fieldname='organisation'] input").fill("Observatorio Ciudadano")
	email = f"{uuid.uuid4().hex[:10]}@observatorio.example"
	page.locator("[data-fieldname='email'] input").fill(email)
	page.locator("[data-fieldname='subject'] input").fill("Shelter budgets, with evidence")
	page.locator("[data-fieldname='submission_text'] textarea").fill(
		"The attached table shows the execution."
	)

	attach(page, renamed)
	refusal = page.locator(".modal.show .file-error")
	expect(refusal).to_contain_text("its content is a Windows program", timeout=30_000)
	page.screenshot(path=str(ARTIFACTS / "public-form-renamed-program-refused.png"))
	page.locator(".modal.show .btn-modal-close, .modal.show .close").first.click()
	expect(page.locator(".modal.show")).to_have_count(0)

	attach(page, real)
	# stored privately (a file with the same bytes already on the site is shared, so its name may differ)
	expect(page.locator("div[data-fieldname='attachment']")).to_contain_text(
		"/private/files/", timeout=30_000
	)
	page.locator("button.submit-btn").first.click()
	reference = page.locator(".nmirf-reference")
	expect(reference).to_contain_text("Your reference is SUB-", timeout=30_000)
	expect(reference).to_contain_text(email)
	page.screenshot(path=str(ARTIFACTS / "public-form-sent-with-reference.png"), full_page=True)
