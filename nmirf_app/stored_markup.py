"""What the app's documents may store, so that the desk never renders script (issue #8).

Frappe cleans HTML out of text fields on save (BaseDocument._sanitize_content), but its sanitiser
returns any value that parses as JSON untouched (frappe.utils.html_utils.sanitize_html → is_json):
`["<img src=x onerror=…>"]` typed into a focal point's progress summary was stored as typed, and the
desk's forms, list and report views render such values as HTML. For the app's own doctypes that
exemption is closed here. And Frappe's list view writes link values unescaped into a double-quoted
HTML attribute (list_view.js, `data-filter="…"`), so the app's records may not be named with a
double quote (Frappe itself already refuses < and > in names)."""

import frappe
from frappe import _
from frappe.utils.html_utils import is_json, sanitize_html

APP = "nmirf_app"
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "HTML Editor", "Markdown Editor")


def clean_app_document(doc, method=None):
	"""doc_events validate hook, for every doctype: acts on the app's own."""
	# module_app, not get_module_app: a custom module of the site is no app's, and must not throw
	if frappe.local.module_app.get(frappe.scrub(doc.meta.module or "")) != APP:
		return
	validate_name_quotes(doc)
	for document in (doc, *doc.get_all_children()):
		sanitize_json_markup(document)


def validate_name_quotes(doc):
	if doc.is_new() and '"' in (doc.name or ""):
		frappe.throw(
			_("{0}: the name cannot contain double quotes ({1}).").format(_(doc.doctype), doc.name),
			frappe.NameError,
		)


def sanitize_json_markup(document):
	"""What Frappe's sanitiser would do to the value if it were not also valid JSON."""
	for df in document.meta.get("fields", {"fieldtype": ("in", TEXT_TYPES)}):
		value = document.get(df.fieldname)
		if df.ignore_xss_filter or df.options == "Email" or not isinstance(value, str):
			continue
		if ("<" in value or ">" in value) and is_json(value):
			document.set(
				df.fieldname,
				sanitize_html(value, linkify=df.fieldtype == "Text Editor", always_sanitize=True),
			)
