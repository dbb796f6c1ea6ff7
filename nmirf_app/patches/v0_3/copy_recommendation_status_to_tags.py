"""Tag rows get a copy of their recommendation's status (nmirf_app.recommendations.tags), and a tag
repeated on one recommendation is dropped, so counts by tag need no `distinct`."""

import frappe

from nmirf_app.recommendations.tags import TAG_TABLES


def execute():
	for table_field, (doctype, field) in TAG_TABLES.items():
		table = f"tab{doctype}"
		if table_field != "responsible_institutions":
			frappe.db.sql(
				f"""delete later from `{table}` later join `{table}` earlier
					on earlier.parent = later.parent and earlier.parenttype = later.parenttype
					and earlier.`{field}` = later.`{field}` and earlier.idx < later.idx
				where later.parenttype = 'Recommendation'"""
			)
		frappe.db.sql(
			f"""update `{table}` tag join `tabRecommendation` r on r.name = tag.parent
			set tag.recommendation_status = r.implementation_status
			where tag.parenttype = 'Recommendation'
				and not (tag.recommendation_status <=> r.implementation_status)"""
		)
