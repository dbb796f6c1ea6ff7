# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The public portal shows published recommendations only, and of them only public fields; it is
closed when the NMIRF does not publish."""

import csv
import io
import json
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from nmirf_app.core.references import natural_sort_key
from nmirf_app.portal import (
	CHOICES_CACHE_KEY,
	download,
	published_choices,
	published_condition,
	published_recommendation,
	published_recommendations,
	summaries,
)
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
			themes=[{"theme": "Right to health"}],
			paragraph="41",
			document_date="2019-05-02",
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
				key=lambda key: (-int(key[0][:4]), natural_sort_key(key[1])),
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

	def test_with_the_portal_on_the_sites_home_page_is_the_portal(self):
		from frappe.website.utils import get_home_page

		settings = frappe.get_single("NMIRF Settings")
		frappe.db.set_single_value("Website Settings", "home_page", None)
		self.addCleanup(frappe.db.set_single_value, "NMIRF Settings", "portal_enabled", 1)
		settings.portal_enabled = 1
		settings.save()
		self.assertEqual(frappe.db.get_single_value("Website Settings", "home_page"), "recommendations")
		self.assertEqual(as_user("Guest", get_home_page), "recommendations")
		settings.portal_enabled = 0
		settings.save()
		self.assertFalse(frappe.db.get_single_value("Website Settings", "home_page"))
		frappe.db.set_single_value("Website Settings", "home_page", "about")
		settings.portal_enabled = 1
		settings.save()
		self.assertEqual(
			frappe.db.get_single_value("Website Settings", "home_page"), "about", "a home page chosen stays"
		)
		frappe.db.set_single_value("Website Settings", "home_page", "recommendations")

	def names(self, **args):
		return [row.name for row in as_user("Guest", published_recommendations, args)["rows"]]

	def test_search_finds_a_reference_a_symbol_a_paragraph_or_words_but_never_the_unpublished(self):
		for typed in (
			self.public.name,
			self.public.name.lower(),
			self.symbol,
			f"{self.symbol.lower()}, para. 41",
			f"{self.symbol} § 41",
		):
			self.assertIn(self.public.name, self.names(q=typed), typed)
		self.assertIn(self.public.name, self.names(q="41", mechanism="CRPD"))
		self.assertNotIn(self.public.name, self.names(q=f"{self.symbol}, para. 42"))
		self.assertEqual(self.names(q=self.hidden.name), [], "an unpublished reference finds nothing")
		self.assertNotIn(self.hidden.name, self.names(q=self.symbol))

	def test_years_and_sdg_targets_filter_the_list(self):
		self.assertIn(self.public.name, self.names(from_year="2019", to_year="2019", mechanism="CRPD"))
		self.assertNotIn(self.public.name, self.names(from_year="2020", mechanism="CRPD"))
		self.assertNotIn(self.public.name, self.names(to_year="2018", mechanism="CRPD"))
		self.assertIn(self.public.name, self.names(from_year="not a year", mechanism="CRPD"))
		self.assertIn(self.public.name, self.names(sdg_target="3.8", mechanism="CRPD"))
		self.assertNotIn(self.public.name, self.names(sdg_target="3.9", mechanism="CRPD"))

	def test_the_lists_count_read_from_the_tally_is_the_live_count(self):
		from nmirf_app.recommendations import tally

		tally.rebuild()
		self.assertTrue(tally.is_current())
		theme = "Right to health"
		asked = [
			{},
			{"mechanism": "CRPD"},
			{"mechanism": "CRPD", "theme": theme},
			{"sdg_goal": "SDG 3", "implementation_status": "Not assessed"},
			{"institution": self.institution, "mechanism": "CRPD"},
			{"mechanism": "CRPD", "upr_cycle": "0"},
		]
		for filters in asked:
			live = frappe.db.sql(
				f"select count(*) from `tabRecommendation` where {published_condition(filters)}"
			)[0][0]
			self.assertEqual(tally.published_count(filters), live, filters)
		self.assertGreaterEqual(tally.published_count({"mechanism": "CRPD", "theme": theme}), 1)
		for live_only in (
			{"q": "health"},
			{"from_year": "2019"},
			{"sdg_target": "3.8"},
			{"theme": theme, "sdg_goal": "SDG 3"},
		):
			self.assertIsNone(tally.published_count(live_only), f"{live_only} is counted live")
		# the list's total follows a publication at once
		before = published_recommendations({"mechanism": "CRPD", "theme": theme})["total"]
		hidden = frappe.get_doc("Recommendation", self.hidden.name)
		hidden.append("themes", {"theme": theme})
		hidden.published = 1
		hidden.save()
		try:
			self.assertEqual(
				published_recommendations({"mechanism": "CRPD", "theme": theme})["total"], before + 1
			)
		finally:
			hidden.reload()
			hidden.published = 0
			hidden.themes = []
			hidden.save()
		self.assertEqual(published_recommendations({"mechanism": "CRPD", "theme": theme})["total"], before)

	def test_a_page_past_the_last_says_so(self):
		listing = as_user("Guest", published_recommendations, {"mechanism": "CRPD", "page": 999})
		self.assertTrue(listing["out_of_range"])
		self.assertEqual(listing["rows"], [])
		self.assertLess(listing["pages"], 999)
		self.assertFalse(as_user("Guest", published_recommendations, {"mechanism": "CRPD"})["out_of_range"])

	def test_filters_offer_only_values_that_have_published_recommendations(self):
		unpublished_only = make_recommendation(
			[self.institution],
			mechanism="CMW",
			themes=[{"theme": "Migrants"}],
			sdg_targets=[{"sdg_target": "10.7"}],
		)
		frappe.cache.delete_value(CHOICES_CACHE_KEY)
		choices = as_user("Guest", published_choices)
		self.assertIn("CRPD", choices["mechanism"])
		self.assertIn("Right to health", choices["theme"])
		self.assertIn("3.8", choices["sdg_target"])
		self.assertIn("SDG 3", choices["sdg_goal"])
		published = frappe.get_all(
			"Recommendation", filters={"published": 1}, pluck="mechanism", distinct=True
		)
		self.assertEqual(sorted(choices["mechanism"]), sorted(published))
		if not frappe.db.exists("Recommendation", {"mechanism": "CMW", "published": 1}):
			self.assertNotIn("CMW", choices["mechanism"], unpublished_only.name)
		self.assertEqual(
			choices["sdg_goal"], sorted(choices["sdg_goal"], key=natural_sort_key), "SDG 3 before SDG 10"
		)
		# read from the tally while it is current: the same as counted live
		frappe.cache.delete_value(CHOICES_CACHE_KEY)
		with patch("nmirf_app.recommendations.tally.is_current", return_value=False):
			self.assertEqual(as_user("Guest", published_choices), choices)
		frappe.cache.delete_value(CHOICES_CACHE_KEY)

	def test_download_carries_every_public_field(self):
		with patch("nmirf_app.portal.TAG_BATCH", 1):  # tags read in batches agree with one read
			as_user("Guest", download, "csv", mechanism="CRPD")
		rows = list(csv.DictReader(io.StringIO(frappe.response["filecontent"].decode("utf-8-sig"))))
		row = next(row for row in rows if row["Reference"] == self.public.name)
		self.assertEqual((row["Themes"], row["SDG targets"]), ("Right to health", "3.8"))
		self.assertEqual(row["Responsible institutions"], self.institution)
		self.assertNotIn("INTERNAL", frappe.response["filecontent"].decode("utf-8-sig"))


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


class TestOpenDataAPI(FrappeTestCase):
	"""/api/method/nmirf_app.open_data.v1.*, over real HTTP as a visitor without login."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
		cls.symbol = f"CED/C/O{frappe.generate_hash(length=5).upper()}/CO/1"
		cls.public = make_recommendation(
			mechanism="CED",
			document_symbol=cls.symbol,
			paragraph="8",
			published=1,
			internal_notes="<p>CANARY-INTERNAL-NOTE</p>",
			sdg_targets=[{"sdg_target": "16.3"}],
		)
		cls.canary = make_recommendation(
			mechanism="CED",
			document_symbol=cls.symbol,
			paragraph="9",
			recommendation_text="CANARY-UNPUBLISHED recommendation text.",
		)
		frappe.db.commit()  # nosemgrep: requests run in their own connection (permission_fixtures)

	@classmethod
	def tearDownClass(cls):
		for name in (cls.public.name, cls.canary.name):
			frappe.delete_doc("Recommendation", name, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def setUp(self):
		from nmirf_app.tests.permission_fixtures import Browser

		self.guest = Browser()
		frappe.cache.delete_keys("rl:")

	def get(self, endpoint, **args):
		response = self.guest.call(f"nmirf_app.open_data.v1.{endpoint}", http="GET", **args)
		return response.status_code, response.get_data(as_text=True)

	def test_the_list_holds_the_published_recommendation_with_its_public_fields_only(self):
		status, body = self.get("recommendations", q=self.symbol, page_length=500)
		self.assertEqual(status, 200)
		answer = json.loads(body)["message"]
		self.assertEqual((answer["version"], answer["total"], answer["page_length"]), (1, 1, 100))
		record = answer["data"][0]
		self.assertEqual((record["reference"], record["paragraph"]), (self.public.name, "8"))
		self.assertEqual(record["sdg_targets"], ["16.3"])
		self.assertTrue(record["url"].endswith(f"/recommendations/{self.public.name}"))
		self.assertNotIn("CANARY", body, "neither the unpublished recommendation nor an internal note")

	def test_one_recommendation_and_a_404_for_an_unpublished_one(self):
		status, body = self.get("recommendation", reference=self.public.name)
		self.assertEqual(status, 200)
		self.assertEqual(json.loads(body)["message"]["data"]["reference"], self.public.name)
		status, body = self.get("recommendation", reference=self.canary.name)
		self.assertEqual(status, 404)
		self.assertNotIn("CANARY", body)

	def test_summaries_and_filters_answer_and_writing_is_refused(self):
		for endpoint in ("summaries", "filters"):
			status, body = self.get(endpoint)
			self.assertEqual(status, 200, endpoint)
			self.assertEqual(json.loads(body)["message"]["version"], 1)
		self.assertIn("CED", json.loads(self.get("filters")[1])["message"]["data"]["mechanism"])
		post = self.guest.call("nmirf_app.open_data.v1.recommendations", http="POST")
		self.assertIn(post.status_code, (403, 405), "read-only: GET only")

	def test_the_api_is_closed_when_the_nmirf_does_not_publish_and_is_rate_limited(self):
		from nmirf_app.open_data.v1 import REQUESTS_PER_MINUTE

		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 0)
		frappe.db.commit()  # nosemgrep
		try:
			self.assertEqual(self.get("recommendations")[0], 404)
		finally:
			frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
			frappe.db.commit()  # nosemgrep
		frappe.cache.delete_keys("rl:")
		statuses = [self.get("summaries")[0] for _ in range(REQUESTS_PER_MINUTE + 1)]
		self.assertEqual(statuses[:-1], [200] * REQUESTS_PER_MINUTE)
		self.assertEqual(statuses[-1], 429)
