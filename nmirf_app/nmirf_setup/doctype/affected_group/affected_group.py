# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class AffectedGroup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.nmirf_setup.doctype.vocabulary_alias.vocabulary_alias import VocabularyAlias

		aliases: DF.Table[VocabularyAlias]
		description: DF.SmallText | None
		is_active: DF.Check
		label: DF.Data
		parent_group: DF.Link | None
		vocabulary_version: DF.Data | None
	# end: auto-generated types
	pass
