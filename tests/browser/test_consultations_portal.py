"""The published consultations for a guest: each input received and how it was taken into
account, and never a participant's name or contact, the minutes or an unpublished consultation."""

import uuid

from helpers import ARTIFACTS, BASE_URL
from playwright.sync_api import expect


def make_consultation(admin_api, **values) -> str:
	response = admin_api.post(f"{BASE_URL}/api/resource/Consultation", json=values, timeout=30)
	response.raise_for_status()
	return response.json()["data"]["name"]


def test_guest_reads_published_consultations_and_their_feedback_and_nothing_private(browser, admin_api):
	marker = uuid.uuid4().hex[:6]
	institution = admin_api.get(
		f"{BASE_URL}/api/resource/Institution", params={"limit_page_length": 1}, timeout=30
	).json()["data"][0]["name"]
	published = make_consultation(
		admin_api,
		title=f"Consultation on the draft CEDAW report {marker}",
		consultation_type="Meeting",
		status="Held",
		consultation_date="2026-10-14",
		region="Central",
		published=1,
		minutes=f"<p>PRIVATE MINUTE {marker}: the deputy minister said off the record…</p>",
		participants=[
			{"participant_type": "Government", "institution": institution, "attended": 1},
			{
				"participant_type": "Civil society",
				"participant_name": f"Jane Roe jane.roe.{marker}@example.org",
				"attended": 1,
			},
			{"participant_type": "Civil society", "participant_name": "Women's Coalition", "attended": 1},
		],
		inputs=[
			{
				"source": "Women's Coalition",
				"input_summary": f"Publish femicide data every quarter {marker}",
				"response": "Taken into account",
				"feedback": "Paragraph 42 of the draft now reports the quarterly figures.",
			},
			{
				"source": "National Human Rights Institution",
				"input_summary": "Include the prison inspections",
				"response": "Not retained",
				"feedback": "Outside the period of the report.",
			},
		],
	)
	unpublished = make_consultation(
		admin_api,
		title=f"Unpublished consultation {marker}",
		consultation_type="Written consultation",
		status="Held",
		consultation_date="2026-10-20",
		published=0,
	)

	guest = browser.new_context()
	page = guest.new_page()
	page.goto(f"{BASE_URL}/consultations")
	expect(page.locator(".nmirf-consultation").filter(has_text=marker)).to_have_count(1)
	assert f"Unpublished consultation {marker}" not in page.content()
	page.locator(".nmirf-consultation a").filter(has_text=marker).click()
	expect(page.locator("#consultation-title")).to_contain_text(marker)
	expect(page.locator("table")).to_contain_text(
		"Paragraph 42 of the draft now reports the quarterly figures."
	)
	expect(page.locator("table")).to_contain_text("Not retained")
	expect(page.locator(".nmirf-consultation-page")).to_contain_text(institution)
	expect(page.locator(".nmirf-consultation-page")).to_contain_text("Civil society: 2")
	page.screenshot(path=str(ARTIFACTS / "portal-consultation.png"), full_page=True)
	html = page.content()
	assert f"jane.roe.{marker}" not in html and "Jane Roe" not in html, "no participant's name or contact"
	assert "PRIVATE MINUTE" not in html, "never the minutes"
	assert page.request.get(f"{BASE_URL}/consultations/{unpublished}").status == 404
	assert page.request.get(f"{BASE_URL}/consultations/{published}").status == 200
	guest.close()
