"""Babel extractors of the app's own data files (babel_extractors.csv, read by
`bench generate-pot-file`): the e-mails of notifications.json are Jinja templates whose `_()` strings
must reach the PO files like any template's."""

import json
from io import BytesIO


def notifications(fileobj, keywords, comment_tags, options):
	from frappe.gettext.extractors.html_template import extract

	for notification in json.load(fileobj):
		for key in ("subject", "message"):
			template = BytesIO((notification.get(key) or "").encode())
			for _lineno, funcname, messages, comments in extract(template, keywords, comment_tags, options):
				yield 1, funcname, messages, [*comments, f"{notification['name']} ({key})"]


def print_formats(fileobj, keywords, comment_tags, options):
	"""The `_()` strings of a print format's Jinja template (its `html`)."""
	from frappe.gettext.extractors.html_template import extract

	print_format = json.load(fileobj)
	template = BytesIO((print_format.get("html") or "").encode())
	for lineno, funcname, messages, comments in extract(template, keywords, comment_tags, options):
		yield lineno, funcname, messages, [*comments, f"Print Format {print_format['name']}"]
