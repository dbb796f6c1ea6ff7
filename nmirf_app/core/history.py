"""A recommendation's short implementation history, without Frappe: what was planned, reported
and assessed on it, latest first, so that whoever opens the form sees in a glance where it stands.

nmirf_app/recommendations/history.py gathers the entries with the reader's own permissions; the
form words them in the reader's language."""

from dataclasses import dataclass
from datetime import date

SHOWN_ENTRIES = 8

# on one day, the assessment (someone's judgement of the work) reads before the report and the plan
KIND_ORDER = {"assessment": 0, "update": 1, "action": 2}


@dataclass(frozen=True)
class HistoryEntry:
	on: date
	kind: str  # "update" (a progress update), "assessment", "action" (a planned implementation action)
	doctype: str
	name: str
	status: str = ""  # reported, assessed or action status
	state: str = ""  # a progress update's workflow state (Draft, Submitted, Approved…)
	who: str = ""  # the reporting or leading institution, the assessing voice
	title: str = ""  # an action's title, what an update reports on
	grade: str = ""
	until: date | None = None  # an action's end date


def latest_first(entries: list[HistoryEntry], shown: int = SHOWN_ENTRIES) -> tuple[list[HistoryEntry], int]:
	"""The `shown` most recent entries, and how many earlier ones were left out."""
	ordered = sorted(
		entries, key=lambda entry: (-entry.on.toordinal(), KIND_ORDER.get(entry.kind, 9), entry.name)
	)
	return ordered[:shown], max(0, len(ordered) - shown)


def latest_approved(entries: list[HistoryEntry]) -> HistoryEntry | None:
	"""The most recent approved progress update: what the State stands behind today."""
	approved = [entry for entry in entries if entry.kind == "update" and entry.state == "Approved"]
	return max(approved, key=lambda entry: (entry.on, entry.name), default=None)
