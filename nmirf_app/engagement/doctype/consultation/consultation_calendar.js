// Consultations on the calendar, to be planned well before the reporting deadlines.
frappe.views.calendar["Consultation"] = {
	field_map: { start: "consultation_date", end: "end_date", id: "name", title: "title", allDay: "allDay" },
	filters: [{ fieldtype: "Link", fieldname: "state_report", options: "State Report", label: __("Report") }],
	get_events_method: "frappe.desk.calendar.get_events",
};
