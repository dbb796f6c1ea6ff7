"""The whole-State counts move from a status copied onto every tag row to the Recommendation Tally:
count the existing recommendations, and drop the copy and its indexes."""

import frappe

from nmirf_app.recommendations.indexes import RETIRED_INDEXES
from nmirf_app.recommendations.tally import rebuild


def execute():
	for doctype, index in RETIRED_INDEXES.items():
		table = f"tab{doctype}"
		if frappe.db.sql(f"show index from `{table}` where Key_name = %s", index):
			frappe.db.sql_ddl(f"alter table `{table}` drop index `{index}`")
		if frappe.db.has_column(doctype, "recommendation_status"):
			frappe.db.sql_ddl(f"alter table `{table}` drop column `recommendation_status`")
	rebuild()
