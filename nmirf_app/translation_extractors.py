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
