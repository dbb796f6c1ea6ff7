# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""An action's budget is in the State's currency, which the secretariat can pick."""

import frappe
from frappe.desk.search import search_link
from frappe.tests.utils import FrappeTestCase

from nmirf_app.testing import as_user, make_institution, make_user


class TestImplementationAction(FrappeTestCase):
	def test_budget_is_in_the_states_currency_which_planners_can_pick(self):
		frappe.db.set_value("Currency", "PYG", "enabled", 0)
		settings = frappe.get_single("NMIRF Settings")
		settings.currency = "PYG"
		settings.save()
		self.assertEqual(
			frappe.db.get_value("Currency", "PYG", "enabled"), 1, "the State's currency is offered"
		)

		secretariat = make_user("secretariat.action", "NMIRF Secretariat")

		def currencies(txt):
			return [row["value"] for row in search_link("Currency", txt)]

		self.assertIn("PYG", as_user(secretariat, currencies, "PYG"), "the secretariat picks a currency")

		def plan():
			return frappe.get_doc(
				{
					"doctype": "Implementation Action",
					"action_title": "Build two shelters",
					"lead_institution": make_institution("Action Test Ministry of Women"),
					"start_date": "2027-01-01",
					"end_date": "2027-12-31",
					"budget_lines": [
						{"description": "Construction", "amount": 1_500_000_000},
						{"description": "Staff", "amount": 250_000_000},
					],
				}
			).insert()

		action = as_user(secretariat, plan)
		self.assertEqual((action.currency, action.total_budget), ("PYG", 1_750_000_000))

	def test_a_plan_totals_its_actions_budgets(self):
		institution = make_institution("Action Test Ministry of Women")
		plan = frappe.get_doc(
			{
				"doctype": "Implementation Plan",
				"plan_title": "National Human Rights Action Plan 2027-2030",
				"plan_type": "National human rights action plan",
				"coordinating_institution": institution,
				"period_from": "2027-01-01",
				"period_to": "2030-12-31",
			}
		).insert()

		def action(amount, status="Planned"):
			return frappe.get_doc(
				{
					"doctype": "Implementation Action",
					"action_title": f"Plan action of {amount}",
					"implementation_plan": plan.name,
					"lead_institution": institution,
					"start_date": "2027-01-01",
					"end_date": "2027-12-31",
					"status": status,
					"budget_lines": [{"description": "Works", "amount": amount}],
				}
			).insert()

		first, second = action(1_000_000), action(250_000)
		action(9_000_000, status="Cancelled")
		self.assertEqual(frappe.db.get_value("Implementation Plan", plan.name, "total_budget"), 1_250_000)
		second.budget_lines[0].amount = 500_000
		second.save()
		self.assertEqual(frappe.db.get_value("Implementation Plan", plan.name, "total_budget"), 1_500_000)
		frappe.delete_doc("Implementation Action", first.name)
		self.assertEqual(frappe.db.get_value("Implementation Plan", plan.name, "total_budget"), 500_000)
