frappe.query_reports["Follow-up Tracker"] = {
	filters: [
		{ fieldname: "mechanism", label: __("Mechanism"), fieldtype: "Link", options: "Human Rights Mechanism" },
		{ fieldname: "document_symbol", label: __("Document"), fieldtype: "Data" },
		{ fieldname: "overdue_only", label: __("Overdue only"), fieldtype: "Check" },
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
