# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The app's own strings come out in French, Spanish and Arabic on a site (the PO files compiled by
`bench build`), desk and portal alike."""

import frappe
from frappe.tests.utils import FrappeTestCase


class TestTranslations(FrappeTestCase):
	def test_app_strings_are_translated_for_each_language(self):
		expected = {
			"fr": ("Compile draft", "Compiler le projet"),
			"es": (
				"Recommendations to the State and what it did",
				"Recomendaciones dirigidas al Estado y lo que este hizo",
			),
			"ar": ("Recommendations to the State and what it did", "التوصيات الموجهة إلى الدولة وما قامت به"),
		}
		for lang, (source, translation) in expected.items():
			self.assertEqual(frappe._(source, lang=lang), translation, lang)

	def test_the_template_holds_every_string_of_the_code(self):
		"""A string added to the code and not to locale/main.pot would stay English everywhere (the
		PO files and tests/test_translations.py work from the template)."""
		from unittest.mock import patch

		from babel.messages.pofile import read_po
		from frappe.gettext.translate import generate_pot, get_pot_path

		extracted = {}
		with patch(
			"frappe.gettext.translate.write_catalog",
			side_effect=lambda app, catalog, locale=None: extracted.update({app: catalog}),
		):
			generate_pot("nmirf_app")
		with open(get_pot_path("nmirf_app"), "rb") as template:
			committed = {(message.id, message.context) for message in read_po(template) if message.id}
		in_code = {(message.id, message.context) for message in extracted["nmirf_app"] if message.id}
		missing = sorted(map(str, in_code - committed))
		self.assertFalse(missing, f"run bench generate-pot-file --app nmirf_app: {missing[:5]}")

	def test_arabic_is_read_right_to_left(self):
		from frappe.utils.jinja_globals import is_rtl

		frappe.local.lang = "ar"
		try:
			self.assertTrue(is_rtl())
		finally:
			frappe.local.lang = "en"
