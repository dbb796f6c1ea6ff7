// Returning an update needs a reason: ask for it before the workflow action runs.
frappe.ui.form.on("Progress Update", {
	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Return") return;
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
	},
});
