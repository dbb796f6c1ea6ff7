"""Bulk edits from the Recommendation list: one change for a selection or for the list's filter,
checked against each record's permissions, saved record by record (each change in its version
history), in a background job with a progress bar past BULK_EDIT_IN_REQUEST records, and a summary
of what changed and what was refused. The change itself is nmirf_app/core/bulk_edit.py."""

import frappe
from frappe import _
from frappe.utils import cint, flt

from nmirf_app.core.bulk_edit import (
	CHANGES,
	PRIORITIES,
	TAG_FIELDS,
	Responsibility,
	responsibilities_after,
	tags_after,
)
from nmirf_app.recommendations import classification
from nmirf_app.recommendations.assignment import one_task_per_person

BULK_EDIT_IN_REQUEST = 100
SUGGESTION_APPLIERS = {"NMIRF Secretariat", "NMIRF Administrator", "System Manager"}
PROGRESS_EVERY = 25
# the link each value of a change must name
VALUE_DOCTYPES = {
	"responsible_institutions": "Institution",
	"themes": "Human Rights Theme",
	"affected_groups": "Affected Group",
	"sdg_targets": "SDG Target",
	"cluster": "Recommendation Cluster",
}


@frappe.whitelist()
def bulk_edit(change: str, values=None, names=None, filters=None) -> dict:
	"""Applies `change` with `values` to the named recommendations, or to those the user's list
	shows with `filters`. Returns the summary, or {"queued": n} when a job does the work."""
	values = frappe.parse_json(values) if isinstance(values, str) else (values or [])
	values = values if isinstance(values, list) else [values]
	check_change(change, values)
	if names is not None:
		names = frappe.parse_json(names) if isinstance(names, str) else names
	else:
		names = frappe.get_list(
			"Recommendation", filters=frappe.parse_json(filters or "[]"), pluck="name", limit_page_length=0
		)
	names = list(dict.fromkeys(names))
	if not names:
		frappe.throw(_("No recommendation is selected, and the list's filter shows none."))
	if len(names) <= BULK_EDIT_IN_REQUEST:
		return apply_bulk_edit(change, values, names)
	frappe.enqueue(
		"nmirf_app.recommendations.bulk_edit.bulk_edit_job",
		queue="long",
		timeout=3600,
		enqueue_after_commit=True,
		now=frappe.flags.in_test,
		change=change,
		values=values,
		names=names,
	)
	return {"queued": len(names)}


def check_change(change: str, values: list):
	if change not in CHANGES:
		frappe.throw(_("Change: choose one of the listed changes."))
	field = CHANGES[change]
	if field in VALUE_DOCTYPES:
		if change != "set_cluster" and not values:
			frappe.throw(_("Choose at least one {0}.").format(_(VALUE_DOCTYPES[field])))
		for value in values:
			if value and not frappe.db.exists(VALUE_DOCTYPES[field], value):
				frappe.throw(_("{0} {1} does not exist.").format(_(VALUE_DOCTYPES[field]), value))
	if field == "responsible_institutions" and len(values) != 1:
		frappe.throw(_("Choose one institution."))
	if change == "set_priority" and (len(values) != 1 or values[0] not in PRIORITIES):
		frappe.throw(_("Priority: choose High, Medium or Low (or none)."))
	if change == "apply_suggestions":
		# tags no person looked at: only the secretariat may decide a confidence is enough
		if not set(frappe.get_roles()) & SUGGESTION_APPLIERS:
			frappe.throw(_("Only the secretariat applies suggested tags in bulk."), frappe.PermissionError)
		if len(values) != 1 or not 0 < flt(values[0]) <= 1:
			frappe.throw(_("Confidence: choose a level above 0 % and up to 100 %."))


def bulk_edit_job(change: str, values: list, names: list[str]):
	"""Background entry point (runs as the user who asked); tells them the outcome when done."""
	result = apply_bulk_edit(change, values, names, show_progress=True)
	message = outcome_message(result)
	frappe.publish_realtime(
		"msgprint", {"message": message, "title": _("Bulk edit done")}, user=frappe.session.user
	)
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": frappe.session.user,
			"type": "Alert",
			"document_type": "Recommendation",
			"link": "/app/recommendation",
			"subject": _("Bulk edit done: {0} changed, {1} already so, {2} refused").format(
				len(result["changed"]), result["unchanged"], len(result["refused"])
			),
			"email_content": message,
		}
	).insert(ignore_permissions=True)


def apply_bulk_edit(change: str, values: list, names: list[str], show_progress: bool = False) -> dict:
	field = CHANGES[change]
	changed, refused, unchanged = [], [], 0
	context = bulk_context(change)
	with one_task_per_person():  # a focal point assigned 50 recommendations gets one task
		for index, name in enumerate(names, start=1):
			if show_progress and (index % PROGRESS_EVERY == 0 or index == len(names)):
				frappe.publish_progress(
					index * 100 / len(names),
					title=_("Editing recommendations"),
					description=_("{0} of {1}").format(index, len(names)),
				)
			if not frappe.db.exists("Recommendation", name):
				refused.append({"name": name, "reason": _("it does not exist")})
				continue
			doc = frappe.get_doc("Recommendation", name)
			if not doc.has_permission("write") or not doc.has_permlevel_access_to(
				field, permission_type="write"
			):
				refused.append(
					{
						"name": name,
						"reason": _("you may not change its {0}").format(_(doc.meta.get_label(field))),
					}
				)
				continue
			if not change_record(doc, change, values, context):
				unchanged += 1
				continue
			frappe.db.savepoint("nmirf_bulk_edit")
			try:
				# the history is the only record of who changed what in bulk: kept even in tests
				doc.save(ignore_version=False)
				for kind, tag, score in doc.flags.get("nmirf_applied_suggestions") or []:
					classification.record_decision(doc, kind, tag, "Accepted", "In a bulk job", score)
			except (frappe.ValidationError, frappe.PermissionError) as error:
				frappe.db.rollback(save_point="nmirf_bulk_edit")
				frappe.clear_last_message()
				refused.append(
					{
						"name": name,
						"reason": frappe.utils.strip_html(str(error)) or _("it could not be saved"),
					}
				)
				continue
			changed.append(name)
	return {"changed": changed, "unchanged": unchanged, "refused": refused}


def bulk_context(change: str) -> dict:
	"""What every record of one run needs and is costly to get: the suggestions model and what the
	user may read (suggestions only rest on that)."""
	if change != "apply_suggestions":
		return {}
	return {
		"model": classification.current_model(),
		"readable": classification.readable_recommendations(),
	}


def change_record(doc, change: str, values: list, context: dict | None = None) -> bool:
	"""Applies the change to the document in memory; False when it is already so."""
	field = CHANGES[change]
	if change == "apply_suggestions":
		added = classification.apply_confident_suggestions(
			doc, flt(values[0]), context["model"], context["readable"]
		)
		doc.flags.nmirf_applied_suggestions = added
		return bool(added)
	if field in TAG_FIELDS:
		link = TAG_FIELDS[field]
		current = [row.get(link) for row in doc.get(field)]
		after = tags_after(change, current, values)
		if after == current:
			return False
		kept = {row.get(link): row for row in doc.get(field)}  # a kept tag keeps who accepted it
		doc.set(field, [kept.get(value) or {link: value} for value in after])
		return True
	if field == "responsible_institutions":
		rows = {row.institution: row for row in doc.responsible_institutions}
		current = [Responsibility(row.institution, row.role) for row in doc.responsible_institutions]
		after = responsibilities_after(change, current, values[0])
		if after == current:
			return False
		kept = []
		for responsibility in after:
			row = rows.get(responsibility.institution)
			if row:
				row.role = responsibility.role
				kept.append(row)
			else:
				kept.append(
					doc.append(
						"responsible_institutions",
						{"institution": responsibility.institution, "role": responsibility.role},
					)
				)
		doc.set("responsible_institutions", kept)
		return True
	if change in ("publish", "unpublish"):
		value = int(change == "publish")
		if cint(doc.published) == value:
			return False
	else:
		value = (values[0] if values else None) or None
		if (doc.get(field) or None) == value:
			return False
	doc.set(field, value)
	return True


def outcome_message(result: dict) -> str:
	lines = [
		_("{0} recommendations changed, {1} were already so, {2} refused.").format(
			len(result["changed"]), result["unchanged"], len(result["refused"])
		)
	]
	lines += [_("{0}: refused — {1}").format(row["name"], row["reason"]) for row in result["refused"][:50]]
	if len(result["refused"]) > 50:
		lines.append(_("and {0} more").format(len(result["refused"]) - 50))
	return "<br>".join(frappe.utils.escape_html(line) for line in lines)
