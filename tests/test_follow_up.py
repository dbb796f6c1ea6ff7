from datetime import date

from nmirf_app.core.follow_up import days_left, is_overdue, tracker_order

TODAY = date(2026, 12, 4)


def test_days_left_count_down_to_the_deadline_and_stop_once_implemented():
	assert days_left(date(2026, 12, 14), TODAY, "In progress") == 10
	assert days_left(date(2026, 11, 30), TODAY, "Not started") == -4
	assert is_overdue(date(2026, 11, 30), TODAY, "Not started")
	# an implemented paragraph whose deadline passed years ago is neither late nor counting
	assert days_left(date(2018, 9, 1), TODAY, "Fully implemented") is None
	assert not is_overdue(date(2018, 9, 1), TODAY, "Fully implemented")
	assert days_left(None, TODAY, "In progress") is None
	assert not is_overdue(None, TODAY, "In progress")
	assert not is_overdue(TODAY, TODAY, "In progress"), "due today is not late yet"


def test_the_tracker_lists_the_soonest_deadline_first_and_undated_last():
	rows = [
		(None, "CRC-1"),
		(date(2027, 3, 1), "CAT-2"),
		(date(2026, 12, 10), "CAT-9"),
		(None, "CAT-1"),
		(date(2026, 12, 10), "CAT-3"),
	]
	assert [name for _deadline, name in sorted(rows, key=lambda row: tracker_order(*row))] == [
		"CAT-3",
		"CAT-9",
		"CAT-2",
		"CAT-1",
		"CRC-1",
	]
