"""Files of the engagement work: minutes and letters stay private, and what guests upload with a
public submission is limited in type and size (hooked on File's validate)."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint

from nmirf_app.core.engagement import DEFAULT_ATTACHMENT_MAX_MB, attachment_problem


def require_private_file(file_url: str | None, label: str):
	"""Minutes and letters are internal: a public file (/files/…) would be downloadable by anyone."""
	if file_url and not file_url.startswith("/private/"):
		frappe.throw(
			_("{0}: attach the file again with 'Is Private' ticked.").format(label),
			title=_("Private file required"),
		)


# How many files one address may upload as a guest in an hour (a submission carries one).
GUEST_UPLOADS_PER_HOUR = 20


class AttachmentRefused(frappe.ValidationError):
	# Frappe's file uploader shows the server's reason beside the file only for a 403 (any other
	# status shows just "417 : EXPECTATION FAILED")
	http_status_code = 403


@frappe.whitelist(allow_guest=True)
def upload_file():
	"""Frappe's upload endpoint (hooks: override_whitelisted_methods), with a guest's file checked
	before Frappe writes a byte of it: Frappe would first store it as a public file."""
	if frappe.session.user == "Guest":
		check_guest_upload()
	from frappe.handler import upload_file as frappe_upload_file

	return frappe_upload_file()


@rate_limit(limit=GUEST_UPLOADS_PER_HOUR, seconds=60 * 60)
def check_guest_upload():
	if not frappe.get_system_settings("allow_guests_to_upload_files"):
		raise frappe.PermissionError
	frappe.form_dict.is_private = 1
	frappe.form_dict.pop("method", None)  # a guest's upload is a file, never a call to a method
	if file := frappe.request.files.get("file"):
		content = file.stream.read()
		file.stream.seek(0)
		refuse_attachment(attachment_refusal(file.filename or "", content))
	elif file_url := frappe.form_dict.file_url:
		# after sending, the web form links the file it uploaded to the new submission; a guest may
		# name no other file of the site
		if not frappe.db.exists("File", {"file_url": file_url, "owner": "Guest", "is_private": 1}):
			raise frappe.PermissionError


def validate_guest_upload(doc, method=None):
	"""doc_events File.validate, whatever way a guest's file comes in: a private document or picture
	within the size set in NMIRF Settings, whose bytes are what its extension says and can run
	nothing (core/file_content). A refusal rolls the insert back, and Frappe then deletes the file."""
	if frappe.session.user != "Guest" or doc.is_folder:
		return
	if not doc.is_private:
		# upload_file makes a guest's upload private before it is written; any other way in is refused
		frappe.throw(_("Attachments from outside are kept private."), frappe.PermissionError)
	check_submission_attachment(doc)
	if doc.attached_to_doctype and doc.attached_to_doctype != "Stakeholder Submission":
		frappe.throw(_("Attachments are accepted only with a submission."), frappe.PermissionError)


def check_submission_attachment(file) -> None:
	"""Refuses, with the reason, a stored file that may not come with a public submission."""
	content = file.get_content()
	content = content.encode() if isinstance(content, str) else content
	refuse_attachment(attachment_refusal(file.file_name or "", content))


def attachment_refusal(file_name: str, content: bytes) -> str | None:
	max_mb = cint(frappe.db.get_single_value("NMIRF Settings", "submission_attachment_max_mb"))
	return attachment_problem(file_name, len(content), max_mb or DEFAULT_ATTACHMENT_MAX_MB, content)


def refuse_attachment(problem: str | None) -> None:
	if problem:
		frappe.throw(
			_("Attachment: {0}.").format(problem), AttachmentRefused, title=_("Attachment not accepted")
		)


def sync_guest_uploads(settings):
	"""From NMIRF Settings: guests may upload files only while the NMIRF accepts
	attachments with public submissions (Frappe's own switch is site-wide)."""
	wanted = cint(settings.accept_submission_attachments)
	if cint(frappe.db.get_single_value("System Settings", "allow_guests_to_upload_files")) != wanted:
		frappe.db.set_single_value("System Settings", "allow_guests_to_upload_files", wanted)
