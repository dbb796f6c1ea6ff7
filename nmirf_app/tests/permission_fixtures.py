# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Shared by the permission matrix tests: a browser-like HTTP client per user, going through
Frappe's WSGI application (authentication, whitelisting, permission hooks all run), and one set of
committed records per DocType of the app, some of them another institution's.

Requests run in a thread, as in frappe.tests.test_api: the application initialises and destroys
its own `frappe.local` and database connection, which would otherwise replace the test's. So the
records a request must see are committed first, and removed again by `delete_records`.
"""

import json
import threading
from unittest.mock import patch
from urllib.parse import quote, urlencode

import frappe
from frappe.utils import add_days, get_test_client, nowdate
from frappe.utils.password import update_password

from nmirf_app.testing import make_focal_point, make_institution, make_recommendation, make_user

APP_MODULES = ("NMIRF Setup", "Recommendations", "Implementation", "Reporting", "Engagement")
PASSWORD = "Matrix-Test-pw-2026!"  # test users only

# key -> roles; "guest" is a client that never logs in
USERS = {
	"secretariat": ("NMIRF Secretariat",),
	"approver": ("NMIRF Approver",),
	"validator": ("NMIRF Institution Validator",),
	"focal_point": ("NMIRF Focal Point",),
	"observer": ("NMIRF Observer",),
	"website_user": (),
	"other_focal_point": ("NMIRF Focal Point",),
}


class Browser:
	"""One user's session: a werkzeug test client keeping the `sid` cookie of a real login."""

	def __init__(self, user: str | None = None):
		self.user = user or "Guest"
		self.site = frappe.local.site
		self.client = get_test_client(use_cookies=True)
		if user:
			response = self.request("POST", "/api/method/login", json={"usr": user, "pwd": PASSWORD})
			assert response.status_code == 200, f"{user} could not log in: {response.text[:300]}"

	def request(self, method: str, path: str, **kwargs):
		result = {}

		def run():
			with patch("frappe.app.get_site_name", return_value=self.site):
				result["response"] = self.client.open(path, method=method, **kwargs)

		thread = threading.Thread(target=run)
		thread.start()
		thread.join()
		return result["response"]

	def call(self, method: str, http: str = "POST", **args):
		"""/api/method/<method>; list and dict arguments go as JSON, as frappe.call sends them."""
		data = {
			key: json.dumps(value) if isinstance(value, list | dict) else value for key, value in args.items()
		}
		if http == "GET":
			return self.request("GET", f"/api/method/{method}?{urlencode(data)}")
		return self.request(http, f"/api/method/{method}", data=data)

	def resource(self, http: str, doctype: str, name: str | None = None, query: dict | None = None, **kwargs):
		path = f"/api/resource/{quote(doctype)}"
		if name:
			path += f"/{quote(name)}"
		if query:
			path += "?" + urlencode(
				{
					key: json.dumps(value) if isinstance(value, list | dict) else value
					for key, value in query.items()
				}
			)
		return self.request(http, path, **kwargs)


def app_doctypes(istable: int = 0) -> list[str]:
	"""Every DocType of the app's modules, read from the DocType table so new ones are covered."""
	return frappe.get_all(
		"DocType",
		filters={"module": ["in", APP_MODULES], "istable": istable, "is_virtual": 0},
		pluck="name",
		order_by="name",
	)


def child_table_parents(child: str) -> list[str]:
	return sorted(
		set(
			frappe.get_all(
				"DocField",
				filters={"fieldtype": ["in", ["Table", "Table MultiSelect"]], "options": child},
				pluck="parent",
			)
		)
	)


def private_file(doctype: str, name: str, field: str | None, label: str) -> str:
	"""A private file attached to a document, with content no other file shares (Frappe serves a
	file URL when any File record with that URL is readable)."""
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{label}-{frappe.generate_hash(length=8)}.txt",
				"is_private": 1,
				"content": f"{label} {frappe.generate_hash(length=20)}".encode(),
				"attached_to_doctype": doctype,
				"attached_to_name": name,
				"attached_to_field": field,
			}
		)
		.insert(ignore_permissions=True)
		.file_url
	)


class Records:
	"""One or more records of every top-level DocType of the app.

	`names[doctype]` are the records the tests ask for; `mine[doctype]` those of the focal point's
	and validator's institution (for institution-scoped DocTypes), `published[doctype]` those an
	observer may read; `files[doctype]` a private file attached to each document that has one.
	"""

	def __init__(self):
		self.suffix = frappe.generate_hash(length=6)
		self.created: list[tuple[str, str]] = []
		self.names: dict[str, list[str]] = {}
		self.mine: dict[str, set[str]] = {}
		self.published: dict[str, set[str]] = {}
		self.files: dict[str, str] = {}
		self.users = {
			key: make_user(f"{key.replace('_', '.')}.matrix", *roles) for key, roles in USERS.items()
		}
		for user in self.users.values():
			update_password(user, PASSWORD)
		self.make_institutions()
		self.make_records()
		self.pick_reference_records()

	def add(self, doctype: str, doc, mine: bool = False, published: bool = False):
		name = doc if isinstance(doc, str) else doc.name
		if not isinstance(doc, str):
			self.created.append((doctype, name))
		self.names.setdefault(doctype, []).append(name)
		if mine:
			self.mine.setdefault(doctype, set()).add(name)
		if published:
			self.published.setdefault(doctype, set()).add(name)
		return name

	def insert(self, values: dict, mine: bool = False, published: bool = False) -> str:
		doc = frappe.get_doc(values).insert(ignore_permissions=True)
		return self.add(values["doctype"], doc, mine, published)

	def make_institutions(self):
		self.mine_institution = make_institution(
			f"Matrix Ministry of Interior {self.suffix}", validating_authority=self.users["validator"]
		)
		self.other_institution = make_institution(f"Matrix Ministry of Finance {self.suffix}")
		for institution in (self.mine_institution, self.other_institution):
			self.created.append(("Institution", institution))
		self.add("Institution", self.mine_institution, mine=True)
		self.add("Institution", self.other_institution)
		focal_point = make_focal_point(self.users["focal_point"], self.mine_institution)
		other = make_focal_point(self.users["other_focal_point"], self.other_institution)
		self.add("Focal Point", focal_point, mine=True)
		self.add("Focal Point", other)

	def make_records(self):
		today, past = nowdate(), add_days(nowdate(), -40)
		mine, other = self.mine_institution, self.other_institution
		rec_mine = make_recommendation([mine])
		rec_other = make_recommendation(
			[other],
			follow_up_required=1,
			follow_up_deadline=past,
			sdg_targets=[{"sdg_target": "16.3"}],
			repeats=[{"repeats": rec_mine.name}],
		)
		rec_published = make_recommendation([other], published=1)
		self.add("Recommendation", rec_mine, mine=True)
		self.add("Recommendation", rec_other)
		self.add("Recommendation", rec_published, published=True)
		self.rec_other = rec_other.name

		for recommendation, is_mine in ((rec_mine.name, True), (rec_other.name, False)):
			self.insert(
				{
					"doctype": "Tag Suggestion Decision",
					"recommendation": recommendation,
					"kind": "SDG target",
					"tag_doctype": "SDG Target",
					"tag": "16.3",
					"decision": "Rejected",
					"via": "On the form",
					"score": 42,
				},
				mine=is_mine,
			)

		for recommendation, is_mine, is_published in (
			(rec_mine.name, True, False),
			(rec_other.name, False, False),
			(rec_published.name, False, True),
		):
			name = self.insert(
				{
					"doctype": "Implementation Assessment",
					"recommendation": recommendation,
					"voice": "NHRI",
					"status": "In progress",
					"assessed_on": today,
					"notes": f"<p>Assessment {self.suffix}</p>",
				},
				mine=is_mine,
				published=is_published,
			)
			if recommendation == rec_other.name:
				self.attach("Implementation Assessment", name, "evidence_file", "assessment-evidence")

		for institution, is_mine in ((mine, True), (other, False)):
			recommendation = rec_mine.name if is_mine else rec_other.name
			action = self.insert(
				{
					"doctype": "Implementation Action",
					"action_title": f"Matrix action {self.suffix}",
					"lead_institution": institution,
					"start_date": add_days(today, -400),
					"end_date": past,
					"recommendations": [{"recommendation": recommendation}],
					"budget_lines": [{"description": "Training", "amount": 1000}],
				},
				mine=is_mine,
			)
			self.insert(
				{
					"doctype": "Indicator",
					"indicator_name": f"Matrix indicator {self.suffix}",
					"indicator_type": "Process",
					"responsible_institution": institution,
					"indicator_values": [{"measured_on": past, "value": 3}],
				},
				mine=is_mine,
			)
			update = self.insert(
				{
					"doctype": "Progress Update",
					"implementation_action": action,
					"institution": institution,
					"reported_status": "In progress",
					"summary": f"<p>Matrix progress {self.suffix}</p>",
				},
				mine=is_mine,
			)
			doc = frappe.get_doc("Progress Update", update)
			evidence = self.attach(
				"Progress Update", update, None, "progress-evidence-" + ("mine" if is_mine else "other")
			)
			doc.append("evidence", {"evidence_file": evidence, "description": "Evidence"})
			doc.save(ignore_permissions=True)

		report = self.insert(
			{
				"doctype": "State Report",
				"title": f"Matrix report {self.suffix}",
				"report_type": "Periodic report",
				"mechanism": "CMW",
			}
		)
		self.attach("State Report", report, "compiled_docx", "compiled-draft")
		for institution, is_mine in ((mine, True), (other, False)):
			self.insert(
				{
					"doctype": "Report Contribution",
					"state_report": report,
					"section": f"Matrix section {self.suffix}",
					"institution": institution,
					"due_on": past,
				},
				mine=is_mine,
			)

		consultation = self.insert(
			{
				"doctype": "Consultation",
				"title": f"Matrix consultation {self.suffix}",
				"consultation_type": "Meeting",
				"status": "Held",
				"consultation_date": today,
			}
		)
		self.attach("Consultation", consultation, "minutes_file", "consultation-minutes")
		meeting = self.insert(
			{
				"doctype": "NMIRF Meeting",
				"title": f"Matrix plenary {self.suffix}",
				"meeting_type": "Plenary",
				"meeting_date": today,
			}
		)
		self.attach("NMIRF Meeting", meeting, "minutes_file", "meeting-minutes")
		submission = self.insert(
			{
				"doctype": "Stakeholder Submission",
				"submitter_type": "Civil society organisation",
				"organisation": "Matrix Watch",
				"email": f"watch.{self.suffix}@example.org",
				"subject": f"Matrix input {self.suffix}",
				"submission_text": "Detention conditions.",
			}
		)
		self.attach("Stakeholder Submission", submission, "attachment", "submission-attachment")
		for institution, is_mine in ((mine, True), (other, False), (None, False)):
			communication = self.insert(
				{
					"doctype": "Special Procedure Communication",
					"reference": f"AL MATRIX {self.suffix} {institution or 'unassigned'}",
					"communication_type": "Allegation letter",
					"mandates": [{"mechanism": "SR-TORTURE"}],
					"subject": "Matrix allegation",
					"status": "Received",
					"date_received": today,
					"responsible_institution": institution,
				},
				mine=is_mine,
			)
			if is_mine:  # the letter's file is read by those who read the letter
				self.attach(
					"Special Procedure Communication",
					communication,
					"communication_file",
					"allegation-letter",
				)
		self.insert(
			{
				"doctype": "Special Procedure Visit",
				"mechanism": "SR-HEALTH",
				"status": "Requested",
				"request_date": today,
			}
		)
		self.insert(
			{
				"doctype": "Implementation Plan",
				"plan_title": f"Matrix plan {self.suffix}",
				"plan_type": "Sectoral plan",
				"period_from": "2025-01-01",
				"period_to": "2027-12-31",
			}
		)
		if not frappe.db.exists("Reporting Obligation", "CMW"):
			self.insert({"doctype": "Reporting Obligation", "mechanism": "CMW", "procedure": "Standard"})
		self.insert({"doctype": "Recommendation Cluster", "cluster_name": f"Matrix cluster {self.suffix}"})
		imported = self.insert(
			{
				"doctype": "Recommendation Import",
				"source_type": "UHRI XLSX",
				"source_description": "matrix test",
			}
		)
		self.attach("Recommendation Import", imported, "import_file", "import-file")
		self.insert(
			{
				"doctype": "NMIRF Reminder",
				"reference_doctype": "Implementation Action",
				"reference_name": self.names["Implementation Action"][1],
				"kind": "overdue",
				"recipient": self.users["other_focal_point"],
				"sent_on": today,
			}
		)

	def attach(self, doctype: str, name: str, field: str | None, label: str) -> str:
		url = private_file(doctype, name, field, label)
		if field:
			frappe.db.set_value(doctype, name, field, url, update_modified=False)
		self.files[label] = url
		self.file_documents = getattr(self, "file_documents", {})
		self.file_documents[label] = (doctype, name)
		return url

	def pick_reference_records(self):
		"""Reference data installed with the app (and any DocType added later) is tested on one of
		its existing records."""
		for doctype in app_doctypes():
			if doctype in self.names:
				continue
			if frappe.get_meta(doctype).issingle:
				self.add(doctype, doctype)
			elif name := frappe.db.get_value(doctype, {}, "name"):
				self.add(doctype, name)

	def delete(self):
		frappe.set_user("Administrator")
		for doctype, name in reversed(self.created):
			if doctype in ("Focal Point", "Institution"):
				continue
			frappe.db.delete("File", {"attached_to_doctype": doctype, "attached_to_name": name})
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=True)
		frappe.db.delete(
			"Focal Point", {"institution": ["in", [self.mine_institution, self.other_institution]]}
		)
		for doctype, name in reversed(self.created):
			if doctype == "Institution":
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=True)
		frappe.db.commit()  # nosemgrep: the records were committed for the requests' connections
