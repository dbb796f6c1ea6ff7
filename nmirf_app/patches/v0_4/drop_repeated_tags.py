"""A theme, affected group or SDG target given twice on one recommendation is kept once (as a save
now does, nmirf_app.recommendations.tags.drop_repeated_tags)."""

import frappe

from nmirf_app.recommendations.tags import TAG_TABLES


def execute():
	for table_field, (doctype, field) in TAG_TABLES.items():
		if table_field == "responsible_institutions":
			continue  # refused on save, never repeated
		table = f"tab{doctype}"
		frappe.db.sql(
			f"""delete later from `{table}` later join `{table}` earlier
				on earlier.parent = later.parent and earlier.parenttype = later.parenttype
				and earlier.`{field}` = later.`{field}` and earlier.idx < later.idx
			where later.parenttype = 'Recommendation'"""
		)
