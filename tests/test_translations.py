"""The app's UI strings are translated into French, Spanish and Arabic: every string of the
template (nmirf_app/locale/main.pot, made by `bench generate-pot-file --app nmirf_app`) has a
translation, and no translation loses a placeholder or markup the code fills in."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "nmirf_app" / "locale"
LANGUAGES = ("fr", "es", "ar")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sd]")

babel_pofile = pytest.importorskip(
	"babel.messages.pofile", reason="Babel reads the PO files (it comes with Frappe)"
)


def catalog(name: str):
	with (LOCALE / name).open("rb") as handle:
		return babel_pofile.read_po(handle)


def test_template_lists_the_apps_strings():
	template = catalog("main.pot")
	ids = {message.id for message in template if message.id}
	assert len(ids) > 500
	assert "Compile draft" in ids and "Recommendations by status" in ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(language):
	template = catalog("main.pot")
	translations = catalog(f"{language}.po")
	assert translations.locale and str(translations.locale).startswith(language)
	missing, broken = [], []
	for message in template:
		if not message.id:
			continue
		translated = translations.get(message.id, message.context)
		text = translated.string if translated else None
		if not text or (isinstance(text, tuple) and not all(text)):
			missing.append(message.id)
			continue
		source = message.id if isinstance(message.id, str) else message.id[0]
		target = text if isinstance(text, str) else text[0]
		if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
			broken.append((source, target))
		if source.count("<") != target.count("<"):
			broken.append((source, target))
	assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
	assert not broken, f"placeholders or markup changed: {broken[:5]}"


def workflow_words() -> set[str]:
	import json

	app = LOCALE.parent
	records = [
		*json.loads((app / "fixtures" / "workflow.json").read_text()),
		json.loads((app / "reporting" / "state_report_workflow.json").read_text()),
	]
	words = {state["state"] for record in records for state in record["states"]}
	words |= {transition["action"] for record in records for transition in record["transitions"]}
	for fixture in ("workflow_state.json", "workflow_action_master.json"):
		words |= {record["name"] for record in json.loads((app / "fixtures" / fixture).read_text())}
	return words


def test_every_workflow_state_and_action_is_in_the_template():
	ids = {message.id for message in catalog("main.pot") if message.id}
	missing = sorted(workflow_words() - ids)
	assert not missing, f"workflow words the PO files do not carry: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_of_frappes_own_buttons_is_translated_in_the_apps_sense(language):
	"""The app's "Actions" (implementation actions) has its own context: without one, the app's
	translation would rename Frappe's Actions menu on every form ("Medidas" in Spanish)."""
	translations = catalog(f"{language}.po")
	assert translations.get("Actions") is None
	assert translations.get("Actions", "Implementation actions").string


def test_every_text_of_the_public_web_form_is_in_the_template():
	import json
	import re

	template = catalog("main.pot")
	ids = {(message.context, message.id) for message in template if message.id}
	form = json.loads(
		(LOCALE.parent / "engagement" / "web_form" / "submit_input" / "submit_input.json").read_text()
	)
	texts = [
		re.sub(r"<[^>]+>", "", form[key]).strip() for key in ("title", "introduction_text", "success_message")
	]
	texts += [field["label"] for field in form["web_form_fields"] if field.get("label")]
	missing = [text for text in texts if (None, text) not in ids]
	assert not missing, f"web form texts the PO files do not carry: {missing}"
	assert ("Button in web form", form["button_label"]) in ids


def test_every_label_of_the_shipped_reference_data_is_in_the_template():
	"""SDG goals and targets, UHRI themes and affected persons, mechanism titles: stored in English,
	shown in the reader's language (nmirf_app.translation_extractors.reference_data)."""
	import csv

	from nmirf_app.translation_extractors import REFERENCE_DATA_LABELS

	ids = {message.id for message in catalog("main.pot") if message.id}
	folder = LOCALE.parent / "nmirf_setup" / "reference_data"
	labels = set()
	for file_name, column in REFERENCE_DATA_LABELS.items():
		with (folder / file_name).open(encoding="utf-8") as handle:
			labels |= {row[column] for row in csv.DictReader(handle) if row[column]}
	assert len(labels) > 300
	assert {"Gender equality", "Universal Periodic Review", "Children"} <= labels
	missing = sorted(labels - ids)
	assert not missing, f"reference labels the PO files do not carry: {missing[:5]}"
