from datetime import date

import pytest

from nmirf_app.core.reporting_cycles import (
	INITIAL_REPORT,
	PERIODIC_REPORT,
	SIMPLIFIED_PROCEDURE,
	STANDARD_PROCEDURE,
	UPR_MID_TERM_REPORT,
	UPR_NATIONAL_REPORT,
	ReportingObligation,
	add_years,
	days_until_due,
	follow_up_deadline,
	is_overdue,
	next_due_date,
	upcoming_reports,
	upr_mid_term_due_date,
)

TODAY = date(2025, 3, 1)


def obligation(mechanism, periodicity_years, last_submitted_on, **kwargs):
	return ReportingObligation(
		mechanism=mechanism,
		periodicity_years=periodicity_years,
		procedure=kwargs.pop("procedure", STANDARD_PROCEDURE),
		last_submitted_on=last_submitted_on,
		**kwargs,
	)


def test_next_report_is_due_one_period_after_the_last_submission():
	crc = obligation("CRC", 5, date(2019, 8, 15))
	assert next_due_date(crc) == date(2024, 8, 15)


def test_a_date_set_by_the_committee_wins_over_the_periodicity():
	# Concluding observations CRC/C/PRY/CO/4-6 set their own date for the next combined report.
	crc = obligation("CRC", 5, date(2019, 8, 15), next_due_override=date(2026, 2, 1))
	assert next_due_date(crc) == date(2026, 2, 1)


def test_the_simplified_procedure_uses_the_date_the_committee_set_for_the_loipr_reply():
	ccpr = obligation(
		"CCPR", 8, date(2017, 1, 10), procedure=SIMPLIFIED_PROCEDURE, next_due_override=date(2025, 7, 31)
	)
	assert next_due_date(ccpr) == date(2025, 7, 31)
	assert next_due_date(obligation("CCPR", 8, date(2017, 1, 10), procedure=SIMPLIFIED_PROCEDURE)) == date(
		2025, 1, 10
	)


def test_fractional_years_count_whole_months():
	assert add_years(date(2021, 1, 20), 4.5) == date(2025, 7, 20)
	assert add_years(date(2021, 1, 20), 0.25) == date(2021, 4, 20)


def test_a_day_missing_from_the_target_month_becomes_its_last_day():
	assert add_years(date(2020, 2, 29), 5) == date(2025, 2, 28)
	assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)
	assert add_years(date(2019, 8, 31), 4.5) == date(2024, 2, 29)
	assert next_due_date(obligation("CEDAW", 4.5, date(2019, 8, 31))) == date(2024, 2, 29)


def test_the_next_upr_review_follows_the_previous_review_by_the_cycle_length():
	# Paraguay's third-cycle review (A/HRC/48/9) took place on 20 January 2021.
	upr = obligation("UPR", 4.5, date(2020, 10, 26), last_dialogue_on=date(2021, 1, 20))
	assert next_due_date(upr) == date(2025, 7, 20)


def test_without_a_review_date_the_upr_counts_from_the_national_report():
	assert next_due_date(obligation("UPR", 4.5, date(2020, 10, 26))) == date(2025, 4, 26)


def test_a_report_never_submitted_is_due_on_the_initial_date():
	ced = obligation("CED", 0, None, initial_due_on=date(2012, 12, 23))
	assert next_due_date(ced) == date(2012, 12, 23)
	cmw = obligation("CMW", 5, None, initial_due_on=date(2009, 7, 1))
	assert next_due_date(cmw) == date(2009, 7, 1)


def test_nothing_is_due_without_periodicity_or_initial_date():
	assert next_due_date(obligation("SPT", 0, date(2022, 5, 2))) is None
	# Once the initial report is in, a mechanism without periodicity asks for nothing more.
	assert next_due_date(obligation("CED", 0, date(2013, 6, 4), initial_due_on=date(2012, 12, 23))) is None
	assert next_due_date(obligation("CRPD", 4, None)) is None


def test_overdue_once_the_due_date_has_passed():
	cat = obligation("CAT", 4, date(2020, 11, 30))  # due 2024-11-30
	assert is_overdue(cat, TODAY)
	assert days_until_due(cat, TODAY) == -91
	due_today = obligation("CERD", 4, date(2021, 3, 1))
	assert not is_overdue(due_today, TODAY)
	assert days_until_due(due_today, TODAY) == 0
	assert days_until_due(obligation("CESCR", 5, date(2021, 3, 1)), TODAY) == 365


def test_nothing_due_is_never_overdue():
	spt = obligation("SPT", 0, date(2022, 5, 2))
	assert not is_overdue(spt, TODAY)
	assert days_until_due(spt, TODAY) is None


def test_upr_mid_term_report_is_encouraged_two_and_a_half_years_after_the_review():
	assert upr_mid_term_due_date(date(2021, 1, 20)) == date(2023, 7, 20)
	assert upr_mid_term_due_date(date(2019, 8, 31)) == date(2022, 2, 28)


def test_follow_up_deadline_is_one_or_two_years_after_the_concluding_observations():
	assert follow_up_deadline(date(2019, 7, 26), 2) == date(2021, 7, 26)
	assert follow_up_deadline(date(2024, 2, 29), 1) == date(2025, 2, 28)
	with pytest.raises(ValueError, match="positive"):
		follow_up_deadline(date(2024, 2, 29), 0)


def test_unknown_procedure_and_negative_periodicity_are_refused():
	with pytest.raises(ValueError, match="procedure"):
		obligation("CRC", 5, date(2019, 8, 15), procedure="Fast track")
	with pytest.raises(ValueError, match="negative"):
		obligation("CRC", -5, date(2019, 8, 15))


def test_upcoming_reports_list_overdue_first_then_by_due_date_within_the_horizon():
	cat_overdue = obligation("CAT", 4, date(2020, 11, 30))  # 2024-11-30
	cmw_long_overdue = obligation("CMW", 5, None, initial_due_on=date(2009, 7, 1))
	cedaw = obligation("CEDAW", 4, date(2023, 1, 15))  # 2027-01-15
	crc = obligation("CRC", 5, date(2021, 9, 1))  # 2026-09-01
	ccpr_beyond = obligation("CCPR", 8, date(2019, 3, 2))  # 2027-03-02, past the horizon
	cescr_on_horizon = obligation("CESCR", 5, date(2022, 3, 1))  # 2027-03-01, the horizon's last day
	spt = obligation("SPT", 0, date(2022, 5, 2))

	upcoming = upcoming_reports(
		[cedaw, spt, ccpr_beyond, crc, cat_overdue, cescr_on_horizon, cmw_long_overdue], TODAY
	)

	assert [(report.obligation.mechanism, report.due_on, report.overdue) for report in upcoming] == [
		("CMW", date(2009, 7, 1), True),
		("CAT", date(2024, 11, 30), True),
		("CRC", date(2026, 9, 1), False),
		("CEDAW", date(2027, 1, 15), False),
		("CESCR", date(2027, 3, 1), False),
	]
	assert upcoming[0].report_type == INITIAL_REPORT
	assert upcoming[1].report_type == PERIODIC_REPORT
	obligation_, due_on, overdue, _report_type = upcoming[1]
	assert (obligation_, due_on, overdue) == (cat_overdue, date(2024, 11, 30), True)


def test_a_shorter_horizon_leaves_later_reports_out():
	crc = obligation("CRC", 5, date(2021, 9, 1))  # 2026-09-01
	assert upcoming_reports([crc], TODAY, horizon_months=12) == []
	assert len(upcoming_reports([crc], TODAY, horizon_months=18)) == 1


def test_upcoming_reports_announce_the_upr_mid_term_report_while_it_is_ahead():
	# Reviewed on 2024-01-22: mid-term 2026-07-22, next review 2028-07-22 (beyond a 24-month horizon).
	upr = obligation("UPR", 4.5, date(2023, 10, 23), last_dialogue_on=date(2024, 1, 22))
	crc = obligation("CRC", 5, date(2021, 9, 1))  # 2026-09-01

	upcoming = upcoming_reports([crc, upr], TODAY)

	assert [(report.obligation.mechanism, report.due_on, report.report_type) for report in upcoming] == [
		("UPR", date(2026, 7, 22), UPR_MID_TERM_REPORT),
		("CRC", date(2026, 9, 1), PERIODIC_REPORT),
	]
	assert not upcoming[0].overdue


def test_a_past_mid_term_date_is_not_listed_but_the_next_review_is():
	upr = obligation("UPR", 4.5, date(2020, 10, 26), last_dialogue_on=date(2021, 1, 20))

	upcoming = upcoming_reports([upr], TODAY)

	assert [(report.due_on, report.report_type, report.overdue) for report in upcoming] == [
		(date(2025, 7, 20), UPR_NATIONAL_REPORT, False)
	]
