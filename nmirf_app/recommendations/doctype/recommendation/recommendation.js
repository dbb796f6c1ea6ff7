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
		nmirf.show_implementation_history(frm);
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

// Where the recommendation stands, in a glance: the latest approved report, then what was planned,
// reported and assessed, latest first (only what the reader may open).
nmirf.show_implementation_history = function (frm) {
	frappe
		.xcall("nmirf_app.recommendations.history.get_implementation_history", { recommendation: frm.doc.name })
		.then((history) => {
			if (frm.doc.name !== history.recommendation) return; // the form moved on meanwhile
			const esc = frappe.utils.escape_html;
			const day = (value) => esc(frappe.datetime.str_to_user(value));
			const link = (entry, text) =>
				`<a href="/app/${frappe.router.slug(entry.doctype)}/${encodeURIComponent(entry.name)}">${text}</a>`;
			const sentence = (entry) => {
				if (entry.kind === "update")
					return __("{0} reported {1}", [esc(entry.who || __("An institution")), esc(__(entry.status))]);
				if (entry.kind === "assessment") {
					const said = __("{0} assessment: {1}", [esc(__(entry.who)), esc(__(entry.status || __("no status")))]);
					return entry.grade ? `${said} (${esc(__("grade {0}", [entry.grade]))})` : said;
				}
				const planned = __("Action planned: {0} ({1})", [esc(entry.title), esc(__(entry.status))]);
				return entry.until
					? `${planned}, ${esc(__("until {0}", [frappe.datetime.str_to_user(entry.until)]))}`
					: planned;
			};
			const pill = (entry) =>
				entry.state
					? ` <span class="indicator-pill ${entry.state === "Approved" ? "green" : "gray"}">${esc(__(entry.state))}</span>`
					: "";
			const latest = history.latest_approved
				? __("Latest approved report: {0}, {1}, by {2}.", [
						esc(__(history.latest_approved.status)),
						day(history.latest_approved.on),
						esc(history.latest_approved.who),
					])
				: __("No approved progress report yet.");
			const rows = history.entries
				.map(
					(entry) =>
						`<li class="nmirf-history-entry" data-kind="${entry.kind}"><span class="text-muted">${day(entry.on)}</span> · ${link(entry, sentence(entry))}${pill(entry)}</li>`
				)
				.join("");
			const earlier = history.earlier
				? `<p class="text-muted small">${__("{0} earlier entries: see Connections below.", [history.earlier])}</p>`
				: "";
			const body = `<div class="nmirf-history"><p class="nmirf-history-latest">${latest}</p>${
				rows
					? `<ul class="list-unstyled">${rows}</ul>`
					: `<p class="text-muted">${__("Nothing planned, reported or assessed yet.")}</p>`
			}${earlier}</div>`;
			// one section, however many refreshes answered meanwhile; "custom" sections go at the next refresh
			frm.dashboard.parent.find(".nmirf-history").closest(".form-dashboard-section").remove();
			frm.dashboard.add_section(body, __("Implementation history"), "custom");
			frm.dashboard.show();
		});
};
