// The public form (issue #15). Frappe renders this file as a Jinja template with the page's context
// (submit_input.py): double braces are the server's, and only for values it puts there as JSON.
const SENT_MESSAGE = {{ nmirf_sent_message | tojson }};

// Frappe's controls copy each value into a display area with jQuery's .html() (formatted as HTML
// for Text and Select fields), even while the field is being typed in: markup typed or brought by a
// link ran as script. On this form every value is shown as text. frappe.init_client_script runs once
// the controls exist and before Frappe fills them from the link, so no value is ever seen as HTML.
frappe.init_client_script = () => {
	Object.values(frappe.web_form.fields_dict).forEach((control) => {
		control.set_disp_area = function (value) {
			if (!this.disp_area) return;
			const shown = this.value ?? value ?? "";
			this.disp_area.textContent = this.df.fieldtype === "Select" ? __(shown) : String(shown);
		};
	});

	// once sent, the sender is given the reference of their input, to quote when they ask about it
	const show_success = frappe.web_form.handle_success.bind(frappe.web_form);
	frappe.web_form.handle_success = (data) => {
		show_success(data);
		if (!data || !data.name) return;
		const line = document.createElement("p");
		line.className = "nmirf-reference";
		line.textContent = SENT_MESSAGE.replace("{0}", data.name).replace("{1}", data.email || "");
		document.querySelector(".success-message")?.after(line);
	};
};

frappe.ready(function () {
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
