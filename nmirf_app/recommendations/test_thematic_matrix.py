# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""OHCHR's thematic list in and out on a real site: its assessment column becomes the State's
assessments, the UPR matrix exported in that layout comes back as the State's new assessments and
changes nothing else, and a label no vocabulary knows is mapped once from the import's issues."""

import dataclasses
import io

import frappe
from docx import Document as WordDocument
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from nmirf_app.core.upr_thematic_list import read_upr_thematic_list
from nmirf_app.recommendations.doctype.recommendation_import.recommendation_import import (
	RecommendationImport,
)
from nmirf_app.recommendations.implementation_matrix import export_thematic_matrix
from nmirf_app.recommendations.importer import run_import
from nmirf_app.testing import as_user, make_private_file, make_user, thematic_list_samples


def import_file(content: bytes, name: str = "thematic-list.docx"):
	run = frappe.get_doc(
		{
			"doctype": "Recommendation Import",
			"source_type": "UPR Thematic List",
			"import_file": make_private_file(name, content),
			"state": "Paraguay",
		}
	).insert(ignore_permissions=True)
	return run.name, run_import(run.name, dry_run=False)


def government_assessments(name: str) -> list:
	return frappe.get_all(
		"Implementation Assessment",
		filters={"recommendation": name, "voice": "Government"},
		fields=["status", "assessed_on", "notes"],
		order_by="creation asc",
	)


def source_values(name: str) -> tuple:
	doc = frappe.get_doc("Recommendation", name)
	return (
		doc.recommendation_text,
		doc.position,
		doc.upr_cycle,
		[row.theme for row in doc.themes],
		[row.affected_group for row in doc.affected_groups],
		[(row.sdg_target, row.sdg_goal) for row in doc.sdg_targets],
		[row.country for row in doc.recommending_states],
	)


def exported(file_format: str, filters) -> bytes:
	export_thematic_matrix(filters, file_format)
	return frappe.response["filecontent"]


class TestThematicMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("NMIRF Settings", "state", "Paraguay")
		cls.secretariat = make_user("secretariat.thematic", "NMIRF Secretariat")
		samples = thematic_list_samples()
		cls.sample = samples.sample_list(3)
		cls.content = samples.build_docx(cls.sample)
		cls.assessed = next(r for r in cls.sample.recommendations if r.assessment)
		_run, cls.first = import_file(cls.content)

	def recommendation(self, paragraph: str) -> str:
		return frappe.db.get_value(
			"Recommendation",
			{"document_symbol": self.sample.report, "paragraph": paragraph, "mechanism": "UPR"},
		)

	def test_the_assessment_column_is_the_states_assessment_recorded_once(self):
		name = self.recommendation(self.assessed.paragraph)
		[assessment] = government_assessments(name)
		self.assertEqual(assessment.status, "Fully implemented")  # the cell begins "Implemented: …"
		self.assertIn("re-accredited with status A", assessment.notes)
		_run, again = import_file(self.content)
		self.assertEqual((again.created, again.updated, again.assessments), (0, 0, 0))
		self.assertEqual(len(government_assessments(name)), 1, "a second run records nothing twice")

	def test_the_matrix_round_trips_as_the_states_new_assessments_and_changes_nothing_else(self):
		filters = [["Recommendation", "document_symbol", "=", self.sample.report]]
		document = as_user(self.secretariat, exported, "docx", filters)
		rows = [row for row in read_upr_thematic_list(io.BytesIO(document)) if isinstance(row, dict)]
		self.assertEqual(
			sorted(row["paragraph"] for row in rows), sorted(r.paragraph for r in self.sample.recommendations)
		)
		by_paragraph = {row["paragraph"]: row for row in rows}
		self.assertTrue(by_paragraph[self.assessed.paragraph]["assessment"].startswith("Fully implemented ("))

		# the ministry writes its view of one recommendation in Word, and imports the file back
		edited_paragraph = next(r.paragraph for r in self.sample.recommendations if not r.assessment)
		word = WordDocument(io.BytesIO(document))
		[table] = word.tables
		cell = next(
			row.cells[3] for row in table.rows if row.cells[0].text.startswith(edited_paragraph + " ")
		)
		words = f"The draft law {frappe.generate_hash(length=6)} is before parliament."
		cell.text = f"Partially implemented (2026-11-02)\n{words}"
		buffer = io.BytesIO()
		word.save(buffer)
		names = frappe.get_all("Recommendation", {"document_symbol": self.sample.report}, pluck="name")
		before = {name: source_values(name) for name in names}
		_run, counts = import_file(buffer.getvalue(), "matrix.docx")
		self.assertEqual(
			(counts.read, counts.created, counts.updated, counts.failed, counts.assessments),
			(len(self.sample.recommendations), 0, 0, 0, 1),
			counts.issues,
		)
		assessment = government_assessments(self.recommendation(edited_paragraph))[-1]
		self.assertEqual(
			(assessment.status, str(assessment.assessed_on)), ("Partially implemented", "2026-11-02")
		)
		self.assertIn(words, assessment.notes)
		self.assertEqual(
			{name: source_values(name) for name in names}, before, "the source fields are as they were"
		)

		workbook = load_workbook(io.BytesIO(as_user(self.secretariat, exported, "xlsx", filters)))
		cells = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row if cell]
		self.assertTrue(any(str(cell).startswith("UPR of Paraguay") for cell in cells))
		self.assertTrue(any(str(cell).startswith("Partially implemented (2026-11-02)") for cell in cells))

	def test_the_matrix_is_one_cycles_list_and_only_what_the_user_may_read(self):
		with self.assertRaises(frappe.ValidationError) as refused:
			as_user(self.secretariat, exported, "docx", [["Recommendation", "mechanism", "=", "UPR"]])
		self.assertIn("one cycle", str(refused.exception))
		nobody = make_user("no.roles.thematic")
		with self.assertRaises(frappe.PermissionError):
			as_user(
				nobody, exported, "docx", [["Recommendation", "document_symbol", "=", self.sample.report]]
			)
		focal_point = make_user("fp.thematic", "NMIRF Focal Point")  # of no institution: reads nothing
		with self.assertRaises(frappe.ValidationError):
			as_user(
				focal_point,
				exported,
				"docx",
				[["Recommendation", "document_symbol", "=", self.sample.report]],
			)

	def test_an_unknown_label_is_mapped_from_the_issues_and_the_next_run_applies_it(self):
		samples = thematic_list_samples()
		label = f"Rights of lighthouse keepers {frappe.generate_hash(length=5)}"
		sample = samples.sample_list(4)
		first = sample.recommendations[0]
		# a report of its own: the shared sample records keep their themes for the other tests
		report = f"A/HRC/{frappe.generate_hash(length=5).upper()}/9"
		first = dataclasses.replace(
			first,
			themes=(*first.themes, label),
			position_source=f"{report}/Add.1 - Para. 3",
			docx_position_source="",
		)
		sample = dataclasses.replace(sample, report=report, recommendations=[first])
		run_name, counts = import_file(samples.build_docx(sample))
		[issue] = [issue for issue in counts.issues if issue.value == label]
		self.assertFalse(issue.fatal)
		run = frappe.get_doc("Recommendation Import", run_name)
		run.run_method("onload")
		self.assertIn(
			{"vocabulary": "Human Rights Theme", "label": label, "rows": [issue.row_number]},
			run.get_onload().unmapped_labels,
		)
		mapping = [{"vocabulary": "Human Rights Theme", "label": label, "entry": "Right to health"}]
		validator = make_user("validator.thematic", "NMIRF Institution Validator")
		self.assertRaises(
			frappe.PermissionError, as_user, validator, RecommendationImport.map_labels, run, mapping
		)
		self.assertEqual(as_user(self.secretariat, RecommendationImport.map_labels, run, mapping), 1)
		self.assertIn(label, frappe.get_all("Vocabulary Alias", {"parent": "Right to health"}, pluck="alias"))
		run.reload()
		run.run_method("onload")
		self.assertEqual(run.get_onload().unmapped_labels, [])
		_run, again = import_file(samples.build_docx(sample))
		self.assertNotIn(label, [issue.value for issue in again.issues])
		name = frappe.db.get_value(
			"Recommendation", {"document_symbol": sample.report, "paragraph": first.paragraph}
		)
		self.assertIn("Right to health", [row.theme for row in frappe.get_doc("Recommendation", name).themes])
