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
		if (frappe.model.can_create("Recommendation Cluster")) {
			listview.page.add_actions_menu_item(__("Propose clusters…"), () =>
				nmirf.propose_clusters(listview, listview.get_checked_items(true))
			);
		}
		listview.page.add_menu_item(__("Export implementation matrix"), () => {
			const filters = JSON.stringify(listview.get_filters_for_args());
			window.open(
				"/api/method/nmirf_app.recommendations.implementation_matrix.export_implementation_matrix?filters=" +
					encodeURIComponent(filters)
			);
		});
		listview.page.add_menu_item(__("Export UPR matrix in OHCHR's thematic-list layout"), () => {
			frappe.prompt(
				{
					fieldname: "file_format",
					fieldtype: "Select",
					label: __("File"),
					options: [
						{ value: "docx", label: __("Word (DOCX)") },
						{ value: "xlsx", label: __("Excel (XLSX)") },
					],
					default: "docx",
					description: __(
						"The UPR recommendations of one cycle this list shows, with the State's assessments: the annex of a mid-term report. Edit the assessment column and import the file back (source: UPR Thematic List)."
					),
				},
				({ file_format }) => {
					const filters = JSON.stringify(listview.get_filters_for_args());
					window.open(
						"/api/method/nmirf_app.recommendations.implementation_matrix.export_thematic_matrix?" +
							new URLSearchParams({ filters, file_format })
					);
				},
				__("Export UPR matrix"),
				__("Export")
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
		// tags no person looked at: the secretariat's decision (the server refuses anyone else)
		...(frappe.user.has_role("NMIRF Secretariat")
			? [["apply_suggestions", __("Apply suggested tags above a confidence")]]
			: []),
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
			{
				fieldname: "confidence",
				label: __("Confidence at least (%)"),
				fieldtype: "Percent",
				default: 80,
				depends_on: shows("apply_suggestions"),
				description: __(
					"Themes, affected groups and SDG targets suggested from similar tagged recommendations are added when at least this sure; each added tag says it was suggested and that you accepted it."
				),
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
					apply_suggestions: [(form.confidence || 0) / 100],
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

// Proposed clusters for the selected recommendations that have none: the secretariat renames,
// merges (same name), removes members or whole groups, then accepts; clusters are created and
// each member's cluster is set record by record.
nmirf.propose_clusters = function (listview, names) {
	const esc = frappe.utils.escape_html;
	frappe
		.xcall("nmirf_app.recommendations.clusters.propose_clusters", { names }, null, {
			freeze: true,
			freeze_message: __("Grouping recommendations by what they ask…"),
		})
		.then((answer) => {
			if (!answer.clusters.length) {
				frappe.msgprint(
					__("No group found among the {0} selected recommendations without a cluster.", [answer.considered])
				);
				return;
			}
			const groups = answer.clusters
				.map(
					(cluster, index) => `<div class="nmirf-proposed-cluster card p-3 mb-3" data-index="${index}">
					<label class="small text-muted">${__("Cluster name (the same name merges groups)")}</label>
					<input class="form-control nmirf-cluster-name" value="${esc(cluster.name)}">
					<label class="small mt-2"><input type="checkbox" class="nmirf-keep-cluster" checked> ${__(
						"Create this cluster"
					)}</label>
					<ul class="list-unstyled mt-2">${cluster.members
						.map(
							(member) =>
								`<li><label class="small"><input type="checkbox" class="nmirf-member" value="${esc(
									member.name
								)}" checked> <b>${esc(member.name)}</b> ${esc(member.title || "")}</label></li>`
						)
						.join("")}</ul></div>`
				)
				.join("");
			const dialog = new frappe.ui.Dialog({
				title: __("Proposed clusters"),
				size: "large",
				fields: [{ fieldname: "groups", fieldtype: "HTML" }],
				primary_action_label: __("Create the kept clusters"),
				primary_action() {
					const by_name = {};
					dialog.$wrapper.find(".nmirf-proposed-cluster").each(function () {
						if (!$(this).find(".nmirf-keep-cluster").is(":checked")) return;
						const title = $(this).find(".nmirf-cluster-name").val().trim();
						const members = $(this)
							.find(".nmirf-member:checked")
							.map(function () {
								return this.value;
							})
							.get();
						if (!title || !members.length) return;
						by_name[title] = (by_name[title] || []).concat(members);
					});
					const clusters = Object.entries(by_name).map(([name, members]) => ({ name, members }));
					if (!clusters.length) {
						frappe.msgprint(__("Keep at least one cluster with members."));
						return;
					}
					frappe
						.xcall("nmirf_app.recommendations.clusters.accept_clusters", { clusters }, null, {
							freeze: true,
						})
						.then((outcome) => {
							dialog.hide();
							frappe.msgprint({
								title: __("Clusters created"),
								indicator: outcome.refused.length ? "orange" : "green",
								message: __("{0} clusters created; {1} recommendations placed in them, {2} refused.", [
									outcome.created.length,
									outcome.changed.length,
									outcome.refused.length,
								]),
							});
							listview.refresh();
						});
				},
			});
			dialog.fields_dict.groups.$wrapper.html(
				`<p class="text-muted small">${__(
					"Grouped by the words their texts share; {0} of the {1} recommendations without a cluster fit no group and are left alone.",
					[answer.left_alone, answer.considered]
				)}</p>${groups}`
			);
			dialog.show();
		});
};
