"""Rules of the NMIRF's engagement work, framework-free: reply deadlines for special procedure
communications, what a country visit must record at each stage, how early consultations come
before a report, and what a public submission may carry (text, attachment, how many an hour)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import PurePosixPath

from nmirf_app.core.file_content import ACCEPTED_FORMATS, content_problem, unaccepted_extension
from nmirf_app.core.messages import RuleError, _lt
from nmirf_app.core.plain_text import plain_text

DEFAULT_REPLY_DAYS = 60  # special procedures ask for a reply within 60 days
DEFAULT_CONSULTATION_LEAD_DAYS = 60
DEFAULT_ATTACHMENT_MAX_MB = 5
SUBMISSION_MAX_CHARS = 20_000

# A country visit's stages, in order (a declined request stops there), and what it must record
# once it has reached a stage.
VISIT_STAGES = ("Requested", "Accepted", "Scheduled", "Conducted", "Report received", "Follow-up")
VISIT_DECLINED = "Declined"
VISIT_STAGE_NEEDS = {"Scheduled": "visit_from", "Conducted": "visit_from", "Report received": "report_symbol"}

# One organisation's e-mail address may send this many public submissions an hour.
SUBMISSIONS_PER_HOUR = 5

RECEIVED = "Received"
UNDER_REVIEW = "Under review"
TAKEN_INTO_ACCOUNT = "Taken into account"
NOT_RETAINED = "Not retained"
# A decision on a submission is published with its public reason; before it, nothing is public.
DECIDED_STATES = (TAKEN_INTO_ACCOUNT, NOT_RETAINED)
# What the sender sent. Once a decision is taken on it, it is their record and nobody changes it:
# a correction is a comment that says why.
SENDER_FIELDS = (
	"submitter_type",
	"organisation",
	"contact_name",
	"email",
	"subject",
	"submission_text",
	"attachment",
)


def reply_due_date(received_on: date, reply_days: int | None = None) -> date:
	"""The date the State's reply to a communication is due: `reply_days` (60 by default) after receipt."""
	days = DEFAULT_REPLY_DAYS if reply_days is None else reply_days
	if days <= 0:
		raise ValueError(f"The reply period must be at least one day, not {days}")
	return received_on + timedelta(days=days)


def reply_due_after_edit(
	received_on: date | None,
	reply_due: date | None,
	received_before: date | None,
	reply_due_before: date | None,
	reply_days: int | None = None,
) -> date | None:
	"""The reply deadline once a communication is saved: set from the receipt date when empty, and
	moved with it when the receipt date changes while the deadline was still the computed one (a
	deadline someone set by hand stays as they set it)."""
	if received_on is None:
		return reply_due
	if reply_due is None:
		return reply_due_date(received_on, reply_days)
	computed_before = received_before is not None and reply_due_before == reply_due_date(
		received_before, reply_days
	)
	if received_on != received_before and reply_due == reply_due_before and computed_before:
		return reply_due_date(received_on, reply_days)
	return reply_due


def days_before_due(consultation_on: date, report_due_on: date | None) -> int | None:
	"""How many days the consultation comes before the report is due (negative: after it)."""
	return None if report_due_on is None else (report_due_on - consultation_on).days


def consultation_too_late(days_before: int | None, lead_days: int = DEFAULT_CONSULTATION_LEAD_DAYS) -> bool:
	"""True when the consultation leaves less than `lead_days` to take what is heard into the report."""
	return days_before is not None and days_before < lead_days


def clean_submission_text(text: str | None, max_chars: int = SUBMISSION_MAX_CHARS) -> str:
	"""A public submission as plain text: markup dropped (it is shown as text, never as HTML),
	paragraphs kept, whitespace tidied. Raises ValueError when nothing is left or it is too long."""
	# Angle brackets left in the text (a decoded "&lt;" or "wages < minimum") become the look-alike
	# quotation marks: no display can then read them as a tag, and Frappe's HTML sanitiser, which
	# runs on save, has nothing to cut.
	cleaned = plain_text(text or "").replace("<", "\u2039").replace(">", "\u203a")
	if not cleaned:
		raise RuleError(_lt("The input is empty"))
	if len(cleaned) > max_chars:
		raise RuleError(
			_lt("The input is {0} characters long; at most {1} are accepted"),
			f"{len(cleaned):,}",
			f"{max_chars:,}",
		)
	return cleaned


def changed_sender_fields(before: Mapping, after: Mapping) -> list[str]:
	"""The sender's fields a save would change on a submission decided now or at any time before
	(a reopened decision was public): none before the first decision."""
	if before.get("workflow_state") not in DECIDED_STATES and not before.get("first_decided_on"):
		return []
	return [field for field in SENDER_FIELDS if (before.get(field) or None) != (after.get(field) or None)]


def attachment_problem(
	file_name: str, size_bytes: int, max_mb: int = DEFAULT_ATTACHMENT_MAX_MB, content: bytes | None = None
) -> str | None:
	"""Why a guest's attachment is refused, or None when it is acceptable: documents and pictures
	only (never anything a browser or office suite runs), within the size, and, given its bytes,
	really what its extension says (core/file_content)."""
	if PurePosixPath((file_name or "").lower()).suffix not in ACCEPTED_FORMATS:
		return unaccepted_extension(file_name)
	if size_bytes > max_mb * 1024 * 1024:
		return f"{file_name}: {size_bytes / 1024 / 1024:.1f} MB is more than the {max_mb} MB accepted"
	return None if content is None else content_problem(file_name, content)


def visit_stage(status: str, state_response: str | None) -> str:
	"""The State declining the request ends the visit, whatever stage was recorded."""
	return VISIT_DECLINED if state_response == VISIT_DECLINED else status


def visit_missing_field(status: str, recorded: dict) -> str | None:
	"""The field a visit must have filled at this stage and has not, if any."""
	field = VISIT_STAGE_NEEDS.get(status)
	return field if field and not recorded.get(field) else None


def visit_dates_reversed(visit_from: date | None, visit_to: date | None) -> bool:
	return bool(visit_from and visit_to and visit_to < visit_from)


def submission_refusal(honeypot: str | None, sent_in_last_hour: int) -> str | None:
	"""Why a public submission is refused before it is read, if it is: a robot filled the field
	people never see, or the address has sent its share for the hour."""
	if honeypot:
		return "robot"
	if sent_in_last_hour >= SUBMISSIONS_PER_HOUR:
		return "too many"
	return None
