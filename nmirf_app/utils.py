import frappe
from frappe import _

from nmirf_app.core.messages import RuleError


def ensure_user_has_role(user: str, role: str):
	"""Appointing someone (focal point, validator) gives them the role the appointment needs.

	Runs with ignore_permissions: the secretariat appoints people but does not administer users.
	"""
	if role in frappe.get_roles(user):
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.append("roles", {"role": role})
	user_doc.save(ignore_permissions=True)


def rule_message(error: ValueError) -> str:
	"""A domain rule's refusal in the user's language: a RuleError's template translated and filled
	(the templates are in main.pot), any other ValueError as it reads."""
	if isinstance(error, RuleError):
		return _(error.template).format(*error.values)
	return str(error)


def as_user(user: str, function, *args, **kwargs):
	"""Runs `function` as `user`, then comes back to whoever ran it, as FrappeTestCase.set_user does,
	and outside a test case too (the demo loader and tests act as the people of a workflow in turn)."""
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		return function(*args, **kwargs)
	finally:
		frappe.set_user(previous)


def hide_tracebacks_from_guests():
	"""before_request hook: a visitor who is not signed in never sees a Python traceback, whatever
	System Settings → "Allow Error Traceback" says for the staff (who also find them in Error Log).
	Frappe reads that setting in several places, through frappe.get_system_settings, which keeps
	the settings for the request in frappe.local: this request's copy says no."""
	if frappe.session.user != "Guest":
		return
	frappe.flags.disable_traceback = True
	if frappe.get_system_settings("allow_error_traceback"):
		settings = frappe._dict(frappe.local.system_settings.as_dict())
		settings.allow_error_traceback = 0
		frappe.local.system_settings = settings


def as_date(value):
	"""A date field's value as a date, or None when empty (getdate would give today)."""
	return frappe.utils.getdate(value) if value else None


def close_todo(name: str, status: str = "Closed") -> frappe._dict | None:
	"""Closes (or cancels) an open ToDo through its own save, so Frappe's bookkeeping follows: the
	document's "Assigned To" drops the person and the timeline says the assignment ended. Returns
	the ToDo when it was open. Part of the step of whoever answers or reassigns, whatever their
	right to others' ToDos."""
	todo = frappe.get_doc("ToDo", name) if frappe.db.exists("ToDo", name) else None
	if not todo or todo.status != "Open":
		return None
	todo.status = status
	todo.save(ignore_permissions=True)
	return todo


def insert_rows(doctype: str, rows: list[dict], on_duplicate_key_update: str = ""):
	"""One multi-row INSERT of the rows (valid dicts of the DocType: the same columns each), with
	an ON DUPLICATE KEY UPDATE clause when given (the caller's own SQL, never a user's value)."""
	if not rows:
		return
	columns = list(rows[0])
	# SQL text, not frappe.db.bulk_insert or frappe.qb: they build a query-builder term per value,
	# three times slower (800 rows of 11 columns: 61 ms against 22; the tally's 800 rows of 12: 125
	# against 37), seconds of a 5,000-row import
	frappe.db.sql(
		f"""insert into `tab{doctype}` ({", ".join(f"`{column}`" for column in columns)})
		values {", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))}
		{f"on duplicate key update {on_duplicate_key_update}" if on_duplicate_key_update else ""}""",
		[row[column] for row in rows for column in columns],
	)
