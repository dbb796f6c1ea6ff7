// A decision on a submission is published with its reason: ask for the reason first.
frappe.ui.form.on("Stakeholder Submission", {
	refresh: (frm) => {
		if (frm.doc.first_decided_on) {
			frm.set_intro(
				__(
					"Decided: what the sender sent is their record and can no longer be changed. For a correction, add a comment that says why."
				),
				"blue"
			);
		}
	},
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
