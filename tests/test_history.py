"""A recommendation's short implementation history: latest first, a few entries, and the report
the State stands behind (the latest approved one), whatever newer drafts say."""

from datetime import date

from nmirf_app.core.history import HistoryEntry, latest_approved, latest_first


def entry(on, kind="update", name="X", state=""):
	return HistoryEntry(
		on=date.fromisoformat(on), kind=kind, doctype="Progress Update", name=name, state=state
	)


def test_latest_first_says_how_many_earlier_entries_were_left_out():
	entries = [entry(f"2025-0{month}-01", name=f"PU-{month}") for month in range(1, 10)]
	shown, earlier = latest_first(entries, shown=3)
	assert [item.name for item in shown] == ["PU-9", "PU-8", "PU-7"]
	assert earlier == 6


def test_on_one_day_the_assessment_reads_before_the_report_and_the_plan():
	same_day = [
		entry("2025-05-05", "action", "A"),
		entry("2025-05-05", "update", "U"),
		entry("2025-05-05", "assessment", "S"),
	]
	shown, earlier = latest_first(same_day)
	assert [item.kind for item in shown] == ["assessment", "update", "action"]
	assert earlier == 0


def test_the_latest_approved_report_wins_over_newer_drafts_and_older_approvals():
	entries = [
		entry("2024-03-01", name="old", state="Approved"),
		entry("2025-03-01", name="current", state="Approved"),
		entry("2026-01-01", name="draft", state="Draft"),
		entry("2026-02-01", kind="assessment", name="civil society", state=""),
	]
	assert latest_approved(entries).name == "current"
	assert latest_approved([entry("2026-01-01", state="Submitted")]) is None
