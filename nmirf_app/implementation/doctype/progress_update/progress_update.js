frappe.ui.form.on("Progress Update", {
	before_workflow_action: (frm) => nmirf.ask_return_reason(frm),
});
