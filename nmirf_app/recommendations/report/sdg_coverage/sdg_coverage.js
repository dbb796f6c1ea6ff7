frappe.query_reports["SDG Coverage"] = {
	filters: nmirf.recommendation_report_filters([
		{ fieldname: "include_untouched", label: __("Include targets no recommendation touches"), fieldtype: "Check" },
	]),
};
