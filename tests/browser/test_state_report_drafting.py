"""User story: the secretariat moves a State Report through the first drafting stages in the desk,
compiles the draft (a background job on the worker) and downloads the Word file, which holds the
demo's approved progress on CEDAW's recommendations with their references."""

import io
import json
import zipfile

from docx import Document as WordDocument
from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login
from playwright.sync_api import expect
from test_progress_update_approval import run_workflow_action

SECRETARIAT = "secretariat@demo.nmirf.example"
CEDAW_OUTCOME = "CEDAW/C/PRY/CO/8"


def test_secretariat_moves_a_report_through_stages_and_downloads_the_word_draft(page, admin_api):
	report = admin_api.post(
		f"{BASE_URL}/api/resource/State Report",
		json={
			"title": "Browser test: ninth periodic report to CEDAW",
			"report_type": "Periodic report",
			"mechanism": "CEDAW",
			"source_document_symbol": CEDAW_OUTCOME,
			"introduction": "<p>Prepared by the NMIRF in the browser test.</p>",
		},
		timeout=30,
	).json()["data"]
	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/state-report/{report['name']}")
	expect(page.locator(".indicator-pill").filter(has_text="Planning").first).to_be_visible(timeout=30_000)
	for action, stage in (
		("Start drafting", "Drafting"),
		("Consolidate", "Consolidation"),
		("Open consultation", "Consultation"),
	):
		run_workflow_action(page, action)
		expect(page.locator(".indicator-pill").filter(has_text=stage).first).to_be_visible(timeout=30_000)

	stages = admin_api.get(f"{BASE_URL}/api/resource/State Report/{report['name']}", timeout=30).json()[
		"data"
	]["stage_log"]
	assert [row["stage"] for row in stages] == ["Planning", "Drafting", "Consolidation", "Consultation"]
	assert {row["entered_by"] for row in stages[1:]} == {SECRETARIAT}

	page.locator(".page-actions button:visible").filter(has_text="Compile draft").click()
	compiled = page.locator(".page-actions button:visible").filter(has_text="Compiled draft")
	expect(compiled).to_be_visible(timeout=90_000)  # the worker compiles; the form reloads itself
	page.screenshot(path=str(ARTIFACTS / "state-report-compiled.png"), full_page=True)
	compiled.click()
	with page.expect_download() as download_info:
		page.locator(".page-actions .dropdown-item:visible").filter(has_text="Download Word draft").click()
	path = ARTIFACTS / "state-report-draft.docx"
	download_info.value.save_as(str(path))

	document = WordDocument(io.BytesIO(path.read_bytes()))
	headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
	titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
	assert titles == ["Browser test: ninth periodic report to CEDAW"], "the title page names the report"
	assert "Introduction" in headings and "Implementation of the recommendations" in headings
	numbered = [p.text for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
	assert numbered[0] == "Prepared by the NMIRF in the browser test.", "Word numbers it, not typed text"
	with zipfile.ZipFile(path) as package:
		footnotes = package.read("word/footnotes.xml").decode()
	assert f"{CEDAW_OUTCOME}, para." in footnotes, "progress and contributions cite the recommendation"
	annex = document.tables[0]
	recommendations = admin_api.get(
		f"{BASE_URL}/api/method/frappe.client.get_count",
		params={"doctype": "Recommendation", "filters": json.dumps({"document_symbol": CEDAW_OUTCOME})},
		timeout=30,
	).json()["message"]
	assert len(annex.rows) == recommendations + 1, "the annex lists every recommendation of CO/8"
