frappe.ui.form.on("Report Contribution", {
	before_workflow_action: (frm) => nmirf.ask_return_reason(frm),
});
