# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from nmirf_app.core.focal_points import (
	Term,
	is_term_active,
	overlapping_main_term,
	validate_term_dates,
)
from nmirf_app.utils import ensure_user_has_role

FOCAL_POINT_ROLE = "NMIRF Focal Point"


class FocalPoint(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.nmirf_setup.doctype.focal_point_mechanism.focal_point_mechanism import (
			FocalPointMechanism,
		)
		from nmirf_app.nmirf_setup.doctype.focal_point_theme.focal_point_theme import FocalPointTheme

		active_from: DF.Date
		active_to: DF.Date | None
		capacity: DF.Literal["Technical", "Political"]
		full_name: DF.Data | None
		handover_notes: DF.TextEditor | None
		institution: DF.Link
		is_active: DF.Check
		mechanisms_covered: DF.TableMultiSelect[FocalPointMechanism]
		predecessor: DF.Link | None
		role_type: DF.Literal["Main", "Alternate"]
		themes_covered: DF.TableMultiSelect[FocalPointTheme]
		user: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_term()
		self.validate_single_main_focal_point()
		term = self.as_term()
		self.is_active = int(is_term_active(term.active_from, term.active_to, getdate(nowdate())))

	def on_update(self):
		ensure_user_has_role(self.user, FOCAL_POINT_ROLE)
		if self.predecessor and self.has_value_changed("predecessor"):
			from nmirf_app.recommendations.assignment import hand_over_assignments

			predecessor_user = frappe.db.get_value("Focal Point", self.predecessor, "user")
			if predecessor_user and predecessor_user != self.user:
				hand_over_assignments(predecessor_user, self.user, self.institution)

	def as_term(self) -> Term:
		return Term(
			name=self.name or "",
			institution=self.institution,
			role_type=self.role_type,
			active_from=getdate(self.active_from),
			active_to=getdate(self.active_to) if self.active_to else None,
		)

	def validate_term(self):
		try:
			validate_term_dates(
				getdate(self.active_from), getdate(self.active_to) if self.active_to else None
			)
		except ValueError:
			frappe.throw(
				_("Active to: the term cannot end on {0}, before it starts on {1}.").format(
					frappe.format(self.active_to, "Date"), frappe.format(self.active_from, "Date")
				),
				title=_("Invalid term"),
			)

	def validate_single_main_focal_point(self):
		others = [
			Term(
				row.name,
				row.institution,
				row.role_type,
				getdate(row.active_from),
				getdate(row.active_to) if row.active_to else None,
			)
			for row in frappe.get_all(
				"Focal Point",
				filters={
					"institution": self.institution,
					"role_type": "Main",
					"name": ("!=", self.name or ""),
				},
				fields=["name", "institution", "role_type", "active_from", "active_to"],
			)
		]
		clash = overlapping_main_term(self.as_term(), others)
		if clash:
			frappe.throw(
				_(
					"Main or alternate: {0} already has a main focal point ({1}) in this period. End that term"
					" first (set its 'Active to'), or make this one an alternate."
				).format(self.institution, frappe.utils.get_link_to_form("Focal Point", clash.name)),
				title=_("Main focal point already appointed"),
			)


def refresh_active_flags():
	"""Daily: terms start and end with the calendar, not with an edit."""
	today = getdate(nowdate())
	for row in frappe.get_all("Focal Point", fields=["name", "active_from", "active_to", "is_active"]):
		active_to = getdate(row.active_to) if row.active_to else None
		active = int(is_term_active(getdate(row.active_from), active_to, today))
		if active != row.is_active:
			frappe.db.set_value("Focal Point", row.name, "is_active", active, update_modified=False)
