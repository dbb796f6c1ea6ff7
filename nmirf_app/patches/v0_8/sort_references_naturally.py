"""Recommendations sort by a natural key of their reference (CRC-2024-8 before CRC-2024-52): fill it
for the recommendations saved before it existed, in batches, and retire the portal's index that
sorted by the name as text (the new one is added by on_doctype_update)."""

import frappe

from nmirf_app.core.references import natural_sort_key

BATCH = 2000


def execute():
	names = frappe.get_all(
		"Recommendation", filters={"reference_sort_key": ("is", "not set")}, pluck="name", order_by="name"
	)
	for start in range(0, len(names), BATCH):
		batch = names[start : start + BATCH]
		cases = " ".join(
			f"when {frappe.db.escape(name)} then {frappe.db.escape(natural_sort_key(name))}" for name in batch
		)
		frappe.db.sql(
			f"""update `tabRecommendation` set reference_sort_key = case name {cases} end
			where name in ({", ".join(frappe.db.escape(name) for name in batch)})"""
		)
	for retired in ("published_newest_index", "published_newest_natural_index"):
		frappe.db.sql_ddl(f"alter table `tabRecommendation` drop index if exists {retired}")
