// Institutions list: put the selected institutions' e-mail addresses on a mailing list (topic).
frappe.listview_settings["Institution"] = {
	onload(listview) {
		if (!frappe.model.can_create("Email Group Member")) return;
		listview.page.add_actions_menu_item(__("Add to mailing list"), () => {
			const institutions = listview.get_checked_items(true);
			if (!institutions.length) {
				frappe.msgprint(__("Select the institutions first."));
				return;
			}
			frappe.prompt(
				{ fieldname: "email_group", fieldtype: "Link", options: "Email Group", label: __("Mailing list"), reqd: 1 },
				({ email_group }) =>
					frappe
						.call("nmirf_app.engagement.mailing_lists.add_to_mailing_list", { email_group, institutions })
						.then(({ message }) =>
							frappe.msgprint(
								__("{0} added, {1} already on the list.", [message.added, message.already]) +
									(message.without_email.length
										? " " + __("No e-mail address: {0}", [message.without_email.join(", ")])
										: "")
							)
						),
				__("Add to mailing list")
			);
		});
	},
};
