// A decision on a submission is published with its reason: ask for the reason first.
frappe.ui.form.on("Stakeholder Submission", {
	before_workflow_action(frm) {
		if (!["Take into account", "Do not retain"].includes(frm.selected_workflow_action)) return;
		if ((frm.doc.public_reason || "").trim()) return;
		return new Promise((resolve, reject) => {
			frappe.dom.unfreeze();
			frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Public feedback"), reqd: 1 },
				({ reason }) => {
					frm.set_value("public_reason", reason);
					frm.save().then(resolve, reject);
				},
				__("Published with the decision"),
				__("Save")
			);
		});
	},
});
