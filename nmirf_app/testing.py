"""Factories for the Frappe integration tests (each test creates the records it needs) and the
shared world most test classes start from (NMIRFTestCase)."""

import secrets

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, nowdate

from nmirf_app.core.uhri_format import UHRI_XLSX_HEADERS
from nmirf_app.utils import as_user  # noqa: F401  (tests import it from here)

TEST_DOMAIN = "nmirf-test.example"


class NMIRFTestCase(FrappeTestCase):
	"""The people and institutions most of the app's tests act with, made once per class: the
	secretariat, an observer, an institution (`mine`) with its validator and an alternate focal point,
	and another institution (`other`) with its own focal point (`focal_point_term` is the first focal
	point's Focal Point record). `world` names them apart from other
	classes' (`secretariat.{world}@…`, "{World} Ministry A"), or `institutions` names the two
	institutions. Each test comes back to Administrator."""

	world: str = ""
	institutions: tuple[str, str] = ()

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		world = cls.world or cls.__name__.removeprefix("Test").lower()
		mine, other = cls.institutions or (f"{world.title()} Ministry A", f"{world.title()} Ministry B")
		cls.secretariat = make_user(f"secretariat.{world}", "NMIRF Secretariat")
		cls.observer = make_user(f"observer.{world}", "NMIRF Observer")
		cls.validator = make_user(f"validator.{world}", "NMIRF Institution Validator")
		cls.focal_point = make_user(f"fp.{world}", "NMIRF Focal Point")
		cls.other_focal_point = make_user(f"fp2.{world}", "NMIRF Focal Point")
		cls.mine = make_institution(mine, validating_authority=cls.validator, is_state_body=1)
		cls.other = make_institution(other, is_state_body=1)
		cls.focal_point_term = make_focal_point(cls.focal_point, cls.mine, role_type="Alternate")
		make_focal_point(cls.other_focal_point, cls.other, role_type="Alternate")

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()


def make_user(key: str, *roles: str) -> str:
	email = f"{key}@{TEST_DOMAIN}"
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": key.replace(".", " ").title(),
				"send_welcome_email": 0,
				"roles": [{"role": role} for role in roles],
			}
		).insert(ignore_permissions=True)
	elif missing := set(roles) - set(frappe.get_roles(email)):
		# a site reinstalled after uninstall-app keeps its users but not the app's roles
		frappe.get_doc("User", email).add_roles(*sorted(missing))
	return email


def make_institution(name: str, validating_authority: str | None = None, **values) -> str:
	if not frappe.db.exists("Institution", name):
		frappe.get_doc(
			{
				"doctype": "Institution",
				"institution_name": name,
				"institution_type": values.pop("institution_type", "Ministry"),
				"validating_authority": validating_authority,
				**values,
			}
		).insert(ignore_permissions=True)
	return name


def make_focal_point(user: str, institution: str, role_type: str = "Main", **values):
	return frappe.get_doc(
		{
			"doctype": "Focal Point",
			"user": user,
			"institution": institution,
			"role_type": role_type,
			"active_from": values.pop("active_from", add_days(nowdate(), -30)),
			**values,
		}
	).insert(ignore_permissions=True)


def make_recommendation(institutions=(), *, mechanism: str = "CRC", insert: bool = True, **values):
	"""institutions: names (the first leads) or (name, role) pairs."""
	rows = []
	for index, institution in enumerate(institutions):
		name, role = (
			institution
			if isinstance(institution, tuple)
			else (institution, "Lead" if index == 0 else "Supporting")
		)
		rows.append({"institution": name, "role": role})
	# imports commit, so a site keeps earlier runs' records: default paragraphs never repeat
	paragraph = values.pop("paragraph", str(100_000 + secrets.randbelow(900_000)))
	doc = frappe.get_doc(
		{
			"doctype": "Recommendation",
			"mechanism": mechanism,
			"recommendation_text": values.pop(
				"recommendation_text",
				f"{paragraph}. The Committee recommends that the State party adopt measure {frappe.generate_hash(length=8)}.",
			),
			"document_symbol": values.pop("document_symbol", "CRC/C/TST/CO/1"),
			"paragraph": paragraph,
			"document_date": values.pop("document_date", "2023-06-01"),
			"responsible_institutions": rows,
			**values,
		}
	)
	if insert:
		doc.insert(ignore_permissions=True)
	return doc


def uhri_xlsx_bytes(rows: list[dict]) -> bytes:
	"""A workbook shaped like OHCHR's UHRI export: `- ` prefixes, newline lists, serial dates."""
	import io

	from openpyxl import Workbook

	workbook = Workbook()
	sheet = workbook.active
	sheet.append(list(UHRI_XLSX_HEADERS))
	for row in rows:
		cells = []
		for header in UHRI_XLSX_HEADERS:
			value = row.get(header, "")
			if isinstance(value, list | tuple):
				value = "\n".join(f"- {item}" for item in value)
			elif isinstance(value, str) and value and header != "Text":
				value = f"- {value}"
			cells.append(value)
		sheet.append(cells)
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def make_private_file(file_name: str, content: bytes) -> str:
	return (
		frappe.get_doc({"doctype": "File", "file_name": file_name, "is_private": 1, "content": content})
		.insert(ignore_permissions=True)
		.file_url
	)


def alerts_for(user: str, document_name: str) -> list:
	"""What a user's notification bell holds about a document (the app's notifications are Alerts),
	oldest first, with the e-mail text each carries."""
	return frappe.get_all(
		"Notification Log",
		{"for_user": user, "document_name": document_name, "type": "Alert"},
		["subject", "email_content"],
		order_by="creation asc",
	)


def thematic_list_samples():
	"""The repository's generator of OHCHR thematic lists (tests/thematic_list_samples.py): its
	`sample_list(cycle)` and `build_docx(sample)` write test files of each generation."""
	import importlib.util
	import os
	import sys

	if "thematic_list_samples" in sys.modules:
		return sys.modules["thematic_list_samples"]
	spec = importlib.util.spec_from_file_location(
		"thematic_list_samples",
		os.path.join(frappe.get_app_path("nmirf_app"), "..", "tests", "thematic_list_samples.py"),
	)
	samples = importlib.util.module_from_spec(spec)
	sys.modules[spec.name] = samples  # its dataclasses look themselves up there
	spec.loader.exec_module(samples)
	return samples


def make_obligation(mechanism: str, **values):
	"""The mechanism's Reporting Obligation, made afresh with these values."""
	frappe.delete_doc_if_exists("Reporting Obligation", mechanism, force=True)
	return frappe.get_doc({"doctype": "Reporting Obligation", "mechanism": mechanism, **values}).insert()
