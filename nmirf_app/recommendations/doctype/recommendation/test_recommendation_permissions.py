# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Who may see and change which recommendation, through every server path a desk or API user has:
document, list, Report Builder, group-by sidebar, export and the whitelisted client API."""

import frappe
from frappe.desk.reportview import export_query
from frappe.desk.reportview import get as reportview_get
from frappe.utils import add_days, nowdate

from nmirf_app.testing import NMIRFTestCase, make_focal_point, make_recommendation, make_user


class TestRecommendationPermissions(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.former_focal_point = make_user("fp.former", "NMIRF Focal Point")
		make_focal_point(
			cls.former_focal_point,
			cls.mine,
			role_type="Alternate",
			active_from=add_days(nowdate(), -400),
			active_to=add_days(nowdate(), -1),
		)
		cls.health_rec = make_recommendation([cls.mine]).name
		cls.shared_rec = make_recommendation([(cls.other, "Lead"), (cls.mine, "Supporting")]).name
		cls.justice_rec = make_recommendation([cls.other]).name
		cls.published_justice_rec = make_recommendation([cls.other], published=1).name

	def visible_names(self, user):
		frappe.set_user(user)
		return set(frappe.get_list("Recommendation", pluck="name", limit_page_length=0))

	def test_focal_point_lists_only_their_institutions_recommendations(self):
		names = self.visible_names(self.focal_point)
		self.assertIn(self.health_rec, names)
		self.assertIn(self.shared_rec, names)
		self.assertNotIn(self.justice_rec, names)
		self.assertNotIn(self.published_justice_rec, names)

	def test_focal_point_cannot_open_another_institutions_recommendation_by_name(self):
		frappe.set_user(self.focal_point)
		self.assertTrue(frappe.has_permission("Recommendation", "read", self.health_rec))
		self.assertFalse(frappe.has_permission("Recommendation", "read", self.justice_rec))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Recommendation", self.justice_rec).check_permission("read")
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Recommendation", self.justice_rec)
		# get_value runs a permission-scoped query: the other institution's row simply is not there
		self.assertEqual(
			frappe.client.get_value("Recommendation", "recommendation_text", {"name": self.justice_rec}), {}
		)

	def test_report_builder_and_group_by_see_only_their_rows(self):
		frappe.set_user(self.focal_point)
		frappe.local.form_dict = frappe._dict(
			doctype="Recommendation", fields=["`tabRecommendation`.`name`"], filters=[], page_length=0
		)
		result = reportview_get()
		names = {row[0] for row in result["values"]}
		self.assertEqual(names & {self.justice_rec, self.published_justice_rec}, set())
		self.assertIn(self.health_rec, names)

		from frappe.desk.listview import get_group_by_count

		counts = {
			row["name"]: row["count"]
			for row in get_group_by_count("Recommendation", "[]", "lead_institution")
		}
		# the shared recommendation is led by Justice; Justice's own two stay invisible
		self.assertEqual(counts, {self.mine: 1, self.other: 1})

	def test_export_contains_only_their_rows(self):
		frappe.set_user(self.focal_point)
		frappe.local.form_dict = frappe._dict(
			doctype="Recommendation",
			file_format_type="CSV",
			fields=["`tabRecommendation`.`name`"],
			filters=[],
		)
		export_query()
		exported = frappe.response["filecontent"].decode()
		self.assertIn(self.health_rec, exported)
		self.assertNotIn(self.justice_rec, exported)

	def test_focal_point_cannot_change_source_fields_or_create_or_delete(self):
		frappe.set_user(self.focal_point)
		doc = frappe.get_doc("Recommendation", self.health_rec)
		original_text = doc.recommendation_text
		doc.recommendation_text = "Rewritten by a focal point"
		doc.institution_notes = "We started drafting the bill."
		doc.save()
		doc.reload()
		self.assertEqual(doc.recommendation_text, original_text)
		self.assertEqual(doc.institution_notes, "We started drafting the bill.")

		with self.assertRaises(frappe.PermissionError):
			make_recommendation([self.mine], insert=False).insert()
		with self.assertRaises(frappe.PermissionError):
			frappe.delete_doc("Recommendation", self.health_rec)

	def test_focal_point_cannot_write_another_institutions_recommendation(self):
		frappe.set_user(self.focal_point)
		with self.assertRaises(frappe.PermissionError):
			frappe.client.set_value("Recommendation", self.justice_rec, "institution_notes", "not ours")

	def test_a_focal_point_whose_term_ended_sees_nothing(self):
		self.assertEqual(self.visible_names(self.former_focal_point), set())
		frappe.set_user(self.former_focal_point)
		self.assertFalse(frappe.has_permission("Recommendation", "read", self.health_rec))

	def test_validator_sees_their_institutions_recommendations_only(self):
		names = self.visible_names(self.validator)
		self.assertIn(self.health_rec, names)
		self.assertNotIn(self.justice_rec, names)

	def test_observer_sees_only_published_recommendations(self):
		names = self.visible_names(self.observer)
		self.assertIn(self.published_justice_rec, names)
		self.assertNotIn(self.justice_rec, names)
		frappe.set_user(self.observer)
		self.assertFalse(frappe.has_permission("Recommendation", "write", self.published_justice_rec))

	def test_secretariat_sees_everything(self):
		names = self.visible_names(self.secretariat)
		self.assertLessEqual(
			{self.health_rec, self.shared_rec, self.justice_rec, self.published_justice_rec}, names
		)

	def test_focal_point_sees_only_their_institutions_focal_points(self):
		other = make_user("fp.justice", "NMIRF Focal Point")
		justice_focal_point = make_focal_point(other, self.other).name
		frappe.set_user(self.focal_point)
		users = set(frappe.get_list("Focal Point", pluck="user", limit_page_length=0))
		self.assertIn(self.former_focal_point, users)
		self.assertNotIn(other, users)
		self.assertFalse(frappe.has_permission("Focal Point", "read", justice_focal_point))
