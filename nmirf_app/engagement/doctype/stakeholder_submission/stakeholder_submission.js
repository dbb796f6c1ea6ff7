// A decision on a submission is published with its reason: ask for the reason first.
frappe.ui.form.on("Stakeholder Submission", {
	before_workflow_action: (frm) =>
		nmirf.ask_reason(frm, {
			actions: ["Take into account", "Do not retain"],
			field: "public_reason",
			label: __("Public feedback"),
			title: __("Published with the decision"),
			button: __("Save"),
			keep_existing: true,
		}),
});
