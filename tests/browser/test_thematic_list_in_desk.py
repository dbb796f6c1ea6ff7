"""User story: the secretariat receives OHCHR's thematic list of a review, imports it in the desk,
maps the one theme label the site does not know in a single dialog, imports again so the label
counts, and sends the UPR matrix of that review, in OHCHR's layout, for the State's assessments."""

import dataclasses
import io
import json
import uuid

import thematic_list_samples
from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login, resource_rows
from playwright.sync_api import expect

from nmirf_app.core.reference_data import sdg_goals
from nmirf_app.core.upr_thematic_list import read_upr_thematic_list

SECRETARIAT = "secretariat@demo.nmirf.example"
KNOWN_THEME = "Right to health"


def wait_for_status(page, status, timeout=120_000):
	expect(page.locator(".indicator-pill").filter(has_text=status).first).to_be_visible(timeout=timeout)


def a_list_with_an_unknown_theme(state: str):
	"""Three recommendations of a 3rd-cycle list, of a report no other test uses, the first one
	tagged by OHCHR with a label the vocabulary lacks."""
	sample = thematic_list_samples.sample_list(3, state=state)
	report = f"A/HRC/{uuid.uuid4().hex[:5].upper()}/9"
	label = f"Rights of lighthouse keepers {uuid.uuid4().hex[:5]}"
	recommendations = [
		dataclasses.replace(
			recommendation,
			position_source=f"{report}/Add.1 - Para. {index + 3}",
			docx_position_source="",
			themes=(*recommendation.themes, label) if index == 0 else recommendation.themes,
		)
		for index, recommendation in enumerate(sample.recommendations[:3])
	]
	sample = dataclasses.replace(sample, report=report, recommendations=recommendations)
	return sample, label


def test_secretariat_imports_a_thematic_list_maps_a_label_and_exports_the_matrix(page, admin_api, tmp_path):
	state = admin_api.get(f"{BASE_URL}/api/resource/NMIRF Settings/NMIRF Settings", timeout=30).json()[
		"data"
	]["state"]
	sample, label = a_list_with_an_unknown_theme(state)
	document = tmp_path / "upr-thematic-list.docx"
	document.write_bytes(thematic_list_samples.build_docx(sample))

	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation-import/new")
	page.locator(".frappe-control[data-fieldname='source_type'] select").select_option("UPR Thematic List")
	page.locator(".frappe-control[data-fieldname='import_file'] button").first.click()
	page.locator(".modal.show input[type='file']").set_input_files(str(document))
	page.locator(".modal.show .btn-modal-primary").click()  # Upload
	expect(page.locator(".frappe-control[data-fieldname='import_file'] a.attached-file-link")).to_be_visible()
	page.keyboard.press("Control+s")
	page.wait_for_url("**/app/recommendation-import/IMP-*")

	page.get_by_role("button", name="Import", exact=True).click()
	page.locator(".modal.show .btn-modal-primary").click()  # confirm an import without a preview
	wait_for_status(page, "Completed")
	expect(page.locator(".page-body")).to_contain_text("3 created")
	# the label OHCHR gave and the site lacks is said, and mapped in one step
	map_button = page.locator(".page-actions button:visible").filter(has_text="Map unknown labels (1)")
	expect(map_button).to_be_visible()
	page.screenshot(path=str(ARTIFACTS / "thematic-list-imported.png"), full_page=True)
	map_button.click()
	dialog = page.locator(".modal.show")
	expect(dialog.locator(".frappe-control[data-fieldname='entry_0'] label")).to_contain_text(label)
	field = dialog.locator(".frappe-control[data-fieldname='entry_0'] input")
	field.click()
	field.press_sequentially(KNOWN_THEME, delay=40)
	dialog.locator("[role='option']").filter(has_text=KNOWN_THEME).first.click(timeout=30_000)
	page.wait_for_timeout(400)  # the modal's fade
	page.screenshot(path=str(ARTIFACTS / "thematic-list-map-labels.png"), full_page=True)
	dialog.locator(".btn-modal-primary").click()
	expect(page.locator(".alert-message").filter(has_text="Labels mapped: 1")).to_be_visible()
	aliases = admin_api.get(f"{BASE_URL}/api/resource/Human Rights Theme/{KNOWN_THEME}", timeout=30).json()[
		"data"
	]["aliases"]
	assert label in [row["alias"] for row in aliases]
	expect(page.locator(".page-actions button:visible").filter(has_text="Map unknown labels")).to_have_count(
		0
	)

	# importing again applies the mapping to the recommendation that carried the label
	page.get_by_role("button", name="Import", exact=True).click()
	page.locator(".modal.show .btn-modal-primary").click()
	expect(page.locator(".page-body")).to_contain_text("1 updated", timeout=120_000)
	[first] = resource_rows(
		admin_api,
		"Recommendation",
		[["document_symbol", "=", sample.report], ["paragraph", "=", sample.recommendations[0].paragraph]],
		fields=("name",),
	)
	record = admin_api.get(f"{BASE_URL}/api/resource/Recommendation/{first['name']}", timeout=30).json()[
		"data"
	]
	assert KNOWN_THEME in [row["theme"] for row in record["themes"]]

	# the form shows the goals OHCHR named, without targets
	page.goto(f"{BASE_URL}/app/recommendation/{first['name']}")
	grid = page.locator(".frappe-control[data-fieldname='sdg_targets'] .grid-body")
	titles = {str(goal["goal_number"]): goal["short_title"] for goal in sdg_goals()}
	for goal in sample.recommendations[0].sdg_goals:
		expect(grid).to_contain_text(titles[goal])  # the goal's link shows its title
	page.screenshot(path=str(ARTIFACTS / "thematic-list-recommendation.png"), full_page=True)

	# the review's matrix in OHCHR's layout, from the list's menu
	filters = [["Recommendation", "document_symbol", "=", sample.report]]
	page.goto(f"{BASE_URL}/app/recommendation?document_symbol={sample.report}")
	expect(page.locator(".list-count")).to_contain_text("3 of 3", timeout=30_000)
	page.locator(".page-actions .menu-btn-group button").click()
	page.locator(".dropdown-menu.show .dropdown-item").filter(has_text="thematic-list layout").click()
	prompt = page.locator(".modal.show")
	expect(prompt).to_contain_text("import the file back")
	page.wait_for_timeout(400)
	page.screenshot(path=str(ARTIFACTS / "thematic-list-export-prompt.png"), full_page=True)
	with page.expect_popup() as popup:
		prompt.locator(".btn-modal-primary").click()
	popup.value.close()
	answer = page.request.get(
		f"{BASE_URL}/api/method/nmirf_app.recommendations.implementation_matrix.export_thematic_matrix",
		params={"filters": json.dumps(filters), "file_format": "docx"},
	)
	assert answer.ok, answer.text()
	rows = list(read_upr_thematic_list(io.BytesIO(answer.body())))
	assert sorted(row["paragraph"] for row in rows) == sorted(r.paragraph for r in sample.recommendations)
