# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from nmirf_app.core.references import normalise_symbol

# The order a visit goes through; a declined request stops there.
STAGES = ("Requested", "Accepted", "Scheduled", "Conducted", "Report received", "Follow-up")


class SpecialProcedureVisit(Document):
	def validate(self):
		if (
			frappe.db.get_value("Human Rights Mechanism", self.mechanism, "mechanism_type")
			!= "Special Procedure"
		):
			frappe.throw(_("Mandate: {0} is not a special procedure.").format(self.mechanism))
		if self.visit_from and self.visit_to and getdate(self.visit_to) < getdate(self.visit_from):
			frappe.throw(_("Visit to: the visit cannot end before it starts."), title=_("Invalid dates"))
		if self.state_response == "Declined":
			self.status = "Declined"
		needs = {"Scheduled": "visit_from", "Conducted": "visit_from", "Report received": "report_symbol"}
		field = needs.get(self.status)
		if field and not self.get(field):
			frappe.throw(
				_("{0}: required once the visit is {1}.").format(
					_(self.meta.get_label(field)), _(self.status).lower()
				),
				title=_("Missing information"),
			)
		self.report_symbol = normalise_symbol(self.report_symbol) or None
		self.add_report_recommendations()

	def add_report_recommendations(self):
		"""The recommendations of the visit report, once imported, are listed on the visit."""
		if not self.report_symbol:
			return
		known = {row.recommendation for row in self.recommendations}
		for name in frappe.get_all(
			"Recommendation",
			filters={"document_symbol": self.report_symbol},
			pluck="name",
			order_by="name asc",
		):
			if name not in known:
				self.append("recommendations", {"recommendation": name})
