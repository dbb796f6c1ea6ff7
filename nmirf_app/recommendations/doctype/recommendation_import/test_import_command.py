# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""`bench --site SITE nmirf import PATH_OR_URL --source … [--dry-run]`, run as an operator would."""

import json
import os
import subprocess
import sys
import tempfile

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.recommendations.doctype.recommendation_import.test_recommendation_import import (
	new_ids,
	uhri_rows,
)
from nmirf_app.testing import uhri_xlsx_bytes


def bench_nmirf(*args: str) -> subprocess.CompletedProcess:
	command = [
		sys.executable,
		"-m",
		"frappe.utils.bench_helper",
		"frappe",
		"--site",
		frappe.local.site,
		"nmirf",
		*args,
	]
	return subprocess.run(
		command, cwd=frappe.utils.get_bench_path() + "/sites", capture_output=True, text=True, timeout=600
	)


class TestImportCommand(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# the command runs in its own process: the NMIRF's State must be committed for it to see
		frappe.db.set_single_value("NMIRF Settings", "state", "Paraguay")
		frappe.db.commit()

	def test_import_prints_progress_and_a_json_summary_and_reimports_nothing(self):
		ids = new_ids()
		with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as export:
			export.write(uhri_xlsx_bytes(uhri_rows(ids)))
		self.addCleanup(os.unlink, export.name)

		preview = bench_nmirf("import", export.name, "--source", "uhri-xlsx", "--dry-run")
		self.assertEqual(preview.returncode, 0, preview.stderr)
		self.assertIn("rows read", preview.stdout)
		self.assertEqual(
			json.loads(preview.stdout.strip().splitlines()[-1]),
			{"read": 5, "created": 2, "updated": 0, "unchanged": 0, "failed": 2},
		)

		first = bench_nmirf("import", export.name, "--source", "uhri-xlsx")
		self.assertEqual(json.loads(first.stdout.strip().splitlines()[-1])["created"], 2, first.stderr)
		self.assertIn("row 4", first.stdout)  # failed rows are named on the way

		again = bench_nmirf("import", export.name, "--source", "uhri-xlsx")
		summary = json.loads(again.stdout.strip().splitlines()[-1])
		self.assertEqual((summary["created"], summary["unchanged"]), (0, 2))
		self.assertEqual(frappe.db.count("Recommendation", {"uhri_annotation_id": ids["crc"]}), 1)
		run = frappe.get_last_doc("Recommendation Import")
		self.assertIn("(command line)", run.source_description)
		self.assertEqual(run.status, "Completed with errors")

	def test_a_run_that_cannot_happen_exits_non_zero_with_the_reason(self):
		offline = bench_nmirf("import", "http://127.0.0.1:9/export.json", "--source", "uhri-json")
		self.assertNotEqual(offline.returncode, 0)
		self.assertIn("Could not reach", offline.stderr)
		missing = bench_nmirf("import", "/nonexistent/export.xlsx", "--source", "uhri-xlsx")
		self.assertNotEqual(missing.returncode, 0)
		self.assertIn("File not found", missing.stderr)
