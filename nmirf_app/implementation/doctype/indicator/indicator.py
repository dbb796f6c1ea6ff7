# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document
from frappe.utils import getdate


class Indicator(Document):
	def validate(self):
		self.indicator_values.sort(key=lambda row: getdate(row.measured_on))
		for index, row in enumerate(self.indicator_values, start=1):
			row.idx = index
		latest = self.indicator_values[-1] if self.indicator_values else None
		self.latest_value = latest.value if latest else None
		self.latest_value_on = latest.measured_on if latest else None
