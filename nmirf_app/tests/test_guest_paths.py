# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""What a visitor who is not signed in can reach, over real HTTP (issue #15): the public form takes
from a link only a published recommendation, offers an upload only when the NMIRF accepts one, and
its uploads are checked by their bytes before anything is written; downloads and uploads are
rate-limited; a guest never sees a traceback."""

import json
import os
import re
from io import BytesIO

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password

from nmirf_app.engagement.files import GUEST_UPLOADS_PER_HOUR
from nmirf_app.portal import DOWNLOADS_PER_10_MINUTES
from nmirf_app.testing import make_recommendation, make_user
from nmirf_app.tests import sample_files
from nmirf_app.tests.permission_fixtures import PASSWORD, Browser

HOSTILE = '<img src=x onerror="window.__x=1">'


def form_fields(page: str) -> list[str]:
	"""The fieldnames of the web form a page sends to the browser (frappe.web_form_doc)."""
	match = re.search(r"frappe\.web_form_doc = (\{.*?\});\n", page, re.S)
	return [field["fieldname"] for field in json.loads(match[1])["web_form_fields"]]


class TestGuestPaths(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
		cls.published = make_recommendation(
			published=1, recommendation_text="Fund rural health <posts> & clinics, as the Committee asked."
		)
		cls.hidden = make_recommendation()
		frappe.db.commit()  # nosemgrep: requests run in their own connection (permission_fixtures)

	@classmethod
	def tearDownClass(cls):
		for name in (cls.published.name, cls.hidden.name):
			frappe.delete_doc("Recommendation", name, force=True, ignore_permissions=True)
		set_attachments(False)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def setUp(self):
		self.guest = Browser()
		forget_rate_limits()

	def tearDown(self):
		forget_rate_limits()

	def test_a_link_prefills_only_a_published_recommendation(self):
		for query in (
			f"submission_text={HOSTILE}",
			f"organisation={HOSTILE}&recommendation={self.published.name}",
			f"submitter_type={HOSTILE}",
			f"recommendation={self.hidden.name}",
			f"recommendation={HOSTILE}",
		):
			response = self.guest.request("GET", f"/submit-input/new?{query}")
			self.assertEqual(response.status_code, 301, query)
			kept = f"?recommendation={self.published.name}" if self.published.name in query else ""
			self.assertTrue(
				response.location.endswith(f"/submit-input/new{kept}"), (query, response.location)
			)

		response = self.guest.request("GET", f"/submit-input/new?recommendation={self.published.name}")
		self.assertEqual(response.status_code, 200)
		page = response.get_data(as_text=True)
		self.assertIn(
			"Fund rural health &lt;posts&gt; &amp; clinics", page, "the recommendation is named, as text"
		)
		self.assertNotIn("<posts>", page)

		# the recommendation page's link, and the older form of it, arrive with the recommendation
		response = self.guest.request("GET", f"/submit-input?recommendation={self.published.name}")
		self.assertTrue(response.location.endswith(f"/submit-input/new?recommendation={self.published.name}"))
		response = self.guest.request("GET", f"/recommendations/{self.published.name}")
		self.assertIn(
			f'href="/submit-input/new?recommendation={self.published.name}"', response.get_data(as_text=True)
		)

	def test_the_form_offers_an_upload_only_when_attachments_are_accepted(self):
		set_attachments(False)
		page = self.guest.request("GET", "/submit-input/new").get_data(as_text=True)
		self.assertNotIn("attachment", form_fields(page))
		set_attachments(True)
		page = self.guest.request("GET", "/submit-input/new").get_data(as_text=True)
		self.assertIn("attachment", form_fields(page))

	def test_guest_uploads_are_checked_by_their_bytes_before_anything_is_written(self):
		set_attachments(True)
		private_files = frappe.get_site_path("private", "files")
		public_files = frappe.get_site_path("public", "files")
		before = (set(os.listdir(private_files)), set(os.listdir(public_files)))
		files_before = frappe.db.count("File")
		for name, content, reason in (
			("evidence.pdf", sample_files.WINDOWS_PROGRAM, "a Windows program"),
			("photo.png", sample_files.WEB_PAGE, "a web page (HTML)"),
			("report.pdf", sample_files.pdf_with_script(), "JavaScript"),
			("report.pdf", sample_files.pdf_with_script_in_object_stream(), "JavaScript"),
			("input.docx", sample_files.docx({"word/vbaProject.bin": b"macros"}), "macros"),
			("page.html", sample_files.WEB_PAGE, "only"),
		):
			response = upload(self.guest, name, content)
			self.assertEqual(response.status_code, 403, (name, reason))
			self.assertIn(reason, messages(response), name)
			self.assertNotIn("Traceback", response.get_data(as_text=True))
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("File"), files_before, "no File record is left")
		self.assertEqual(
			(set(os.listdir(private_files)), set(os.listdir(public_files))), before, "nothing is left on disk"
		)

		response = upload(self.guest, "evidence.pdf", sample_files.pdf(), is_private=0)
		self.assertEqual(response.status_code, 200, messages(response))
		stored = response.json["message"]
		self.assertEqual(stored["is_private"], 1)
		self.assertTrue(stored["file_url"].startswith("/private/files/"))
		self.assertEqual(set(os.listdir(public_files)), before[1], "never written as a public file first")
		frappe.delete_doc("File", stored["name"], force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep

	def test_a_guest_cannot_link_another_file_of_the_site(self):
		set_attachments(True)
		minutes = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"minutes-{frappe.generate_hash(length=6)}.pdf",
				"is_private": 1,
				"content": sample_files.pdf(),
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		try:
			response = self.guest.call(
				"upload_file", file_url=minutes.file_url, doctype="Stakeholder Submission", docname="SUB-x"
			)
			self.assertEqual(response.status_code, 403)
		finally:
			frappe.delete_doc("File", minutes.name, force=True, ignore_permissions=True)
			frappe.db.commit()  # nosemgrep

	def test_uploads_and_downloads_are_rate_limited_for_each_address(self):
		set_attachments(True)
		uploads = [
			upload(self.guest, "page.html", b"x").status_code for _ in range(GUEST_UPLOADS_PER_HOUR + 1)
		]
		self.assertEqual(uploads[:-1], [403] * GUEST_UPLOADS_PER_HOUR)
		self.assertEqual(uploads[-1], 429)
		downloads = [
			self.guest.call("nmirf_app.portal.download", http="GET", file_format="csv").status_code
			for _ in range(DOWNLOADS_PER_10_MINUTES + 1)
		]
		self.assertEqual(downloads[:-1], [200] * DOWNLOADS_PER_10_MINUTES)
		self.assertEqual(downloads[-1], 429)

	def test_a_guest_never_sees_a_traceback(self):
		frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
		frappe.db.commit()  # nosemgrep
		broken = {"web_form": "submit-input", "data": "{not json"}
		response = self.guest.call("frappe.website.doctype.web_form.web_form.accept", **broken)
		self.assertGreaterEqual(response.status_code, 400)
		self.assertNotIn("Traceback", response.get_data(as_text=True))
		# the same request signed in shows the staff the traceback their setting asks for: the
		# check above would see one if it were there
		staff = make_user("traceback.staff", "System Manager")
		update_password(staff, PASSWORD)
		frappe.db.commit()  # nosemgrep
		response = Browser(staff).call("frappe.website.doctype.web_form.web_form.accept", **broken)
		self.assertIn("Traceback", response.get_data(as_text=True))


def upload(browser: Browser, name: str, content: bytes, **values):
	data = {"file": (BytesIO(content), name), "is_private": 1, **values}
	return browser.request("POST", "/api/method/upload_file", data=data, content_type="multipart/form-data")


def messages(response) -> str:
	body = response.json or {}
	return " ".join(
		json.loads(message).get("message", "") for message in json.loads(body.get("_server_messages", "[]"))
	)


def set_attachments(accepted: bool):
	settings = frappe.get_single("NMIRF Settings")
	settings.accept_submission_attachments = int(accepted)
	settings.save(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep


def forget_rate_limits():
	frappe.cache.delete_keys("rl:")
