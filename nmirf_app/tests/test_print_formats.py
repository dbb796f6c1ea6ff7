# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The app's print formats as a user prints them (Frappe's download_pdf, its own PDF generation):
the default format of each doctype, what each page says (read back with pypdf), in French too, and
nobody prints what they may not read. ARTIFACTS, when set, keeps each PDF's first page as PNG."""

import functools
import http.server
import io
import os
import shutil
import subprocess
import threading
import unicodedata
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils.print_format import download_pdf
from pypdf import PdfReader

from nmirf_app.testing import NMIRFTestCase, as_user, make_private_file, make_recommendation

FORMATS = {
	"Recommendation": "Recommendation Sheet",
	"Institution": "Institution Implementation Matrix",
	"Progress Update": "Progress Update Sheet",
	"State Report": "State Report Status Summary",
}


def printed(doctype: str, name: str, language: str | None = None) -> str:
	download_pdf(doctype, name, FORMATS[doctype], language=language)
	content = frappe.local.response.filecontent
	keep_first_page(content, f"print-{doctype.lower().replace(' ', '-')}-{language or 'en'}")
	pages = PdfReader(io.BytesIO(content)).pages
	# NFKC: the PDF's ligatures ("ﬁ") read as their letters
	return unicodedata.normalize("NFKC", "\n".join(" ".join(page.extract_text().split()) for page in pages))


def printed_in_logical_order(doctype: str, name: str, language: str) -> str:
	"""The PDF's text as poppler reads it (in reading order, also for Arabic, where pypdf gives the
	glyphs as drawn, right to left), its presentation forms (ligatures) read as letters."""
	download_pdf(doctype, name, FORMATS[doctype], language=language)
	content = frappe.local.response.filecontent
	keep_first_page(content, f"print-{doctype.lower().replace(' ', '-')}-{language}")
	text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout
	return readable(text.decode())


def readable(text: str) -> str:
	"""Ligatures as letters, whitespace tidied and Arabic vowel marks left out (poppler does not
	always read them back)."""
	letters = unicodedata.normalize("NFKC", " ".join(text.split()))
	return "".join(char for char in letters if unicodedata.category(char) != "Mn")


def keep_first_page(pdf: bytes, stem: str):
	folder = os.environ.get("NMIRF_ARTIFACTS")
	if not folder or not shutil.which("pdftoppm"):
		return
	os.makedirs(folder, exist_ok=True)
	subprocess.run(
		["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", "-", f"{folder}/{stem}"],
		input=pdf,
		check=True,
		timeout=60,
	)


class QuietAssets(http.server.SimpleHTTPRequestHandler):
	def log_message(self, *args):
		pass


class TestPrintFormats(NMIRFTestCase):
	world = "print"
	institutions = ("Print Test Water Authority", "Print Test Other Ministry")

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# wkhtmltopdf fetches the print stylesheet from the site's address, as on a served site; the
		# tests run with no web server, so the bench's assets are served here for their duration
		assets = http.server.ThreadingHTTPServer(
			("127.0.0.1", 0),
			functools.partial(QuietAssets, directory=frappe.utils.get_bench_path() + "/sites"),
		)
		threading.Thread(target=assets.serve_forever, daemon=True).start()
		cls.addClassCleanup(assets.shutdown)
		host = patch.dict(frappe.local.conf, {"host_name": f"http://127.0.0.1:{assets.server_port}"})
		host.start()
		cls.addClassCleanup(host.stop)
		cls.symbol = f"CRC/C/P{frappe.generate_hash(length=5).upper()}/CO/5"
		cls.recommendation = make_recommendation(
			[cls.mine],
			document_symbol=cls.symbol,
			paragraph="21",
			recommendation_text="21. The Committee recommends that the State party guarantee safe drinking water in every school.",
			themes=[{"theme": "Safe drinking water & sanitation"}],
			sdg_targets=[{"sdg_target": "6.1"}, {"sdg_goal": "SDG 4"}],
		).name
		update = as_user(
			cls.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"institution": cls.mine,
					"recommendation": cls.recommendation,
					"reported_status": "In progress",
					"summary": "<p>312 rural schools now have drinking water.</p>",
					"evidence": [
						{
							"description": "Ministry survey of rural schools, 2026",
							"evidence_file": make_private_file("school-survey.pdf", b"%PDF-1.4 survey"),
						}
					],
				}
			).insert(),
		)
		as_user(cls.focal_point, apply_workflow, update.as_dict(), "Submit for validation")
		for user, action in ((cls.validator, "Validate"), (cls.secretariat, "Approve")):
			as_user(user, apply_workflow, frappe.get_doc("Progress Update", update.name).as_dict(), action)
		cls.update = update.name
		cls.report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Print test: combined fifth report to the CRC",
				"report_type": "Periodic report",
				"mechanism": "CRC",
				"source_document_symbol": cls.symbol,
			}
		).insert()

	def test_each_doctype_prints_with_the_apps_format_by_default(self):
		for doctype, print_format in FORMATS.items():
			self.assertEqual(frappe.get_meta(doctype).default_print_format, print_format)

	def test_the_recommendation_sheet_tells_source_tags_institutions_and_progress(self):
		text = printed("Recommendation", self.recommendation)
		for expected in (
			self.recommendation,
			self.symbol,
			"guarantee safe drinking water in every school",
			"Safe drinking water & sanitation",
			"6.1; SDG 4",
			f"{self.mine} (Lead)",
			"312 rural schools now have drinking water.",
		):
			self.assertIn(expected, text)
		french = printed("Recommendation", self.recommendation, "fr")
		label = "Implementation status"  # a variable: the template extractor reads no test strings
		self.assertIn(frappe._(label, lang="fr"), french)
		self.assertNotEqual(frappe._(label, lang="fr"), label)

	def test_the_progress_update_lists_its_evidence(self):
		text = printed("Progress Update", self.update)
		self.assertIn("312 rural schools now have drinking water.", text)
		self.assertIn("Ministry survey of rural schools, 2026", text)

	def test_the_institution_matrix_and_the_report_summary(self):
		matrix = printed("Institution", self.mine)
		self.assertIn(self.recommendation, matrix)
		responsible = frappe.get_all(
			"Recommendation Institution",
			filters={"parenttype": "Recommendation", "institution": self.mine},
			pluck="parent",
			distinct=True,
		)
		self.assertIn(f"Recommendations this institution is responsible for: {len(responsible)}", matrix)
		summary = printed("State Report", self.report.name)
		self.assertIn("Print test: combined fifth report to the CRC", summary)
		self.assertIn(self.recommendation, summary)
		self.assertIn("Total 1", summary)

	def test_nobody_prints_what_they_may_not_read(self):
		self.assertIn(
			self.recommendation, as_user(self.focal_point, printed, "Recommendation", self.recommendation)
		)
		with self.assertRaises(frappe.PermissionError):
			as_user(self.other_focal_point, printed, "Recommendation", self.recommendation)
		with self.assertRaises(frappe.PermissionError):
			as_user(self.other_focal_point, printed, "Progress Update", self.update)

	def test_every_format_prints_in_french_spanish_and_arabic(self):
		if not shutil.which("pdftotext"):
			self.skipTest("poppler-utils (pdftotext) is not installed; .ci/run installs it")
		# a heading or label of each format (variables: the template extractor reads no test strings)
		labels = {
			"Recommendation": "Implementation status",
			"Institution": "Implementation matrix",
			"Progress Update": "Reported status",
			"State Report": "Status of the recommendations covered",
		}
		names = {
			"Recommendation": self.recommendation,
			"Institution": self.mine,
			"Progress Update": self.update,
			"State Report": self.report.name,
		}
		for language in ("fr", "es", "ar"):
			for doctype, label in labels.items():
				with self.subTest(language=language, doctype=doctype):
					translated = frappe._(label, lang=language)
					self.assertNotEqual(translated, label)
					self.assertIn(
						readable(translated),
						printed_in_logical_order(doctype, names[doctype], language),
					)

	def test_arabic_prints_right_to_left_with_whole_lines(self):
		frappe.local.lang = "ar"
		self.addCleanup(setattr, frappe.local, "lang", "en")
		page = frappe.get_print("Recommendation", self.recommendation, FORMATS["Recommendation"])
		self.assertIn('<html lang="ar" dir="rtl">', page)
		self.assertNotIn('class="nmirf-print" dir=', page, "the sheet takes the page's direction")
		no_assessment = "No assessment yet."
		sentence = frappe._(no_assessment, lang="ar")
		# wkhtmltopdf prints an Arabic line ending in punctuation whole only when the punctuation is
		# an element of its own
		self.assertIn(f"<p>{sentence[:-1]}<span>{sentence[-1]}</span></p>", page)
