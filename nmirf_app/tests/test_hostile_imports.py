# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""A desk user who imports a broken or hostile file sees the import marked Failed with a reason they
can act on, and nothing imported; a file with one bad row imports the others and lists the row."""

import csv
import io
import zipfile

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.recommendations.importer import ImportSourceError, run_import
from nmirf_app.testing import make_private_file

UPR_HEADER = "Recommendation,State under Review,Recommending State,Response,Cycle\r\n"


def zip_bomb() -> bytes:
	"""A 300 MB sheet in a file of a few MB."""
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
		with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
			for _ in range(300):
				sheet.write(b"<row><c><v>1</v></c></row>" * 40_000)
	return buffer.getvalue()


class TestHostileImports(FrappeTestCase):
	def start(self, source_type: str, file_name: str, content: bytes):
		return frappe.get_doc(
			{
				"doctype": "Recommendation Import",
				"source_type": source_type,
				"state": "Paraguay",
				"import_file": make_private_file(file_name, content),
			}
		).insert(ignore_permissions=True)

	def assert_refused(self, source_type: str, file_name: str, content: bytes) -> str:
		recommendations = frappe.db.count("Recommendation")
		run = self.start(source_type, file_name, content)
		with self.assertRaises(ImportSourceError):
			run_import(run.name, dry_run=False)
		run.reload()
		self.assertEqual(run.status, "Failed")
		self.assertNotIn("Traceback", run.error_message)
		self.assertEqual(frappe.db.count("Recommendation"), recommendations)
		return run.error_message

	def test_a_pdf_renamed_xlsx_fails_the_import_with_its_reason(self):
		message = self.assert_refused(
			"UHRI XLSX", "export.xlsx", b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n"
		)
		self.assertIn("not an Excel workbook (.xlsx)", message)

	def test_a_zip_bomb_fails_the_import_before_it_is_read(self):
		message = self.assert_refused("Template", "typed.xlsx", zip_bomb())
		self.assertIn("refused before reading it", message)

	def test_a_csv_with_nul_bytes_fails_the_import_with_its_reason(self):
		content = (UPR_HEADER + "Ratify the \x00OP,Paraguay,Maldives,Supported,3\r\n").encode()
		message = self.assert_refused("UPR Info CSV", "upr-info.csv", content)
		self.assertIn("NUL character on line 2", message)

	def test_a_csv_with_an_unclosed_quote_imports_nothing(self):
		rows = "".join(f"Ratify convention {n},Paraguay,Maldives,Supported,3\r\n" for n in range(300))
		content = (UPR_HEADER + rows + '"' + "x" * 140_000 + ",Paraguay\r\n").encode()
		message = self.assert_refused("UPR Info CSV", "upr-info.csv", content)
		self.assertIn("Line 302", message)

	def test_a_huge_cell_fails_its_row_only_and_hostile_values_stay_text_in_the_issues_file(self):
		text = f"Ensure access to safe water in {frappe.generate_hash(length=8)}"
		content = (
			UPR_HEADER
			+ "y" * 100_000
			+ ",Paraguay,Maldives,Supported,3\r\n"
			+ f'{text},Paraguay,"=HYPERLINK(""http://evil.example"",""Click"")",Supported,3\r\n'
		).encode()
		run = self.start("UPR Info CSV", "upr-info.csv", content)
		counts = run_import(run.name, dry_run=False)
		self.assertEqual((counts.created, counts.failed), (1, 1))
		self.assertTrue(frappe.db.exists("Recommendation", {"recommendation_text": text}))
		run.reload()
		self.assertEqual(run.status, "Completed with errors")
		failed = [issue for issue in run.issues if issue.severity == "Failed"]
		self.assertEqual([(issue.row_number, issue.field) for issue in failed], [(2, "Recommendation")])
		self.assertIn("holds 100,000 characters", failed[0].message)
		self.assertLessEqual(len(failed[0].value), 200)

		issues_file = frappe.get_doc("File", {"file_url": run.issues_file})
		content = issues_file.get_content()
		if isinstance(content, bytes):
			content = content.decode("utf-8-sig")
		rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
		values = [row[4] for row in rows[1:]]
		self.assertIn('\'=HYPERLINK("http://evil.example","Click")', values)
		self.assertFalse([cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@"))])
