# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from nmirf_app.core.status_rules import Assessment, treaty_body_grade_meaning
from nmirf_app.implementation.status import refresh_recommendation_status
from nmirf_app.utils import rule_message


class ImplementationAssessment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assessed_on: DF.Date
		assessor: DF.Data | None
		assessor_institution: DF.Link | None
		evidence_file: DF.Attach | None
		grade: DF.Literal["", "A", "B", "B1", "B2", "C", "C1", "C2", "D", "D1", "D2", "E"]
		grade_meaning: DF.Data | None
		notes: DF.TextEditor | None
		recommendation: DF.Link
		source_reference: DF.Data | None
		status: DF.Literal["", "Not started", "In progress", "Partially implemented", "Fully implemented"]
		voice: DF.Literal["Government", "NHRI", "Civil society", "Treaty body"]

	# end: auto-generated types
	def validate(self):
		try:
			Assessment(self.voice, getdate(self.assessed_on), self.status or None, self.grade or None)
		except ValueError as error:
			frappe.throw(rule_message(error), title=_("Invalid assessment"))
		self.grade_meaning = treaty_body_grade_meaning(self.grade) if self.grade else None

	def on_update(self):
		refresh_recommendation_status([self.recommendation])

	def after_delete(self):
		refresh_recommendation_status([self.recommendation])
