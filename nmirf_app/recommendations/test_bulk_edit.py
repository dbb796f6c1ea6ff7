# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Bulk edits from the Recommendation list: each record is checked and saved on its own, with a
summary of what changed and what was refused; a large edit runs as a job."""

from unittest.mock import patch

import frappe

from nmirf_app.recommendations.bulk_edit import bulk_edit
from nmirf_app.testing import (
	NMIRFTestCase,
	as_user,
	make_recommendation,
)


def themes_of(name):
	return [row.theme for row in frappe.get_doc("Recommendation", name).themes]


class TestBulkEdit(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.themes = frappe.get_all("Human Rights Theme", pluck="name", limit=2, order_by="name")

	def test_themes_added_to_a_selection_are_counted_and_kept_in_each_records_history(self):
		theme = self.themes[0]
		names = [make_recommendation([self.mine]).name for _ in range(3)]
		first = frappe.get_doc("Recommendation", names[0])
		first.append("themes", {"theme": theme})
		first.save()
		result = as_user(self.secretariat, bulk_edit, "add_themes", [theme], names=names)
		self.assertEqual(
			(sorted(result["changed"]), result["unchanged"], result["refused"]), (sorted(names[1:]), 1, [])
		)
		for name in names:
			self.assertEqual(themes_of(name), [theme])
		self.assertTrue(
			frappe.db.exists(
				"Version", {"ref_doctype": "Recommendation", "docname": names[1], "owner": self.secretariat}
			)
		)

		result = as_user(self.secretariat, bulk_edit, "remove_themes", [theme], names=names)
		self.assertEqual(len(result["changed"]), 3)
		self.assertEqual(themes_of(names[0]), [])

	def test_records_the_user_may_not_write_are_refused_and_left_as_they_were(self):
		theme = self.themes[0]
		own = make_recommendation([self.mine]).name
		other = make_recommendation([self.other]).name
		result = as_user(self.focal_point, bulk_edit, "add_themes", [theme], names=[own, other])
		self.assertEqual(result["changed"], [own])
		self.assertEqual([row["name"] for row in result["refused"]], [other])
		self.assertEqual(themes_of(other), [])

		# a focal point may tag its own recommendations but not name institutions on them
		result = as_user(self.focal_point, bulk_edit, "add_supporting_institution", [self.other], names=[own])
		self.assertEqual((result["changed"], [row["name"] for row in result["refused"]]), ([], [own]))
		self.assertIn("Responsible", result["refused"][0]["reason"])

	def test_a_filter_reaches_only_the_records_the_users_list_shows(self):
		cluster = frappe.get_doc(
			{"doctype": "Recommendation Cluster", "cluster_name": f"Bulk {frappe.generate_hash(length=5)}"}
		).insert()
		own = make_recommendation([self.mine], cluster=cluster.name).name
		make_recommendation([self.other], cluster=cluster.name)
		result = as_user(
			self.focal_point,
			bulk_edit,
			"add_themes",
			[self.themes[1]],
			filters=[["cluster", "=", cluster.name]],
		)
		self.assertEqual((result["changed"], result["refused"]), ([own], []))

	def test_a_new_lead_takes_over_and_its_focal_points_get_one_task_for_the_selection(self):
		names = [make_recommendation([self.mine]).name for _ in range(3)]
		result = as_user(self.secretariat, bulk_edit, "add_lead_institution", [self.other], names=names)
		self.assertEqual(len(result["changed"]), 3)
		for name in names:
			roles = {
				row.institution: row.role
				for row in frappe.get_doc("Recommendation", name).responsible_institutions
			}
			self.assertEqual(roles, {self.mine: "Supporting", self.other: "Lead"})
			self.assertEqual(frappe.db.get_value("Recommendation", name, "lead_institution"), self.other)
		tasks = frappe.get_all(
			"ToDo",
			{
				"allocated_to": self.other_focal_point,
				"status": "Open",
				"description": ("like", f"%{names[0]}%"),
			},
			pluck="name",
		)
		self.assertEqual(len(tasks), 1)
		for name in names:
			self.assertIn(name, frappe.db.get_value("ToDo", tasks[0], "description"))

		# removing the institution again closes what asked it to answer
		as_user(self.secretariat, bulk_edit, "remove_institution", [self.other], names=names)
		self.assertEqual(frappe.db.get_value("ToDo", tasks[0], "status"), "Closed")

	def test_a_large_edit_runs_as_a_job_and_tells_the_user_the_outcome(self):
		names = [make_recommendation([self.mine]).name for _ in range(3)]
		with (
			patch("nmirf_app.recommendations.bulk_edit.BULK_EDIT_IN_REQUEST", 2),
			patch("frappe.publish_progress") as progress,
		):
			result = as_user(self.secretariat, bulk_edit, "set_priority", ["High"], names=names)
		self.assertEqual(result, {"queued": 3})
		self.assertTrue(progress.called)
		for name in names:
			self.assertEqual(frappe.db.get_value("Recommendation", name, "priority"), "High")
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{"for_user": self.secretariat, "subject": ("like", "Bulk edit done: 3 changed%")},
			)
		)

	def test_publish_and_cluster_and_bad_input(self):
		names = [make_recommendation([self.mine]).name for _ in range(2)]
		self.assertEqual(len(as_user(self.secretariat, bulk_edit, "publish", [], names=names)["changed"]), 2)
		self.assertEqual(frappe.db.get_value("Recommendation", names[0], "published"), 1)
		self.assertEqual(as_user(self.secretariat, bulk_edit, "publish", [], names=names)["unchanged"], 2)
		with self.assertRaisesRegex(frappe.ValidationError, "does not exist"):
			as_user(self.secretariat, bulk_edit, "set_cluster", ["No such cluster"], names=names)
		with self.assertRaisesRegex(frappe.ValidationError, "Priority"):
			as_user(self.secretariat, bulk_edit, "set_priority", ["Urgent"], names=names)
		with self.assertRaisesRegex(frappe.ValidationError, "Change"):
			as_user(self.secretariat, bulk_edit, "delete_everything", [], names=names)
