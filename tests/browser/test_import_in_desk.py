"""User story: the secretariat uploads a UHRI export in the desk, previews it, imports it as a
background job and finds the new recommendations — and the same file a second time changes nothing."""

import uuid

from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login, resource_rows
from playwright.sync_api import expect

from nmirf_app.core.uhri_format import UHRI_XLSX_HEADERS

SECRETARIAT = "secretariat@demo.nmirf.example"


def write_export(path, annotation_ids, state):
	from openpyxl import Workbook

	workbook = Workbook()
	sheet = workbook.active
	sheet.append(list(UHRI_XLSX_HEADERS))
	texts = (
		"31. The Committee recommends that the State party guarantee access to clean water in Chaco schools.",
		"32. The Committee recommends that the State party train teachers in inclusive education.",
	)
	for annotation_id, text in zip(annotation_ids, texts, strict=True):
		row = dict.fromkeys(UHRI_XLSX_HEADERS, "")
		row.update(
			{
				"Text": text,
				"Countries Concerned": f"- {state}",
				"Reccomending Body": "- CRC",
				"Document Symbol": f"- CRC/C/PRY/CO/{annotation_id[:8]}",
				"Themes": "- Children: definition; general principles; protection",
				"Document Publication Date": 45436,
				"Type": "- Recommendations",
				"OHCHR Annotation Id": f"- {annotation_id}",
			}
		)
		sheet.append([row[header] for header in UHRI_XLSX_HEADERS])
	workbook.save(path)


def wait_for_status(page, status, timeout=120_000):
	expect(page.locator(".indicator-pill").filter(has_text=status).first).to_be_visible(timeout=timeout)


def test_secretariat_previews_and_imports_a_uhri_export(page, admin_api, tmp_path):
	annotation_ids = [str(uuid.uuid4()), str(uuid.uuid4())]
	export = tmp_path / "uhri-export.xlsx"
	# an export of the NMIRF's own State: the import keeps only that State's records
	settings = admin_api.get(f"{BASE_URL}/api/resource/NMIRF Settings/NMIRF Settings", timeout=30).json()[
		"data"
	]
	write_export(export, annotation_ids, settings["state"])

	login(page, SECRETARIAT, DEMO_PASSWORD)
	page.goto(f"{BASE_URL}/app/recommendation-import/new")
	page.locator(".frappe-control[data-fieldname='source_type'] select").select_option("UHRI XLSX")
	page.locator(".frappe-control[data-fieldname='import_file'] button").first.click()
	page.locator(".modal.show input[type='file']").set_input_files(str(export))
	page.locator(".modal.show .btn-modal-primary").click()  # Upload
	expect(page.locator(".frappe-control[data-fieldname='import_file'] a.attached-file-link")).to_be_visible()
	page.keyboard.press("Control+s")
	page.wait_for_url("**/app/recommendation-import/IMP-*")

	page.get_by_role("button", name="Preview").click()
	wait_for_status(page, "Previewed")
	expect(page.locator(".frappe-control[data-fieldname='created'] .control-value")).to_have_text("2")
	page.screenshot(path=str(ARTIFACTS / "import-previewed.png"), full_page=True)

	page.get_by_role("button", name="Import", exact=True).click()
	page.locator(".modal.show .btn-modal-primary").click()  # confirm
	wait_for_status(page, "Completed")
	page.screenshot(path=str(ARTIFACTS / "import-completed.png"), full_page=True)

	found = resource_rows(
		admin_api,
		"Recommendation",
		[["uhri_annotation_id", "in", annotation_ids]],
		fields=("name", "mechanism"),
	)
	assert {row["mechanism"] for row in found} == {"CRC"} and len(found) == 2
