"""What Frappe's Workflow leaves to the app: who may edit a document while it sits in a state, and
what happened when it moved. Frappe checks transitions on save; the states' "Only allow edit for"
role is only honoured by the desk form, so it is checked here on the server, for the REST API too.

Both read the active workflow of the doctype, so a State that edits a workflow in the desk (adds
a stage, changes a role) changes these rules without code."""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name

OVERRIDING_ROLES = {"Administrator", "System Manager"}


def workflow_state_changed(doc) -> bool:
	"""True when this save moves the document to another state (or creates it)."""
	before = doc.get_doc_before_save()
	return not before or before.get("workflow_state") != doc.get("workflow_state")


def check_edit_allowed_in_state(doc, what: str | None = None):
	"""A plain edit (no state change) is allowed only to the roles that hold the current state."""
	if doc.is_new() or workflow_state_changed(doc):
		return
	workflow_name = get_workflow_name(doc.doctype)
	if not workflow_name:
		return
	roles = set(frappe.get_roles())
	if roles & OVERRIDING_ROLES:
		return
	workflow = frappe.get_cached_doc("Workflow", workflow_name)
	editors = {row.allow_edit for row in workflow.states if row.state == doc.workflow_state}
	if not editors & roles:
		frappe.throw(
			_("This {0} is {1}: only {2} may change it now.").format(
				_(what or doc.doctype).lower(),
				_(doc.workflow_state),
				", ".join(_(role) for role in sorted(editors)) or _("nobody"),
			),
			frappe.PermissionError,
		)


def transition_action(doc) -> str | None:
	"""The action of the workflow transition this save performs, when one leads here."""
	before = doc.get_doc_before_save()
	workflow_name = get_workflow_name(doc.doctype)
	if not before or not workflow_name:
		return None
	workflow = frappe.get_cached_doc("Workflow", workflow_name)
	roles = set(frappe.get_roles())
	candidates = [
		row
		for row in workflow.transitions
		if row.state == before.get("workflow_state") and row.next_state == doc.get("workflow_state")
	]
	allowed = [row for row in candidates if row.allowed in roles] or candidates
	return allowed[0].action if allowed else None
