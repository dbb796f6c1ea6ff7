// "My work": what waits for the signed-in user, with its real deadline and one click to act.
// The items come from nmirf_app.recommendations.my_work.get_my_work (the user's own permissions).
const NMIRF_MY_WORK_SECTIONS = {
	assignments: __("Assignments to answer"),
	returned_updates: __("Progress updates returned to you"),
	contributions: __("Report contributions due"),
	actions: __("Actions due or overdue"),
	follow_up: __("Follow-up deadlines"),
	communications: __("Communications awaiting a reply"),
	decisions: __("Meeting decisions you own"),
	updates_to_validate: __("Progress updates to validate"),
	updates_to_approve: __("Progress updates to approve"),
	contributions_to_review: __("Contributions to review"),
	disputed_assignments: __("Disputed assignments"),
	public_input: __("Public input to moderate"),
};

const NMIRF_MY_WORK_FIRST_ROWS = 10;

frappe.pages["nmirf-my-work"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({ parent: wrapper, title: __("My work"), single_column: true });
	page.set_secondary_action(__("Refresh"), () => nmirf.my_work.load(page));
	page.add_inner_button(__("All recommendations"), () => frappe.set_route("List", "Recommendation"));
	page.add_inner_button(__("My progress updates"), () => frappe.set_route("List", "Progress Update"));
	$(wrapper).find(".layout-main-section").addClass("nmirf-my-work");
	wrapper.nmirf_page = page;
};

frappe.pages["nmirf-my-work"].on_page_show = function (wrapper) {
	nmirf.my_work.load(wrapper.nmirf_page);
};

frappe.provide("nmirf.my_work");

nmirf.my_work.load = function (page) {
	// the list stays on screen while it is read again, so a click never makes the page jump
	const body = $(page.body);
	if (!body.children().length) body.append(`<p class="text-muted">${__("Loading…")}</p>`);
	frappe.call("nmirf_app.recommendations.my_work.get_my_work").then(({ message }) => {
		body.empty();
		nmirf.my_work.render(body, message, page);
	});
};

nmirf.my_work.due_badge = function (due, today) {
	if (!due) return `<span class="indicator-pill gray">${__("No deadline")}</span>`;
	const days = frappe.datetime.get_diff(due, today);
	const date = frappe.datetime.str_to_user(due);
	if (days < -60) return `<span class="indicator-pill red">${__("Overdue since {0}", [date])}</span>`;
	if (days < 0)
		return `<span class="indicator-pill red" title="${date}">${__("Overdue by {0} days", [-days])} · ${date}</span>`;
	if (days === 0) return `<span class="indicator-pill orange">${__("Due today")}</span>`;
	const colour = days <= 7 ? "orange" : "blue";
	return `<span class="indicator-pill ${colour}" title="${date}">${__("Due in {0} days", [days])} · ${date}</span>`;
};

nmirf.my_work.render = function (body, work, page) {
	const e = frappe.utils.escape_html;
	const { total, overdue, due_soon } = work.summary;
	const who = work.institutions.length ? __("For {0}.", [work.institutions.map(e).join(", ")]) : "";
	body.append(
		`<div class="nmirf-my-work-summary mb-4"><p class="h5">${
			total
				? __("{0} things wait for you: {1} overdue, {2} due within a week.", [total, overdue, due_soon])
				: __("Nothing waits for you today.")
		}</p><p class="text-muted">${who}</p></div>`
	);
	Object.entries(work.sections).forEach(([key, section]) => {
		const block = $(`<section class="nmirf-my-work-section mb-5" data-section="${key}">
			<h2 class="h6 text-uppercase text-muted">${NMIRF_MY_WORK_SECTIONS[key] || key} (${section.count})</h2>
			<div class="list-group"></div></section>`).appendTo(body);
		if (section.count > section.items.length)
			block.append(`<p class="text-muted small">${__("The first {0} are shown.", [section.items.length])}</p>`);
		section.items.forEach((item, index) => {
			const hidden = index >= NMIRF_MY_WORK_FIRST_ROWS ? "hidden" : "";
			const row =
				$(`<div class="list-group-item nmirf-work-item ${hidden}"><div class="d-flex flex-wrap align-items-center justify-content-between">
				<div class="mr-3" style="min-width: 0; flex: 1 1 24rem">
					<div>${nmirf.my_work.due_badge(item.due, work.today)}
						<a class="ml-2 font-weight-bold nmirf-work-reference" href="/app/${frappe.router.slug(item.doctype)}/${encodeURIComponent(item.name)}">${e(item.reference)}</a></div>
					<div class="nmirf-work-title">${e(item.title || "")}</div>
					${item.detail ? `<div class="text-muted small">${e(item.detail)}</div>` : ""}
				</div>
				<div class="nmirf-work-actions mt-2 mt-md-0"></div></div></div>`).appendTo(block.find(".list-group"));
			const actions = row.find(".nmirf-work-actions");
			item.actions.forEach((action) => {
				const [label, style] = {
					accept: [__("Accept"), "btn-primary"],
					dispute: [__("Dispute"), "btn-default"],
					new_progress_update: [__("New progress update"), "btn-primary"],
					open: [__("Open"), "btn-default"],
				}[action];
				$(`<button class="btn btn-sm ${style} ml-2">${label}</button>`)
					.appendTo(actions)
					.on("click", () => nmirf.my_work.act(action, item, page));
			});
		});
		// a long section shows its first rows; the rest are one click away
		if (section.items.length > NMIRF_MY_WORK_FIRST_ROWS)
			$(`<button class="btn btn-sm btn-link nmirf-show-all">${__("Show all {0}", [section.items.length])}</button>`)
				.insertAfter(block.find(".list-group"))
				.on("click", function () {
					block.find(".nmirf-work-item").removeClass("hidden");
					$(this).remove();
				});
	});
};

nmirf.my_work.act = function (action, item, page) {
	const reload = () => nmirf.my_work.load(page);
	const respond = (response, reason) =>
		frappe
			.call("nmirf_app.recommendations.assignment.respond_to_assignment", {
				recommendation: item.context.recommendation,
				institution: item.context.institution,
				response,
				reason,
			})
			.then(() => {
				frappe.show_alert({
					message:
						response === "Accepted" ? __("{0} accepted", [item.reference]) : __("{0} disputed", [item.reference]),
					indicator: "green",
				});
				reload();
			});
	if (action === "accept") respond("Accepted");
	else if (action === "dispute")
		frappe.prompt(
			{
				fieldname: "reason",
				fieldtype: "Small Text",
				label: __("Why should {0} not be responsible?", [item.context.institution]),
				reqd: 1,
			},
			({ reason }) => respond("Disputed", reason),
			__("Dispute {0}", [item.reference]),
			__("Dispute")
		);
	else if (action === "new_progress_update") {
		const values = {};
		Object.entries(item.context).forEach(([field, value]) => value && (values[field] = value));
		frappe.new_doc("Progress Update", values);
	} else frappe.set_route("Form", item.doctype, item.name);
};
