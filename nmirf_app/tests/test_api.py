# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""/api/method/frappe.client.get_count must not count, for a focal point, another institution's
records (Frappe's own version counts everything, for anyone logged in)."""

import json

import frappe

from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation


def count_over_api(user, doctype, filters=None):
	"""What a request to /api/method/frappe.client.get_count runs: the method the hooks put in its
	place (as frappe.handler.execute_cmd resolves it), with the request's arguments."""
	method = frappe.get_hooks("override_whitelisted_methods", {}).get("frappe.client.get_count", [])[-1]
	return as_user(user, frappe.get_attr(method), doctype=doctype, filters=json.dumps(filters or {}))


class TestApi(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.secret = f"secret-{frappe.generate_hash(length=6)}"
		make_recommendation([cls.mine])
		make_recommendation([cls.other], internal_notes=f"<p>{cls.secret}</p>")
		make_recommendation([cls.other], published=1)

	def test_counts_go_through_the_users_permissions(self):
		self.assertEqual(count_over_api(self.focal_point, "Recommendation"), 1)
		probe = {"internal_notes": ["like", f"%{self.secret}%"]}
		self.assertEqual(
			count_over_api(self.focal_point, "Recommendation", probe), 0, "no probing of hidden records"
		)
		self.assertEqual(count_over_api("Administrator", "Recommendation", probe), 1)
		published = frappe.db.count("Recommendation", {"published": 1})
		self.assertEqual(count_over_api(self.observer, "Recommendation"), published)
		with self.assertRaises(frappe.PermissionError):
			count_over_api("Guest", "Recommendation")
		with self.assertRaises(frappe.PermissionError):
			count_over_api(self.focal_point, "Recommendation Institution")

	def test_other_apps_doctypes_keep_frappes_behaviour(self):
		self.assertEqual(count_over_api("Administrator", "Role"), frappe.db.count("Role"))
