# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.desk.form.assign_to import notify_assignment
from frappe.model.document import Document

from nmirf_app.engagement.files import require_private_file


class NMIRFMeeting(Document):
	def validate(self):
		require_private_file(self.minutes_file, _("Minutes (file)"))
		for row in self.decisions:
			if row.due_on and not row.owner_user:
				frappe.throw(
					_("Decisions, row {0}: say who carries out a decision that has a date.").format(row.idx),
					title=_("Decision without an owner"),
				)

	def on_update(self):
		self.assign_decisions()

	def assign_decisions(self):
		"""Each decision with an owner becomes their own ToDo (one per decision, even for the same
		person), with the usual assignment notification; the ToDo is linked on the row."""
		for row in self.decisions:
			if not row.owner_user or row.todo:
				continue
			todo = frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": row.owner_user,
					"reference_type": self.doctype,
					"reference_name": self.name,
					"date": row.due_on,
					"assigned_by": frappe.session.user,
					"description": _("Decision of {0}: {1}").format(self.title, row.decision),
				}
			).insert(ignore_permissions=True)  # the secretariat records decisions for other people
			notify_assignment(
				frappe.session.user,
				row.owner_user,
				self.doctype,
				self.name,
				action="ASSIGN",
				description=row.decision,
			)
			row.db_set("todo", todo.name)
