frappe.ready(function () {
	// a recommendation page links here with ?recommendation=REF; the field shows it, read-only

	// Frappe's web form does not tie its labels to their controls: give each control its label as
	// accessible name, so a screen reader says what to type (WCAG 2.1, 4.1.2; issue #7).
	document.querySelectorAll(".web-form .frappe-control").forEach((control) => {
		const label = control.querySelector("label.control-label");
		const input = control.querySelector("input, select, textarea");
		if (label && input && !input.getAttribute("aria-label")) {
			input.setAttribute("aria-label", label.innerText.trim());
		}
	});
});
