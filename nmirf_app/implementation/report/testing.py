# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The world the implementation reports' tests share (each report's test is beside the report)."""

import frappe
from frappe.utils import add_days, nowdate

from nmirf_app.testing import NMIRFTestCase, make_recommendation


class ImplementationReportsTestCase(NMIRFTestCase):
	"""Two institutions' late actions and CESCR recommendations, for the reports on implementation
	(Overdue Items, Institution Scorecard) and SDG Coverage."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.symbol = f"CESCR/C/I{frappe.generate_hash(length=5).upper()}/CO/1"
		cls.housing = make_recommendation(
			[cls.mine], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_target": "11.1"}]
		)
		cls.transport = make_recommendation(
			[cls.other], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_target": "11.2"}]
		)
		# OHCHR's thematic lists name a goal alone
		cls.goal_only = make_recommendation(
			[cls.other], mechanism="CESCR", document_symbol=cls.symbol, sdg_targets=[{"sdg_goal": "SDG 11"}]
		)
		cls.late_action = cls.action(cls.mine, cls.housing.name, add_days(nowdate(), -10))
		cls.other_late_action = cls.action(cls.other, cls.transport.name, add_days(nowdate(), -3))
		frappe.db.set_value(
			"Recommendation Institution",
			{"parent": cls.housing.name, "institution": cls.mine},
			"assignment_status",
			"Accepted",
		)

	@staticmethod
	def action(institution, recommendation, end_date):
		return (
			frappe.get_doc(
				{
					"doctype": "Implementation Action",
					"action_title": f"ImplReports action of {institution}",
					"lead_institution": institution,
					"start_date": "2025-01-01",
					"end_date": end_date,
					"recommendations": [{"recommendation": recommendation}],
				}
			)
			.insert()
			.name
		)
