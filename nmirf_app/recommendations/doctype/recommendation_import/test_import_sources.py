# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The other ways in: a UHRI JSON export downloaded from a URL, and the Excel template typed by hand."""

import functools
import http.server
import io
import json
import os
import tempfile
import threading
import uuid
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from nmirf_app.core.recommendation_template import TEMPLATE_COLUMNS
from nmirf_app.recommendations.doctype.recommendation_import.recommendation_import import download_template
from nmirf_app.recommendations.importer import ImportSourceError, downloaded, run_import
from nmirf_app.testing import make_private_file


class QuietHandler(http.server.SimpleHTTPRequestHandler):
	def log_message(self, *args):
		pass


class NoLengthHandler(QuietHandler):
	"""Streams 3 KB without saying how long the body is, as a hostile server may."""

	def do_GET(self):
		self.send_response(200)
		self.end_headers()
		self.wfile.write(b"[" + b" " * 3000 + b"]")


def serve(test, handler):
	server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
	threading.Thread(target=server.serve_forever, daemon=True).start()
	test.addCleanup(server.shutdown)
	return f"http://127.0.0.1:{server.server_port}"


class TestImportSources(FrappeTestCase):
	def test_a_download_larger_than_an_export_is_refused_and_leaves_nothing(self):
		folder = tempfile.mkdtemp()
		with open(f"{folder}/big.json", "wb") as file:
			file.write(b"[" + b" " * 3000 + b"]")
		with_length = serve(self, functools.partial(QuietHandler, directory=folder))
		without_length = serve(self, NoLengthHandler)
		before = set(os.listdir(tempfile.gettempdir()))
		with patch("nmirf_app.recommendations.importer.MAX_DOWNLOAD_BYTES", 1024):
			for url in (f"{with_length}/big.json", f"{without_length}/big.json"):
				with self.assertRaises(ImportSourceError) as refused:
					with downloaded(url):
						self.fail("a file over the limit must not be handed to the reader")
				self.assertIn("is larger than", str(refused.exception))
		leftovers = {
			name
			for name in set(os.listdir(tempfile.gettempdir())) - before
			if name.startswith("nmirf-import-")
		}
		self.assertFalse(leftovers)

	def test_uhri_json_is_downloaded_from_the_source_url_and_imported(self):
		annotation_id = str(uuid.uuid4())
		export = [
			{
				"Text": "<p>25. The Committee recommends that the State party adopt a <b>national care</b> policy.</p>",
				"Countries": ["Paraguay"],
				"Body": "CEDAW",
				"Symbol": f"CEDAW/C/PRY/CO/{annotation_id[:6]}",
				"Themes": ["Women"],
				"PublicationDate": "2023-05-31T00:00:00",
				"AnnotationId": annotation_id,
				"AnnotationType": "Recommendations",
				"UprCycle": None,
			},
			{"Text": "9. Another State's paragraph.", "Countries": ["Peru"], "Body": "CEDAW", "Symbol": "X"},
		]
		folder = tempfile.mkdtemp()
		with open(f"{folder}/export-full-en.json", "w") as file:
			json.dump(export, file)
		# a local web server stands in for OHCHR: the download path is the real one
		server = http.server.ThreadingHTTPServer(
			("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder)
		)
		threading.Thread(target=server.serve_forever, daemon=True).start()
		self.addCleanup(server.shutdown)

		run = frappe.get_doc(
			{
				"doctype": "Recommendation Import",
				"source_type": "UHRI JSON",
				"source_url": f"http://127.0.0.1:{server.server_port}/export-full-en.json",
				"state": "Paraguay",
			}
		).insert(ignore_permissions=True)
		counts = run_import(run.name, dry_run=False)
		self.assertEqual((counts.read, counts.created, counts.skipped_other_state), (2, 1, 1))
		recommendation = frappe.get_doc("Recommendation", {"uhri_annotation_id": annotation_id})
		self.assertEqual(recommendation.mechanism, "CEDAW")
		self.assertNotIn("<b>", recommendation.recommendation_text)  # HTML in UHRI JSON is read as text

	def test_template_typed_by_hand_is_imported(self):
		download_template()
		workbook = load_workbook(io.BytesIO(frappe.response["filecontent"]))
		sheet = workbook["Recommendations"]
		# required columns are marked with an asterisk for the person filling the sheet
		headers = [cell.value for cell in sheet[1]]
		self.assertEqual(
			[header.rstrip(" *") for header in headers], [column.header for column in TEMPLATE_COLUMNS]
		)
		symbol = f"IACHR/REP/{frappe.generate_hash(length=6)}"
		row = {
			"Mechanism": "IACHR",
			"Document symbol": symbol,
			"Paragraph": "7",
			"Document date": "2024-03-12",
			"Text": "7. Adopt measures to protect human rights defenders in rural areas.",
			"Themes": "Human rights defenders",
		}
		sheet.append([row.get(header.rstrip(" *"), "") for header in headers])
		buffer = io.BytesIO()
		workbook.save(buffer)

		run = frappe.get_doc(
			{
				"doctype": "Recommendation Import",
				"source_type": "Template",
				"import_file": make_private_file("typed.xlsx", buffer.getvalue()),
			}
		).insert(ignore_permissions=True)
		counts = run_import(run.name, dry_run=False)
		self.assertEqual((counts.created, counts.failed), (1, 0), counts.issues)
		recommendation = frappe.get_doc("Recommendation", {"document_symbol": symbol})
		self.assertEqual((recommendation.mechanism, recommendation.paragraph), ("IACHR", "7"))
		self.assertTrue(recommendation.name.startswith("IACHR-2024-7"))
