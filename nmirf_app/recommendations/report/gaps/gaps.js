frappe.query_reports["Gaps"] = {
	filters: nmirf.recommendation_report_filters([
		{
			fieldname: "gap",
			label: __("Gap"),
			fieldtype: "Select",
			options: [
				"",
				"No responsible institution",
				"No action",
				"No approved progress in 12 months",
				"Institution without an active focal point",
			],
		},
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	]),
};
