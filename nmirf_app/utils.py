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
