# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Assignment of recommendations to institutions: ToDos, accept/dispute, cluster-wide, turnover."""

from unittest.mock import patch

import frappe
from frappe.utils import add_days, formatdate, nowdate

from nmirf_app.recommendations.assignment import (
	assign_institution_to_cluster,
	one_task_per_person,
	respond_to_assignment,
)
from nmirf_app.testing import (
	NMIRFTestCase,
	alerts_for,
	make_focal_point,
	make_institution,
	make_recommendation,
	make_user,
)


def open_todos(user, recommendation):
	return frappe.get_all(
		"ToDo", {"allocated_to": user, "reference_name": recommendation, "status": "Open"}, pluck="name"
	)


class TestAssignment(NMIRFTestCase):
	world = "assign"
	institutions = ("Assign Test Ministry of Education", "Assign Test Ministry of Culture")

	def test_naming_an_institution_assigns_its_focal_points(self):
		recommendation = make_recommendation([self.mine]).name
		self.assertEqual(len(open_todos(self.focal_point, recommendation)), 1)
		self.assertEqual(open_todos(self.other_focal_point, recommendation), [])

	def test_focal_point_accepts_and_the_todo_closes(self):
		recommendation = make_recommendation([self.mine]).name
		self.assertIn(self.focal_point, frappe.db.get_value("Recommendation", recommendation, "_assign"))
		frappe.set_user(self.focal_point)
		respond_to_assignment(recommendation, self.mine, "Accepted")
		frappe.set_user("Administrator")
		row = frappe.get_doc("Recommendation", recommendation).responsible_institutions[0]
		self.assertEqual(row.assignment_status, "Accepted")
		self.assertEqual(open_todos(self.focal_point, recommendation), [])
		# the list's "Assigned To" no longer names someone whose answer is given
		self.assertNotIn(
			self.focal_point, frappe.db.get_value("Recommendation", recommendation, "_assign") or ""
		)
		self.assertEqual(
			[alert.subject for alert in alerts_for(self.secretariat, recommendation)],
			[f"{self.mine} accepts its assignment to {recommendation}"],
		)

	def test_dispute_needs_a_reason_and_reaches_the_secretariat(self):
		recommendation = make_recommendation([self.mine]).name
		frappe.set_user(self.focal_point)
		with self.assertRaisesRegex(frappe.ValidationError, "Reason"):
			respond_to_assignment(recommendation, self.mine, "Disputed")
		respond_to_assignment(recommendation, self.mine, "Disputed", "Museums belong to Culture.")
		frappe.set_user("Administrator")
		row = frappe.get_doc("Recommendation", recommendation).responsible_institutions[0]
		self.assertEqual((row.assignment_status, row.remarks), ("Disputed", "Museums belong to Culture."))
		told = alerts_for(self.secretariat, recommendation)
		self.assertEqual(
			[alert.subject for alert in told],
			[f"{self.mine} disputes its assignment to {recommendation}: Museums belong to Culture."],
		)
		self.assertIn("Reason: Museums belong to Culture.", told[0].email_content)
		self.assertEqual(alerts_for(self.other_focal_point, recommendation), [], "a focal point is not told")

	def test_only_the_institutions_people_may_answer(self):
		recommendation = make_recommendation([self.mine]).name
		frappe.set_user(self.other_focal_point)
		with self.assertRaises(frappe.PermissionError):
			respond_to_assignment(recommendation, self.mine, "Accepted")

	def test_an_institution_is_assigned_to_a_whole_cluster_at_once(self):
		cluster = frappe.get_doc(
			{"doctype": "Recommendation Cluster", "cluster_name": "Assign Test Culture"}
		).insert()
		for _ in range(3):
			make_recommendation([self.mine], cluster=cluster.name)
		frappe.set_user(self.secretariat)
		self.assertEqual(assign_institution_to_cluster(cluster.name, self.other), {"assigned": 3})
		self.assertEqual(assign_institution_to_cluster(cluster.name, self.other), {"assigned": 0})
		frappe.set_user("Administrator")
		frappe.set_user(self.other_focal_point)
		with self.assertRaises(frappe.PermissionError):
			assign_institution_to_cluster(cluster.name, self.other)

	def test_a_task_names_the_recommendation_and_falls_due_on_the_answer_date(self):
		frappe.db.set_single_value("NMIRF Settings", "assignment_response_days", 10)
		recommendation = make_recommendation([self.mine])
		[todo] = frappe.get_all(
			"ToDo",
			{"allocated_to": self.focal_point, "reference_name": recommendation.name, "status": "Open"},
			["date", "description"],
		)
		due = add_days(nowdate(), 10)
		self.assertEqual(str(todo.date), due)
		self.assertIn(recommendation.name, todo.description)
		self.assertIn(recommendation.title[:40], todo.description)
		self.assertIn(formatdate(due), todo.description)
		self.assertEqual(str(recommendation.responsible_institutions[0].response_due), due)

	def test_a_cluster_assignment_gives_each_focal_point_one_task_listing_it(self):
		cluster = frappe.get_doc(
			{
				"doctype": "Recommendation Cluster",
				"cluster_name": f"Assign Test {frappe.generate_hash(length=5)}",
			}
		).insert()
		names = [make_recommendation([self.mine], cluster=cluster.name).name for _ in range(3)]
		alerts_before = frappe.db.count("Notification Log", {"for_user": self.other_focal_point})
		frappe.set_user(self.secretariat)
		assign_institution_to_cluster(cluster.name, self.other)
		frappe.set_user("Administrator")
		tasks = frappe.get_all(
			"ToDo",
			{
				"allocated_to": self.other_focal_point,
				"status": "Open",
				"creation": (">=", add_days(nowdate(), 0)),
			},
			["name", "reference_type", "reference_name", "description"],
		)
		tasks = [task for task in tasks if task.reference_name == cluster.name]
		self.assertEqual(len(tasks), 1, tasks)
		self.assertEqual(tasks[0].reference_type, "Recommendation Cluster")
		for name in names:
			self.assertIn(name, tasks[0].description)
			self.assertEqual(open_todos(self.other_focal_point, name), [])
		self.assertEqual(
			frappe.db.count("Notification Log", {"for_user": self.other_focal_point}), alerts_before + 1
		)

		# the list stays open until its last recommendation is answered
		frappe.set_user(self.other_focal_point)
		respond_to_assignment(names[0], self.other, "Accepted")
		respond_to_assignment(names[1], self.other, "Disputed", "Not ours.")
		self.assertEqual(frappe.db.get_value("ToDo", tasks[0].name, "status"), "Open")
		respond_to_assignment(names[2], self.other, "Accepted")
		self.assertEqual(frappe.db.get_value("ToDo", tasks[0].name, "status"), "Closed")

	def test_a_large_cluster_is_assigned_in_a_background_job(self):
		cluster = frappe.get_doc(
			{
				"doctype": "Recommendation Cluster",
				"cluster_name": f"Assign Test {frappe.generate_hash(length=5)}",
			}
		).insert()
		names = [make_recommendation([self.mine], cluster=cluster.name).name for _ in range(3)]
		frappe.set_user(self.secretariat)
		with (
			patch("nmirf_app.recommendations.assignment.CLUSTER_ASSIGNMENT_IN_REQUEST", 2),
			patch("frappe.enqueue", wraps=frappe.enqueue) as enqueue,
		):
			self.assertEqual(assign_institution_to_cluster(cluster.name, self.other), {"queued": 3})
		self.assertIn(
			"nmirf_app.recommendations.assignment.assign_cluster_job",
			[call.args[0] for call in enqueue.call_args_list],
		)
		frappe.set_user("Administrator")
		for name in names:  # the job ran (tests run jobs at once), as the secretariat
			recommendation = frappe.get_doc("Recommendation", name)
			self.assertIn(self.other, [row.institution for row in recommendation.responsible_institutions])
			self.assertEqual(recommendation.modified_by, self.secretariat)

	def test_turnover_hands_open_assignments_to_the_successor(self):
		recommendation = make_recommendation([self.mine]).name
		self.focal_point_term.active_to = add_days(nowdate(), -1)
		self.focal_point_term.save()
		successor = make_user("fp.assign.successor")
		make_focal_point(successor, self.mine, active_from=nowdate(), predecessor=self.focal_point_term.name)
		self.assertEqual(open_todos(self.focal_point, recommendation), [])
		self.assertEqual(len(open_todos(successor, recommendation)), 1)
		self.assertTrue(frappe.db.exists("Focal Point", self.focal_point_term.name))

	def test_turnover_hands_a_list_of_assignments_to_the_successor(self):
		institution = make_institution(f"Assign Test Turnover {frappe.generate_hash(length=5)}")
		leaving = make_user(f"fp.assign.leaving.{frappe.generate_hash(length=4)}", "NMIRF Focal Point")
		term = make_focal_point(leaving, institution, active_from=add_days(nowdate(), -30))
		with one_task_per_person():
			names = [make_recommendation([institution]).name for _ in range(2)]
		[task] = frappe.get_all("ToDo", {"allocated_to": leaving, "status": "Open"}, pluck="name")
		self.assertIn(names[1], frappe.db.get_value("ToDo", task, "description"))
		term.active_to = add_days(nowdate(), -1)
		term.save()
		successor = make_user(f"fp.assign.next.{frappe.generate_hash(length=4)}")
		make_focal_point(successor, institution, active_from=nowdate(), predecessor=term.name)
		self.assertEqual(frappe.db.get_value("ToDo", task, "allocated_to"), successor)
