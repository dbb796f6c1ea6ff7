# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import io

import frappe
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from nmirf_app.recommendations.implementation_matrix import export_implementation_matrix
from nmirf_app.testing import make_focal_point, make_institution, make_recommendation, make_user


def exported_rows(filters=None) -> list[list]:
	export_implementation_matrix(filters)
	sheet = load_workbook(io.BytesIO(frappe.response["filecontent"])).active
	return [[cell.value for cell in row] for row in sheet.iter_rows()]


class TestImplementationMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.water = make_institution("Matrix Test Water Authority")
		cls.police = make_institution("Matrix Test National Police")
		cls.focal_point = make_user("fp.matrix.water", "NMIRF Focal Point")
		make_focal_point(cls.focal_point, cls.water, role_type="Alternate")
		cls.water_rec = make_recommendation(
			[cls.water, (cls.police, "Supporting")],
			themes=[{"theme": "Safe drinking water & sanitation"}],
			sdg_targets=[{"sdg_target": "6.1"}],
			recommendation_text='=HYPERLINK("http://evil.example","click") ensure safe drinking water',
		).name
		cls.police_rec = make_recommendation([cls.police]).name

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_matrix_lists_sources_classification_and_institutions(self):
		rows = exported_rows([["Recommendation", "name", "in", [self.water_rec, self.police_rec]]])
		header, *records = rows
		self.assertEqual(header[:3], ["Reference", "Recommendation", "Mechanism"])
		by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in records}
		water = by_reference[self.water_rec]
		self.assertEqual(water["Lead institution"], self.water)
		self.assertEqual(water["Supporting institutions"], self.police)
		self.assertEqual(water["Themes"], "Safe drinking water & sanitation")
		self.assertEqual(water["SDG targets"], "6.1")
		# a text that looks like a formula is written as text, never evaluated by Excel
		self.assertTrue(water["Recommendation"].startswith("'="))

	def test_focal_point_exports_only_their_institutions_rows(self):
		frappe.set_user(self.focal_point)
		references = [row[0] for row in exported_rows()[1:]]
		self.assertIn(self.water_rec, references)
		self.assertNotIn(self.police_rec, references)

	def test_users_without_export_permission_are_refused(self):
		frappe.set_user(make_user("no.roles.matrix"))
		with self.assertRaises(frappe.PermissionError):
			export_implementation_matrix()
