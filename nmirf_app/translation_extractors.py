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


# A web form's own texts (Frappe translates the field labels, options, button and success message
# where it shows them; the app's form translates its introduction too).
WEB_FORM_TEXTS = ("title", "introduction_text", "success_title", "success_message")
WEB_FORM_FIELD_TEXTS = ("label", "description")


def web_forms(fileobj, keywords, comment_tags, options):
	"""The texts of a web form a visitor reads: title, introduction, success message, button (in
	Frappe's context "Button in web form"), field labels, descriptions and select options."""
	from frappe.utils import strip_html_tags

	form = json.load(fileobj)
	name = form["name"]
	for key in WEB_FORM_TEXTS:
		if form.get(key):
			# Frappe's _() looks a text up without its tags (the introduction is HTML)
			yield 1, "_", strip_html_tags(form[key]).strip(), [f"Web Form {name} ({key})"]
	if form.get("button_label"):
		yield 1, "pgettext", ("Button in web form", form["button_label"]), [f"Web Form {name} (button)"]
	for field in form.get("web_form_fields", ()):
		for key in WEB_FORM_FIELD_TEXTS:
			if field.get(key):
				yield 1, "_", field[key], [f"Web Form {name}: {field['fieldname']} ({key})"]
		if field.get("fieldtype") == "Select":
			for option in (field.get("options") or "").split("\n"):
				if option.strip():
					yield 1, "_", option.strip(), [f"Web Form {name}: {field['fieldname']} (option)"]


# The names the app ships in its reference data and shows as labels: SDG goals and targets by their
# short titles, the UHRI themes and affected persons, the mechanisms' titles. Stored and exported in
# English (the UN's working language and UHRI's), they are translated where they are displayed.
REFERENCE_DATA_LABELS = {
	"sdg_goals.csv": "short_title",
	"sdg_targets.csv": "short_title",
	"uhri_themes.csv": "label",
	"uhri_affected_persons.csv": "label",
	"human_rights_mechanisms.csv": "title",
}


def reference_data(fileobj, keywords, comment_tags, options):
	"""The displayed labels of a reference data file (REFERENCE_DATA_LABELS)."""
	import csv
	import os
	from io import TextIOWrapper

	column = REFERENCE_DATA_LABELS.get(os.path.basename(fileobj.name))
	if not column:
		return
	for lineno, row in enumerate(csv.DictReader(TextIOWrapper(fileobj, encoding="utf-8")), start=2):
		if row.get(column):
			yield lineno, "_", row[column], [f"{os.path.basename(fileobj.name)} ({column})"]
