// A new recommendation is addressed to the State in NMIRF Settings. Focal points answer their institution's assignment here.
frappe.ui.form.on("Recommendation", {
	onload(frm) {
		nmirf.default_the_state(frm, "state_under_review");
	},

	refresh(frm) {
		if (frm.is_new()) return;
		nmirf.add_recommendation_work_buttons(frm);
		nmirf.show_implementation_history(frm);
		nmirf.show_classification(frm);
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
	frm.add_custom_button(__("Actions", null, "Implementation actions"), () =>
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

// Assisted classification: suggested tags (a person accepts or rejects each) and the similar
// recommendations of other cycles and mechanisms (the secretariat marks repeats). Both rest only
// on recommendations the reader may open; the panel says what the suggestions come from.
nmirf.show_classification = function (frm) {
	const esc = frappe.utils.escape_html;
	const percent = (score) => `${Math.round(score * 100)} %`;
	const link = (name, text) => `<a href="/app/recommendation/${encodeURIComponent(name)}">${esc(text || name)}</a>`;
	const replace_section = (marker, body, label) => {
		frm.dashboard.parent.find(`.${marker}`).closest(".form-dashboard-section").remove();
		frm.dashboard.add_section(`<div class="${marker}">${body}</div>`, label, "custom");
		frm.dashboard.show();
		return frm.dashboard.parent.find(`.${marker}`);
	};
	const kind_labels = {
		themes: __("Themes"),
		affected_groups: __("Affected groups"),
		sdg_targets: __("SDG targets"),
		sdg_goals: __("SDG goals (from the targets)"),
	};

	frappe
		.xcall("nmirf_app.recommendations.classification.get_suggestions", { recommendation: frm.doc.name })
		.then((answer) => {
			if (!answer || frm.is_new()) return;
			const basis = answer.basis;
			const from = basis.learned
				? __("{0} recommendations of this site and {1} of a UHRI export", [basis.recommendations, basis.learned])
				: __("{0} recommendations of this site", [basis.recommendations]);
			const intro = `<p class="text-muted small nmirf-suggestions-basis">${__(
				"Suggested by comparing this text with {0} and the tags people gave them (the vocabularies' own labels too). Nothing is tagged until a person accepts; every decision is kept.",
				[from]
			)}</p>`;
			const kinds = Object.entries(answer.kinds)
				.filter(([, items]) => items.length)
				.map(([kind, items]) => {
					const rows = items
						.map((item) => {
							const buttons =
								answer.can_accept && kind !== "sdg_goals"
									? `<button class="btn btn-xs btn-primary nmirf-accept">${__("Accept")}</button>
									   <button class="btn btn-xs btn-default nmirf-reject">${__("Reject")}</button>`
									: "";
							const like = item.supporting.length
								? `<span class="text-muted small">${__("like {0}", [
										item.supporting.map((row) => link(row.name)).join(", "),
									])}</span>`
								: item.from_export
									? `<span class="text-muted small">${__("like {0} recommendations of the UHRI export", [
											item.from_export,
										])}</span>`
									: `<span class="text-muted small">${__("from the label's own words")}</span>`;
							return `<li class="nmirf-suggestion" data-kind="${esc(kind)}" data-tag="${esc(item.name)}"
								data-score="${item.score}" data-supporting="${esc(JSON.stringify(item.supporting.map((row) => row.name)))}">
								<span class="indicator-pill ${item.score >= 0.5 ? "blue" : "gray"}">${percent(item.score)}</span>
								<strong>${esc(item.label)}</strong> ${like} ${buttons}</li>`;
						})
						.join("");
					return `<p class="small"><b>${kind_labels[kind]}</b></p><ul class="list-unstyled">${rows}</ul>`;
				})
				.join("");
			const body = intro + (kinds || `<p class="text-muted">${__("No suggestion beyond the tags it has.")}</p>`);
			const section = replace_section("nmirf-suggestions", body, __("Suggested tags"));
			section.on("click", ".nmirf-accept, .nmirf-reject", (event) => {
				const item = $(event.currentTarget).closest(".nmirf-suggestion");
				const accept = $(event.currentTarget).hasClass("nmirf-accept");
				frappe
					.xcall(`nmirf_app.recommendations.classification.${accept ? "accept" : "reject"}_suggestion`, {
						recommendation: frm.doc.name,
						kind: item.data("kind"),
						tag: item.data("tag"),
						score: item.data("score"),
						supporting: JSON.stringify(item.data("supporting") || []),
					})
					.then(() => {
						frappe.show_alert({
							message: accept
								? __("{0} added", [item.find("strong").text()])
								: __("{0} will not be suggested again here", [item.find("strong").text()]),
							indicator: accept ? "green" : "gray",
						});
						frm.reload_doc();
					});
			});
		});

	frappe
		.xcall("nmirf_app.recommendations.classification.get_similar", { recommendation: frm.doc.name })
		.then((rows) => {
			if (!rows || frm.is_new()) return;
			const may_mark = Boolean(frm.perm[1] && frm.perm[1].write);
			const lines = rows
				.map((row) => {
					const when = row.upr_cycle ? __("UPR cycle {0}", [row.upr_cycle]) : row.year || "";
					const progress = row.latest_progress
						? __("latest approved report: {0} ({1})", [
								esc(__(row.latest_progress.status)),
								esc(frappe.datetime.str_to_user(row.latest_progress.on)),
							])
						: __("no approved report");
					const button = !may_mark
						? ""
						: row.marked
							? `<button class="btn btn-xs btn-default nmirf-unmark">${__("Marked as repeated · undo")}</button>`
							: `<button class="btn btn-xs btn-default nmirf-mark">${__("Mark as a repeat of this")}</button>`;
					return `<li class="nmirf-similar" data-name="${esc(row.name)}" data-score="${row.score}">
						<span class="indicator-pill gray">${percent(row.score)}</span>
						${link(row.name)} — ${esc(row.title || "")}
						<div class="text-muted small">${esc(row.mechanism || "")} · ${esc(String(when))}${
							row.position ? " · " + esc(__(row.position)) : ""
						} · ${esc(__(row.implementation_status))} · ${progress} ${button}</div></li>`;
				})
				.join("");
			const body = lines
				? `<p class="text-muted small">${__(
						"Recommendations of other cycles and mechanisms whose text asks much the same, most similar first."
					)}</p><ul class="list-unstyled">${lines}</ul>`
				: `<p class="text-muted">${__("No similar recommendation.")}</p>`;
			const section = replace_section("nmirf-similar-list", body, __("Similar recommendations"));
			section.on("click", ".nmirf-mark, .nmirf-unmark", (event) => {
				const item = $(event.currentTarget).closest(".nmirf-similar");
				const mark = $(event.currentTarget).hasClass("nmirf-mark");
				frappe
					.xcall(`nmirf_app.recommendations.classification.${mark ? "mark_as_repeat" : "unmark_repeat"}`, {
						recommendation: frm.doc.name,
						repeats: item.data("name"),
						similarity: item.data("score"),
					})
					.then(() => frm.reload_doc());
			});
		});
};
