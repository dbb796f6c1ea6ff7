"""Each user chooses, in their Notification Settings, one e-mail per notification (Frappe's way) or
one e-mail a day: what reached their bell since the last digest and is still unread. The bell is
the same either way; only the e-mail waits. Grouping is nmirf_app/core/digest.py."""

import frappe
from frappe import _
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.desk.doctype.notification_log.notification_log import (
	NotificationLog,
	set_notifications_as_unseen,
)
from frappe.desk.doctype.notification_settings.notification_settings import (
	is_email_notifications_enabled,
)
from frappe.utils import (
	add_days,
	escape_html,
	format_datetime,
	get_url,
	get_url_to_form,
	now_datetime,
	strip_html,
)

from nmirf_app.core.digest import DigestItem, digest_groups
from nmirf_app.core.translation import N_

DIGEST_FIELD = "nmirf_daily_digest"
SENT_UNTIL_FIELD = "nmirf_digest_sent_until"
CUSTOM_FIELDS = {
	"Notification Settings": [
		{
			"fieldname": DIGEST_FIELD,
			"fieldtype": "Check",
			# stored in English and translated where the desk shows them: N_ puts them in the PO files
			"label": N_("One e-mail a day"),
			"description": N_(
				"Instead of an e-mail for each notification, one e-mail each morning lists "
				"the notifications of the day before that you have not read in the bell."
			),
			"insert_after": "enable_email_notifications",
			"depends_on": "enable_email_notifications",
		},
		{
			"fieldname": SENT_UNTIL_FIELD,
			"fieldtype": "Datetime",
			"label": N_("Daily e-mail sent up to"),
			"insert_after": DIGEST_FIELD,
			"read_only": 1,
			"hidden": 1,
		},
	]
}


def create_digest_fields():
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True)


def delete_digest_fields():
	for doctype, fields in CUSTOM_FIELDS.items():
		for field in fields:
			frappe.delete_doc_if_exists("Custom Field", f"{doctype}-{field['fieldname']}", force=True)


def wants_daily_digest(user: str) -> bool:
	if not frappe.get_meta("Notification Settings").has_field(DIGEST_FIELD):
		return False  # during install, before the field exists
	return bool(frappe.db.get_value("Notification Settings", user, DIGEST_FIELD))


def is_about_an_nmirf_record(log) -> bool:
	return bool(log.document_type) and frappe.get_meta(log.document_type).module in frappe.get_module_list(
		"nmirf_app"
	)


def may_read_its_record(log) -> bool:
	"""No e-mail about a record its reader may not open (a focal point is reminded of a special
	procedure reply in the bell, but the letter stays with the secretariat)."""
	if not (log.document_type and log.document_name):
		return True
	return frappe.db.exists(log.document_type, log.document_name) and bool(
		frappe.has_permission(log.document_type, "read", doc=log.document_name, user=log.for_user)
	)


class NMIRFNotificationLog(NotificationLog):
	"""Frappe e-mails a notification of every kind but Alert; the app's notifications (its
	Notification rules, deadline reminders) are Alerts, and its users rely on the e-mail. So an
	Alert about an NMIRF record is e-mailed too, as Frappe e-mails the others: unless the user turned
	e-mail notifications off, or chose one e-mail a day (then nothing is e-mailed at once)."""

	def after_insert(self):
		digest = wants_daily_digest(self.for_user)
		mail_alert = self.type == "Alert" and is_about_an_nmirf_record(self)
		if not (digest or mail_alert):
			return super().after_insert()
		frappe.publish_realtime("notification", after_commit=True, user=self.for_user)
		set_notifications_as_unseen(self.for_user)
		if digest or not is_email_notifications_enabled(self.for_user) or not may_read_its_record(self):
			return
		try:
			send_alert_email(self)
		except frappe.OutgoingEmailError:
			self.log_error(_("Failed to send notification email"))


def send_alert_email(log):
	"""Frappe's notification e-mail (its "new_notification" template), for an Alert: the user's
	language, the subject as text, the message and a link to the record."""
	user = frappe.db.get_value("User", log.for_user, ["email", "language"], as_dict=True)
	if not user:
		return
	frappe.sendmail(
		recipients=user.email,
		subject=strip_html(log.subject),
		template="new_notification",
		args={
			"body_content": log.subject,
			"description": log.email_content,
			"document_type": log.document_type,
			"document_name": log.document_name,
			"doc_link": get_url(log.link)
			if log.link
			else get_url_to_form(log.document_type, log.document_name),
		},
		header=[_("NMIRF", lang=user.language), "orange"],
		reference_doctype=log.document_type,
		reference_name=log.document_name,
	)


def send_daily_digests(now=None) -> dict[str, int]:
	"""Daily. Per user who chose it: one e-mail with their unread notifications since the last
	digest (or the last day). Run twice, the second run sends nothing new. Returns user -> count."""
	now = now or now_datetime()
	sent = {}
	for settings in frappe.get_all(
		"Notification Settings",
		filters={DIGEST_FIELD: 1},
		fields=["name", SENT_UNTIL_FIELD],
	):
		user = settings.name
		since = settings.get(SENT_UNTIL_FIELD) or add_days(now, -1)
		logs = frappe.get_all(
			"Notification Log",
			filters=[
				["for_user", "=", user],
				["read", "=", 0],
				["creation", ">", since],
				["creation", "<=", now],
			],
			fields=["subject", "document_type", "document_name", "link", "creation"],
			order_by="creation asc",
			limit_page_length=0,
		)
		groups = digest_groups(
			[digest_item(log) for log in logs if may_read_its_record(frappe._dict(log, for_user=user))]
		)
		email = frappe.db.get_value("User", {"name": user, "enabled": 1}, "email")
		if groups and email and is_email_notifications_enabled(user):
			count = sum(len(items) for _doctype, items in groups)
			frappe.sendmail(
				recipients=[email],
				subject=_("NMIRF: {0} notifications since {1}").format(count, format_datetime(since)),
				message=digest_html(groups, user),
				reference_doctype="Notification Settings",
				reference_name=user,
			)
			sent[user] = count
		frappe.db.set_value("Notification Settings", user, SENT_UNTIL_FIELD, now, update_modified=False)
	return sent


def digest_item(log) -> DigestItem:
	if log.link:
		url = log.link
	elif log.document_type and log.document_name:
		url = f"/app/{frappe.scrub(log.document_type).replace('_', '-')}/{log.document_name}"
	else:
		url = "/app"
	return DigestItem(log.subject or "", log.document_type, url, log.creation)


def digest_html(groups, user: str) -> str:
	parts = [f"<p>{escape_html(_('What reached your NMIRF notifications and you have not read yet:'))}</p>"]
	for doctype, items in groups:
		parts.append(f"<h4>{escape_html(_(doctype) if doctype else _('Other'))}</h4><ul>")
		parts += [
			f'<li><a href="{escape_html(get_url(item.url))}">{escape_html(item.subject)}</a></li>'
			for item in items
		]
		parts.append("</ul>")
	parts.append(
		f'<p><a href="{escape_html(get_url(f"/app/notification-settings/{user}"))}">'
		f"{escape_html(_('Change how you receive e-mails'))}</a></p>"
	)
	return "".join(parts)
