# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Import runs on a real site: preview, import, re-import without duplicates, updates that keep the
NMIRF's own work, row-level failures, an unreachable URL, and who may import at all."""

import uuid

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.recommendations.importer import ImportSourceError, fail_interrupted_imports, run_import
from nmirf_app.testing import make_institution, make_private_file, make_user, uhri_xlsx_bytes

CRC_TEXT = "18. The Committee recommends that the State party strengthen free birth registration."


def uhri_rows(ids: dict, crc_text: str = CRC_TEXT):
	"""Five rows of a UHRI export. Imports commit as they go (that is their point), so every test
	uses annotation ids and symbols of its own."""
	tag = ids["tag"]
	return [
		{  # row 2
			"Text": "118.5 Ratify the Optional Protocol to the International Covenant on Economic, Social and"
			" Cultural Rights (Portugal);",
			"Countries Concerned": "Paraguay",
			"Reccomending Body": "UPR",
			"Document Symbol": f"A/HRC/48/9/{tag}",
			"Themes": ["Acceptance of international norms"],
			"Document Publication Date": 44389,
			"UPR Reccomending States": ["Portugal"],
			"UPR Position": "Supported",
			"Type": "Recommendations",
			"OHCHR Annotation Id": ids["upr"],
			"UPR Session": "38th Session",
		},
		{  # row 3
			"Text": crc_text,
			"Countries Concerned": "Paraguay",
			"Reccomending Body": "CRC",
			"Document Symbol": f"CRC/C/PRY/CO/4-6/{tag}",
			"Themes": ["Rights related to name, identity, nationality", "Not a UHRI theme"],
			"Affected Persons": ["Children"],
			"Sdgs": ["16.9 - Provide legal identity"],
			"Document Publication Date": 45436,
			"Type": "Recommendations",
			"OHCHR Annotation Id": ids["crc"],
		},
		{  # row 4: nobody knows this body
			"Text": "12. The Special Rapporteur recommends a review of the penal code.",
			"Countries Concerned": "Paraguay",
			"Reccomending Body": "SR on imaginary matters",
			"Document Symbol": "A/HRC/99/1/Add.1",
			"Document Publication Date": 45000,
			"OHCHR Annotation Id": str(uuid.uuid4()),
		},
		{  # row 5: another State's recommendation
			"Text": "20. The Committee recommends that the State party adopt a law.",
			"Countries Concerned": "Peru",
			"Reccomending Body": "CRC",
			"Document Symbol": "CRC/C/PER/CO/6-7",
			"Document Publication Date": 45000,
			"OHCHR Annotation Id": str(uuid.uuid4()),
		},
		{  # row 6: no text
			"Text": "",
			"Countries Concerned": "Paraguay",
			"Reccomending Body": "CAT",
			"Document Symbol": "CAT/C/PRY/CO/7",
			"Document Publication Date": 43000,
			"OHCHR Annotation Id": str(uuid.uuid4()),
		},
	]


def new_ids() -> dict:
	return {"upr": str(uuid.uuid4()), "crc": str(uuid.uuid4()), "tag": frappe.generate_hash(length=6)}


def make_import(rows, **values):
	return frappe.get_doc(
		{
			"doctype": "Recommendation Import",
			"source_type": "UHRI XLSX",
			"import_file": make_private_file("uhri-export.xlsx", uhri_xlsx_bytes(rows)),
			"state": "Paraguay",
			**values,
		}
	).insert(ignore_permissions=True)


def imported(annotation_id):
	return frappe.get_doc("Recommendation", {"uhri_annotation_id": annotation_id})


class TestRecommendationImport(FrappeTestCase):
	def test_an_interrupted_run_is_marked_failed_and_a_rerun_completes_it_without_duplicates(self):
		ids = new_ids()
		rows = uhri_rows(ids)
		run = make_import(rows[:1])  # what the killed run had committed: its first batch
		run_import(run.name, dry_run=False)
		# the run is started again on the whole file, and its worker dies mid-way
		run.reload()
		run.import_file = make_private_file("uhri-export-full.xlsx", uhri_xlsx_bytes(rows))
		run.save(ignore_permissions=True)
		run.db_set("status", "Importing")
		frappe.db.commit()
		self.assertIn(run.name, fail_interrupted_imports(), "no background job is running it")
		run.reload()
		self.assertEqual(run.status, "Failed")
		self.assertIn("interrupted", run.error_message)
		counts = run_import(run.name, dry_run=False)
		self.assertEqual(
			(counts.created, counts.unchanged), (1, 1), "the first batch is recognised, not repeated"
		)
		for annotation_id in (ids["upr"], ids["crc"]):
			self.assertEqual(frappe.db.count("Recommendation", {"uhri_annotation_id": annotation_id}), 1)
		self.assertNotIn(run.name, fail_interrupted_imports(), "a finished run is left alone")

	def test_preview_counts_without_writing(self):
		ids = new_ids()
		run = make_import(uhri_rows(ids))
		counts = run_import(run.name, dry_run=True)
		self.assertEqual(
			counts.summary(),
			{"read": 5, "created": 2, "updated": 0, "unchanged": 0, "failed": 2, "assessments": 0},
		)
		self.assertFalse(frappe.db.exists("Recommendation", {"uhri_annotation_id": ids["upr"]}))
		run.reload()
		self.assertEqual(run.status, "Previewed")
		self.assertEqual(run.skipped_other_state, 1)
		self.assertTrue(run.last_run_was_preview)
		self.assertEqual(
			run.outcome,
			"5 rows read: 2 to create, 0 to update, 0 already up to date, 2 failing. "
			"Left out as about other States: 1 (Peru 1).",
		)

	def test_a_file_about_other_states_says_so_and_that_nothing_is_to_import(self):
		ids = new_ids()
		run = make_import(
			[row for row in uhri_rows(ids) if row["Countries Concerned"] == "Paraguay"], state="Bhutan"
		)
		run_import(run.name, dry_run=True)
		run.reload()
		self.assertEqual(
			run.outcome,
			"4 rows read: all about other States — Paraguay 4 — nothing to import. "
			"Is the State in NMIRF Settings the one this file is about?",
		)

	def test_import_maps_sources_and_reports_failed_rows_by_number(self):
		ids = new_ids()
		run = make_import(uhri_rows(ids))
		counts = run_import(run.name, dry_run=False)
		self.assertEqual((counts.created, counts.failed), (2, 2))

		upr = imported(ids["upr"])
		self.assertEqual(upr.upr_cycle, 3)  # the 38th session belongs to the third cycle
		self.assertTrue(upr.name.startswith("UPR-3-118.5"))
		self.assertEqual(upr.position, "Supported")
		self.assertEqual([row.country for row in upr.recommending_states], ["Portugal"])
		# the 2017 label is an alias of the 2025 one
		self.assertEqual(
			[row.theme for row in upr.themes], ["Ratification of & accession to international instruments"]
		)
		crc = imported(ids["crc"])
		self.assertEqual((crc.mechanism, crc.paragraph, crc.year), ("CRC", "18", 2024))
		self.assertEqual([row.sdg_target for row in crc.sdg_targets], ["16.9"])
		self.assertEqual([row.affected_group for row in crc.affected_groups], ["Children"])

		run.reload()
		self.assertEqual(run.status, "Completed with errors")
		issues = {(issue.row_number, issue.severity): issue for issue in run.issues}
		self.assertIn("SR on imaginary matters", issues[(4, "Failed")].message + issues[(4, "Failed")].value)
		self.assertIn((6, "Failed"), issues)
		self.assertEqual(issues[(3, "Warning")].value, "Not a UHRI theme")
		issues_file = frappe.get_doc("File", {"file_url": run.issues_file})
		self.assertTrue(issues_file.is_private)
		self.assertIn(b"SR on imaginary matters", issues_file.get_content().encode())

	def test_reimport_creates_nothing_and_update_keeps_the_nmirfs_work(self):
		ids = new_ids()
		run_import(make_import(uhri_rows(ids)).name, dry_run=False)
		crc = imported(ids["crc"])
		institution = make_institution("Import Test Civil Registry")
		crc.append("responsible_institutions", {"institution": institution, "role": "Lead"})
		crc.append("themes", {"theme": "Children: definition; general principles; protection"})
		crc.implementation_status = "In progress"
		crc.internal_notes = "Discussed with the registry on 3 March."
		crc.save(ignore_permissions=True)

		again = run_import(make_import(uhri_rows(ids)).name, dry_run=False)
		self.assertEqual((again.created, again.updated, again.unchanged), (0, 0, 2))

		newer_text = (
			"18. The Committee recommends that the State party ensure free and universal birth registration."
		)
		newer = run_import(make_import(uhri_rows(ids, crc_text=newer_text)).name, dry_run=False)
		self.assertEqual((newer.created, newer.updated, newer.unchanged), (0, 1, 1))
		crc.reload()
		self.assertEqual(crc.recommendation_text, newer_text)
		self.assertEqual(crc.lead_institution, institution)
		self.assertEqual(crc.implementation_status, "In progress")
		self.assertEqual(crc.internal_notes, "Discussed with the registry on 3 March.")
		self.assertIn(
			"Children: definition; general principles; protection", [row.theme for row in crc.themes]
		)
		self.assertEqual(frappe.db.count("Recommendation", {"uhri_annotation_id": ids["crc"]}), 1)

	def test_unreachable_url_fails_the_run_with_a_clear_reason(self):
		run = frappe.get_doc(
			{
				"doctype": "Recommendation Import",
				"source_type": "UHRI JSON",
				"source_url": "http://127.0.0.1:9/export-full-en.json",
			}
		).insert(ignore_permissions=True)
		with self.assertRaises(ImportSourceError):
			run_import(run.name, dry_run=True)
		run.reload()
		self.assertEqual(run.status, "Failed")
		self.assertIn("Could not reach http://127.0.0.1:9/export-full-en.json", run.error_message)

	def test_a_file_of_the_wrong_format_fails_the_run(self):
		run = frappe.get_doc(
			{
				"doctype": "Recommendation Import",
				"source_type": "UHRI XLSX",
				"import_file": make_private_file("not-a-workbook.xlsx", b"this is not a spreadsheet"),
			}
		).insert(ignore_permissions=True)
		with self.assertRaises(ImportSourceError):
			run_import(run.name, dry_run=True)
		self.assertEqual(frappe.db.get_value("Recommendation Import", run.name, "status"), "Failed")

	def test_focal_points_cannot_import(self):
		focal_point = make_user("fp.importer", "NMIRF Focal Point")
		run = make_import(uhri_rows(new_ids()))
		frappe.set_user(focal_point)
		try:
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc(
					{
						"doctype": "Recommendation Import",
						"source_type": "UHRI JSON",
						"source_url": "https://uhri.ohchr.org/export.json",
					}
				).insert()
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc("Recommendation Import", run.name).start_preview()
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list("Recommendation Import")
		finally:
			frappe.set_user("Administrator")
