"""Composite indexes for the whole-State reports and the public portal, added by each DocType's
`on_doctype_update` (install, and migrate when the DocType changes). benchmarks/scale_benchmark.py
measures the reports with and without them."""

import frappe

# DocType -> (index name, columns); a descending column needs MariaDB 10.8 or later.
COMPOSITE_INDEXES = {
	"Recommendation": (
		# grouped counts by mechanism or lead institution read the index alone; the list view
		# filtered on mechanism and status pages through it newest first
		("mechanism_status_index", ("mechanism", "implementation_status", "modified")),
		("lead_institution_status_index", ("lead_institution", "implementation_status")),
		# the portal's pages: published, newest first, then by reference read naturally (the name
		# makes the order total, so that pages never overlap, and lets the index give it whole)
		(
			"published_natural_order_index",
			("published", "document_date desc", "reference_sort_key", "name"),
		),
		# the recommendations flagged for follow-up (reminders, scorecard)
		("follow_up_deadline_index", ("follow_up_deadline",)),
		# a UPR recommendation met by its Working Group report and paragraph, whichever source brings it
		("symbol_paragraph_index", ("document_symbol", "paragraph")),
	),
	# per tag table: the `exists` of a tag filter, read from the index alone
	"Recommendation Theme": (("parent_theme_index", ("parent", "parenttype", "theme")),),
	"Recommendation Affected Group": (("parent_group_index", ("parent", "parenttype", "affected_group")),),
	"Recommendation SDG Target": (
		("parent_goal_index", ("parent", "parenttype", "sdg_goal", "sdg_target")),
		("target_index", ("sdg_target", "parenttype")),
	),
	"Recommendation Institution": (
		("parent_institution_index", ("parent", "parenttype", "institution")),
		# a focal point's recommendations, and the assignments they have to answer
		("institution_assignment_index", ("institution", "parenttype", "assignment_status")),
	),
	# the reports' and the portal's questions: one tag type, filtered on the recommendation's fields
	"Recommendation Tally": (
		(
			"tag_type_dimensions_index",
			("tag_type", "mechanism", "upr_cycle", "implementation_status", "published"),
		),
	),
}
# Indexes of earlier versions that nothing reads any more (dropped by a patch)
RETIRED_INDEXES = {
	"Recommendation Theme": "theme_status_index",
	"Recommendation Affected Group": "group_status_index",
	"Recommendation SDG Target": "goal_status_index",
	"Recommendation Institution": "institution_status_index",
}


def add_composite_indexes(doctype: str):
	for index_name, columns in COMPOSITE_INDEXES[doctype]:
		frappe.db.add_index(doctype, list(columns), index_name)
