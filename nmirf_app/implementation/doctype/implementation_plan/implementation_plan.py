# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate


class ImplementationPlan(Document):
	def validate(self):
		if getdate(self.period_to) < getdate(self.period_from):
			frappe.throw(_("Period to: the plan cannot end before it starts."), title=_("Invalid period"))
