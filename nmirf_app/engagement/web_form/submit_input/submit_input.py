"""/submit-input, the one form of the app that the whole internet can open (issue #15).

Frappe's web form fills every field from the query string, so a link could carry markup into the
page; here the only value a link may bring is the published recommendation the input is about,
and any other parameter sends the visitor to the same form without it. What the form shows of a
value is rendered as text in its own script (submit_input.js)."""

from urllib.parse import quote

import frappe
from frappe import _
from frappe.utils import cint, escape_html

from nmirf_app.core.plain_text import plain_text

# What a link to the form may fill in: a recommendation page's "Send your input on this
# recommendation" names the recommendation. Nothing a visitor types is ever taken from a URL.
PREFILLED_FROM_LINK = ("recommendation",)
# Parameters that fill no field (the site's language).
NOT_FIELDS = ("_lang",)


def get_context(context):
	recommendation = linked_recommendation()
	if frappe.form_dict.is_new:
		refuse_other_prefill(recommendation)
	# Frappe shows a web form's introduction as stored: the app's form is read in four languages
	if context.introduction_text:
		context.introduction_text = _(context.introduction_text)
	context.nmirf_sent_message = _(
		"Your reference is {0}. An acknowledgement was sent to {1}; quote the reference to ask about your input."
	)
	fields = context.web_form_doc.web_form_fields
	if not cint(frappe.db.get_single_value("NMIRF Settings", "accept_submission_attachments")):
		# an upload field that can only fail says nothing useful: it is not offered at all
		fields[:] = [field for field in fields if field.get("fieldtype") != "Attach"]
	for field in fields:
		if field.get("fieldname") == "recommendation" and recommendation:
			# shown under the reference, so the sender sees what the input is about
			field["description"] = escape_html(plain_text(recommendation.title))


def refuse_other_prefill(recommendation):
	"""A link bringing anything else, or naming no published recommendation, is followed to the
	form without it (before the page, and so its script, is ever sent)."""
	args = frappe.request.args if getattr(frappe, "request", None) else {}
	named_exactly = recommendation and args.get("recommendation") == recommendation.name
	if not set(args) - set(PREFILLED_FROM_LINK) - set(NOT_FIELDS) and (
		"recommendation" not in args or named_exactly
	):
		return
	frappe.redirect(
		f"/{frappe.local.path}" + (f"?recommendation={quote(recommendation.name)}" if recommendation else "")
	)


def linked_recommendation():
	"""The published recommendation a link names, if it names one."""
	name = frappe.form_dict.get("recommendation")
	if not name or not isinstance(name, str):
		return None
	return frappe.db.get_value(
		"Recommendation", {"name": name, "published": 1}, ["name", "title"], as_dict=True
	)
