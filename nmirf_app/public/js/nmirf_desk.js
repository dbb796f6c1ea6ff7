// Desk helpers shared by the app's forms.
frappe.provide("nmirf");

// Some workflow steps need a reason the server insists on (a return, a published decision): ask
// for it before the action runs, save it, then let the action go on. Use from a form's
// before_workflow_action.
nmirf.ask_reason = function (frm, { actions, field, label, title, button, keep_existing = false }) {
	if (!actions.includes(frm.selected_workflow_action)) return;
	if (keep_existing && (frm.doc[field] || "").trim()) return;
	return new Promise((resolve, reject) => {
		frappe.dom.unfreeze();
		frappe.prompt(
			{ fieldname: "reason", fieldtype: "Small Text", label, reqd: 1 },
			({ reason }) => {
				frm.set_value(field, reason);
				frm.save().then(resolve, reject);
			},
			title,
			button
		);
	});
};

// The desk pre-fills Country links with the system's default country; a new NMIRF form means the
// State in NMIRF Settings.
nmirf.default_the_state = function (frm, fieldname) {
	if (!frm.is_new()) return;
	frappe.db.get_single_value("NMIRF Settings", "state").then((state) => {
		if (state) frm.set_value(fieldname, state);
	});
};

// One listener per realtime event for the app's forms: a form set up again (another document, the
// same one reopened) replaces its listener instead of adding one more.
nmirf.listen = function (event, handler) {
	nmirf.listeners = nmirf.listeners || {};
	if (nmirf.listeners[event]) frappe.realtime.off(event, nmirf.listeners[event]);
	nmirf.listeners[event] = handler;
	frappe.realtime.on(event, handler);
};

nmirf.ask_return_reason = (frm) =>
	nmirf.ask_reason(frm, {
		actions: ["Return"],
		field: "return_reason",
		label: __("Reason for return"),
		title: __("Return to the institution"),
		button: __("Return"),
	});

// The filters every recommendation report offers; the server reads them in
// nmirf_app/recommendations/report_filters.py.
nmirf.recommendation_report_filters = function (extra = []) {
	return [
		{ fieldname: "mechanism", label: __("Mechanism"), fieldtype: "Link", options: "Human Rights Mechanism" },
		{ fieldname: "upr_cycle", label: __("UPR cycle"), fieldtype: "Int" },
		{ fieldname: "document_symbol", label: __("Document symbol"), fieldtype: "Data" },
		{ fieldname: "theme", label: __("Theme"), fieldtype: "Link", options: "Human Rights Theme" },
		{ fieldname: "affected_group", label: __("Affected group"), fieldtype: "Link", options: "Affected Group" },
		{ fieldname: "sdg_goal", label: __("SDG"), fieldtype: "Link", options: "SDG Goal" },
		{ fieldname: "institution", label: __("Institution"), fieldtype: "Link", options: "Institution" },
		{ fieldname: "cluster", label: __("Cluster"), fieldtype: "Link", options: "Recommendation Cluster" },
		{
			fieldname: "position",
			label: __("Position"),
			fieldtype: "Select",
			options: ["", "Supported", "Noted", "Supported in part"],
		},
		{ fieldname: "from_date", label: __("Document from"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("Document until"), fieldtype: "Date" },
		...extra,
	];
};

// A focal point's or validator's desk opens on "My work": what waits for them, not a dashboard.
$(document).on("app_ready", () => {
	const at_desk_home = ["/app", "/app/"].includes(window.location.pathname);
	const is_institution_user =
		frappe.user.has_role(["NMIRF Focal Point", "NMIRF Institution Validator"]) &&
		!frappe.user.has_role(["NMIRF Secretariat", "System Manager"]);
	if (at_desk_home && is_institution_user) frappe.set_route("nmirf-my-work");
});

// In a right-to-left desk (Arabic), what people wrote in English takes its own direction, as
// dir="auto" gives it: a title cut short loses its end, not its beginning, and its full stop stays
// at its end. Frappe draws titles, list rows and fields again and again: each is marked as it appears.
nmirf.OWN_DIRECTION = [
	".page-title .title-text",
	".list-subject .level-item.ellipsis",
	".list-subject a.ellipsis",
	".list-row-col .ellipsis",
	".frappe-control textarea",
	".frappe-control input[type='text']",
	".frappe-control .control-value",
	".ql-editor",
].join(", ");

nmirf.give_own_direction = function (root) {
	if (root.matches && root.matches(nmirf.OWN_DIRECTION)) root.setAttribute("dir", "auto");
	if (root.querySelectorAll) root.querySelectorAll(nmirf.OWN_DIRECTION).forEach((el) => el.setAttribute("dir", "auto"));
};

$(() => {
	if (document.documentElement.dir !== "rtl") return;
	new MutationObserver((changes) => {
		for (const change of changes)
			change.addedNodes.forEach((node) => node.nodeType === 1 && nmirf.give_own_direction(node));
	}).observe(document.body, { childList: true, subtree: true });
	nmirf.give_own_direction(document.body);
});
