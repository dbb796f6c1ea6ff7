// Values over time as a line chart, with the baseline and target for reference.
frappe.ui.form.on("Indicator", {
	refresh(frm) {
		const wrapper = frm.get_field("values_chart").$wrapper.empty();
		const values = (frm.doc.indicator_values || []).filter((row) => row.measured_on);
		if (!values.length) return;
		const datasets = [{ name: __("Value"), values: values.map((row) => row.value) }];
		if (frm.doc.target_value !== null && frm.doc.target_value !== undefined) {
			datasets.push({ name: __("Target"), values: values.map(() => frm.doc.target_value) });
		}
		new frappe.Chart(wrapper[0], {
			type: "line",
			height: 220,
			data: { labels: values.map((row) => frappe.datetime.str_to_user(row.measured_on)), datasets },
		});
	},
});
