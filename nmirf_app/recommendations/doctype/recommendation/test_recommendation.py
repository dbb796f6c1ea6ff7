# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe

from nmirf_app.testing import NMIRFTestCase, make_recommendation


class TestRecommendation(NMIRFTestCase):
	institutions = ("Test Ministry of Health", "Test Ministry of Justice")

	def test_upr_recommendation_is_named_by_cycle_and_paragraph(self):
		doc = make_recommendation(
			[self.mine],
			mechanism="UPR",
			upr_cycle=4,
			paragraph="136.22",
			document_symbol="A/HRC/48/9",
			document_date="2021-07-14",
			recommendation_text="136.22 Extend a standing invitation to all special procedures (Portugal);",
			position="Supported",
			recommending_states=[{"country": "Portugal"}],
		)
		self.assertEqual(doc.name, "UPR-4-136.22")
		self.assertEqual(doc.title, "Extend a standing invitation to all special procedures (Portugal);")
		self.assertEqual(doc.mechanism_type, "UPR")

	def test_treaty_body_recommendation_is_named_by_year_and_a_clash_gets_a_suffix(self):
		first = make_recommendation([self.mine], paragraph="18", document_date="2023-02-03")
		second = make_recommendation(
			[self.mine], paragraph="18", document_date="2023-10-01", document_symbol="CRC/C/TST/CO/2"
		)
		self.assertEqual(first.name, "CRC-2023-18")
		self.assertEqual(second.name, "CRC-2023-18-2")
		self.assertEqual(first.year, 2023)

	def test_lead_institution_is_derived_from_the_responsible_institutions(self):
		doc = make_recommendation([(self.other, "Supporting"), (self.mine, "Lead")])
		self.assertEqual(doc.lead_institution, self.mine)
		doc.responsible_institutions[1].role = "Supporting"
		doc.save(ignore_permissions=True)
		self.assertIsNone(doc.lead_institution)

	def test_two_lead_institutions_are_refused_naming_the_row(self):
		doc = make_recommendation([(self.mine, "Lead"), (self.other, "Lead")], insert=False)
		with self.assertRaisesRegex(frappe.ValidationError, "row 2: only one institution can lead"):
			doc.insert(ignore_permissions=True)
		self.assertFalse(frappe.db.exists("Recommendation", {"paragraph": doc.paragraph}))

	def test_an_institution_listed_twice_is_refused(self):
		doc = make_recommendation([(self.mine, "Lead"), (self.mine, "Supporting")], insert=False)
		with self.assertRaisesRegex(frappe.ValidationError, "row 2: Test Ministry of Health is listed twice"):
			doc.insert(ignore_permissions=True)

	def test_position_and_recommending_states_belong_to_the_upr_only(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Position: only UPR"):
			make_recommendation([self.mine], position="Noted")
		with self.assertRaisesRegex(frappe.ValidationError, "Recommending States: only UPR"):
			make_recommendation([self.mine], recommending_states=[{"country": "France"}])

	def test_follow_up_deadline_needs_the_follow_up_flag(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Follow-up deadline"):
			make_recommendation([self.mine], follow_up_deadline="2025-06-01")
		doc = make_recommendation([self.mine], follow_up_required=1, follow_up_deadline="2025-06-01")
		self.assertEqual(str(doc.follow_up_deadline), "2025-06-01")

	def test_the_same_paragraph_cannot_be_recorded_twice(self):
		original = make_recommendation([self.mine], paragraph="41", document_symbol="CRC/C/DUP/CO/1")
		self.assertEqual(original.dedupe_key, "doc:CRC/C/DUP/CO/1#41")
		with self.assertRaises(frappe.DuplicateEntryError) as caught:
			make_recommendation([self.other], paragraph="41", document_symbol="crc/c/dup/co/1 ")
		self.assertIn(original.name, str(caught.exception))

	def test_the_same_uhri_annotation_cannot_be_recorded_twice(self):
		make_recommendation([self.mine], uhri_annotation_id="5B9E6E52-0000-4000-8000-000000000001")
		with self.assertRaises(frappe.DuplicateEntryError):
			make_recommendation([self.mine], uhri_annotation_id="5b9e6e52-0000-4000-8000-000000000001")

	def test_state_under_review_defaults_to_the_settings(self):
		frappe.db.set_single_value("NMIRF Settings", "state", "Paraguay")
		doc = make_recommendation([self.mine])
		self.assertEqual(doc.state_under_review, "Paraguay")
