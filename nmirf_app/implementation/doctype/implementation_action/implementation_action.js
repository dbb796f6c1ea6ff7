// A new action's budget is in the State's currency (NMIRF Settings), shown as it is typed.
frappe.ui.form.on("Implementation Action", {
	onload(frm) {
		if (!frm.is_new() || frm.doc.currency) return;
		frappe.db.get_single_value("NMIRF Settings", "currency").then((currency) => {
			if (currency && !frm.doc.currency) frm.set_value("currency", currency);
		});
	},
});
