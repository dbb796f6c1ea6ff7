# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import io

import frappe
from openpyxl import load_workbook

from nmirf_app.recommendations.implementation_matrix import export_implementation_matrix
from nmirf_app.testing import NMIRFTestCase, make_recommendation, make_user


def exported_rows(filters=None) -> list[list]:
	export_implementation_matrix(filters)
	sheet = load_workbook(io.BytesIO(frappe.response["filecontent"])).active
	return [[cell.value for cell in row] for row in sheet.iter_rows()]


class TestImplementationMatrix(NMIRFTestCase):
	world = "matrix"
	institutions = ("Matrix Test Water Authority", "Matrix Test National Police")

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.water_rec = make_recommendation(
			[cls.mine, (cls.other, "Supporting")],
			themes=[{"theme": "Safe drinking water & sanitation"}],
			# a target, and a goal named alone (as OHCHR's thematic lists name them)
			sdg_targets=[{"sdg_target": "6.1"}, {"sdg_goal": "SDG 3"}],
			recommendation_text='=HYPERLINK("http://evil.example","click") ensure safe drinking water',
		).name
		cls.police_rec = make_recommendation([cls.other]).name
		action = frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Extend the rural water network",
				"lead_institution": cls.mine,
				"start_date": "2025-01-01",
				"end_date": "2026-12-31",
				"status": "In progress",
				"progress_percent": 40,
				"recommendations": [{"recommendation": cls.water_rec}],
			}
		).insert(ignore_permissions=True)
		update = frappe.get_doc(
			{
				"doctype": "Progress Update",
				"institution": cls.mine,
				"implementation_action": action.name,
				"reported_status": "In progress",
				"summary": "<p>120 villages connected.</p>",
			}
		).insert(ignore_permissions=True)
		# approval is the workflow's business (tested elsewhere); here only its outcome matters
		update.db_set({"workflow_state": "Approved", "docstatus": 1, "approved_on": "2026-02-01"})

	def test_matrix_lists_sources_classification_and_institutions(self):
		rows = exported_rows([["Recommendation", "name", "in", [self.water_rec, self.police_rec]]])
		header, *records = rows
		self.assertEqual(header[:3], ["Reference", "Recommendation", "Mechanism"])
		by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in records}
		water = by_reference[self.water_rec]
		self.assertEqual(water["Lead institution"], self.mine)
		self.assertEqual(water["Supporting institutions"], self.other)
		self.assertEqual(water["Themes"], "Safe drinking water & sanitation")
		self.assertEqual(water["SDGs"], "6.1\nSDG 3")
		self.assertEqual(water["Actions"], "Extend the rural water network (In progress, 40%)")
		self.assertEqual(
			water["Latest approved progress"], f"2026-02-01 — {self.mine}: 120 villages connected."
		)
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
