// Colour each recommendation by its implementation status; export the matrix with the list's filters.
const NMIRF_STATUS_COLOURS = {
	"Not assessed": "gray",
	"Not started": "red",
	"In progress": "orange",
	"Partially implemented": "yellow",
	"Fully implemented": "green",
};

frappe.listview_settings["Recommendation"] = {
	add_fields: ["implementation_status", "mechanism", "lead_institution"],

	get_indicator(doc) {
		const status = doc.implementation_status || "Not assessed";
		return [__(status), NMIRF_STATUS_COLOURS[status] || "gray", `implementation_status,=,${status}`];
	},

	onload(listview) {
		if (frappe.model.can_write("Recommendation")) {
			listview.page.add_actions_menu_item(__("Change institutions, tags, cluster…"), () =>
				nmirf.bulk_edit_recommendations(listview, listview.get_checked_items(true))
			);
			listview.page.add_menu_item(__("Change every recommendation of this filter…"), () =>
				nmirf.bulk_edit_recommendations(listview, null)
			);
		}
		listview.page.add_menu_item(__("Export implementation matrix"), () => {
			const filters = JSON.stringify(listview.get_filters_for_args());
			window.open(
				"/api/method/nmirf_app.recommendations.implementation_matrix.export_implementation_matrix?filters=" +
					encodeURIComponent(filters)
			);
		});
	},
};

frappe.provide("nmirf");

// One change for the selected recommendations (names) or for all the list's filter shows (null).
// The server checks each record and answers with a summary, or runs a job with a progress bar.
nmirf.bulk_edit_recommendations = function (listview, names) {
	const link_list = (doctype) => (txt) => frappe.db.get_link_options(doctype, txt);
	const changes = [
		["add_lead_institution", __("Add a lead institution")],
		["add_supporting_institution", __("Add a supporting institution")],
		["remove_institution", __("Remove an institution")],
		["add_themes", __("Add themes")],
		["remove_themes", __("Remove themes")],
		["add_affected_groups", __("Add affected groups")],
		["remove_affected_groups", __("Remove affected groups")],
		["add_sdg_targets", __("Add SDG targets")],
		["remove_sdg_targets", __("Remove SDG targets")],
		["set_cluster", __("Set the cluster")],
		["set_priority", __("Set the priority")],
		["publish", __("Publish on the portal")],
		["unpublish", __("Withdraw from the portal")],
	];
	const shows =
		(...keys) =>
		(doc) =>
			keys.includes(doc.change);
	const tag_field = (fieldname, label, doctype, keys) => ({
		fieldname,
		label,
		fieldtype: "MultiSelectPills",
		get_data: link_list(doctype),
		depends_on: shows(...keys),
	});
	const dialog = new frappe.ui.Dialog({
		title: names
			? __("Change {0} selected recommendations", [names.length])
			: __("Change every recommendation of this filter"),
		fields: [
			{
				fieldname: "change",
				label: __("Change"),
				fieldtype: "Select",
				reqd: 1,
				options: changes.map(([value, label]) => ({ value, label })),
			},
			{
				fieldname: "institution",
				label: __("Institution"),
				fieldtype: "Link",
				options: "Institution",
				depends_on: shows("add_lead_institution", "add_supporting_institution", "remove_institution"),
			},
			tag_field("themes", __("Themes"), "Human Rights Theme", ["add_themes", "remove_themes"]),
			tag_field("affected_groups", __("Affected groups"), "Affected Group", [
				"add_affected_groups",
				"remove_affected_groups",
			]),
			tag_field("sdg_targets", __("SDG targets"), "SDG Target", ["add_sdg_targets", "remove_sdg_targets"]),
			{
				fieldname: "cluster",
				label: __("Cluster (empty: none)"),
				fieldtype: "Link",
				options: "Recommendation Cluster",
				depends_on: shows("set_cluster"),
			},
			{
				fieldname: "priority",
				label: __("Priority"),
				fieldtype: "Select",
				options: ["", "High", "Medium", "Low"].map((value) => ({ value, label: __(value) })),
				depends_on: shows("set_priority"),
			},
		],
		primary_action_label: __("Apply"),
		primary_action(form) {
			const change = form.change;
			const values =
				{
					add_lead_institution: [form.institution],
					add_supporting_institution: [form.institution],
					remove_institution: [form.institution],
					add_themes: form.themes,
					remove_themes: form.themes,
					add_affected_groups: form.affected_groups,
					remove_affected_groups: form.affected_groups,
					add_sdg_targets: form.sdg_targets,
					remove_sdg_targets: form.sdg_targets,
					set_cluster: [form.cluster || ""],
					set_priority: [form.priority || ""],
				}[change] || [];
			dialog.hide();
			frappe
				.call({
					method: "nmirf_app.recommendations.bulk_edit.bulk_edit",
					args: {
						change,
						values,
						names: names || undefined,
						filters: names ? undefined : listview.get_filters_for_args(),
					},
					freeze: true,
				})
				.then(({ message }) => {
					if (message.queued) {
						frappe.show_alert({
							message: __("{0} recommendations are being changed; you will be told when it is done.", [message.queued]),
							indicator: "blue",
						});
						return;
					}
					nmirf.show_bulk_edit_outcome(message);
					listview.refresh();
				});
		},
	});
	dialog.show();
};

nmirf.show_bulk_edit_outcome = function ({ changed, unchanged, refused }) {
	const e = frappe.utils.escape_html;
	const lines = refused.map((row) => `<li>${e(row.name)}: ${e(row.reason)}</li>`).join("");
	frappe.msgprint({
		title: __("Bulk edit done"),
		indicator: refused.length ? "orange" : "green",
		message:
			`<p class="nmirf-bulk-outcome">${__("{0} recommendations changed, {1} were already so, {2} refused.", [
				changed.length,
				unchanged,
				refused.length,
			])}</p>` + (lines ? `<ul>${lines}</ul>` : ""),
	});
};
