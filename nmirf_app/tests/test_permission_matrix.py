# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Who may read and write what, asked of the server the way a browser or an API client asks it:
real HTTP requests through Frappe's WSGI application, logged in with each NMIRF role.

The expected rights are written out below (EXPECTED), from the roles' purpose in DESIGN.md §4, not
read back from the DocPerm table they are meant to check. Every DocType of the app's modules must
have a row; a generic sweep refuses Guest and a role-less website user everything, on every path,
for every DocType and child table found in the DocType table.
"""

import csv
import io
import json

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.tests.permission_fixtures import Browser, Records, app_doctypes, child_table_parents

SEC, APP, VAL, FP, OBS = "secretariat", "approver", "validator", "focal_point", "observer"
ROLES = (SEC, APP, VAL, FP, OBS)
NOBODY = ("guest", "website_user")

# Per DocType and role, what the role may do. Reading: "r" every record, "s" only its institution's
# records, "p" only published records; then "c" create, "w" write, "d" delete, "e" export (for "s",
# writing and deleting only the institution's own records). A role not listed may do nothing.
REFERENCE = {SEC: "rcwe", APP: "re", VAL: "re", FP: "re", OBS: "re"}  # vocabularies, institutions
SHARED_PLANNING = {SEC: "rcwde", APP: "re", VAL: "re", FP: "re", OBS: "re"}  # clusters, calendar
INTERNAL_RECORD = {SEC: "rcwde", APP: "re", VAL: "r", FP: "r"}  # consultations, meetings, visits
INSTITUTION_WORK = {SEC: "rcwde", APP: "re", VAL: "swe", FP: "swe"}
EXPECTED = {
	# NMIRF Setup
	"Affected Group": REFERENCE,
	"Human Rights Mechanism": REFERENCE,
	"Human Rights Theme": REFERENCE,
	"Human Rights Treaty": REFERENCE,
	"Institution": REFERENCE,
	"SDG Goal": REFERENCE,
	"SDG Target": REFERENCE,
	"Focal Point": {SEC: "rcwde", APP: "re", VAL: "se", FP: "se"},
	"NMIRF Settings": {SEC: "r"},
	# Recommendations: observers (NHRI, CSOs, UN) read what is published, nothing internal
	"Recommendation": {SEC: "rcwde", APP: "re", VAL: "swe", FP: "swe", OBS: "p"},
	"Recommendation Cluster": SHARED_PLANNING,
	"Recommendation Import": {SEC: "rcwde"},
	# accepted and rejected tag suggestions: written by the app alone, read with the recommendation
	"Tag Suggestion Decision": {SEC: "re", APP: "re", VAL: "s", FP: "s"},
	# counts of every recommendation, written by the app alone
	"Recommendation Tally": {SEC: "re", APP: "re"},
	# Implementation: institutions work on their own records only
	"Implementation Plan": {SEC: "rcwde", APP: "rwe", VAL: "re", FP: "re", OBS: "re"},
	"Implementation Action": INSTITUTION_WORK,
	"Indicator": INSTITUTION_WORK,
	"Progress Update": {SEC: "rcwe", APP: "re", VAL: "swe", FP: "scwde"},
	"Implementation Assessment": {SEC: "rcwde", APP: "re", VAL: "s", FP: "s", OBS: "p"},
	"NMIRF Reminder": {SEC: "re"},
	# Reporting
	"Reporting Obligation": SHARED_PLANNING,
	"State Report": {SEC: "rcwde", APP: "rwe", VAL: "r", FP: "r"},
	"Report Contribution": INSTITUTION_WORK,
	# Engagement: what civil society sends and what special procedures write stays with the
	# secretariat and the approver
	"Consultation": INTERNAL_RECORD,
	"NMIRF Meeting": INTERNAL_RECORD,
	"Special Procedure Visit": INTERNAL_RECORD,
	# a special procedure's letter: read also by the institution named to prepare the reply
	"Special Procedure Communication": {SEC: "rcwde", APP: "re", VAL: "s", FP: "s"},
	"Stakeholder Submission": {SEC: "rwde", APP: "re"},
}

# Script reports and the roles that may run them (the others, Guest included, are refused).
EVERYONE = (SEC, APP, VAL, FP, OBS)
INTERNAL = (SEC, APP, VAL, FP)
REPORTS = {
	"Follow-up Tracker": (EVERYONE, {}),
	"Reporting Calendar": (EVERYONE, {}),
	"SDG Coverage": (EVERYONE, {}),
	"Implementation Status": (EVERYONE, {"group_by": "Responsible institution"}),
	"Institution Scorecard": (INTERNAL, {}),
	"Overdue Items": (INTERNAL, {}),
	"Gaps": (INTERNAL, {}),
	"Repeated Recommendations": (INTERNAL, {}),
}

REFUSED = 403


def plain_field(doctype: str) -> str:
	"""A field of the DocType that frappe.client.set_value accepts (not a standard one)."""
	return next(
		df.fieldname
		for df in frappe.get_meta(doctype).fields
		if df.fieldtype
		in ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Select", "Date", "Int", "Check")
	)


def names_in(response, path: str) -> set[str]:
	"""The record names a successful list response holds, whatever the path's format."""
	if path == "export":
		rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
		return {row[1] for row in rows[1:]}
	body = response.json
	if path == "rest":
		return {row["name"] for row in body["data"]}
	if path == "reportview":
		return {row[0] for row in (body["message"] or {}).get("values", [])}
	return {row["name"] for row in body["message"]}


class TestPermissionMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.records = Records()
		frappe.db.commit()  # nosemgrep: the requests read through connections of their own
		cls.browsers = {key: Browser(user) for key, user in cls.records.users.items()}
		cls.browsers["guest"] = Browser()
		cls.requests = 0

	@classmethod
	def tearDownClass(cls):
		cls.records.delete()
		super().tearDownClass()

	def setUp(self):
		self.failures = []

	def tearDown(self):
		frappe.set_user("Administrator")
		if self.failures:
			self.fail(f"{len(self.failures)} permission failures:\n" + "\n".join(self.failures))

	# -- requests -------------------------------------------------------------------------------

	def expect(self, response, statuses, what: str):
		type(self).requests += 1
		if response.status_code not in statuses:
			body = response.json if response.is_json else {}
			error = (body or {}).get("exception") or ""
			self.failures.append(f"{what}: HTTP {response.status_code}, expected {sorted(statuses)} {error}")
			return False
		return True

	def list_requests(self, browser: Browser, doctype: str, filters: list, parent: str | None = None):
		"""The list, report, export and count paths, each asked for the given records."""
		field = f"`tab{doctype}`.`name`"
		extra = {"parent_doctype": parent} if parent else {}
		yield (
			"rest",
			browser.resource(
				"GET",
				doctype,
				query={
					"fields": ["name"],
					"filters": filters,
					"limit_page_length": 0,
					**({"parent": parent} if parent else {}),
				},
			),
		)
		yield (
			"get_list",
			browser.call(
				"frappe.client.get_list",
				doctype=doctype,
				fields=["name"],
				filters=filters,
				limit_page_length=0,
				**({"parent": parent} if parent else {}),
			),
		)
		yield (
			"reportview",
			browser.call(
				"frappe.desk.reportview.get",
				doctype=doctype,
				fields=[field],
				filters=filters,
				start=0,
				page_length=500,
				**extra,
			),
		)
		yield (
			"export",
			browser.call(
				"frappe.desk.reportview.export_query",
				doctype=doctype,
				file_format_type="CSV",
				fields=[field],
				filters=filters,
				**extra,
			),
		)
		yield ("count", browser.call("frappe.client.get_count", doctype=doctype, filters=filters))

	def readable(self, doctype: str, role: str) -> set[str]:
		"""The test records of a DocType the matrix lets a role read."""
		rights = EXPECTED.get(doctype, {}).get(role, "")
		names = set(self.records.names.get(doctype, []))
		if "r" in rights:
			return names
		if "s" in rights:
			return self.records.mine.get(doctype, set())
		if "p" in rights:
			return self.records.published.get(doctype, set())
		return set()

	def check_doctype(self, doctype: str, role: str, rights: str):
		browser = self.browsers[role]
		names = self.records.names.get(doctype, [])
		single = frappe.get_meta(doctype).issingle
		may_read = any(level in rights for level in "rsp")
		readable = self.readable(doctype, role) if may_read else set()
		where = f"{role} on {doctype}"

		if not single:
			filters = [["name", "in", names]] if names else []
			for path, response in self.list_requests(browser, doctype, filters):
				allowed = may_read and (path != "export" or "e" in rights)
				if (
					not self.expect(response, {200} if allowed else {REFUSED}, f"{where}: {path}")
					or not allowed
				):
					continue
				if path == "count":
					if response.json["message"] != len(readable):
						self.failures.append(
							f"{where}: count {response.json['message']}, expected {len(readable)}"
						)
				elif names and names_in(response, path) != readable:
					self.failures.append(
						f"{where}: {path} lists {sorted(names_in(response, path))}, expected {sorted(readable)}"
					)
			create = browser.resource("POST", doctype, json={})
			# an empty document passes the permission check and then fails on its mandatory fields
			self.expect(create, {417} if "c" in rights else {REFUSED}, f"{where}: create")

		for name in names:
			visible = name in readable
			status = {200} if visible else {REFUSED}
			self.expect(browser.resource("GET", doctype, name), status, f"{where}: GET {name}")
			self.expect(
				browser.call("frappe.client.get", doctype=doctype, name=name),
				status,
				f"{where}: client.get {name}",
			)
			value = browser.call(
				"frappe.client.get_value", doctype=doctype, filters={"name": name}, fieldname=["name"]
			)
			if (
				self.expect(value, {200} if may_read else {REFUSED}, f"{where}: get_value {name}")
				and may_read
			):
				got = (value.json.get("message") or {}).get("name")
				if got != (name if visible else None):
					self.failures.append(f"{where}: get_value {name} returned {got!r}")
			own_record = "s" not in rights or name in self.records.mine.get(doctype, set())
			for http, op in (("PUT", "w"), ("DELETE", "d")):
				if op in rights and own_record:
					continue  # allowed: changing test records here would only test the test
				kwargs = {"json": {"idx": 0}} if http == "PUT" else {}
				self.expect(
					browser.resource(http, doctype, name, **kwargs), {REFUSED}, f"{where}: {http} {name}"
				)
				# the same change through frappe.client's methods
				client = (
					browser.call(
						"frappe.client.set_value",
						doctype=doctype,
						name=name,
						fieldname=(field := plain_field(doctype)),
						# its current value: were the refusal missing, nothing would change
						value=frappe.db.get_value(doctype, name, field),
					)
					if http == "PUT"
					else browser.call("frappe.client.delete", doctype=doctype, name=name)
				)
				self.expect(
					client, {REFUSED}, f"{where}: client {'set_value' if http == 'PUT' else 'delete'} {name}"
				)

	# -- tests ----------------------------------------------------------------------------------

	def test_every_doctype_of_the_app_has_expected_rights(self):
		"""A new DocType gets a row in EXPECTED: who may read and change it is a decision."""
		self.assertEqual(sorted(app_doctypes()), sorted(EXPECTED))
		missing = [doctype for doctype in EXPECTED if not self.records.names.get(doctype)]
		self.assertEqual(missing, [], "every DocType is tested on at least one record")

	def test_roles_read_and_write_only_what_the_matrix_allows(self):
		for doctype, rights in EXPECTED.items():
			for role in ROLES:
				self.check_doctype(doctype, role, rights.get(role, ""))

	def test_guest_and_website_user_get_nothing_from_any_doctype(self):
		for doctype in app_doctypes():
			for role in NOBODY:
				self.check_doctype(doctype, role, "")

	def test_link_search_offers_only_what_the_user_may_read(self):
		"""The search behind every Link field (frappe.desk.search.search_link) is another way to
		list a DocType's records by name."""
		for doctype in ("Recommendation", "Implementation Action", "Progress Update", "Report Contribution"):
			names = set(self.records.names.get(doctype, []))
			for role in ROLES + NOBODY:
				rights = EXPECTED[doctype].get(role, "") if role in ROLES else ""
				response = self.browsers[role].call(
					"frappe.desk.search.search_link", doctype=doctype, txt="", page_length=10_000
				)
				where = f"{role} on {doctype}: search_link"
				if not any(level in rights for level in "rsp"):
					if response.status_code == 200 and names & {
						row["value"] for row in response.json.get("message") or []
					}:
						self.failures.append(f"{where} offers records it may not read")
					continue
				if self.expect(response, {200}, where):
					offered = {row["value"] for row in response.json["message"]} & names
					if offered != self.readable(doctype, role):
						self.failures.append(
							f"{where} offers {sorted(offered)}, expected {sorted(self.readable(doctype, role))}"
						)

	def test_child_tables_show_only_rows_of_parents_the_user_may_read(self):
		"""Frappe lists a child table on its own when asked with its parent DocType, checking only
		the role's right to the parent DocType; rows of records the user may not open must not come."""
		other_institutions_rows = set()
		for child in app_doctypes(istable=1):
			for parent in child_table_parents(child):
				if parent not in EXPECTED:
					continue
				for role in (*ROLES, *NOBODY):
					rights = EXPECTED[parent].get(role, "")
					browser = self.browsers[role]
					where = f"{role} on {child} of {parent}"
					for path, response in self.list_requests(browser, child, [], parent=parent):
						# Frappe exports and the app counts a child table never on its own (a child
						# DocType has no export right; nmirf_app.api.get_count refuses child tables)
						allowed = path in ("rest", "get_list", "reportview") and any(
							level in rights for level in "rsp"
						)
						if not self.expect(response, {200} if allowed else {REFUSED}, f"{where}: {path}"):
							continue
						if not allowed or path != "get_list":
							continue
						# Frappe does not narrow the rows to the parent DocType asked for: each row is
						# checked against the record it belongs to
						by_parenttype = {}
						for row in self.child_rows(browser, child, parent):
							by_parenttype.setdefault(row["parenttype"], set()).add(row["parent"])
						for parenttype, parents in by_parenttype.items():
							others = set(self.records.names.get(parenttype, [])) - self.records.mine.get(
								parenttype, set()
							)
							if role == SEC and parents & others:
								other_institutions_rows.add(child)
							shown = self.readable_by_request(browser, parenttype, parents)
							if hidden := parents - shown:
								self.failures.append(
									f"{where}: rows of {len(hidden)} unreadable {parenttype}, e.g. {sorted(hidden)[:3]}"
								)
		# the test's records of the other institution have rows in these tables, so the check above
		# can fail for them
		for child in (
			"Recommendation Institution",
			"Progress Evidence",
			"Action Budget Line",
			"Indicator Value",
		):
			self.assertIn(child, other_institutions_rows)

	def child_rows(self, browser, child, parent):
		response = browser.call(
			"frappe.client.get_list",
			doctype=child,
			parent=parent,
			fields=["name", "parent", "parenttype"],
			limit_page_length=0,
		)
		return response.json["message"]

	def readable_by_request(self, browser, doctype, names) -> set[str]:
		if not names:
			return set()
		response = browser.call(
			"frappe.client.get_list",
			doctype=doctype,
			fields=["name"],
			filters=[["name", "in", sorted(names)]],
			limit_page_length=0,
		)
		return {row["name"] for row in response.json["message"]} if response.status_code == 200 else set()

	def test_private_files_follow_their_documents(self):
		"""/private/files/<name> serves a file only to those who may read the document it is
		attached to (progress evidence, minutes, compiled drafts, submitted attachments...)."""
		documents = self.records.file_documents
		self.assertGreaterEqual(len(documents), 8)
		for label, url in self.records.files.items():
			doctype, name = documents[label]
			for role in (*ROLES, *NOBODY, "other_focal_point"):
				if role == "other_focal_point":
					# the focal point of the other institution: all the test's scoped records but the
					# first institution's are theirs
					rights = EXPECTED[doctype].get(FP, "")
					visible = "r" in rights or (
						"s" in rights and name not in self.records.mine.get(doctype, set())
					)
				else:
					visible = name in self.readable(doctype, role)
				response = self.browsers[role].request("GET", url)
				self.expect(
					response, {200} if visible else {403, 404}, f"{role}: {label} of {doctype} {name}"
				)
				if visible and response.status_code == 200:
					self.assertIn(label.encode(), response.get_data())

	def test_script_reports_refuse_outsiders_and_scope_focal_points(self):
		self.check_reports(
			(
				"Follow-up Tracker",
				"Reporting Calendar",
				"SDG Coverage",
				"Implementation Status",
				"Institution Scorecard",
				"Repeated Recommendations",
			),
			must_show_other={
				"Institution Scorecard",
				"Follow-up Tracker",
				"Implementation Status",
				"Repeated Recommendations",
			},
		)

	def test_reports_with_a_document_type_column_open_for_their_roles(self):
		"""Overdue Items and Gaps list rows of several DocTypes in a column linked to DocType, on which
		Frappe's query_report.run applies the user's match conditions: only Administrator may read
		DocType, so every other user got 403 once the report had a row."""
		self.check_reports(("Overdue Items", "Gaps"), must_show_other={"Overdue Items"})

	def check_reports(self, reports, must_show_other):
		"""Outsiders are refused; focal points and validators see no other institution's records in
		what the report returns, which the secretariat does see."""
		records = self.records
		markers = {records.other_institution, records.rec_other}
		for doctype in ("Implementation Action", "Report Contribution", "Progress Update", "Indicator"):
			markers |= set(records.names[doctype]) - records.mine[doctype]
		shows_other = set()
		for report in reports:
			roles, filters = REPORTS[report]
			for role in (*ROLES, *NOBODY):
				response = self.browsers[role].call(
					"frappe.desk.query_report.run", report_name=report, filters=filters
				)
				where = f"{role}: report {report}"
				if (
					not self.expect(response, {200} if role in roles else {REFUSED}, where)
					or role not in roles
				):
					continue
				leaked = {marker for marker in markers if marker in json.dumps(response.json["message"])}
				if role == SEC and leaked:
					shows_other.add(report)
				elif role in (FP, VAL) and leaked:
					self.failures.append(f"{where} shows another institution's {sorted(leaked)}")
		if missing := must_show_other - shows_other:
			self.failures.append(f"the secretariat sees no other institution's record in {sorted(missing)}")
