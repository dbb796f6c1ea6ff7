"""/recommendation-summary: published recommendations per mechanism and per SDG goal, with how many
are fully implemented."""

from frappe import _

from nmirf_app.portal import summaries

no_cache = 1


def get_context(context):
	context.summaries = summaries()
	context.title = _("Summary of the published recommendations")
	return context
