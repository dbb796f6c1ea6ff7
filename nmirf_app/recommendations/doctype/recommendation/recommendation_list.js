// Colour each recommendation by its implementation status; export the matrix with the list's filters.
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

	onload(listview) {
		listview.page.add_menu_item(__("Export implementation matrix"), () => {
			const filters = JSON.stringify(listview.get_filters_for_args());
			window.open(
				"/api/method/nmirf_app.recommendations.implementation_matrix.export_implementation_matrix?filters=" +
					encodeURIComponent(filters)
			);
		});
	},
};
