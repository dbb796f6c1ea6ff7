"""Columns shared by the script reports."""

from frappe import _


def record_columns(type_width: int = 120) -> list[dict]:
	"""The kind of record and the record itself, for reports that list several kinds. The kind is
	Data, not a Link to DocType: the report's permission filter would demand read access to DocType
	itself, which only the Administrator has."""
	return [
		{"fieldname": "reference_doctype", "label": _("Type"), "fieldtype": "Data", "width": type_width},
		{
			"fieldname": "document",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 170,
		},
	]
