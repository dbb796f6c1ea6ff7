// The list, and the Gantt view built on it, read each action's dates and progress: without them
// every Gantt bar is an undated placeholder.
frappe.listview_settings["Implementation Action"] = {
	add_fields: ["action_title", "start_date", "end_date", "progress_percent", "status"],
	get_indicator(doc) {
		const colours = {
			Planned: "blue",
			"In progress": "orange",
			Completed: "green",
			"On hold": "gray",
			Cancelled: "red",
		};
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
