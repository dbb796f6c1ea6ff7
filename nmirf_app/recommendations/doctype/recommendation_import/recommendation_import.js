// Preview and run imports as background jobs, showing their progress on the form.

frappe.ui.form.on("Recommendation Import", {
	setup(frm) {
		nmirf.listen("nmirf_import_progress", (data) => {
			if (data.import !== frm.doc.name) return;
			const what = data.dry_run ? __("Previewing") : __("Importing");
			frm.dashboard.show_progress(what, 100, __("{0}: {1} rows read", [what, data.rows]));
		});
		nmirf.listen("doc_update", (data) => {
			if (data.doctype === frm.doctype && data.name === frm.doc.name) frm.reload_doc();
		});
	},

	onload(frm) {
		nmirf.default_the_state(frm, "state");
	},

	refresh(frm) {
		frm.dashboard.hide_progress();
		const running = ["Preview queued", "Previewing", "Queued", "Importing"].includes(frm.doc.status);
		if (running) {
			frm.dashboard.set_headline(__("This import is running in the background; the figures appear when it ends."));
			// Realtime updates refresh the form when they arrive; polling covers sites without them.
			clearTimeout(frm.nmirf_poll);
			frm.nmirf_poll = setTimeout(() => frm.reload_doc(), 3000);
		}
		if (frm.doc.outcome && !running) {
			frm.set_intro(frappe.utils.escape_html(frm.doc.outcome), frm.doc.failed ? "orange" : "blue");
		}
		// the server says whether the last preview left anything to import (core.nothing_to_import)
		const nothing_to_import = (frm.doc.__onload || {}).nothing_to_import;
		if (!frm.is_new() && !running) {
			frm.add_custom_button(__("Preview"), () => frm.call("start_preview").then(() => frm.reload_doc()));
		}
		if (!frm.is_new() && !running && !nothing_to_import) {
			frm
				.add_custom_button(__("Import"), () => {
					const message = frm.doc.last_run_was_preview
						? __("Import now? The preview found {0} to create, {1} to update and {2} failing rows.", [
								frm.doc.created,
								frm.doc.updated,
								frm.doc.failed,
							])
						: __("Import without a preview?");
					frappe.confirm(message, () => frm.call("start_import").then(() => frm.reload_doc()));
				})
				.addClass("btn-primary");
		}
		const unmapped = (frm.doc.__onload || {}).unmapped_labels || [];
		if (unmapped.length && !running && frappe.model.can_write("Human Rights Theme")) {
			frm.add_custom_button(__("Map unknown labels ({0})", [unmapped.length]), () => nmirf_map_labels(frm, unmapped));
			frm.dashboard.add_comment(
				__("Labels found in no vocabulary and left out: {0}. Map each to an entry, then import again to apply them.", [
					unmapped.length,
				]),
				"yellow",
				true
			);
		}
		frm.add_custom_button(__("Download template"), () => {
			window.open(
				"/api/method/nmirf_app.recommendations.doctype.recommendation_import.recommendation_import.download_template"
			);
		});
	},
});

// One dialog for every unknown label: choose the entry each one means; each becomes its alias.
function nmirf_map_labels(frm, unmapped) {
	const fields = unmapped.map((item, index) => ({
		fieldname: `entry_${index}`,
		fieldtype: "Link",
		options: item.vocabulary,
		label: item.label,
		description: __("{0}, rows {1}", [__(item.vocabulary), item.rows.slice(0, 8).join(", ")]),
	}));
	const dialog = new frappe.ui.Dialog({
		title: __("Map unknown labels"),
		fields: [
			{
				fieldtype: "HTML",
				options: `<p class="text-muted">${__(
					"Leave a label empty to keep leaving it out. A mapped label reads as its entry in every later import."
				)}</p>`,
			},
			...fields,
		],
		primary_action_label: __("Map"),
		primary_action(values) {
			const mappings = unmapped.map((item, index) => ({
				vocabulary: item.vocabulary,
				label: item.label,
				entry: values[`entry_${index}`],
			}));
			frm.call("map_labels", { mappings }).then((answer) => {
				dialog.hide();
				frappe.show_alert({
					message: __("Labels mapped: {0}. Import again to apply them.", [answer.message]),
					indicator: "green",
				});
				frm.reload_doc();
			});
		},
	});
	dialog.show();
}
