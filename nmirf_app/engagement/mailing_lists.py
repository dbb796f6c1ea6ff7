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
	emails = dict(
		frappe.get_all(
			"Institution", filters={"name": ("in", names or [""])}, fields=["name", "email"], as_list=True
		)
	)
	already = set(frappe.get_all("Email Group Member", filters={"email_group": email_group}, pluck="email"))
	outcome = {"added": 0, "already": 0, "without_email": []}
	for institution in names or []:
		email = (emails.get(institution) or "").strip()
		if not email:
			outcome["without_email"].append(institution)
		elif email in already:
			outcome["already"] += 1
		else:
			frappe.get_doc(
				{"doctype": "Email Group Member", "email_group": email_group, "email": email}
			).insert()
			already.add(email)
			outcome["added"] += 1
	if outcome["added"]:
		frappe.get_doc("Email Group", email_group).update_total_subscribers()
	return outcome
