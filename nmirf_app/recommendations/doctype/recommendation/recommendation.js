// The desk pre-fills Country links with the system's default country; a new recommendation is
// addressed to the State in NMIRF Settings. Focal points answer their institution's assignment here.
frappe.ui.form.on("Recommendation", {
	onload(frm) {
		if (!frm.is_new()) return;
		frappe.db.get_single_value("NMIRF Settings", "state").then((state) => {
			if (state) frm.set_value("state_under_review", state);
		});
	},

	refresh(frm) {
		if (frm.is_new()) return;
		nmirf.add_recommendation_work_buttons(frm);
		const waiting = (frm.doc.responsible_institutions || []).filter((row) => row.assignment_status === "Assigned");
		if (!waiting.length || !frappe.user.has_role(["NMIRF Focal Point", "NMIRF Institution Validator"])) return;
		const respond = (response) => {
			const fields = [
				{
					fieldname: "institution",
					fieldtype: "Select",
					label: __("Institution"),
					options: waiting.map((row) => row.institution),
					default: waiting[0].institution,
					reqd: 1,
				},
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: response === "Disputed" },
			];
			frappe.prompt(
				fields,
				(values) =>
					frappe
						.call("nmirf_app.recommendations.assignment.respond_to_assignment", {
							recommendation: frm.doc.name,
							institution: values.institution,
							response,
							reason: values.reason,
						})
						.then(() => frm.reload_doc()),
				response === "Accepted" ? __("Accept the assignment") : __("Dispute the assignment")
			);
		};
		frm.add_custom_button(__("Accept"), () => respond("Accepted"), __("Assignment"));
		frm.add_custom_button(__("Dispute"), () => respond("Disputed"), __("Assignment"));
	},
});

frappe.provide("nmirf");

// From a recommendation to the work on it, in one click: report progress, plan an action, see the
// actions that implement it (they link through a table, so Connections cannot list them).
nmirf.add_recommendation_work_buttons = function (frm) {
	if (frappe.model.can_create("Progress Update")) {
		frm.add_custom_button(__("New progress update"), () =>
			frappe.new_doc("Progress Update", { recommendation: frm.doc.name })
		);
	}
	if (frappe.model.can_create("Implementation Action")) {
		// a new document with a table row filled is built by hand: route options fill plain fields only
		frm.add_custom_button(__("New action"), () =>
			frappe.model.with_doctype("Implementation Action", () => {
				const action = frappe.model.get_new_doc("Implementation Action");
				action.lead_institution = frm.doc.lead_institution;
				frappe.model.add_child(action, "recommendations").recommendation = frm.doc.name;
				frappe.set_route("Form", action.doctype, action.name);
			})
		);
	}
	frm.add_custom_button(__("Actions"), () =>
		frappe.set_route("List", "Implementation Action", { "Action Recommendation.recommendation": frm.doc.name })
	);
};
