"""Asks for the classification model to be learnt again, in the background. A module of its own
because callers that only ask (an import) must not load the learner's numpy, SciPy and
scikit-learn, ~90 MB of a process's memory."""

import frappe

REFRESH_JOB = "nmirf-classification-refresh"


def enqueue_refresh():
	"""After an import and nightly: one refresh at a time (a second request joins the queued one)."""
	frappe.enqueue(
		"nmirf_app.recommendations.classification.refresh_model",
		queue="long",
		timeout=3600,
		job_id=f"{frappe.local.site}::{REFRESH_JOB}",
		deduplicate=True,
		enqueue_after_commit=True,
	)
