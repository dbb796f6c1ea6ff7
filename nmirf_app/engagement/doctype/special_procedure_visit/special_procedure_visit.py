# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from nmirf_app.core.engagement import visit_dates_reversed, visit_missing_field, visit_stage
from nmirf_app.core.references import normalise_symbol


class SpecialProcedureVisit(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.engagement.doctype.visit_recommendation.visit_recommendation import VisitRecommendation

		follow_up: DF.TextEditor | None
		mechanism: DF.Link
		programme: DF.TextEditor | None
		recommendations: DF.TableMultiSelect[VisitRecommendation]
		report_date: DF.Date | None
		report_symbol: DF.Data | None
		request_date: DF.Date
		response_date: DF.Date | None
		state_response: DF.Literal["", "Accepted", "Declined", "Postponed"]
		status: DF.Literal[
			"Requested", "Accepted", "Scheduled", "Conducted", "Report received", "Follow-up", "Declined"
		]
		visit_from: DF.Date | None
		visit_to: DF.Date | None

	# end: auto-generated types
	def validate(self):
		if (
			frappe.db.get_value("Human Rights Mechanism", self.mechanism, "mechanism_type")
			!= "Special Procedure"
		):
			frappe.throw(_("Mandate: {0} is not a special procedure.").format(self.mechanism))
		visit_from, visit_to = (getdate(day) if day else None for day in (self.visit_from, self.visit_to))
		if visit_dates_reversed(visit_from, visit_to):
			frappe.throw(_("Visit to: the visit cannot end before it starts."), title=_("Invalid dates"))
		self.status = visit_stage(self.status, self.state_response)
		if field := visit_missing_field(self.status, self.as_dict()):
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
