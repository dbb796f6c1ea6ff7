# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The world the recommendation reports' tests share (each report's test is beside the report)."""

import frappe

from nmirf_app.testing import NMIRFTestCase, make_institution, make_recommendation


class RecommendationReportsTestCase(NMIRFTestCase):
	"""CERD recommendations of two institutions in each state of implementation, one without any
	institution and an agency without staff, for Implementation Status and Gaps."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.unstaffed = make_institution("Reports Agency without staff", is_state_body=1)
		cls.symbol = f"CERD/C/R{frappe.generate_hash(length=5).upper()}/CO/1"
		statuses = ("Fully implemented", "In progress", "Not started")
		cls.mine_recs = [
			make_recommendation(
				[cls.mine], mechanism="CERD", document_symbol=cls.symbol, implementation_status=status
			).name
			for status in statuses
		]
		cls.other_recs = [
			make_recommendation(
				[cls.other],
				mechanism="CERD",
				document_symbol=cls.symbol,
				implementation_status="Fully implemented",
			).name
			for _ in range(2)
		]
		cls.orphan = make_recommendation([], mechanism="CERD", document_symbol=cls.symbol).name
		frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Reports: anti-discrimination campaign",
				"lead_institution": cls.mine,
				"start_date": "2026-01-01",
				"end_date": "2027-12-31",
				# the not-started one: an action alone does not change its status
				"recommendations": [{"recommendation": cls.mine_recs[2]}],
			}
		).insert()
