"""Columns shared by the script reports."""

from frappe import _


def column(
	fieldname: str, label: str, fieldtype: str = "Data", *, options: str | None = None, width: int = 120
) -> dict:
	"""One column of a script report (label already translated)."""
	spec = {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width}
	if options:
		spec["options"] = options
	return spec


def record_columns(type_width: int = 120) -> list[dict]:
	"""The kind of record and the record itself, for reports that list several kinds. The kind is
	Data, not a Link to DocType: the report's permission filter would demand read access to DocType
	itself, which only the Administrator has."""
	return [
		column("reference_doctype", _("Type"), width=type_width),
		column("document", _("Record"), "Dynamic Link", options="reference_doctype", width=170),
	]
