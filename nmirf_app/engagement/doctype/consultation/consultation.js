// Consultation: invite the mailing lists or circulate the minutes as a draft newsletter.
frappe.ui.form.on("Consultation", {
	refresh(frm) {
		if (frm.is_new() || !(frm.perm[0] && frm.perm[0].write)) return;
		frm.add_custom_button(__("Invite by e-mail"), () => draft_newsletter(frm, 0), __("Mailing lists"));
		if (frm.doc.minutes) {
			frm.add_custom_button(__("Circulate the minutes"), () => draft_newsletter(frm, 1), __("Mailing lists"));
		}
	},
});

function draft_newsletter(frm, minutes) {
	frappe.prompt(
		{
			fieldname: "email_groups",
			fieldtype: "MultiSelectList",
			label: __("Mailing lists"),
			reqd: 1,
			get_data: (text) => frappe.db.get_link_options("Email Group", text),
		},
		({ email_groups }) =>
			frappe
				.call("nmirf_app.engagement.doctype.consultation.consultation.draft_invitation", {
					consultation: frm.doc.name,
					email_groups,
					minutes,
				})
				.then(({ message }) => frappe.set_route("Form", "Newsletter", message)),
		minutes ? __("Circulate the minutes") : __("Invite by e-mail"),
		__("Draft the newsletter")
	);
}
