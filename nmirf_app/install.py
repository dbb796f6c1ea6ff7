"""Install, migrate and uninstall hooks: reference data and desk conveniences.

Reference data is inserted when missing and never overwritten, so a State's own edits (a
mechanism's periodicity, an extra theme) survive `bench migrate`.
"""

import json
from pathlib import Path

import frappe
from frappe.desk.doctype.kanban_board.kanban_board import quick_kanban_board

from nmirf_app.core import reference_data
from nmirf_app.nmirf_setup.email_digest import create_digest_fields, delete_digest_fields

RECOMMENDATION_STATUS_BOARD = "Recommendations by status"
STATE_REPORT_WORKFLOW = Path(__file__).parent / "reporting" / "state_report_workflow.json"
# The e-mails the app sends (Frappe Notifications): created once, then the State's to edit in the
# desk (Notification list), and kept by migrations.
NOTIFICATIONS = Path(__file__).parent / "notifications.json"


# Frappe's mailing-list doctypes belong to its Newsletter Manager; the secretariat keeps the
# NMIRF's lists (one Email Group per topic) and sends invitations and minutes as newsletters. Whoever
# plans or edits an action picks its currency, which needs reading Frappe's Currency list.
DESK_RIGHTS = {
	("Email Group", "NMIRF Secretariat"): ("read", "write", "create"),
	("Email Group Member", "NMIRF Secretariat"): ("read", "write", "create", "delete"),
	("Newsletter", "NMIRF Secretariat"): ("read", "write", "create"),
	**{
		("Currency", role): ("read",)
		for role in (
			"NMIRF Secretariat",
			"NMIRF Focal Point",
			"NMIRF Institution Validator",
			"NMIRF Approver",
		)
	},
}


def after_install():
	load_reference_data()
	create_recommendation_status_board()
	create_state_report_workflow()
	grant_desk_rights()
	create_notifications()
	create_digest_fields()


def after_migrate():
	load_reference_data()
	create_state_report_workflow()
	grant_desk_rights()
	create_notifications()
	create_digest_fields()


def app_notifications() -> list[dict]:
	return json.loads(NOTIFICATIONS.read_text())


def create_notifications():
	for notification in app_notifications():
		insert_if_missing(
			"Notification", notification["name"], {"enabled": 1, "is_standard": 0, **notification}
		)


def grant_desk_rights():
	from frappe.permissions import add_permission, update_permission_property

	for (doctype, role), rights in DESK_RIGHTS.items():
		filters = {"parent": doctype, "role": role, "permlevel": 0, "if_owner": 0}
		if frappe.db.exists("Custom DocPerm", filters):
			continue  # granted before; a State may have changed it since
		add_permission(doctype, role, 0, rights[0])
		for right in rights[1:]:
			update_permission_property(doctype, role, 0, right, 1)


def before_tests():
	"""Desk pages (and browser tests) need a completed setup wizard; Frappe's own before_tests
	skips this as soon as another app is installed."""
	from frappe.utils.install import complete_setup_wizard

	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		complete_setup_wizard()
		frappe.db.commit()  # nosemgrep: the test runner starts from this state


def before_uninstall():
	"""Leave no trace: the app's own roles (and their grants to users) and desk records that point at
	its doctypes. The doctypes, their tables and the workspace go with the modules."""
	from nmirf_app.hooks import NMIRF_ROLES

	for board in frappe.get_all(
		"Kanban Board", {"reference_doctype": ("like", "%Recommendation%")}, pluck="name"
	):
		frappe.delete_doc("Kanban Board", board, ignore_permissions=True, force=True)
	from nmirf_app.hooks import FIXED_WORKFLOWS

	for workflow in [*FIXED_WORKFLOWS, default_state_report_workflow()["name"]]:
		frappe.delete_doc_if_exists("Workflow", workflow, force=True)
	for notification in app_notifications():
		frappe.delete_doc_if_exists("Notification", notification["name"], force=True)
	delete_digest_fields()
	frappe.db.delete("Custom DocPerm", {"role": ("in", NMIRF_ROLES)})
	# Frappe drops the app's tables but not the values of its Single doctypes
	frappe.db.delete("Singles", {"doctype": "NMIRF Settings"})
	frappe.db.delete("Has Role", {"role": ("in", NMIRF_ROLES)})
	for role in NMIRF_ROLES:
		frappe.delete_doc_if_exists("Role", role, force=True)


def load_reference_data():
	# Runs as the installer: no user is logged in, and these are the app's own records.
	for treaty in sorted(reference_data.treaties(), key=lambda row: bool(row["optional_protocol_to"])):
		insert_if_missing("Human Rights Treaty", treaty["abbreviation"], treaty)
	for mechanism in reference_data.mechanisms():
		insert_if_missing("Human Rights Mechanism", mechanism["code"], mechanism)
	for doctype, kind in (("Human Rights Theme", "theme"), ("Affected Group", "affected_group")):
		for entry in reference_data.vocabulary(kind):
			sync_vocabulary_entry(doctype, entry)
	for goal in reference_data.sdg_goals():
		insert_if_missing("SDG Goal", reference_data.sdg_goal_name(goal["goal_number"]), goal)
	for target in reference_data.sdg_targets():
		insert_if_missing("SDG Target", target["target_code"], target)


def insert_if_missing(doctype: str, name: str, values: dict):
	if frappe.db.exists(doctype, name):
		return
	frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)


def sync_vocabulary_entry(doctype: str, entry):
	"""Insert a missing label; add aliases the shipped list has and the record lacks."""
	if not frappe.db.exists(doctype, entry.label):
		frappe.get_doc(
			{
				"doctype": doctype,
				"label": entry.label,
				"vocabulary_version": entry.vocabulary_version,
				"aliases": [
					{"alias": alias, "vocabulary_version": version} for alias, version in entry.aliases
				],
			}
		).insert(ignore_permissions=True)
		return
	if not entry.aliases:
		return
	doc = frappe.get_doc(doctype, entry.label)
	known = {row.alias for row in doc.aliases}
	missing = [(alias, version) for alias, version in entry.aliases if alias not in known]
	if missing:
		for alias, version in missing:
			doc.append("aliases", {"alias": alias, "vocabulary_version": version})
		doc.save(ignore_permissions=True)


def create_recommendation_status_board():
	if not frappe.db.exists("Kanban Board", RECOMMENDATION_STATUS_BOARD):
		quick_kanban_board("Recommendation", RECOMMENDATION_STATUS_BOARD, "implementation_status")


def default_state_report_workflow() -> dict:
	return json.loads(STATE_REPORT_WORKFLOW.read_text())


def create_state_report_workflow():
	"""The default drafting stages, created once: a State that changes them in the desk (Workflow
	"State Report Drafting") keeps its version through migrations."""
	workflow = default_state_report_workflow()
	if frappe.db.exists("Workflow", workflow["name"]) or frappe.db.exists(
		"Workflow", {"document_type": workflow["document_type"]}
	):
		return
	# On install Frappe syncs fixtures after this hook: the states and actions may not exist yet.
	fixtures = Path(__file__).parent / "fixtures"
	for doctype, used in (
		("Workflow State", {row["state"] for row in workflow["states"]}),
		("Workflow Action Master", {row["action"] for row in workflow["transitions"]}),
	):
		for record in json.loads((fixtures / f"{frappe.scrub(doctype)}.json").read_text()):
			if record["name"] in used:
				insert_if_missing(doctype, record["name"], record)
	frappe.get_doc(workflow).insert(ignore_permissions=True)
