"""Load the demo's engagement work (nmirf_app.core.demo_engagement) as the secretariat; records are
looked up by their natural key first, so loading twice changes nothing."""

from datetime import timedelta

import frappe
from frappe.model.workflow import apply_workflow

from nmirf_app.core import demo_engagement
from nmirf_app.demo.reporting import SECRETARIAT
from nmirf_app.utils import as_user


def load_engagement() -> dict:
	return {
		"consultations": load_consultations(),
		"stakeholder submissions": load_submissions(),
		"special procedure communications": load_communications(),
		"special procedure visits": load_visit(),
		"NMIRF meetings": load_meeting(),
	}


def load_consultations() -> int:
	for spec in demo_engagement.CONSULTATIONS:
		if frappe.db.exists("Consultation", {"title": spec.title}):
			continue
		report = (
			frappe.db.get_value("State Report", {"title": spec.state_report}) if spec.state_report else None
		)
		values = {
			"doctype": "Consultation",
			"title": spec.title,
			"consultation_date": spec.consultation_date,
			"status": spec.status,
			"state_report": report,
			"place": spec.place,
			"minutes": spec.minutes,
			"published": int(spec.published),
			"participants": [
				{"participant_type": kind, "institution": institution, "attended": int(spec.status == "Held")}
				for kind, institution in spec.participants
			],
			"inputs": [
				{"source": source, "input_summary": summary, "response": response, "feedback": feedback}
				for source, summary, response, feedback in spec.inputs
			],
		}
		as_user(SECRETARIAT, lambda values=values: frappe.get_doc(values).insert())
	return len(demo_engagement.CONSULTATIONS)


def load_submissions() -> int:
	for spec in demo_engagement.SUBMISSIONS:
		if frappe.db.exists("Stakeholder Submission", {"subject": spec.subject}):
			continue
		doc = frappe.get_doc(
			{
				"doctype": "Stakeholder Submission",
				"submitter_type": spec.submitter_type,
				"organisation": spec.organisation,
				"email": spec.email,
				"subject": spec.subject,
				"submission_text": spec.text,
			}
		).insert()
		if spec.public_reason:
			doc.public_reason = spec.public_reason
			doc = as_user(SECRETARIAT, doc.save)
		for action in spec.actions:
			doc = as_user(SECRETARIAT, apply_workflow, doc.as_dict(), action)
	return len(demo_engagement.SUBMISSIONS)


def load_communications() -> int:
	for spec in demo_engagement.COMMUNICATIONS:
		if frappe.db.exists("Special Procedure Communication", spec.reference):
			continue
		values = {
			"doctype": "Special Procedure Communication",
			"reference": spec.reference,
			"communication_type": spec.communication_type,
			"mandates": [{"mechanism": mandate} for mandate in spec.mandates],
			"subject": spec.subject,
			"date_received": spec.date_received,
			"responsible_institution": spec.responsible_institution,
			"reply_sent_on": spec.reply_sent_on,
			"status": "Reply in preparation" if spec.responsible_institution else "Received",
		}
		as_user(SECRETARIAT, lambda values=values: frappe.get_doc(values).insert())
	return len(demo_engagement.COMMUNICATIONS)


def load_visit() -> int:
	spec = demo_engagement.VISIT
	if not frappe.db.exists(
		"Special Procedure Visit", {"mechanism": spec["mechanism"], "request_date": spec["request_date"]}
	):
		as_user(SECRETARIAT, lambda: frappe.get_doc({"doctype": "Special Procedure Visit", **spec}).insert())
	return 1


def load_meeting() -> int:
	spec = demo_engagement.MEETING
	if frappe.db.exists("NMIRF Meeting", {"title": spec["title"]}):
		return 1
	values = {key: value for key, value in spec.items() if key != "decisions"}
	values["doctype"] = "NMIRF Meeting"
	values["decisions"] = [
		{
			"decision": decision,
			"owner_user": SECRETARIAT,
			"due_on": spec["meeting_date"] + timedelta(days=days),
		}
		for decision, days in spec["decisions"]
	]
	as_user(SECRETARIAT, lambda: frappe.get_doc(values).insert())
	return 1
