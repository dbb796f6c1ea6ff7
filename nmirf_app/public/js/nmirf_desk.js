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
