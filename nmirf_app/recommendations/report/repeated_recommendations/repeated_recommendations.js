// Each request the mechanisms made several times, by its latest recommendation (the secretariat
// marks repeats from a recommendation's Similar recommendations panel).
frappe.query_reports["Repeated Recommendations"] = {
	filters: nmirf.recommendation_report_filters(),
};
