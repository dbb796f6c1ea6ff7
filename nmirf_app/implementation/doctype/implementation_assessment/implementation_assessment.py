# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from nmirf_app.core.status_rules import Assessment, treaty_body_grade_meaning
from nmirf_app.implementation.status import refresh_recommendation_status


class ImplementationAssessment(Document):
	def validate(self):
		try:
			Assessment(self.voice, getdate(self.assessed_on), self.status or None, self.grade or None)
		except ValueError as error:
			frappe.throw(_(str(error)), title=_("Invalid assessment"))
		self.grade_meaning = treaty_body_grade_meaning(self.grade) if self.grade else None

	def on_update(self):
		refresh_recommendation_status([self.recommendation])

	def after_delete(self):
		refresh_recommendation_status([self.recommendation])
