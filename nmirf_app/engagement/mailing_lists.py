"""Mailing lists of CSOs, the NHRI and other partners, by topic: Frappe's Email Groups (one per
topic, named by the secretariat), filled from the institutions' e-mail addresses. Invitations and
minutes go to them as newsletters (see Consultation)."""

import frappe


@frappe.whitelist()
def add_to_mailing_list(email_group: str, institutions) -> dict:
	"""Add the institutions' e-mail addresses to a mailing list; returns what was done."""
	frappe.has_permission("Email Group Member", "create", throw=True)
	frappe.get_doc("Email Group", email_group).check_permission("read")
	names = frappe.parse_json(institutions) if isinstance(institutions, str) else institutions
	outcome = {"added": 0, "already": 0, "without_email": []}
	for institution in names or []:
		email = (frappe.db.get_value("Institution", institution, "email") or "").strip()
		if not email:
			outcome["without_email"].append(institution)
			continue
		if frappe.db.exists("Email Group Member", {"email_group": email_group, "email": email}):
			outcome["already"] += 1
			continue
		frappe.get_doc({"doctype": "Email Group Member", "email_group": email_group, "email": email}).insert()
		outcome["added"] += 1
	if outcome["added"]:
		frappe.get_doc("Email Group", email_group).update_total_subscribers()
	return outcome
