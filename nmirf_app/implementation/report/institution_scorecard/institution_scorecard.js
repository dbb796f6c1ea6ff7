frappe.query_reports["Institution Scorecard"] = {
	filters: [
		{ fieldname: "institution", label: __("Institution"), fieldtype: "Link", options: "Institution" },
		{ fieldname: "include_non_state", label: __("Include NHRI, civil society and UN"), fieldtype: "Check" },
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
