# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Consultations, special procedure communications and visits, and NMIRF meetings on a real site."""

import frappe
from frappe.utils import add_days, formatdate, getdate, nowdate

from nmirf_app.engagement.doctype.consultation.consultation import draft_invitation
from nmirf_app.implementation.tasks import send_deadline_reminders
from nmirf_app.testing import (
	NMIRFTestCase,
	alerts_for,
	as_user,
	make_institution,
	make_recommendation,
	make_user,
)
from nmirf_app.tests import sample_files


class TestEngagement(NMIRFTestCase):
	institutions = ("Engagement Ministry of the Interior", "Engagement Ministry of Ports")

	def test_consultation_warns_when_too_close_to_the_report_and_requires_feedback_to_publish(self):
		report = frappe.get_doc(
			{
				"doctype": "State Report",
				"title": "Report to CERD",
				"report_type": "Periodic report",
				"mechanism": "CERD",
				"due_on": "2027-05-31",
			}
		).insert()
		frappe.clear_messages()
		consultation = frappe.get_doc(
			{
				"doctype": "Consultation",
				"title": "Consultation with indigenous organisations",
				"consultation_date": "2027-05-10",
				"state_report": report.name,
				"participants": [{"participant_type": "Civil society", "participant_name": "CAPI"}],
				"inputs": [
					{
						"source": "CAPI",
						"input_summary": "Land titling is stalled.",
						"response": "Taken into account",
					}
				],
			}
		).insert()
		self.assertEqual(consultation.days_before_report_due, 21)
		self.assertIn("Late consultation", str(frappe.message_log))
		consultation.published = 1
		with self.assertRaisesRegex(frappe.ValidationError, "Inputs, row 1"):
			consultation.save()
		consultation.reload()  # as the form does after a refused save
		consultation.published = 1
		consultation.inputs[0].feedback = "Section III now reports the titling backlog."
		consultation.save()
		with self.assertRaisesRegex(frappe.ValidationError, "Participants, row 2"):
			consultation.append("participants", {"participant_type": "UN"})
			consultation.save()

	def test_invitation_becomes_a_draft_newsletter_for_the_mailing_lists(self):
		group = "NMIRF test: children's rights CSOs"
		if not frappe.db.exists("Email Group", group):
			frappe.get_doc({"doctype": "Email Group", "title": group}).insert()
		consultation = frappe.get_doc(
			{
				"doctype": "Consultation",
				"title": "Child protection round table",
				"consultation_date": "2027-02-01",
				"place": "Asunción",
			}
		).insert()
		newsletter = frappe.get_doc(
			"Newsletter", as_user(self.secretariat, draft_invitation, consultation.name, [group])
		)
		self.assertEqual([row.email_group for row in newsletter.email_group], [group])
		self.assertIn("Asunción", newsletter.message)
		self.assertFalse(newsletter.email_sent, "the secretariat sends it after review")
		with self.assertRaises(frappe.PermissionError):
			as_user(self.focal_point, draft_invitation, consultation.name, [group])

	def test_communication_reply_is_due_in_sixty_days_and_reminded_to_the_institution(self):
		received = add_days(nowdate(), -55)
		communication = frappe.get_doc(
			{
				"doctype": "Special Procedure Communication",
				"reference": f"AL PRY {frappe.generate_hash(length=4)}/2026",
				"communication_type": "Allegation letter",
				"mandates": [{"mechanism": "SR-FREEDOM-EXPRESSION"}],
				"subject": "Alleged attacks on journalists",
				"date_received": received,
				"responsible_institution": self.mine,
			}
		).insert()
		self.assertEqual(getdate(communication.reply_due), getdate(add_days(received, 60)))
		# the secretariat is told it arrived, with its deadline (the institution by the reminders)
		told = alerts_for(self.secretariat, communication.name)
		self.assertEqual(len(told), 1)
		self.assertIn(communication.reference, told[0].subject)
		self.assertIn(formatdate(communication.reply_due), told[0].subject)
		self.assertEqual(alerts_for(self.focal_point, communication.name), [])

		# a receipt date typed wrong and corrected: the deadline moves with it
		communication.date_received = add_days(received, -1)
		communication.save()
		self.assertEqual(getdate(communication.reply_due), getdate(add_days(received, 59)))
		communication.date_received = received
		communication.save()
		reminders = send_deadline_reminders(nowdate())
		mine = [(r.kind, r.recipient) for r in reminders if r.reference.endswith(communication.name)]
		self.assertEqual(mine, [("due soon", self.focal_point)])
		communication.reply_sent_on = nowdate()
		communication.save()
		self.assertEqual(communication.status, "Replied")
		self.assertIn("Reply sent to", alerts_for(self.secretariat, communication.name)[-1].subject)
		reminders = send_deadline_reminders(add_days(nowdate(), 10))
		self.assertFalse(
			[r for r in reminders if r.reference.endswith(communication.name)], "a reply ends the reminders"
		)
		with self.assertRaisesRegex(frappe.ValidationError, "not a special procedure"):
			frappe.get_doc(
				{
					"doctype": "Special Procedure Communication",
					"reference": "UA X",
					"communication_type": "Urgent appeal",
					"mandates": [{"mechanism": "CRC"}],
					"subject": "x",
					"date_received": nowdate(),
				}
			).insert()
		# the institution preparing the reply reads the letter; another institution's focal point does not
		self.assertTrue(
			as_user(
				self.focal_point,
				frappe.has_permission,
				"Special Procedure Communication",
				"read",
				communication,
			)
		)
		self.assertFalse(
			as_user(
				self.other_focal_point,
				frappe.has_permission,
				"Special Procedure Communication",
				"read",
				communication,
			)
		)

	def test_visit_lists_the_recommendations_of_its_report(self):
		symbol = f"A/HRC/99/{frappe.generate_hash(length=4).upper()}/ADD.1"
		recommendations = {
			make_recommendation(mechanism="SR-TORTURE", document_symbol=symbol).name for _ in range(2)
		}
		visit = frappe.get_doc(
			{
				"doctype": "Special Procedure Visit",
				"mechanism": "SR-TORTURE",
				"request_date": "2025-03-01",
				"status": "Requested",
			}
		).insert()
		visit.status = "Report received"
		with self.assertRaisesRegex(frappe.ValidationError, "Report symbol"):
			visit.save()
		visit.reload()
		visit.status = "Report received"
		visit.report_symbol = symbol.lower()
		visit.save()
		self.assertEqual({row.recommendation for row in visit.recommendations}, recommendations)

	def test_meeting_decisions_become_assignments(self):
		other = make_user("secretariat2.engagement", "NMIRF Secretariat")
		meeting = frappe.get_doc(
			{
				"doctype": "NMIRF Meeting",
				"title": "Plenary of November",
				"meeting_date": nowdate(),
				"decisions": [
					{
						"decision": "Circulate the draft CEDAW report to all focal points",
						"owner_user": self.secretariat,
						"due_on": add_days(nowdate(), 14),
					},
					{
						"decision": "Invite the NHRI to the next plenary",
						"owner_user": self.secretariat,
						"due_on": add_days(nowdate(), 30),
					},
					{"decision": "Update the mailing lists", "owner_user": other},
					{"decision": "Note the UPR calendar"},
				],
			}
		).insert()
		meeting.reload()
		todos = [row.todo for row in meeting.decisions]
		self.assertTrue(all(todos[:3]) and not todos[3])
		self.assertEqual(len(set(todos[:3])), 3, "one assignment per decision, even for the same person")
		self.assertEqual(
			frappe.db.get_value("ToDo", todos[0], ["allocated_to", "reference_name"]),
			(self.secretariat, meeting.name),
		)
		self.assertIsNone(
			frappe.db.get_value("ToDo", todos[2], "date"), "an undated decision is not due today"
		)
		meeting.save()
		self.assertEqual(
			frappe.db.count("ToDo", {"reference_name": meeting.name}), 3, "saving again adds none"
		)
		self.assertEqual(alerts_for(self.secretariat, meeting.name), [], "nothing changed, nobody is told")
		with self.assertRaisesRegex(frappe.ValidationError, "Decisions, row 5"):
			meeting.append("decisions", {"decision": "Someone should", "due_on": nowdate()})
			meeting.save()

		# the first decision goes to someone else and the second gets a new date; the third is dropped
		meeting.reload()
		meeting.decisions[0].owner_user = other
		meeting.decisions[1].due_on = add_days(nowdate(), 45)
		meeting.remove(meeting.decisions[2])
		meeting.save()
		meeting.reload()
		status = dict(frappe.get_all("ToDo", {"name": ("in", todos[:3])}, ["name", "status"], as_list=True))
		self.assertEqual([status[todo] for todo in todos[:3]], ["Cancelled", "Open", "Cancelled"])
		moved = meeting.decisions[0].todo
		self.assertNotEqual(moved, todos[0])
		self.assertEqual(frappe.db.get_value("ToDo", moved, ["allocated_to", "status"]), (other, "Open"))
		self.assertEqual(
			getdate(frappe.db.get_value("ToDo", todos[1], "date")), getdate(add_days(nowdate(), 45))
		)
		self.assertEqual(
			sorted(
				frappe.get_all(
					"ToDo", {"reference_name": meeting.name, "status": "Open"}, pluck="allocated_to"
				)
			),
			sorted([other, self.secretariat]),
		)
		# the former owner is told the decision is no longer theirs; a new date reaches its owner's bell
		removed = frappe.get_all(
			"Notification Log",
			{"for_user": self.secretariat, "document_name": meeting.name, "type": "Assignment"},
			["subject", "email_content"],
		)
		self.assertTrue(
			any("removed" in row.subject and "Circulate the draft" in row.email_content for row in removed),
			removed,
		)
		self.assertIn(
			f"A decision of Plenary of November you carry out changed (due {formatdate(add_days(nowdate(), 45))}): "
			"Invite the NHRI to the next plenary",
			[row.subject for row in alerts_for(self.secretariat, meeting.name)],
		)
		self.assertEqual(
			alerts_for(other, meeting.name), [], "the new owner gets Frappe's assignment, no alert"
		)

	def test_secretariat_fills_a_topic_mailing_list_from_institutions(self):
		from nmirf_app.engagement.mailing_lists import add_to_mailing_list

		group = "NMIRF test: indigenous peoples"
		if not frappe.db.exists("Email Group", group):
			as_user(
				self.secretariat, lambda: frappe.get_doc({"doctype": "Email Group", "title": group}).insert()
			)
		with_email = make_institution("Engagement CSO with e-mail", email="contact@cso-engagement.example")
		without_email = make_institution("Engagement CSO without e-mail")
		outcome = as_user(self.secretariat, add_to_mailing_list, group, [with_email, without_email])
		self.assertEqual((outcome["added"], outcome["without_email"]), (1, [without_email]))
		outcome = as_user(self.secretariat, add_to_mailing_list, group, [with_email])
		self.assertEqual((outcome["added"], outcome["already"]), (0, 1), "nobody is added twice")
		with self.assertRaises(frappe.PermissionError):
			as_user(self.focal_point, add_to_mailing_list, group, [with_email])

	def test_guest_uploads_are_limited_in_type_and_size_and_kept_private(self):
		settings = frappe.get_single("NMIRF Settings")
		settings.accept_submission_attachments = 1
		settings.submission_attachment_max_mb = 1
		settings.save()
		self.assertEqual(frappe.db.get_single_value("System Settings", "allow_guests_to_upload_files"), 1)

		def upload(name, content, **values):
			return frappe.get_doc(
				{"doctype": "File", "file_name": name, "content": content, "is_private": 1, **values}
			).insert(ignore_permissions=True)

		evidence = as_user("Guest", upload, "evidence.pdf", sample_files.pdf())
		self.assertTrue(evidence.file_url.startswith("/private/files/"))
		with self.assertRaises(frappe.PermissionError, msg="a guest's file is never public"):
			as_user("Guest", upload, "public.pdf", sample_files.pdf(), is_private=0)
		with self.assertRaisesRegex(frappe.ValidationError, "only"):
			as_user("Guest", upload, "page.html", b"<script>alert(1)</script>")
		with self.assertRaisesRegex(frappe.ValidationError, "MB"):
			as_user("Guest", upload, "scan.png", b"0" * (1024 * 1024 + 1))
		# judged by their bytes (that nothing is left on disk is tested over HTTP, tests/test_guest_paths.py)
		for name, content, reason in (
			("report.pdf", sample_files.WINDOWS_PROGRAM, "a Windows program"),
			("photo.png", sample_files.WEB_PAGE, "a web page"),
			("report.pdf", sample_files.pdf_with_script(), "JavaScript"),
			("report.pdf", sample_files.pdf_with_script_in_object_stream(), "JavaScript"),
		):
			with self.assertRaisesRegex(frappe.ValidationError, reason):
				as_user("Guest", upload, name, content)
		with self.assertRaises(frappe.PermissionError):
			as_user(
				"Guest",
				upload,
				"note.pdf",
				sample_files.pdf(),
				attached_to_doctype="Recommendation",
				attached_to_name="x",
			)
		settings.accept_submission_attachments = 0
		settings.save()
		self.assertEqual(frappe.db.get_single_value("System Settings", "allow_guests_to_upload_files"), 0)
