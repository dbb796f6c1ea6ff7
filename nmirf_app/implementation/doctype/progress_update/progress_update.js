frappe.ui.form.on("Progress Update", {
	onload(frm) {
		if (!frm.is_new() || frm.doc.institution) return;
		frappe
			.xcall("nmirf_app.implementation.doctype.progress_update.progress_update.default_institution", {
				implementation_action: frm.doc.implementation_action,
			})
			.then((institution) => institution && !frm.doc.institution && frm.set_value("institution", institution));
	},
	refresh(frm) {
		// what the reviewer asked for, first thing the focal point reads on a returned update
		if (frm.doc.workflow_state === "Returned" && frm.doc.return_reason) {
			frm.set_intro(`<b>${__("Returned to you")}:</b> ${frappe.utils.escape_html(frm.doc.return_reason)}`, "orange");
		}
	},
	before_workflow_action: (frm) => nmirf.ask_return_reason(frm),
});
