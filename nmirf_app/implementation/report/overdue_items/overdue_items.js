frappe.query_reports["Overdue Items"] = {
	filters: [
		{
			fieldname: "document_type",
			label: __("Type"),
			fieldtype: "Select",
			options: [
				"",
				"Implementation Action",
				"Recommendation",
				"Report Contribution",
				"State Report",
				"Special Procedure Communication",
			],
		},
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
