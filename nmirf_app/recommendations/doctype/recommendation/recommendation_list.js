// Colour each recommendation by its implementation status in the list view.
const NMIRF_STATUS_COLOURS = {
	"Not assessed": "gray",
	"Not started": "red",
	"In progress": "orange",
	"Partially implemented": "yellow",
	"Fully implemented": "green",
};

frappe.listview_settings["Recommendation"] = {
	add_fields: ["implementation_status", "mechanism", "lead_institution"],
	get_indicator(doc) {
		const status = doc.implementation_status || "Not assessed";
		return [__(status), NMIRF_STATUS_COLOURS[status] || "gray", `implementation_status,=,${status}`];
	},
};
