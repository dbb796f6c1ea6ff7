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

	def test_arabic_is_read_right_to_left(self):
		from frappe.utils.jinja_globals import is_rtl

		frappe.local.lang = "ar"
		try:
			self.assertTrue(is_rtl())
		finally:
			frappe.local.lang = "en"
