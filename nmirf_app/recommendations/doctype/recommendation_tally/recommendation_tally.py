# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document

from nmirf_app.recommendations.indexes import add_composite_indexes


class RecommendationTally(Document):
	"""Rows are written by nmirf_app.recommendations.tally only."""


def on_doctype_update():
	add_composite_indexes("Recommendation Tally")
