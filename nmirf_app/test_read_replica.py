# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""With `read_from_replica` set (Frappe's scale-out for reports), the reads the app marks read-only
go through the replica's own connection, and every one of them still answers. The "replica" here
is a second connection to the same MariaDB: what this test's transaction has not committed is
invisible to it, which shows which connection answered."""

from unittest.mock import patch

import frappe
from frappe.desk.query_report import run as run_report
from frappe.tests.utils import FrappeTestCase

from nmirf_app.api import get_count
from nmirf_app.open_data import v1
from nmirf_app.recommendations.my_work import get_my_work
from nmirf_app.testing import make_recommendation


class TestReadReplica(FrappeTestCase):
	def setUp(self):
		self.settings = {key: frappe.local.conf.get(key) for key in ("read_from_replica", "replica_host")}
		frappe.local.conf.update({"read_from_replica": 1, "replica_host": frappe.conf.db_host or "localhost"})

	def tearDown(self):
		frappe.local.conf.update(self.settings)
		self.forget_replica()

	def forget_replica(self):
		# Frappe keeps the closed replica connection on frappe.local for the rest of a request; a
		# test is one long "request", so each marked call starts as a new request would
		for attribute in ("replica_db", "primary_db"):
			if hasattr(frappe.local, attribute):
				delattr(frappe.local, attribute)

	def on_replica(self, function, *args, **kwargs):
		self.forget_replica()
		try:
			with patch.object(frappe, "connect_replica", wraps=frappe.connect_replica) as connect:
				answer = function(*args, **kwargs)
			self.assertTrue(connect.call_count, f"{function.__name__} is marked")
			return answer
		finally:
			self.forget_replica()

	def test_a_marked_read_goes_through_the_replicas_connection(self):
		unseen = make_recommendation()  # not committed: the replica cannot see it
		filters = {"name": unseen.name}
		self.assertEqual(
			frappe.db.count("Recommendation", filters), 1, "the primary sees its own transaction"
		)
		self.assertEqual(self.on_replica(get_count, "Recommendation", filters), 0)
		self.assertEqual(frappe.db.count("Recommendation", filters), 1, "and the primary is given back")
		frappe.local.conf.read_from_replica = 0
		self.assertEqual(get_count("Recommendation", filters), 1, "without a replica the primary answers")

	def test_every_marked_read_still_answers_from_the_replica(self):
		frappe.db.commit()  # what the replica reads is what the primary has committed
		for function, args in (
			(v1.summaries, ()),
			(v1.filters, ()),
			(v1.recommendations, ()),
			(get_my_work, ()),
			(get_count, ("Recommendation",)),
		):
			with self.subTest(function.__name__):
				self.assertEqual(self.on_replica(function, *args), function(*args))
		report = self.on_replica(run_report, "Implementation Status", filters={"group_by": "Mechanism"})
		self.assertEqual(
			report["result"], run_report("Implementation Status", filters={"group_by": "Mechanism"})["result"]
		)
