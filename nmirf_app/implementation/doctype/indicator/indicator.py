# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

from frappe.model.document import Document
from frappe.utils import getdate


class Indicator(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.implementation.doctype.indicator_value.indicator_value import IndicatorValue

		baseline_value: DF.Float
		baseline_year: DF.Int
		data_source: DF.Data | None
		disaggregation: DF.SmallText | None
		implementation_action: DF.Link | None
		indicator_name: DF.Data
		indicator_type: DF.Literal["Structural", "Process", "Outcome"]
		indicator_values: DF.Table[IndicatorValue]
		latest_value: DF.Float
		latest_value_on: DF.Date | None
		recommendation: DF.Link | None
		responsible_institution: DF.Link | None
		sdg_indicator: DF.Data | None
		sdg_target: DF.Link | None
		target_value: DF.Float
		target_year: DF.Int
		unit: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.indicator_values.sort(key=lambda row: getdate(row.measured_on))
		for index, row in enumerate(self.indicator_values, start=1):
			row.idx = index
		latest = self.indicator_values[-1] if self.indicator_values else None
		self.latest_value = latest.value if latest else None
		self.latest_value_on = latest.measured_on if latest else None
