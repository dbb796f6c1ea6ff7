// Assign an institution to every recommendation of the cluster at once.
frappe.ui.form.on("Recommendation Cluster", {
	refresh(frm) {
		if (frm.is_new() || !frm.perm[0].write) return;
		frm.add_custom_button(__("Assign an institution"), () => {
			frappe.prompt(
				[
					{ fieldname: "institution", fieldtype: "Link", options: "Institution", label: __("Institution"), reqd: 1 },
					{ fieldname: "role", fieldtype: "Select", options: "Supporting\nLead", label: __("Role"), default: "Supporting" },
				],
				(values) =>
					frappe
						.call("nmirf_app.recommendations.assignment.assign_institution_to_cluster", {
							cluster: frm.doc.name,
							...values,
						})
						.then((r) =>
							frappe.show_alert(
								r.message.queued
									? __("Assigning {0} recommendations in the background; you will be told when it is done.", [r.message.queued])
									: __("{0} recommendations assigned", [r.message.assigned])
							)
						),
				__("Assign to all recommendations of {0}", [frm.doc.name])
			);
		});
	},
});
