# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Compiling a State Report on a real site: what goes into the Word draft (read back with
python-docx), that the same data gives the same file, and who may compile or download it.

Compilation commits (it is a background job), so each test works on recommendations of its own
document symbol, with paragraph numbers and a year no other test uses."""

import io
import zipfile

import frappe
from docx import Document as WordDocument
from frappe.model.workflow import apply_workflow
from frappe.utils.file_manager import get_file

from nmirf_app.reporting.compilation import compile_now, compile_state_report
from nmirf_app.testing import (
	NMIRFTestCase,
	as_user,
	make_recommendation,
)


class TestCompilation(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		for cluster in ("Compile: Health", "Compile: Education"):
			if not frappe.db.exists("Recommendation Cluster", cluster):
				frappe.get_doc({"doctype": "Recommendation Cluster", "cluster_name": cluster}).insert()

	def setUp(self):
		self.symbol = f"CRC/C/C{frappe.generate_hash(length=6).upper()}/CO/4-6"
		self.health_rec = make_recommendation(
			[self.mine],
			document_symbol=self.symbol,
			document_date="2011-06-01",
			paragraph="918",
			cluster="Compile: Health",
			recommendation_text="918. The Committee recommends that the State party reduce maternal and neonatal mortality.",
		)
		self.education_rec = make_recommendation(
			[self.mine],
			document_symbol=self.symbol,
			document_date="2011-06-01",
			paragraph="909",
			cluster="Compile: Education",
			recommendation_text="909. The Committee recommends that the State party guarantee free primary education.",
		)
		self.unclustered = make_recommendation(
			[self.mine],
			document_symbol=self.symbol,
			document_date="2011-06-01",
			paragraph="930",
			recommendation_text="930. The Committee recommends that the State party ratify the third Optional Protocol.",
		)
		self.report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Combined seventh periodic report",
				"report_type": "Periodic report",
				"mechanism": "CRC",
				"source_document_symbol": self.symbol,
				"introduction": "<p>This report was prepared by the NMIRF.</p><p>It covers 2024 to 2026.</p>",
			}
		).insert()
		self.approve_progress(self.health_rec.name, "<p>Maternal mortality fell by 12% in 2025.</p>")
		self.contribution(self.education_rec.name, "Education", "<p>Enrolment reached 97%.</p>", accept=True)
		self.contribution(None, "Legal framework", "<p>Law 6202 was adopted.</p>", accept=True)
		self.contribution(None, "Legal framework", "<p>NOT ACCEPTED TEXT</p>", accept=False)
		frappe.db.commit()

	def approve_progress(self, recommendation, summary):
		update = as_user(
			self.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"recommendation": recommendation,
					"reported_status": "In progress",
					"summary": summary,
				}
			).insert(),
		)
		for user, action in (
			(self.focal_point, "Submit for validation"),
			(self.validator, "Validate"),
			(self.secretariat, "Approve"),
		):
			update = as_user(user, apply_workflow, update.as_dict(), action)
		return update

	def contribution(self, recommendation, section, text, accept):
		doc = frappe.get_doc(
			{
				"doctype": "Report Contribution",
				"state_report": self.report.name,
				"section": section,
				"institution": self.mine,
				"recommendation": recommendation,
				"due_on": "2027-01-31",
				"contribution_text": text,
			}
		).insert()
		as_user(self.focal_point, apply_workflow, doc.as_dict(), "Submit to secretariat")
		if accept:
			as_user(
				self.secretariat, apply_workflow, frappe.get_doc(doc.doctype, doc.name).as_dict(), "Accept"
			)

	def compiled_word(self):
		self.report.reload()
		self.assertEqual(self.report.compilation_status, "Compiled", self.report.compilation_error)
		_name, content = get_file(self.report.compiled_docx)
		return WordDocument(io.BytesIO(content)), content

	def test_the_draft_holds_the_accepted_contributions_and_approved_progress(self):
		figures = as_user(self.secretariat, compile_now, self.report.name)
		self.assertEqual(
			(figures["progress_updates"], figures["contributions"], figures["recommendations"]), (1, 2, 3)
		)
		document, _content = self.compiled_word()
		headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
		self.assertEqual(
			headings,
			[
				("Heading 1", "Introduction"),
				("Heading 1", "Legal framework"),
				("Heading 1", "Implementation of the recommendations"),
				("Heading 2", "Compile: Education"),
				("Heading 2", "Compile: Health"),
				("Heading 1", "Annex: Recommendations covered by the report and their implementation status"),
			],
		)
		# numbered by Word's own numbering (style and numbering definition), not by typed numbers
		numbered = [p.text for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
		self.assertEqual(len(numbered), 5)
		self.assertTrue(numbered[0].startswith("This report was prepared"), numbered[0])
		self.assertFalse(any(text[:1].isdigit() for text in numbered), "no number typed as text")
		self.assertIn("Maternal mortality fell by 12% in 2025.", numbered[4])
		# the recommendation is cited in a footnote: symbol, paragraph and the record's name
		with zipfile.ZipFile(io.BytesIO(_content)) as package:
			footnotes = package.read("word/footnotes.xml").decode()
		self.assertIn(f"{self.symbol}, para. 909 — {self.education_rec.name}", footnotes)
		self.assertNotIn(f"({self.symbol}, para. 909", "\n".join(numbered), "no citation left in the text")
		self.assertNotIn("NOT ACCEPTED", "\n".join(p.text for p in document.paragraphs))
		annex = document.tables[0]
		self.assertEqual(len(annex.rows), 4, "a header and every covered recommendation")
		self.assertEqual([row.cells[3].text for row in annex.rows[1:]], ["909", "918", "930"])
		self.assertEqual(annex.rows[2].cells[5].text, "In progress", "the status the approved update set")
		self.assertTrue(self.report.compiled_xlsx)

	def test_recompiling_the_same_data_gives_the_same_file(self):
		as_user(self.secretariat, compile_now, self.report.name)
		_document, first = self.compiled_word()
		as_user(self.secretariat, compile_now, self.report.name)
		_document, second = self.compiled_word()
		self.assertEqual(first, second)
		# every compilation is kept, the latest first, each with its files
		versions = self.report.compilations
		self.assertEqual([row.version for row in versions], [2, 1])
		self.assertEqual(versions[0].compiled_by, self.secretariat)
		self.assertEqual(versions[0].word_draft, self.report.compiled_docx)
		self.assertIn("recommendations", versions[0].summary)
		for row in versions:
			self.assertEqual(get_file(row.word_draft)[1], first, "an earlier version stays downloadable")
			self.assertTrue(row.excel_matrix)

	def test_by_recommendation_and_who_may_compile_or_download(self):
		self.report.organise_by = "By recommendation"
		self.report.save()
		frappe.db.commit()
		with self.assertRaises(frappe.PermissionError):
			as_user(self.focal_point, compile_state_report, self.report.name)
		as_user(self.secretariat, compile_now, self.report.name)
		document, _content = self.compiled_word()
		headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
		self.assertEqual(
			headings, [f"Recommendation 909 ({self.symbol})", f"Recommendation 918 ({self.symbol})"]
		)
		file_name = frappe.db.get_value("File", {"file_url": self.report.compiled_docx})
		file_doc = frappe.get_doc("File", file_name)
		self.assertTrue(file_doc.is_private)
		self.assertFalse(as_user(self.observer, file_doc.is_downloadable), "observers never see the draft")
		self.assertTrue(as_user(self.secretariat, file_doc.is_downloadable))

	def test_a_upr_mid_term_report_attaches_the_upr_matrix_in_the_thematic_list_layout(self):
		from nmirf_app.core.upr_thematic_list import read_upr_thematic_list

		symbol = f"A/HRC/{frappe.generate_hash(length=5).upper()}/9"
		for paragraph, status in (("118.2", "Supported"), ("118.10", "Noted")):
			make_recommendation(
				[self.mine],
				mechanism="UPR",
				upr_cycle=4,
				session="48",
				document_symbol=symbol,
				paragraph=paragraph,
				position=status,
				position_source=f"{symbol}/Add.1",
				state_under_review="Paraguay",  # the matrix's page header names it (or NMIRF Settings' State)
				recommending_states=[{"country": "Chile"}],
				recommendation_text=f"{paragraph} Strengthen the national mechanism for reporting (Chile);",
			)
		report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Voluntary mid-term report",
				"report_type": "UPR mid-term report",
				"mechanism": "UPR",
				"source_document_symbol": symbol,
			}
		).insert()
		frappe.db.commit()
		compile_now(report.name)
		report.reload()
		self.assertTrue(report.compiled_upr_matrix and report.compiled_docx)
		_name, content = get_file(report.compiled_upr_matrix)
		reader = read_upr_thematic_list(io.BytesIO(content))
		self.assertEqual(reader.header.upr_cycle, 4)
		self.assertEqual([row["paragraph"] for row in reader], ["118.2", "118.10"])
		# a periodic report has no such annex
		self.report.reload()
		compile_now(self.report.name)
		self.report.reload()
		self.assertFalse(self.report.compiled_upr_matrix)

	def test_the_vnr_input_is_told_by_sdg_goal_and_target(self):
		for recommendation, targets in (
			(self.health_rec, ["3.1"]),
			(self.education_rec, ["4.a", "4.1"]),
		):
			recommendation.reload()
			recommendation.set("sdg_targets", [{"sdg_target": target} for target in targets])
			recommendation.save()
		self.approve_progress(self.education_rec.name, "<p>Primary school fees were abolished.</p>")
		report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Human rights input to the Voluntary National Review",
				"report_type": "Voluntary National Review input",  # no mechanism: it goes to the HLPF
				"recommendation_scope": "Selected recommendations",
				"selected_recommendations": [
					{"recommendation": rec.name}
					for rec in (self.health_rec, self.education_rec, self.unclustered)
				],
			}
		).insert()
		self.assertEqual(report.organise_by, "By SDG goal and target", "a VNR input is always by SDG")
		frappe.db.commit()
		as_user(self.secretariat, compile_now, report.name)
		report.reload()
		self.assertEqual(report.compilation_status, "Compiled", report.compilation_error)
		_name, content = get_file(report.compiled_docx)
		document = WordDocument(io.BytesIO(content))
		title = lambda name: frappe.db.get_value("SDG Target", name, "short_title")  # noqa: E731
		headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
		goal_3 = frappe.db.get_value("SDG Goal", {"goal_number": 3}, "short_title")
		self.assertEqual(
			headings[:6],
			[
				("Heading 1", "Implementation of the recommendations, by Sustainable Development Goal"),
				("Heading 2", f"Goal 3: {goal_3}"),
				("Heading 3", f"Target 3.1: {title('3.1')}"),
				(
					"Heading 2",
					f"Goal 4: {frappe.db.get_value('SDG Goal', {'goal_number': 4}, 'short_title')}",
				),
				("Heading 3", f"Target 4.1: {title('4.1')}"),
				("Heading 3", f"Target 4.a: {title('4.a')}"),
			],
		)
		numbered = [p.text for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
		self.assertEqual(
			numbered,
			[
				"Maternal mortality fell by 12% in 2025.",
				"Primary school fees were abolished.",
				"Progress on this recommendation is reported under target 4.1.",
			],
		)
		annex = document.tables[0]
		self.assertEqual(annex.rows[0].cells[4].text, "SDG targets")
		self.assertEqual(
			[(row.cells[3].text, row.cells[4].text) for row in annex.rows[1:]],
			[("909", "4.1, 4.a"), ("918", "3.1")],
			"the recommendations linked to an SDG, in report order; the unlinked one is left out",
		)

	def test_the_draft_opens_in_libreoffice_as_a4_pages_with_numbers_header_footer_and_contents(self):
		"""As a ministry opens it: LibreOffice converts the compiled draft to PDF (fields and
		numbering computed by LibreOffice itself), and the PDF's pages are read back."""
		import shutil
		import subprocess
		import tempfile

		from pypdf import PdfReader

		soffice = shutil.which("soffice")
		if not soffice:
			self.skipTest("LibreOffice (soffice) is not installed; .ci/run installs it")
		as_user(self.secretariat, compile_now, self.report.name)
		_document, content = self.compiled_word()
		folder = tempfile.mkdtemp(prefix="nmirf-render-")
		self.addCleanup(shutil.rmtree, folder, True)
		with open(f"{folder}/draft.docx", "wb") as draft:
			draft.write(content)
		subprocess.run(
			[
				soffice,
				f"-env:UserInstallation=file://{folder}/profile",
				"--headless",
				"--convert-to",
				"pdf",
				"--outdir",
				folder,
				f"{folder}/draft.docx",
			],
			check=True,
			capture_output=True,
			timeout=180,
		)
		pages = PdfReader(f"{folder}/draft.pdf").pages
		width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
		self.assertEqual((round(width), round(height)), (595, 842), "A4 in points")
		texts = [page.extract_text() for page in pages]
		self.assertIn("Draft".casefold(), texts[0].casefold(), "the title page says it is a draft")
		self.assertTrue(any("Contents" in text for text in texts[1:3]), "a contents page")
		body = "\n".join(texts[2:])
		self.assertIn("Introduction", "\n".join(texts[1:3]), "the contents list the headings")
		self.assertRegex(
			body, r"(?m)^\s*1\.\s*This report was prepared", "LibreOffice numbers the paragraphs"
		)
		self.assertRegex(body, r"(?m)^\s*5\.\s*\S", "one sequence of numbers through the body")
		last = len(pages)
		self.assertIn(f"Page {last} of {last}", texts[-1], "the footer's page X of Y")
		self.assertIn("Combined seventh periodic report", texts[-1], "the header's title")
