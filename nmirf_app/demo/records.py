"""How every demo loader writes: a record is looked up by its natural key first, so that loading
the demo twice changes nothing."""

import frappe


def insert_once(doctype: str, key: str | dict, values: dict) -> bool:
	"""Inserts the record unless one matching `key` (its name, or filters) exists; True if inserted."""
	if frappe.db.exists(doctype, key):
		return False
	frappe.get_doc({"doctype": doctype, **values}).insert()
	return True
