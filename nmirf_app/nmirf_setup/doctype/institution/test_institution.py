# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.testing import make_institution, make_user


class TestInstitution(FrappeTestCase):
	def test_validating_authority_gets_the_validator_role(self):
		user = make_user("validator.new")
		make_institution("Inst Test Ministry of Finance", validating_authority=user)
		self.assertIn("NMIRF Institution Validator", frappe.get_roles(user))
