# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""`bench --site SITE nmirf demo`: a living demo State, loaded twice without duplicates."""

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.core.demo_data import build_demo_dataset
from nmirf_app.demo import load_demo_dataset

COUNTED = (
	"Recommendation",
	"Recommendation Institution",
	"Institution",
	"Focal Point",
	"User",
	"Recommendation Cluster",
)


class TestDemo(FrappeTestCase):
	def test_demo_loads_a_living_state_and_loading_again_duplicates_nothing(self):
		dataset = build_demo_dataset()
		load_demo_dataset(progress=lambda message: None)
		first = {doctype: frappe.db.count(doctype) for doctype in COUNTED}
		load_demo_dataset(progress=lambda message: None)
		self.assertEqual(first, {doctype: frappe.db.count(doctype) for doctype in COUNTED})

		demo_keys = [f"uhri:{rec.uhri_annotation_id}" for rec in dataset.recommendations]
		self.assertEqual(frappe.db.count("Recommendation", {"dedupe_key": ("in", demo_keys)}), len(demo_keys))
		mechanisms = set(
			frappe.get_all("Recommendation", {"dedupe_key": ("in", demo_keys)}, pluck="mechanism")
		)
		self.assertEqual(mechanisms, {"UPR", "CRC", "CEDAW", "CAT"})
		self.assertTrue(frappe.db.exists("Recommendation Repeat", {"parenttype": "Recommendation"}))

		focal_point = next(fp for fp in dataset.focal_points if fp.active_to is None)
		self.assertIn("NMIRF Focal Point", frappe.get_roles(focal_point.user))
		self.assertTrue(frappe.db.get_value("Focal Point", {"user": focal_point.user}, "is_active"))
		self.assertEqual(frappe.db.get_single_value("NMIRF Settings", "state"), dataset.state)
		self.assertTrue(frappe.db.get_single_value("System Settings", "setup_complete"))
