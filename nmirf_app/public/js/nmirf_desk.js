// Desk helpers shared by the app's forms.
frappe.provide("nmirf");

// A review step that sends a document back needs a reason: ask for it before the workflow action
// runs (the server refuses a return without one). Use from a form's before_workflow_action.
nmirf.ask_return_reason = function (frm, action = "Return") {
	if (frm.selected_workflow_action !== action) return;
	return new Promise((resolve, reject) => {
		frappe.dom.unfreeze();
		frappe.prompt(
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for return"), reqd: 1 },
			({ reason }) => {
				frm.set_value("return_reason", reason);
				frm.save().then(resolve, reject);
			},
			__("Return to the institution"),
			__("Return")
		);
	});
};

// The filters every recommendation report offers; the server reads them in
// nmirf_app/recommendations/report_filters.py.
nmirf.recommendation_report_filters = function (extra = []) {
	return [
		{ fieldname: "mechanism", label: __("Mechanism"), fieldtype: "Link", options: "Human Rights Mechanism" },
		{ fieldname: "upr_cycle", label: __("UPR cycle"), fieldtype: "Int" },
		{ fieldname: "document_symbol", label: __("Document symbol"), fieldtype: "Data" },
		{ fieldname: "theme", label: __("Theme"), fieldtype: "Link", options: "Human Rights Theme" },
		{ fieldname: "affected_group", label: __("Affected group"), fieldtype: "Link", options: "Affected Group" },
		{ fieldname: "sdg_goal", label: __("SDG"), fieldtype: "Link", options: "SDG Goal" },
		{ fieldname: "institution", label: __("Institution"), fieldtype: "Link", options: "Institution" },
		{ fieldname: "cluster", label: __("Cluster"), fieldtype: "Link", options: "Recommendation Cluster" },
		{
			fieldname: "position",
			label: __("Position"),
			fieldtype: "Select",
			options: ["", "Supported", "Noted", "Supported in part"],
		},
		{ fieldname: "from_date", label: __("Document from"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("Document until"), fieldtype: "Date" },
		...extra,
	];
};
