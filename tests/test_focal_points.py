import datetime

import pytest

from nmirf_app.core.focal_points import Term, is_active_on, overlapping_main_term, validate_term_dates

D = datetime.date


def test_term_is_active_between_its_dates_inclusive():
	term = Term("FP-1", "MoH", "Main", D(2024, 1, 1), D(2024, 12, 31))
	assert is_active_on(term, D(2024, 1, 1))
	assert is_active_on(term, D(2024, 12, 31))
	assert not is_active_on(term, D(2025, 1, 1))
	assert not is_active_on(term, D(2023, 12, 31))


def test_open_ended_term_stays_active():
	assert is_active_on(Term("FP-1", "MoH", "Main", D(2020, 1, 1)), D(2040, 1, 1))


def test_term_cannot_end_before_it_starts():
	with pytest.raises(ValueError, match="cannot end"):
		validate_term_dates(D(2024, 5, 1), D(2024, 4, 30))


def test_two_main_focal_points_of_one_institution_may_not_overlap():
	current = Term("FP-1", "MoH", "Main", D(2022, 1, 1))
	successor = Term("FP-2", "MoH", "Main", D(2024, 6, 1))
	assert overlapping_main_term(successor, [current]) == current


def test_successor_after_the_predecessor_ends_is_accepted():
	ended = Term("FP-1", "MoH", "Main", D(2022, 1, 1), D(2024, 5, 31))
	successor = Term("FP-2", "MoH", "Main", D(2024, 6, 1))
	assert overlapping_main_term(successor, [ended]) is None


def test_alternates_and_other_institutions_do_not_clash():
	current = Term("FP-1", "MoH", "Main", D(2022, 1, 1))
	assert overlapping_main_term(Term("FP-2", "MoH", "Alternate", D(2023, 1, 1)), [current]) is None
	assert overlapping_main_term(Term("FP-3", "MoJ", "Main", D(2023, 1, 1)), [current]) is None
	assert overlapping_main_term(Term("FP-1", "MoH", "Main", D(2022, 1, 1)), [current]) is None
