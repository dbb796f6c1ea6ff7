# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class SDGTarget(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		sdg_goal: DF.Link
		short_title: DF.Data
		target_code: DF.Data
		title: DF.SmallText | None
	# end: auto-generated types
	pass
