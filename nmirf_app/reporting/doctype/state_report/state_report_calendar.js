// Calendar of report deadlines.
frappe.views.calendar["State Report"] = {
	field_map: { start: "due_on", end: "due_on", id: "name", title: "title", allDay: "allDay" },
	filters: [{ fieldtype: "Link", fieldname: "mechanism", options: "Human Rights Mechanism", label: __("Mechanism") }],
	get_events_method: "frappe.desk.calendar.get_events",
};
