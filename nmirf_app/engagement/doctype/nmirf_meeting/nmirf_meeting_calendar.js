frappe.views.calendar["NMIRF Meeting"] = {
	field_map: { start: "meeting_date", end: "meeting_date", id: "name", title: "title", allDay: "allDay" },
	get_events_method: "frappe.desk.calendar.get_events",
};
