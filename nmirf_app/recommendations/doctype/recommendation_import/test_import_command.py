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
from nmirf_app.testing import thematic_list_samples, uhri_xlsx_bytes


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
			{"read": 5, "created": 2, "updated": 0, "unchanged": 0, "failed": 2, "assessments": 0},
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

	def thematic_list(self, cycle: int):
		"""A sample list of that cycle's layout, written by the repository's generator (tests/), and
		the path of its DOCX."""
		samples = thematic_list_samples()
		sample = samples.sample_list(cycle)
		with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as document:
			document.write(samples.build_docx(sample))
		self.addCleanup(os.unlink, document.name)
		return sample, document.name

	def test_every_generation_imports_each_recommendation_with_position_tags_and_goals(self):
		from nmirf_app.core.recommendation_import import read_candidates
		from nmirf_app.recommendations.importer import build_import_context

		positions = {"Supported": "Supported", "Noted": "Noted", "Supported/Noted": "Supported in part"}
		self.addCleanup(frappe.db.rollback)  # leave no old snapshot to the next test, even on failure
		for cycle in (2, 3, 4):
			sample, path = self.thematic_list(cycle)
			run = bench_nmirf("import", path, "--source", "upr-thematic-list")
			summary = json.loads(run.stdout.strip().splitlines()[-1])
			self.assertEqual(
				(summary["read"], summary["failed"]), (len(sample.recommendations), 0), run.stdout
			)
			# what the reader and the site's vocabularies make of each row (tested without Frappe)…
			expected = {
				candidate.values["paragraph"]: candidate
				for candidate in read_candidates("upr-thematic-list", path, build_import_context())
			}
			frappe.db.rollback()  # …against what the command's process committed
			for recommendation in sample.recommendations:
				name = frappe.db.get_value(
					"Recommendation",
					{"document_symbol": sample.report, "paragraph": recommendation.paragraph},
				)
				doc = frappe.get_doc("Recommendation", name)
				candidate = expected[recommendation.paragraph]
				where = f"cycle {cycle}, paragraph {recommendation.paragraph}"
				self.assertEqual(doc.position, positions[recommendation.position], where)
				self.assertEqual(doc.upr_cycle, cycle, where)
				self.assertEqual([row.theme for row in doc.themes], candidate.themes, where)
				self.assertEqual(
					[row.affected_group for row in doc.affected_groups], candidate.affected_groups, where
				)
				self.assertEqual(
					[row.country for row in doc.recommending_states], candidate.recommending_states, where
				)
				# a filled assessment column is the State's assessment, recorded once
				if recommendation.assessment:
					[assessment] = frappe.get_all(
						"Implementation Assessment",
						filters={"recommendation": name, "voice": "Government"},
						fields=["status", "notes"],
					)
					self.assertEqual(assessment.status, "Fully implemented", where)
					self.assertIn("re-accredited", assessment.notes, where)
				# OHCHR names goals, never targets: each is a goal-only SDG row
				self.assertEqual(
					[(row.sdg_target, row.sdg_goal) for row in doc.sdg_targets],
					[(None, f"SDG {int(goal)}") for goal in recommendation.sdg_goals],
					where,
				)
			again = json.loads(
				bench_nmirf("import", path, "--source", "upr-thematic-list").stdout.strip().splitlines()[-1]
			)
			self.assertEqual(
				(again["created"], again["updated"], again["unchanged"], again["assessments"]),
				(0, 0, len(sample.recommendations), 0),
				f"cycle {cycle}: a second run changes nothing",
			)

	def test_a_upr_thematic_list_imports_once_and_meets_the_same_recommendations_from_uhri(self):
		from nmirf_app.testing import uhri_xlsx_bytes

		sample, path = self.thematic_list(4)

		first = bench_nmirf("import", path, "--source", "upr-thematic-list")
		self.assertEqual(first.returncode, 0, first.stderr)
		summary = json.loads(first.stdout.strip().splitlines()[-1])
		total = len(sample.recommendations)
		self.assertEqual((summary["read"], summary["failed"]), (total, 0), first.stdout)
		self.assertEqual(summary["created"] + summary["unchanged"] + summary["updated"], total)
		stored = frappe.get_all(
			"Recommendation",
			filters={"document_symbol": sample.report, "mechanism": "UPR"},
			fields=["paragraph", "upr_cycle", "session", "position", "state_under_review"],
		)
		self.assertEqual(
			sorted(row.paragraph for row in stored), sorted(r.paragraph for r in sample.recommendations)
		)
		self.assertEqual(
			{(row.upr_cycle, row.session, row.state_under_review) for row in stored},
			{(4, sample.session, "Paraguay")},
		)

		again = json.loads(
			bench_nmirf("import", path, "--source", "upr-thematic-list").stdout.strip().splitlines()[-1]
		)
		self.assertEqual((again["created"], again["unchanged"]), (0, total), "a second run creates nothing")

		# the same recommendation later imported from UHRI is the same record, now with its annotation id
		recommendation = sample.recommendations[0]
		annotation = f"thematic-{frappe.generate_hash(length=8)}"
		with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as export:
			export.write(
				uhri_xlsx_bytes(
					[
						{
							"Text": recommendation.printed_text,
							"Countries Concerned": "Paraguay",
							"Reccomending Body": "UPR",
							"Document Symbol": sample.report,
							"Document Publication Date": 45500,
							"UPR Position": "Supported",
							"Type": "Recommendations",
							"OHCHR Annotation Id": annotation,
							"UPR Session": sample.session,
						}
					]
				)
			)
		self.addCleanup(os.unlink, export.name)
		from_uhri = json.loads(
			bench_nmirf("import", export.name, "--source", "uhri-xlsx").stdout.strip().splitlines()[-1]
		)
		self.assertEqual(from_uhri["created"], 0, from_uhri)
		frappe.db.rollback()  # a fresh snapshot: see what the command's process committed
		annotation_found = frappe.db.get_value(
			"Recommendation",
			{"document_symbol": sample.report, "paragraph": recommendation.paragraph},
			"uhri_annotation_id",
		)
		frappe.db.rollback()  # and leave no old snapshot to the next test
		self.assertEqual(annotation_found, annotation)
