# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification
from frappe.desk.form.assign_to import notify_assignment
from frappe.model.document import Document
from frappe.utils import formatdate, getdate

from nmirf_app.engagement.files import require_private_file
from nmirf_app.utils import close_todo


class NMIRFMeeting(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from nmirf_app.engagement.doctype.meeting_attendee.meeting_attendee import MeetingAttendee
		from nmirf_app.engagement.doctype.meeting_decision.meeting_decision import MeetingDecision

		agenda: DF.TextEditor | None
		attendees: DF.Table[MeetingAttendee]
		decisions: DF.Table[MeetingDecision]
		meeting_date: DF.Date
		meeting_type: DF.Literal["Plenary", "Working group"]
		minutes: DF.TextEditor | None
		minutes_file: DF.Attach | None
		place: DF.Data | None
		title: DF.Data
		working_group: DF.Data | None

	# end: auto-generated types
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
		"""Each decision with an owner is their own ToDo (one per decision, even for the same person),
		with the usual assignment notification; the ToDo is linked on the row. A decision given to
		someone else moves to a new ToDo (the old one is cancelled); a new date or wording is carried
		to the ToDo; a decision removed, or left without an owner, cancels its ToDo."""
		before = self.get_doc_before_save()
		kept = {row.todo for row in self.decisions if row.todo and row.owner_user}
		for row in before.decisions if before else []:
			if row.todo and row.todo not in kept:
				cancel_todo(row.todo)
		for row in self.decisions:
			if row.todo and not row.owner_user:
				row.db_set("todo", None)
				continue
			if not row.owner_user:
				continue
			description = _("Decision of {0}: {1}").format(self.title, row.decision)
			if row.todo:
				todo = frappe.db.get_value(
					"ToDo", row.todo, ["allocated_to", "date", "description"], as_dict=True
				)
				if todo and todo.allocated_to == row.owner_user:
					if (todo.date, todo.description) != (
						getdate(row.due_on) if row.due_on else None,
						description,
					):
						frappe.db.set_value(
							"ToDo", row.todo, {"date": row.due_on, "description": description}
						)
						self.tell_owner_of_change(row)
					continue
				cancel_todo(row.todo)
			todo = frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": row.owner_user,
					"reference_type": self.doctype,
					"reference_name": self.name,
					"date": row.due_on,
					"assigned_by": frappe.session.user,
					"description": description,
				}
			).insert(ignore_permissions=True)  # the secretariat records decisions for other people
			if not row.due_on:  # ToDo's default date is today: an undated decision would be overdue tomorrow
				todo.db_set("date", None, update_modified=False)
			notify_assignment(
				frappe.session.user,
				row.owner_user,
				self.doctype,
				self.name,
				action="ASSIGN",
				description=row.decision,
			)
			row.db_set("todo", todo.name)

	def tell_owner_of_change(self, row):
		"""A new date or wording reaches the owner's bell (and mail), not only their ToDo list."""
		if row.owner_user == frappe.session.user:
			return
		due = _("due {0}").format(formatdate(row.due_on)) if row.due_on else _("no date")
		enqueue_create_notification(
			row.owner_user,
			{
				"type": "Alert",
				"document_type": self.doctype,
				"document_name": self.name,
				"from_user": frappe.session.user,
				"subject": _("A decision of {0} you carry out changed ({1}): {2}").format(
					self.title, due, row.decision
				),
			},
		)


def cancel_todo(name: str):
	"""The former owner is told the decision is no longer theirs (Frappe's "assignment removed")."""
	todo = close_todo(name, "Cancelled")
	if todo:
		notify_assignment(
			frappe.session.user,
			todo.allocated_to,
			todo.reference_type,
			todo.reference_name,
			action="CLOSE",
			description=todo.description,
		)
