"""A recommendation may repeat several others (an earlier cycle's and another mechanism's): the
single "Repeats earlier recommendation" link became the Repeats table. Each link becomes its row."""

import frappe


def execute():
	if not frappe.db.has_column("Recommendation", "repeats_recommendation"):
		return
	for name, repeats in frappe.db.sql(
		"select name, repeats_recommendation from `tabRecommendation` where ifnull(repeats_recommendation, '') != ''"
	):
		if not frappe.db.exists("Recommendation", repeats):
			continue
		if frappe.db.exists("Recommendation Repeat", {"parent": name, "repeats": repeats}):
			continue
		frappe.get_doc(
			{
				"doctype": "Recommendation Repeat",
				"parenttype": "Recommendation",
				"parentfield": "repeats",
				"parent": name,
				"idx": 1 + frappe.db.count("Recommendation Repeat", {"parent": name}),
				"repeats": repeats,
			}
		).db_insert()
		frappe.db.set_value("Recommendation", name, "repeats_another", 1, update_modified=False)
