# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The reference data every site gets on install, and that migrate keeps without duplicating."""

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.install import RECOMMENDATION_STATUS_BOARD, load_reference_data

TREATY_BODIES = {"CCPR", "CESCR", "CERD", "CEDAW", "CAT", "SPT", "CRC", "CMW", "CRPD", "CED"}


class TestReferenceData(FrappeTestCase):
	def test_every_un_mechanism_type_is_installed(self):
		treaty_bodies = set(
			frappe.get_all("Human Rights Mechanism", {"mechanism_type": "Treaty Body"}, pluck="name")
		)
		self.assertEqual(treaty_bodies & TREATY_BODIES, TREATY_BODIES)
		self.assertEqual(frappe.db.get_value("Human Rights Mechanism", "CCPR", "treaty"), "ICCPR")
		self.assertEqual(frappe.db.get_value("Human Rights Mechanism", "UPR", "mechanism_type"), "UPR")
		for mechanism_type in ("Special Procedure", "Regional"):
			self.assertTrue(
				frappe.db.count("Human Rights Mechanism", {"mechanism_type": mechanism_type}) >= 3
			)

	def test_sdg_framework_is_complete(self):
		self.assertEqual(frappe.db.count("SDG Goal"), 17)
		self.assertEqual(frappe.db.count("SDG Target"), 169)
		self.assertEqual(frappe.db.get_value("SDG Target", "16.3", "sdg_goal"), "SDG 16")
		self.assertEqual(frappe.db.count("SDG Target", {"sdg_goal": "SDG 17"}), 19)

	def test_vocabularies_keep_versions_and_aliases(self):
		self.assertGreater(frappe.db.count("Human Rights Theme"), 100)
		self.assertGreater(frappe.db.count("Affected Group"), 40)
		renamed = frappe.get_doc(
			"Human Rights Theme", "Ratification of & accession to international instruments"
		)
		self.assertIn("Acceptance of international norms", [row.alias for row in renamed.aliases])
		self.assertFalse(frappe.db.exists("Human Rights Theme", "Acceptance of international norms"))

	def test_loading_again_adds_nothing_and_keeps_local_edits(self):
		frappe.db.set_value("Human Rights Mechanism", "CRC", "reporting_periodicity_years", 6)
		counts = {
			doctype: frappe.db.count(doctype)
			for doctype in ("Human Rights Mechanism", "Human Rights Theme", "SDG Target", "Vocabulary Alias")
		}
		load_reference_data()
		self.assertEqual(counts, {doctype: frappe.db.count(doctype) for doctype in counts})
		self.assertEqual(
			frappe.db.get_value("Human Rights Mechanism", "CRC", "reporting_periodicity_years"), 6
		)

	def test_roles_and_the_status_kanban_board_exist(self):
		for role in (
			"NMIRF Administrator",
			"NMIRF Secretariat",
			"NMIRF Focal Point",
			"NMIRF Institution Validator",
			"NMIRF Approver",
			"NMIRF Observer",
		):
			self.assertTrue(frappe.db.exists("Role", role), role)
		board = frappe.get_doc("Kanban Board", RECOMMENDATION_STATUS_BOARD)
		self.assertEqual(board.field_name, "implementation_status")
		self.assertIn("Fully implemented", [column.column_name for column in board.columns])
