"""How every demo loader writes: a record is looked up by its natural key first, so that loading
the demo twice changes nothing."""

from collections.abc import Callable, Sequence

import frappe


def insert_once(doctype: str, key: str | dict, values: dict) -> bool:
	"""Inserts the record unless one matching `key` (its name, or filters) exists; True if inserted."""
	if frappe.db.exists(doctype, key):
		return False
	frappe.get_doc({"doctype": doctype, **values}).insert()
	return True


def insert_each(doctype: str, records: Sequence, key: Callable, values: Callable) -> int:
	"""insert_once for each demo record: `key(record)` finds it, `values(record)` makes it; the
	number of records."""
	for record in records:
		insert_once(doctype, key(record), values(record))
	return len(records)
