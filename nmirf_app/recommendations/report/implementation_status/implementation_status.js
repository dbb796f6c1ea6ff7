frappe.query_reports["Implementation Status"] = {
	filters: nmirf.recommendation_report_filters([
		{
			fieldname: "group_by",
			label: __("Group by"),
			fieldtype: "Select",
			options: [
				"Mechanism",
				"UPR cycle",
				"Document",
				"Cluster",
				"Lead institution",
				"Responsible institution",
				"Position",
				"Theme",
				"Affected group",
				"SDG",
				"Status",
			],
			default: "Mechanism",
		},
		{
			fieldname: "largest",
			label: __("Largest groups only"),
			fieldtype: "Int",
			description: __("Show only this many groups, the largest first (0: all)."),
		},
		{
			fieldname: "untagged",
			label: __("Count untagged recommendations"),
			fieldtype: "Check",
			default: 1,
			description: __("Grouping by a tag: add a (none) row for recommendations without one."),
		},
	]),
};
