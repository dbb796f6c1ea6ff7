import frappe


def ensure_user_has_role(user: str, role: str):
	"""Appointing someone (focal point, validator) gives them the role the appointment needs.

	Runs with ignore_permissions: the secretariat appoints people but does not administer users.
	"""
	if role in frappe.get_roles(user):
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.append("roles", {"role": role})
	user_doc.save(ignore_permissions=True)


def as_user(user: str, function, *args, **kwargs):
	"""Runs `function` as `user`, then comes back to Administrator (the demo loader and tests act as
	the people of a workflow in turn)."""
	frappe.set_user(user)
	try:
		return function(*args, **kwargs)
	finally:
		frappe.set_user("Administrator")
