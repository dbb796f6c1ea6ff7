# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from nmirf_app.recommendations.indexes import add_composite_indexes


class RecommendationTally(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		implementation_status: DF.Data | None
		mechanism: DF.Data | None
		published: DF.Check
		recommendations: DF.Int
		tag: DF.Data | None
		tag_type: DF.Data | None
		upr_cycle: DF.Int
	# end: auto-generated types
	"""Rows are written by nmirf_app.recommendations.tally alone: a row added, changed or deleted by
	hand would make every whole-State figure wrong until the next count."""

	def validate(self):
		self.refuse_change()

	def on_trash(self):
		self.refuse_change()

	def refuse_change(self):
		frappe.throw(
			_(
				"The Recommendation Tally is counted by the app from the recommendations; change those instead."
			),
			frappe.PermissionError,
			title=_("Counted by the app"),
		)


def on_doctype_update():
	add_composite_indexes("Recommendation Tally")
