"""NMIRF Settings gained "Evidence for 'Fully implemented'", on by default; a site installed before
it gets the default too (a Single's new field starts empty), and may turn it off in the desk."""

import frappe


def execute():
	if not frappe.db.exists(
		"Singles", {"doctype": "NMIRF Settings", "field": "evidence_for_fully_implemented"}
	):
		frappe.db.set_single_value("NMIRF Settings", "evidence_for_fully_implemented", 1)
