# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The public portal shows published recommendations only, and of them only public fields; it is
closed when the NMIRF does not publish."""

import csv
import io
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from nmirf_app.portal import download, published_recommendation, published_recommendations, summaries
from nmirf_app.testing import as_user, make_focal_point, make_institution, make_recommendation, make_user


class TestPortal(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
		cls.institution = make_institution("Portal Ministry of Health")
		cls.focal_point = make_user("fp.portal", "NMIRF Focal Point")
		cls.validator = make_user("validator.portal", "NMIRF Institution Validator")
		cls.secretariat = make_user("secretariat.portal", "NMIRF Secretariat")
		frappe.db.set_value("Institution", cls.institution, "validating_authority", cls.validator)
		make_focal_point(cls.focal_point, cls.institution, role_type="Alternate")
		cls.symbol = f"CRPD/C/P{frappe.generate_hash(length=5).upper()}/CO/1"
		cls.public = make_recommendation(
			[cls.institution],
			mechanism="CRPD",
			document_symbol=cls.symbol,
			published=1,
			internal_notes="<p>INTERNAL: budget not yet secured</p>",
			sdg_targets=[{"sdg_target": "3.8"}],
		)
		cls.hidden = make_recommendation([cls.institution], mechanism="CRPD", document_symbol=cls.symbol)
		cls.published_update = cls.approved_update("Ramps built in 40 hospitals.", published=1)
		cls.internal_update = cls.approved_update("INTERNAL DRAFT FIGURES", published=0)

	@classmethod
	def approved_update(cls, summary, published):
		update = as_user(
			cls.focal_point,
			lambda: frappe.get_doc(
				{
					"doctype": "Progress Update",
					"recommendation": cls.public.name,
					"reported_status": "In progress",
					"summary": summary,
				}
			).insert(),
		)
		for user, action in (
			(cls.focal_point, "Submit for validation"),
			(cls.validator, "Validate"),
			(cls.secretariat, "Approve"),
		):
			update = as_user(user, apply_workflow, update.as_dict(), action)
		frappe.db.set_value("Progress Update", update.name, "published", published)
		return update.name

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_list_and_filters_show_only_published_recommendations(self):
		listing = as_user("Guest", published_recommendations, {"mechanism": "CRPD", "sdg_goal": "SDG 3"})
		names = [row.name for row in listing["rows"]]
		self.assertIn(self.public.name, names)
		self.assertNotIn(self.hidden.name, names)
		self.assertTrue(all("internal_notes" not in row for row in listing["rows"]))
		none = as_user("Guest", published_recommendations, {"mechanism": "CRPD", "sdg_goal": "SDG 4"})
		self.assertNotIn(self.public.name, [row.name for row in none["rows"]])

	def test_pages_run_newest_first_and_do_not_overlap(self):
		marker = f"portalorder{frappe.generate_hash(length=6)}"
		for day in ("2021-03-01", "2024-03-01", "2022-03-01"):
			for copy in range(2):
				make_recommendation(
					[],
					mechanism="CRPD",
					recommendation_text=f"The Committee recommends measure {marker} {day} {copy}.",
					document_date=day,
					published=1,
				)
		with patch("nmirf_app.portal.PAGE_LENGTH", 4):
			first, second = (
				as_user("Guest", published_recommendations, {"q": marker, "page": page}) for page in (1, 2)
			)
		rows = first["rows"] + second["rows"]
		self.assertEqual((first["total"], first["pages"], len(rows)), (6, 2, 6))
		self.assertEqual(
			[(str(row.document_date), row.name) for row in rows],
			sorted(
				((str(row.document_date), row.name) for row in rows),
				key=lambda key: (-int(key[0][:4]), key[1]),
			),
		)

	def test_recommendation_page_shows_published_progress_and_nothing_internal(self):
		page = as_user("Guest", published_recommendation, self.public.name)
		self.assertEqual([item.summary for item in page.progress], ["Ramps built in 40 hospitals."])
		self.assertNotIn("INTERNAL", frappe.as_json(page))
		self.assertEqual(page.institution, [self.institution])
		with self.assertRaises(frappe.PageDoesNotExistError):
			as_user("Guest", published_recommendation, self.hidden.name)

	def test_download_holds_only_published_rows_and_safe_cells(self):
		as_user("Guest", download, "csv", mechanism="CRPD")
		rows = list(csv.reader(io.StringIO(frappe.response["filecontent"].decode("utf-8-sig"))))
		names = [row[0] for row in rows[1:]]
		self.assertIn(self.public.name, names)
		self.assertNotIn(self.hidden.name, names)
		self.assertEqual(rows[0][0], "Reference")
		as_user("Guest", download, "xlsx", mechanism="CRPD")
		self.assertTrue(frappe.response["filecontent"].startswith(b"PK"))

	def test_summaries_count_published_recommendations(self):
		result = as_user("Guest", summaries)
		crpd = next(row for row in result["mechanism"] if row["group"] == "CRPD")
		self.assertEqual(
			crpd["total"], frappe.db.count("Recommendation", {"mechanism": "CRPD", "published": 1})
		)

	def test_summaries_follow_a_publication_at_once_and_match_a_live_count(self):
		def crpd_total():
			result = as_user("Guest", summaries)
			return next(row["total"] for row in result["mechanism"] if row["group"] == "CRPD")

		before = crpd_total()
		recommendation = make_recommendation(
			[self.institution], mechanism="CRPD", sdg_targets=[{"sdg_target": "5.2"}]
		)
		self.assertEqual(crpd_total(), before, "an unpublished recommendation is not counted")
		recommendation.published = 1
		recommendation.save()
		self.assertEqual(crpd_total(), before + 1)
		from_the_tally = as_user("Guest", summaries)
		with patch("nmirf_app.recommendations.tally.is_current", return_value=False):
			self.assertEqual(as_user("Guest", summaries), from_the_tally)

	def test_the_portal_is_closed_when_the_nmirf_does_not_publish(self):
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 0)
		try:
			for call in (
				lambda: published_recommendations({}),
				lambda: published_recommendation(self.public.name),
				summaries,
			):
				with self.assertRaises(frappe.PageDoesNotExistError):
					as_user("Guest", call)
		finally:
			frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)


class TestPortalEscaping(FrappeTestCase):
	"""Stored script in any text the portal shows is displayed as text, never run: the pages are
	rendered the way a guest's request renders them."""

	PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'

	def page(self, path):
		from frappe.utils import set_request
		from frappe.website.serve import get_response_content

		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
		frappe.set_user("Guest")
		try:
			set_request(method="GET", path=path)
			html = get_response_content()
		finally:
			frappe.set_user("Administrator")
		self.assertNotIn("<script>window.__xss", html)
		self.assertNotIn("<img src=x onerror", html)
		return html

	def test_recommendation_list_and_page_escape_stored_script(self):
		doc = make_recommendation(published=1)
		frappe.db.set_value(
			"Recommendation",
			doc.name,
			{"recommendation_text": f"77. Adopt a law. {self.PAYLOAD}", "title": self.PAYLOAD},
		)
		html = self.page(f"/recommendations/{doc.name}")
		self.assertIn(
			"77. Adopt a law. window.__xss=1", html, "the text is shown as text, without its markup"
		)
		self.assertIn(doc.name, self.page("/recommendations?q=Adopt+a+law"))

	def test_submissions_page_escapes_stored_script(self):
		submission = frappe.get_doc(
			{
				"doctype": "Stakeholder Submission",
				"submitter_type": "Other",
				"organisation": "Escaping test",
				"email": "escaping@cso.example",
				"subject": "Escaping",
				"submission_text": "text",
			}
		).insert()
		frappe.db.set_value(
			"Stakeholder Submission",
			submission.name,
			{
				"published": 1,
				"public_reason": self.PAYLOAD,
				"subject": self.PAYLOAD,
				"workflow_state": "Not retained",
			},
		)
		self.assertIn("window.__xss=1", self.page("/submissions"), "the reason is shown as text")
