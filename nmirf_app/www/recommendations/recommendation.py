"""/recommendations/<name>: one published recommendation, its status history and published progress."""

import frappe

from nmirf_app.portal import published_recommendation

no_cache = 1


def get_context(context):
	context.doc = published_recommendation(frappe.form_dict.get("name") or "")
	context.title = context.doc.name
	return context
