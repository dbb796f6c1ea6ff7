"""Babel extractors of the app's own data files (babel_extractors.csv, read by
`bench generate-pot-file`): the e-mails of notifications.json are Jinja templates whose `_()` strings
must reach the PO files like any template's; the workflows' states and actions are shown translated
on every form and list (Frappe translates them where it displays them)."""

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


def workflows(fileobj, keywords, comment_tags, options):
	"""The state and action names of the app's workflows (fixtures and the State Report's default
	workflow), and of its Workflow State and Workflow Action Master fixtures."""
	records = json.load(fileobj)
	for record in records if isinstance(records, list) else [records]:
		if record.get("doctype") in ("Workflow State", "Workflow Action Master"):
			yield 1, "_", record["name"], [f"{record['doctype']}"]
			continue
		workflow = record.get("name") or record.get("workflow_name")
		for state in record.get("states", ()):
			yield 1, "_", state["state"], [f"State of the workflow {workflow}"]
		for transition in record.get("transitions", ()):
			yield 1, "_", transition["action"], [f"Action of the workflow {workflow}"]
