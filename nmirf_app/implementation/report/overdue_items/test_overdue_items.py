# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Overdue Items on a real site: what is late, with its owner, and only one's own."""

import frappe

from nmirf_app.implementation.report.overdue_items.overdue_items import execute as overdue_items
from nmirf_app.implementation.report.testing import ImplementationReportsTestCase
from nmirf_app.testing import as_user, make_obligation


class TestOverdueItems(ImplementationReportsTestCase):
	def test_overdue_items_list_what_is_late_with_its_owner_and_only_ones_own(self):
		_columns, data = as_user(self.secretariat, overdue_items, {"document_type": "Implementation Action"})
		rows = {row["document"]: row for row in data}
		self.assertEqual(rows[self.late_action]["days_late"], 10)
		self.assertIn(self.focal_point, rows[self.late_action]["owners"])
		self.assertEqual(rows[self.late_action]["validator"], self.validator)
		self.assertIn(self.other_late_action, rows)
		_columns, data = as_user(self.focal_point, overdue_items, {})
		documents = {row["document"] for row in data}
		self.assertIn(self.late_action, documents)
		self.assertNotIn(
			self.other_late_action, documents, "another institution's delays are not a focal point's business"
		)

	def test_the_overdue_reports_card_and_overdue_items_count_the_same_reports(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		make_obligation("CED", initial_due_on="2012-06-01")  # never submitted: years late
		card = frappe.get_doc("Number Card", "Overdue reports")
		counted = as_user(self.secretariat, get_result, card, card.filters_json)
		_columns, data = as_user(self.secretariat, overdue_items, {"document_type": "Reporting Obligation"})
		self.assertIn("CED", {row["document"] for row in data})
		self.assertEqual(len(data), counted)
		ced = next(row for row in data if row["document"] == "CED")
		self.assertIn(self.secretariat, ced["owners"], "the secretariat prepares the State's reports")
