# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, nowdate

from nmirf_app.nmirf_setup.doctype.focal_point.focal_point import refresh_active_flags
from nmirf_app.testing import make_focal_point, make_institution, make_user


class TestFocalPoint(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.institution = make_institution("FP Test Ministry of Labour")

	def test_appointment_gives_the_user_the_focal_point_role(self):
		user = make_user("fp.appointed")
		self.assertNotIn("NMIRF Focal Point", frappe.get_roles(user))
		make_focal_point(user, self.institution, role_type="Alternate")
		self.assertIn("NMIRF Focal Point", frappe.get_roles(user))

	def test_second_main_focal_point_in_the_same_period_is_refused(self):
		institution = make_institution("FP Test Ministry of Sport")
		make_focal_point(make_user("fp.main.one"), institution)
		with self.assertRaisesRegex(frappe.ValidationError, "already has a main focal point"):
			make_focal_point(make_user("fp.main.two"), institution)
		alternate = make_focal_point(make_user("fp.alternate"), institution, role_type="Alternate")
		self.assertTrue(alternate.is_active)

	def test_turnover_ends_one_term_and_keeps_its_record(self):
		institution = make_institution("FP Test Ministry of Culture")
		predecessor = make_focal_point(
			make_user("fp.before"), institution, active_from=add_days(nowdate(), -300)
		)
		predecessor.active_to = add_days(nowdate(), -1)
		predecessor.handover_notes = "Open: CRC follow-up on birth registration."
		predecessor.save()
		successor = make_focal_point(
			make_user("fp.after"), institution, active_from=nowdate(), predecessor=predecessor.name
		)
		self.assertTrue(successor.is_active)
		predecessor.reload()
		self.assertFalse(predecessor.is_active)
		self.assertTrue(frappe.db.exists("Focal Point", predecessor.name))

	def test_term_cannot_end_before_it_starts(self):
		with self.assertRaisesRegex(frappe.ValidationError, "cannot end"):
			make_focal_point(
				make_user("fp.backwards"),
				self.institution,
				role_type="Alternate",
				active_from=nowdate(),
				active_to=add_days(nowdate(), -1),
			)

	def test_daily_refresh_deactivates_terms_that_ended(self):
		focal_point = make_focal_point(make_user("fp.expiring"), self.institution, role_type="Alternate")
		frappe.db.set_value("Focal Point", focal_point.name, "active_to", add_days(nowdate(), -1))
		refresh_active_flags()
		self.assertEqual(frappe.db.get_value("Focal Point", focal_point.name, "is_active"), 0)
