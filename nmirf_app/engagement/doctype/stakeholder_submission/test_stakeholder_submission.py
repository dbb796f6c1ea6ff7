# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Public input through the web form: a guest can send, never read; input is kept as text; the
secretariat moderates and publishes the decision with its reason; the portal shows only that."""

import json
from unittest.mock import patch

import frappe
from frappe.client import get as client_get
from frappe.model.workflow import WorkflowTransitionError, apply_workflow

from nmirf_app.testing import NMIRFTestCase, as_user
from nmirf_app.www.submissions import get_context as submissions_page

HOSTILE = '<p>Our network documented 42 cases.</p><script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def send_as_guest(**values):
	"""What the web form posts: Frappe's own endpoint, as a guest."""
	from frappe.website.doctype.web_form.web_form import accept

	data = {
		"doctype": "Stakeholder Submission",
		"submitter_type": "Civil society organisation",
		"organisation": "Coordinadora de Derechos Humanos",
		"email": f"{frappe.generate_hash(length=8)}@cso.example",
		"subject": "Femicide proceedings take too long",
		"submission_text": HOSTILE,
		**values,
	}
	frappe.set_user("Guest")
	try:
		return accept("submit-input", json.dumps(data))
	finally:
		frappe.set_user("Administrator")


def queue_mail_without_sending(test_class):
	"""Frappe queues e-mail only through an outgoing Email Account, and in tests sends each at once,
	committing its status. A saved test account would make every later test's e-mail commit (and
	keep that test's records on the site): these tests get an account that is never saved, and
	their mail stays queued."""
	outbox = frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "NMIRF test outbox",
			"email_id": "outbox@nmirf-test.example",
			"enable_outgoing": 1,
		}
	)
	for patcher in (
		patch(
			"frappe.email.doctype.email_account.email_account.EmailAccount.find_outgoing", return_value=outbox
		),
		patch("frappe.email.doctype.email_queue.email_queue.EmailQueue.send"),
	):
		patcher.start()
		test_class.addClassCleanup(patcher.stop)


def mails_about(name: str) -> list[dict]:
	"""The e-mails queued about a record, oldest first, with their recipients."""
	from email import message_from_string

	mails = frappe.get_all(
		"Email Queue",
		filters={"reference_name": name},
		fields=["name", "message"],
		order_by="creation asc",
	)
	for mail in mails:
		mail.recipients = frappe.get_all("Email Queue Recipient", {"parent": mail.name}, pluck="recipient")
		# the queued message is MIME (quoted-printable): read the HTML part as a mail client would
		parts = message_from_string(mail.message).walk()
		html = next(part for part in parts if part.get_content_type() == "text/html")
		mail.message = html.get_payload(decode=True).decode(html.get_content_charset() or "utf-8")
	return mails


class TestStakeholderSubmission(NMIRFTestCase):
	world = "submissions"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)
		queue_mail_without_sending(cls)

	def tearDown(self):
		frappe.local.flags.pop("in_web_form", None)
		super().tearDown()

	def step(self, name, action):
		doc = frappe.get_doc("Stakeholder Submission", name)
		return as_user(self.secretariat, apply_workflow, doc.as_dict(), action)

	def test_a_guest_sends_input_kept_as_plain_text(self):
		doc = send_as_guest()
		self.assertEqual(doc.workflow_state, "Received")
		stored = frappe.db.get_value("Stakeholder Submission", doc.name, "submission_text")
		self.assertIn("Our network documented 42 cases.", stored)
		for dangerous in ("<script", "<img", 'onerror="', "<p>"):
			self.assertNotIn(dangerous, stored)
		self.assertEqual(frappe.db.get_value("Stakeholder Submission", doc.name, "published"), 0)

	def test_a_guest_cannot_read_any_submission(self):
		doc = send_as_guest()
		frappe.set_user("Guest")
		self.assertFalse(frappe.has_permission("Stakeholder Submission", "read", doc.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Stakeholder Submission")
		with self.assertRaises(frappe.PermissionError):
			client_get("Stakeholder Submission", doc.name)
		frappe.set_user(self.focal_point)
		self.assertFalse(
			frappe.has_permission("Stakeholder Submission", "read", doc.name), "nor a focal point"
		)

	def test_robots_floods_and_closed_portals_are_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "could not be accepted"):
			send_as_guest(website="http://spam.example")
		email = "flood@cso.example"
		for _ in range(5):
			send_as_guest(email=email)
		with self.assertRaisesRegex(frappe.ValidationError, "in the last hour"):
			send_as_guest(email=email)
		frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 0)
		try:
			with self.assertRaises(frappe.PermissionError):
				send_as_guest()
		finally:
			frappe.db.set_single_value("NMIRF Settings", "portal_enabled", 1)

	def test_only_published_recommendations_can_be_named_from_outside(self):
		from nmirf_app.testing import make_recommendation

		hidden = make_recommendation().name
		shown = make_recommendation(published=1).name
		self.assertIsNone(send_as_guest(recommendation=hidden).recommendation)
		self.assertEqual(send_as_guest(recommendation=shown).recommendation, shown)

	def test_moderation_publishes_the_decision_with_its_reason_and_nothing_else(self):
		pending = send_as_guest(subject="Still under review")
		decided = send_as_guest(subject="Specialised courts")
		self.step(pending.name, "Start review")
		self.step(decided.name, "Start review")
		with self.assertRaisesRegex(frappe.ValidationError, "Public feedback"):
			self.step(decided.name, "Take into account")
		doc = frappe.get_doc("Stakeholder Submission", decided.name)
		doc.public_reason = "The report's section on access to justice now gives the figures per department."
		as_user(self.secretariat, doc.save)
		doc = self.step(decided.name, "Take into account")
		self.assertEqual((doc.published, doc.moderated_by), (1, self.secretariat))

		with self.assertRaises(
			(frappe.PermissionError, WorkflowTransitionError), msg="only the secretariat moderates"
		):
			as_user(self.focal_point, apply_workflow, doc.as_dict(), "Reopen")

		frappe.set_user("Guest")
		context = submissions_page(frappe._dict())
		frappe.set_user("Administrator")
		subjects = [row.subject for row in context.submissions]
		self.assertIn("Specialised courts", subjects)
		self.assertNotIn("Still under review", subjects)
		row = next(row for row in context.submissions if row.subject == "Specialised courts")
		self.assertNotIn("email", row)
		self.assertNotIn("submission_text", row)

	def test_submissions_never_reach_the_compiled_report(self):
		from nmirf_app.reporting.compilation import build_document

		report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Independence check",
				"report_type": "Periodic report",
				"mechanism": "CAT",
			}
		).insert()
		doc = send_as_guest(subject="Torture prevention")
		frappe.db.set_value("Stakeholder Submission", doc.name, "state_report", report.name)
		document, _figures = build_document(frappe.get_doc("State Report", report.name))
		text = "\n".join(p.text for p in document.numbered_paragraphs())
		self.assertNotIn("Our network documented", text)

	def test_a_decided_submission_keeps_what_the_sender_sent(self):
		from frappe.client import set_value

		doc = send_as_guest(organisation="CSO before review")
		self.step(doc.name, "Start review")
		tidied = frappe.get_doc("Stakeholder Submission", doc.name)
		tidied.organisation = "CSO (name tidied before the decision)"
		as_user(self.secretariat, tidied.save)

		tidied.reload()
		tidied.public_reason = "Retained for the section on access to justice."
		as_user(self.secretariat, tidied.save)
		self.step(doc.name, "Take into account")
		for user in (self.secretariat, "Administrator"):
			decided = frappe.get_doc("Stakeholder Submission", doc.name)
			decided.submission_text = "A different text"
			with self.assertRaisesRegex(frappe.ValidationError, "can no longer be changed"):
				as_user(user, decided.save)
		with self.assertRaisesRegex(frappe.ValidationError, "can no longer be changed"):
			as_user(self.secretariat, set_value, "Stakeholder Submission", doc.name, "email", "x@example.org")
		decided = frappe.get_doc("Stakeholder Submission", doc.name)
		decided.public_reason = "Retained for the section on access to justice (para. 41)."
		as_user(self.secretariat, decided.save)  # the NMIRF's own words may still be corrected

		self.step(doc.name, "Reopen")
		reopened = frappe.get_doc("Stakeholder Submission", doc.name)
		self.assertTrue(reopened.first_decided_on)
		reopened.organisation = "Renamed after reopening"
		with self.assertRaisesRegex(frappe.ValidationError, "can no longer be changed"):
			as_user(self.secretariat, reopened.save)
		self.assertEqual(
			frappe.db.get_value("Stakeholder Submission", doc.name, "organisation"),
			"CSO (name tidied before the decision)",
		)

	def test_the_sender_is_acknowledged_and_told_the_decision(self):
		address = f"{frappe.generate_hash(length=8)}@cso.example"
		doc = send_as_guest(email=address, subject="Budget <b>for</b> courts")

		def to_sender():
			return [mail for mail in mails_about(doc.name) if address in mail.recipients]

		[acknowledgement] = to_sender()
		self.assertTrue(
			any(self.secretariat in mail.recipients for mail in mails_about(doc.name)),
			"the secretariat's alert of new input is e-mailed too",
		)
		self.assertEqual(acknowledgement.recipients, [address])
		self.assertIn(doc.name, acknowledgement.message)
		self.assertIn("was received", acknowledgement.message)
		for markup in ("<b>for", "<script", "<img"):
			self.assertNotIn(markup, acknowledgement.message)

		self.step(doc.name, "Start review")
		self.assertEqual(len(to_sender()), 1, "a review step is not a decision")
		reason = frappe.get_doc("Stakeholder Submission", doc.name)
		reason.public_reason = "Not retained: courts' budgets are outside this report's period."
		as_user(self.secretariat, reason.save)
		self.step(doc.name, "Do not retain")
		acknowledgement, decision = to_sender()
		self.assertEqual(decision.recipients, [address])
		self.assertIn("Not retained", decision.message)
		self.assertIn("courts' budgets are outside this report's period", decision.message)
