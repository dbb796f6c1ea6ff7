// The reporting calendar: the next report due to each mechanism.
frappe.views.calendar["Reporting Obligation"] = {
	field_map: { start: "next_due_on", end: "next_due_on", id: "name", title: "mechanism_title", allDay: "allDay" },
	get_events_method: "frappe.desk.calendar.get_events",
};
