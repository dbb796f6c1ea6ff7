// Calendar and Gantt views of actions: bars from start to end, coloured by progress.
frappe.views.calendar["Implementation Action"] = {
	field_map: {
		start: "start_date",
		end: "end_date",
		id: "name",
		title: "action_title",
		progress: "progress_percent",
		allDay: "allDay",
	},
	gantt: true,
	filters: [
		{ fieldtype: "Link", fieldname: "lead_institution", options: "Institution", label: __("Lead institution") },
		{ fieldtype: "Link", fieldname: "implementation_plan", options: "Implementation Plan", label: __("Plan") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
