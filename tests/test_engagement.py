from datetime import date

import pytest

from nmirf_app.core.engagement import (
	SUBMISSIONS_PER_HOUR,
	attachment_problem,
	changed_sender_fields,
	clean_submission_text,
	consultation_too_late,
	days_before_due,
	reply_due_after_edit,
	reply_due_date,
	submission_refusal,
	visit_dates_reversed,
	visit_missing_field,
	visit_stage,
)


def test_reply_is_due_sixty_days_after_receipt_unless_configured():
	assert reply_due_date(date(2026, 1, 10)) == date(2026, 3, 11)
	assert reply_due_date(date(2026, 12, 20), 30) == date(2027, 1, 19)
	with pytest.raises(ValueError, match="at least one day"):
		reply_due_date(date(2026, 1, 10), 0)


def test_the_reply_deadline_follows_a_corrected_receipt_date_unless_set_by_hand():
	jan10, jan20 = date(2026, 1, 10), date(2026, 1, 20)
	# a new letter: due sixty days after receipt
	assert reply_due_after_edit(jan10, None, None, None) == date(2026, 3, 11)
	# the receipt date corrected: the computed deadline moves with it
	assert reply_due_after_edit(jan20, date(2026, 3, 11), jan10, date(2026, 3, 11)) == date(2026, 3, 21)
	# a deadline agreed with the mandate (set by hand) stays
	assert reply_due_after_edit(jan20, date(2026, 4, 30), jan10, date(2026, 4, 30)) == date(2026, 4, 30)
	# both changed in one edit: the new deadline is the one typed
	assert reply_due_after_edit(jan20, date(2026, 5, 5), jan10, date(2026, 3, 11)) == date(2026, 5, 5)
	# nothing changed: nothing moves; no receipt date: nothing to compute
	assert reply_due_after_edit(jan10, date(2026, 3, 11), jan10, date(2026, 3, 11)) == date(2026, 3, 11)
	assert reply_due_after_edit(None, None, None, None) is None
	# a configured period counts for both the old and the new date
	assert reply_due_after_edit(jan20, date(2026, 2, 9), jan10, date(2026, 2, 9), 30) == date(2026, 2, 19)


def test_a_consultation_must_come_well_before_the_report_is_due():
	assert days_before_due(date(2027, 1, 15), date(2027, 5, 31)) == 136
	assert not consultation_too_late(136)
	assert consultation_too_late(days_before_due(date(2027, 5, 1), date(2027, 5, 31)))
	assert consultation_too_late(-3), "after the deadline is too late"
	assert not consultation_too_late(None), "no report, no deadline to miss"


def test_submission_text_is_kept_as_plain_text_without_markup():
	text = clean_submission_text(
		"<p>Our network <b>documented</b> 42 cases.</p><script>alert(1)</script>"
		"<p>&lt;img src=x onerror=alert(2)&gt;</p>"
	)
	assert "Our network documented 42 cases." in text
	assert "<" not in text and ">" not in text, "nothing a browser could read as a tag"
	with pytest.raises(ValueError, match="empty"):
		clean_submission_text("<p> </p>")
	with pytest.raises(ValueError, match="at most 100"):
		clean_submission_text("x" * 101, max_chars=100)


@pytest.mark.parametrize(
	("name", "size", "refused"),
	[
		("report.pdf", 1_000, False),
		("Evidence.DOCX", 4 * 1024 * 1024, False),
		("photo.png", 6 * 1024 * 1024, True),
		("macro.xlsm", 10, True),
		("page.html", 10, True),
		("script.svg", 10, True),
		("noextension", 10, True),
	],
)
def test_guest_attachments_are_limited_in_type_and_size(name, size, refused):
	assert (attachment_problem(name, size, max_mb=5) is not None) is refused


def test_a_visit_records_what_each_stage_needs_and_ends_when_declined():
	assert visit_missing_field("Requested", {}) is None
	assert visit_missing_field("Scheduled", {"visit_from": None}) == "visit_from"
	assert visit_missing_field("Conducted", {"visit_from": date(2026, 3, 2)}) is None
	assert visit_missing_field("Report received", {"visit_from": date(2026, 3, 2)}) == "report_symbol"
	assert visit_stage("Scheduled", "Declined") == "Declined"
	assert visit_stage("Scheduled", "Accepted") == "Scheduled"
	assert visit_dates_reversed(date(2026, 3, 9), date(2026, 3, 2))
	assert not visit_dates_reversed(date(2026, 3, 2), None)


def test_public_submissions_refuse_robots_and_floods():
	assert submission_refusal("http://spam.example", 0) == "robot"
	assert submission_refusal(None, SUBMISSIONS_PER_HOUR - 1) is None
	assert submission_refusal("", SUBMISSIONS_PER_HOUR) == "too many"


def test_a_decided_submission_keeps_what_the_sender_sent():
	sent = {
		"workflow_state": "Received",
		"organisation": "CSO",
		"submission_text": "Our input",
		"email": "a@b.org",
	}
	edited = {**sent, "organisation": "CSO (renamed)", "public_reason": "Thanks"}
	assert changed_sender_fields(sent, edited) == [], "before a decision the secretariat may tidy it"
	decided = {**sent, "workflow_state": "Taken into account"}
	assert changed_sender_fields(decided, {**decided, "public_reason": "Used in para. 12"}) == []
	assert changed_sender_fields(decided, {**edited, "submission_text": "Other", "contact_name": ""}) == [
		"organisation",
		"submission_text",
	]
	assert changed_sender_fields(
		{**decided, "workflow_state": "Not retained"}, {**decided, "email": "x@y.org"}
	) == ["email"]
