frappe.ready(function () {
	// a recommendation page links here with ?recommendation=REF; the field shows it, read-only
});
