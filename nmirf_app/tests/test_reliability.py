# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Two people editing the same record: the second save is refused with Frappe's conflict error
instead of silently overwriting the first."""

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.testing import as_user, make_recommendation, make_user


class TestConcurrentEdits(FrappeTestCase):
	def test_the_second_of_two_concurrent_saves_is_refused(self):
		secretariat = make_user("secretariat.concurrency", "NMIRF Secretariat")
		colleague = make_user("secretariat2.concurrency", "NMIRF Secretariat")
		name = make_recommendation().name
		mine = as_user(secretariat, frappe.get_doc, "Recommendation", name)
		theirs = as_user(colleague, frappe.get_doc, "Recommendation", name)
		frappe.db.sql("select sleep(0.01)")  # the two saves get different timestamps
		mine.internal_notes = "<p>Agreed with the Ministry on 3 March.</p>"
		as_user(secretariat, mine.save)
		theirs.priority = "High"
		with self.assertRaises(frappe.TimestampMismatchError):
			as_user(colleague, theirs.save)
		self.assertEqual(
			frappe.db.get_value("Recommendation", name, "internal_notes"),
			"<p>Agreed with the Ministry on 3 March.</p>",
		)
