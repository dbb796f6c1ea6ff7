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
			],
			default: "Mechanism",
		},
	]),
};
