"""The order and urgency of what waits for a person on their "My work" page."""

from datetime import date

from nmirf_app.core.my_work import WorkItem, in_working_order, summary, urgency

TODAY = date(2026, 12, 4)


def item(section, reference, due=None):
	return WorkItem(section, "Recommendation", reference, reference, "title", due)


def test_a_past_deadline_is_overdue_and_a_near_one_is_due_soon():
	assert urgency(date(2026, 12, 3), TODAY) == "overdue"
	assert urgency(TODAY, TODAY) == "due_soon"
	assert urgency(date(2026, 12, 11), TODAY) == "due_soon"
	assert urgency(date(2026, 12, 12), TODAY) == "later"
	assert urgency(None, TODAY) == "undated"


def test_within_a_section_the_earliest_deadline_comes_first_and_undated_last():
	items = [
		item("assignments", "C"),
		item("assignments", "B", date(2027, 1, 1)),
		item("assignments", "A", date(2026, 11, 1)),
	]
	assert [i.reference for i in in_working_order(items)] == ["A", "B", "C"]


def test_a_reviewers_queue_comes_before_their_institutions_own_work():
	items = [item("assignments", "Y", date(2026, 1, 1)), item("updates_to_validate", "X", date(2027, 1, 1))]
	assert [i.section for i in in_working_order(items)] == ["updates_to_validate", "assignments"]


def test_the_summary_counts_what_is_late_and_what_is_near():
	items = [
		item("actions", "A", date(2026, 12, 1)),
		item("actions", "B", date(2026, 12, 5)),
		item("actions", "C"),
	]
	assert summary(items, TODAY) == {"total": 3, "overdue": 1, "due_soon": 1}
