frappe.query_reports["Reporting Calendar"] = {
	filters: [
		{ fieldname: "horizon_months", label: __("Months ahead"), fieldtype: "Int", default: 24 },
		{
			fieldname: "mechanism_type",
			label: __("Mechanism type"),
			fieldtype: "Select",
			options: ["", "UPR", "Treaty Body", "Special Procedure", "Regional", "Other"],
		},
		{ fieldname: "overdue_only", label: __("Overdue only"), fieldtype: "Check" },
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.overdue && column.fieldname === "due_on") value = `<span class="text-danger">${value}</span>`;
		return value;
	},
};
