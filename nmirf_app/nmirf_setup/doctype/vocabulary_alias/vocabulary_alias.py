# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class VocabularyAlias(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		alias: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		vocabulary_version: DF.Data | None
	# end: auto-generated types
	pass
