// State Report: compile the draft in the background, request contributions from institutions.
const COMPILING = ["Queued", "Compiling"];

frappe.ui.form.on("State Report", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.perm[0] && frm.perm[0].write) {
			if (!COMPILING.includes(frm.doc.compilation_status)) {
				frm.add_custom_button(__("Compile draft"), () => compile(frm));
			}
			frm.add_custom_button(__("Request contributions"), () => request_contributions(frm));
		}
		for (const [field, label] of [
			["compiled_docx", __("Download Word draft")],
			["compiled_xlsx", __("Download Excel matrix")],
			["compiled_upr_matrix", __("Download UPR matrix (thematic-list layout)")],
		]) {
			if (frm.doc[field]) {
				frm.add_custom_button(label, () => download(frm.doc[field]), __("Compiled draft"));
			}
		}
		if (COMPILING.includes(frm.doc.compilation_status)) {
			frm.dashboard.set_headline(__("The draft is being compiled…"));
			watch_compilation(frm);
		}
	},
	report_type(frm) {
		// the VNR input is told by SDG goal and target, across mechanisms (the server holds to it too)
		if (frm.doc.report_type !== "Voluntary National Review input") return;
		frm.set_value("organise_by", "By SDG goal and target");
		if (!frm.doc.mechanism && frm.doc.recommendation_scope?.endsWith("of the mechanism")) {
			frm.set_value("recommendation_scope", "All recommendations");
		}
	},
	onload(frm) {
		nmirf.listen("nmirf_compilation", (data) => {
			if (data.state_report !== frm.doc.name) return;
			frm.dashboard.show_progress(__("Compiling"), data.percent, data.description);
			if (data.percent >= 100) frm.reload_doc();
		});
	},
});

function download(url) {
	// A link with the download attribute saves the file instead of opening a tab on it.
	const link = document.createElement("a");
	link.href = url;
	link.download = url.split("/").pop();
	document.body.appendChild(link);
	link.click();
	link.remove();
}

function compile(frm) {
	const run = () =>
		frappe.call("nmirf_app.reporting.compilation.compile_state_report", { state_report: frm.doc.name }).then(() => {
			frappe.show_alert({ message: __("Compilation queued"), indicator: "blue" });
			frm.reload_doc();
		});
	// Compile what is saved: unsaved edits would not be in the draft.
	frm.is_dirty() ? frm.save().then(run) : run();
}

function watch_compilation(frm) {
	// Realtime events refresh the form when they arrive; polling covers sites without them.
	clearTimeout(frm.nmirf_poll);
	frm.nmirf_poll = setTimeout(() => {
		if (frm.doc && COMPILING.includes(frm.doc.compilation_status)) frm.reload_doc();
	}, 3000);
}

function request_contributions(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Request contributions"),
		fields: [
			{ fieldname: "section", fieldtype: "Data", label: __("Section"), reqd: 1 },
			{
				fieldname: "institutions",
				fieldtype: "MultiSelectList",
				label: __("Institutions"),
				reqd: 1,
				get_data: (text) => frappe.db.get_link_options("Institution", text),
			},
			{ fieldname: "due_on", fieldtype: "Date", label: __("Due on"), reqd: 1 },
			{ fieldname: "cluster", fieldtype: "Link", options: "Recommendation Cluster", label: __("Cluster") },
			{ fieldname: "recommendation", fieldtype: "Link", options: "Recommendation", label: __("Recommendation") },
			{ fieldname: "instructions", fieldtype: "Text Editor", label: __("What you ask for") },
		],
		primary_action_label: __("Send requests"),
		primary_action(values) {
			frappe
				.call("nmirf_app.reporting.doctype.report_contribution.report_contribution.request_contributions", {
					state_report: frm.doc.name,
					...values,
				})
				.then(({ message }) => {
					dialog.hide();
					frappe.show_alert({
						message: __("{0} contribution(s) requested", [message.length]),
						indicator: "green",
					});
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
