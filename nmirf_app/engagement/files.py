"""Files of the engagement work: minutes and letters stay private, and what guests upload with a
public submission is limited in type and size (hooked on File's validate)."""

import frappe
from frappe import _
from frappe.utils import cint

from nmirf_app.core.engagement import DEFAULT_ATTACHMENT_MAX_MB, attachment_problem


def require_private_file(file_url: str | None, label: str):
	"""Minutes and letters are internal: a public file (/files/…) would be downloadable by anyone."""
	if file_url and not file_url.startswith("/private/"):
		frappe.throw(
			_("{0}: attach the file again with 'Is Private' ticked.").format(label),
			title=_("Private file required"),
		)


def validate_guest_upload(doc, method=None):
	"""doc_events File.validate: a guest may only upload a document or picture within the size set
	in NMIRF Settings, and it is always kept private."""
	if frappe.session.user != "Guest":
		return
	max_mb = cint(frappe.db.get_single_value("NMIRF Settings", "submission_attachment_max_mb"))
	size = doc.file_size or len(doc.content or b"")
	problem = attachment_problem(doc.file_name or "", size, max_mb or DEFAULT_ATTACHMENT_MAX_MB)
	if problem:
		frappe.throw(_("Attachment: {0}.").format(problem), title=_("Attachment not accepted"))
	if doc.attached_to_doctype and doc.attached_to_doctype != "Stakeholder Submission":
		frappe.throw(_("Attachments are accepted only with a submission."), frappe.PermissionError)
	doc.is_private = 1


def sync_guest_uploads(settings):
	"""From NMIRF Settings: guests may upload files only while the NMIRF accepts
	attachments with public submissions (Frappe's own switch is site-wide)."""
	wanted = cint(settings.accept_submission_attachments)
	if cint(frappe.db.get_single_value("System Settings", "allow_guests_to_upload_files")) != wanted:
		frappe.db.set_single_value("System Settings", "allow_guests_to_upload_files", wanted)
