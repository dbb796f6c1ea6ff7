# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class StateReportCompilation(Document):
	"""One compilation of a State Report, kept: recompiling never replaces an earlier draft."""
