"""Scheduler jobs: daily deadline reminders with escalation, and each focal point's weekly digest.
What goes to whom is decided in nmirf_app.core.reminders; this module gathers the deadlines and
delivers through Frappe's notifications (bell and e-mail) and the e-mail queue."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.utils import cint, get_url_to_form, getdate, nowdate

from nmirf_app.core.reminders import Deadline, select_reminders, weekly_digest
from nmirf_app.permissions import active_focal_points
from nmirf_app.reporting.doctype.report_contribution.report_contribution import (
	OPEN_STATES as CONTRIBUTION_OPEN_STATES,
)

OPEN_ACTION_STATUSES = ("Planned", "In progress", "On hold")
REMINDER_SUBJECTS = {
	"due soon": _("Due in {days} day(s): {title}"),
	"overdue": _("Overdue by {days} day(s): {title}"),
	"escalated to validator": _("Your institution is {days} day(s) late: {title}"),
	"escalated to secretariat": _("An institution is {days} day(s) late: {title}"),
}


def users_with_role(role: str) -> tuple[str, ...]:
	users = frappe.get_all(
		"Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent", distinct=True
	)
	enabled = frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")
	return tuple(sorted(enabled))


def secretariat_users() -> tuple[str, ...]:
	return users_with_role("NMIRF Secretariat")


def open_deadlines(
	today, *, late_only: bool = False, doctypes: tuple[str, ...] | None = None
) -> tuple[list[Deadline], dict[str, tuple[str, str]]]:
	"""What has a deadline and who owns it. Open actions (by end date), recommendations flagged for
	follow-up (by follow-up deadline) and requested or returned report contributions (by due date)
	belong to the institution's active focal points, escalating to its validator, then the
	secretariat. Replies to special procedure communications belong to the institution preparing them
	(else the secretariat). State reports not yet submitted, and the reports the reporting calendar
	says are due to a mechanism, belong to the secretariat, escalating to the government approvers.
	late_only: only what was due before today; doctypes: only these."""
	focal_points = active_focal_points(day=today)
	validators = dict(frappe.get_all("Institution", fields=["name", "validating_authority"], as_list=True))
	secretariat = secretariat_users()
	deadlines, documents = [], {}
	due = ("<", today) if late_only else ("is", "set")

	def wanted(doctype):
		return doctypes is None or doctype in doctypes

	def add(doctype, name, title, due_on, institution=None, *, owners=None, escalate_to=None):
		reference = f"{doctype} {name}"
		documents[reference] = (doctype, name)
		deadlines.append(
			Deadline(
				reference=reference,
				title=title,
				due_on=getdate(due_on),
				owners=tuple(focal_points.get(institution, ())) if owners is None else owners,
				validator=validators.get(institution) if institution else None,
				secretariat=secretariat if escalate_to is None else escalate_to,
			)
		)

	if wanted("Report Contribution"):
		for row in frappe.get_all(
			"Report Contribution",
			filters={"workflow_state": ("in", CONTRIBUTION_OPEN_STATES), "due_on": due},
			fields=["name", "section", "state_report", "due_on", "institution"],
			limit_page_length=0,
		):
			title = _("{0} (contribution to {1})").format(row.section, row.state_report)
			add("Report Contribution", row.name, title, row.due_on, row.institution)
	if wanted("Special Procedure Communication"):
		for row in frappe.get_all(
			"Special Procedure Communication",
			filters={"status": ("in", ("Received", "Reply in preparation")), "reply_due": due},
			fields=["name", "subject", "reply_due", "responsible_institution"],
			limit_page_length=0,
		):
			title = _("Reply to {0}: {1}").format(row.name, row.subject)
			# the institution preparing the reply, or the secretariat while nobody is named
			institution = row.responsible_institution
			owners = None if institution else secretariat
			add("Special Procedure Communication", row.name, title, row.reply_due, institution, owners=owners)
	if wanted("State Report"):
		approvers = users_with_role("NMIRF Approver")
		for row in frappe.get_all(
			"State Report",
			filters={"due_on": due, "submitted_on": ("is", "not set")},
			fields=["name", "title", "due_on"],
			limit_page_length=0,
		):
			add("State Report", row.name, row.title, row.due_on, owners=secretariat, escalate_to=approvers)
	if wanted("Reporting Obligation"):
		# the State's periodic reports to the mechanisms (the reporting calendar, whose lateness the
		# "Overdue reports" card counts), the secretariat's to prepare, escalating to the approvers
		approvers = users_with_role("NMIRF Approver")
		obligation_filters = {"is_active": 1, "next_due_on": ("is", "set")}
		if late_only:
			obligation_filters["is_overdue"] = 1
		for row in frappe.get_all(
			"Reporting Obligation",
			filters=obligation_filters,
			fields=["name", "mechanism_title", "next_report_type", "next_due_on"],
			limit_page_length=0,
		):
			title = _("{0} to {1}").format(
				_(row.next_report_type or "Periodic report"), row.mechanism_title or row.name
			)
			add(
				"Reporting Obligation",
				row.name,
				title,
				row.next_due_on,
				owners=secretariat,
				escalate_to=approvers,
			)
	if wanted("Implementation Action"):
		for row in frappe.get_all(
			"Implementation Action",
			filters={"status": ("in", OPEN_ACTION_STATUSES), "end_date": due},
			fields=["name", "action_title", "end_date", "lead_institution"],
			limit_page_length=0,
		):
			add("Implementation Action", row.name, row.action_title, row.end_date, row.lead_institution)
	if wanted("Recommendation"):
		for row in frappe.get_all(
			"Recommendation",
			filters={
				"follow_up_required": 1,
				"follow_up_deadline": due,
				"implementation_status": ("!=", "Fully implemented"),
			},
			fields=["name", "title", "follow_up_deadline", "lead_institution"],
			limit_page_length=0,
		):
			add("Recommendation", row.name, row.title, row.follow_up_deadline, row.lead_institution)
	return deadlines, documents


def send_deadline_reminders(today=None):
	"""Daily. Safe to run twice a day: what was sent today is in NMIRF Reminder and is not resent."""
	today = getdate(today or nowdate())
	settings = frappe.get_cached_doc("NMIRF Settings")
	deadlines, documents = open_deadlines(today)
	already_sent = {
		(f"{row.reference_doctype} {row.reference_name}", row.kind, row.recipient, getdate(row.sent_on))
		for row in frappe.get_all(
			"NMIRF Reminder",
			filters={"sent_on": today},
			fields=["reference_doctype", "reference_name", "kind", "recipient", "sent_on"],
			limit_page_length=0,
		)
	}
	reminders = select_reminders(
		deadlines,
		today,
		lead_days=cint(settings.reminder_lead_days) or 14,
		escalation_days=cint(settings.escalation_after_days) or 7,
		already_sent=already_sent,
	)
	titles = {deadline.reference: deadline.title for deadline in deadlines}
	for reminder in reminders:
		doctype, name = documents[reminder.reference]
		frappe.get_doc(
			{
				"doctype": "NMIRF Reminder",
				"reference_doctype": doctype,
				"reference_name": name,
				"kind": reminder.kind,
				"recipient": reminder.recipient,
				"sent_on": today,
				"due_on": reminder.due_on,
				"days": reminder.days,
			}
		).insert(ignore_permissions=True)  # the scheduler's own log
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": doctype,
				"document_name": name,
				"subject": REMINDER_SUBJECTS[reminder.kind].format(
					days=abs(reminder.days), title=titles[reminder.reference]
				),
				"from_user": "Administrator",
			},
			[reminder.recipient],
		)
	return reminders


def send_weekly_digest(today=None):
	"""Weekly: each focal point gets one message listing what is theirs, overdue first — in the
	notification bell, and by e-mail as their Notification Settings choose (nmirf_setup/email_digest)."""
	today = getdate(today or nowdate())
	deadlines, documents = open_deadlines(today)
	digests = weekly_digest(deadlines, today)
	for owner, lines in digests.items():
		overdue = sum(1 for line in lines if line.overdue)
		items = "".join(
			"<li>{state} — <a href='{url}'>{title}</a> ({due})</li>".format(
				state=_("Overdue") if line.overdue else _("Due"),
				url=get_url_to_form(*documents[line.reference]),
				title=frappe.utils.escape_html(line.title),
				due=frappe.format(line.due_on, "Date"),
			)
			for line in lines
		)
		# one message: in the bell, and by e-mail as the owner's Notification Settings choose
		make_notification_logs(
			{
				"type": "Alert",
				"document_type": "Focal Point",
				"subject": _("Your deadlines this week: {0} overdue, {1} coming up").format(
					overdue, len(lines) - overdue
				),
				"email_content": f"<p>{_('What your institution is responsible for, overdue first:')}</p>"
				f"<ul>{items}</ul>",
				"link": "/app/nmirf-my-work",
				"from_user": "Administrator",
			},
			[owner],
		)
	return digests
