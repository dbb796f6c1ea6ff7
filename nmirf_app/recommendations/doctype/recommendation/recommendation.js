// The desk pre-fills Country links with the system's default country; a new recommendation is
// addressed to the State in NMIRF Settings.
frappe.ui.form.on("Recommendation", {
	onload(frm) {
		if (!frm.is_new()) return;
		frappe.db.get_single_value("NMIRF Settings", "state").then((state) => {
			if (state) frm.set_value("state_under_review", state);
		});
	},
});
