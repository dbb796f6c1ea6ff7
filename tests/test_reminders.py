import datetime

import pytest

from nmirf_app.core.reminders import Deadline, DigestLine, Reminder, select_reminders, weekly_digest

D = datetime.date
DUE = D(2025, 3, 10)


def deadline(due_on=DUE, *, reference="Progress Update PU-0001", owners=("fp@moh.gov",), **overrides):
	values = {
		"title": "Progress on birth registration",
		"validator": "validator@moh.gov",
		"secretariat": ("sec1@mofa.gov", "sec2@mofa.gov"),
	}
	values.update(overrides)
	return Deadline(reference, due_on=due_on, owners=owners, **values)


def remind(deadlines, today, *, lead_days=7, escalation_days=14, already_sent=frozenset()):
	return select_reminders(
		deadlines, today, lead_days=lead_days, escalation_days=escalation_days, already_sent=set(already_sent)
	)


def kinds_and_recipients(reminders):
	return [(reminder.kind, reminder.recipient) for reminder in reminders]


def late_by(days):
	return DUE + datetime.timedelta(days=days)


def test_due_soon_starts_exactly_lead_days_before_the_due_date():
	assert remind([deadline()], D(2025, 3, 2)) == []
	assert remind([deadline()], D(2025, 3, 3)) == [
		Reminder("Progress Update PU-0001", "due soon", "fp@moh.gov", DUE, 7, D(2025, 3, 3))
	]


def test_due_soon_is_sent_every_day_up_to_and_on_the_due_date():
	for today in (D(2025, 3, 4), D(2025, 3, 9)):
		assert kinds_and_recipients(remind([deadline()], today)) == [("due soon", "fp@moh.gov")]
	(on_the_day,) = remind([deadline()], DUE)
	assert (on_the_day.kind, on_the_day.days) == ("due soon", 0)


def test_zero_lead_days_reminds_only_on_the_due_date():
	assert remind([deadline()], D(2025, 3, 9), lead_days=0) == []
	assert kinds_and_recipients(remind([deadline()], DUE, lead_days=0)) == [("due soon", "fp@moh.gov")]


def test_overdue_goes_on_the_first_day_late_then_weekly():
	first_day = remind([deadline()], late_by(1))
	assert kinds_and_recipients(first_day) == [("overdue", "fp@moh.gov")]
	assert first_day[0].days == 1
	assert remind([deadline()], late_by(2)) == []
	assert remind([deadline()], late_by(7)) == []
	assert kinds_and_recipients(remind([deadline()], late_by(8))) == [("overdue", "fp@moh.gov")]
	assert kinds_and_recipients(remind([deadline()], late_by(15))) == [("overdue", "fp@moh.gov")]


def test_validator_is_told_on_the_day_the_escalation_threshold_is_crossed_then_weekly():
	assert ("escalated to validator", "validator@moh.gov") not in kinds_and_recipients(
		remind([deadline()], late_by(13))
	)
	crossed = remind([deadline()], late_by(14))
	assert kinds_and_recipients(crossed) == [("escalated to validator", "validator@moh.gov")]
	assert crossed[0].days == 14
	assert remind([deadline()], late_by(15)) == [
		Reminder("Progress Update PU-0001", "overdue", "fp@moh.gov", DUE, 15, late_by(15))
	]
	assert ("escalated to validator", "validator@moh.gov") in kinds_and_recipients(
		remind([deadline()], late_by(21))
	)


def test_secretariat_is_told_at_twice_the_escalation_threshold_then_weekly():
	assert remind([deadline()], late_by(27)) == []
	crossed = kinds_and_recipients(remind([deadline()], late_by(28)))
	assert crossed == [
		("escalated to validator", "validator@moh.gov"),
		("escalated to secretariat", "sec1@mofa.gov"),
		("escalated to secretariat", "sec2@mofa.gov"),
	]
	assert remind([deadline()], late_by(29)) == [
		Reminder("Progress Update PU-0001", "overdue", "fp@moh.gov", DUE, 29, late_by(29))
	]
	assert ("escalated to secretariat", "sec1@mofa.gov") in kinds_and_recipients(
		remind([deadline()], late_by(35))
	)


def test_owners_and_escalations_can_fall_on_the_same_day():
	# With escalation after 8 days, day 8 is also a weekly overdue day.
	assert kinds_and_recipients(remind([deadline()], late_by(8), escalation_days=8)) == [
		("overdue", "fp@moh.gov"),
		("escalated to validator", "validator@moh.gov"),
	]


def test_without_a_validator_only_the_owners_and_later_the_secretariat_are_told():
	no_validator = deadline(validator=None)
	assert remind([no_validator], late_by(14)) == []
	assert kinds_and_recipients(remind([no_validator], late_by(28))) == [
		("escalated to secretariat", "sec1@mofa.gov"),
		("escalated to secretariat", "sec2@mofa.gov"),
	]


def test_rerunning_the_job_on_the_same_day_sends_nothing_new():
	deadlines = [deadline(), deadline(D(2025, 3, 12), reference="Implementation Action ACT-0003")]
	today = late_by(28)
	first_run = remind(deadlines, today)
	assert first_run
	assert remind(deadlines, today, already_sent={reminder.key for reminder in first_run}) == []


def test_yesterdays_reminders_do_not_block_todays():
	yesterday = remind([deadline()], D(2025, 3, 8))
	today = remind([deadline()], D(2025, 3, 9), already_sent={reminder.key for reminder in yesterday})
	assert kinds_and_recipients(today) == [("due soon", "fp@moh.gov")]


def test_only_the_reminders_not_yet_sent_today_go_out():
	today = late_by(28)
	already_sent = {("Progress Update PU-0001", "escalated to secretariat", "sec1@mofa.gov", today)}
	assert kinds_and_recipients(remind([deadline()], today, already_sent=already_sent)) == [
		("escalated to validator", "validator@moh.gov"),
		("escalated to secretariat", "sec2@mofa.gov"),
	]


def test_the_callers_already_sent_set_is_left_untouched():
	already_sent: set[tuple] = set()
	select_reminders([deadline()], DUE, lead_days=7, escalation_days=14, already_sent=already_sent)
	assert already_sent == set()


@pytest.mark.parametrize("today", [D(2025, 3, 5), DUE, late_by(1), late_by(14), late_by(28)])
def test_done_deadlines_are_silent(today):
	assert remind([deadline(done=True)], today) == []


def test_a_recipient_listed_twice_gets_one_reminder():
	twice = deadline(
		owners=("fp@moh.gov", "alt@moh.gov", "fp@moh.gov", ""), secretariat=("sec1@mofa.gov",) * 2
	)
	assert kinds_and_recipients(remind([twice], DUE)) == [
		("due soon", "fp@moh.gov"),
		("due soon", "alt@moh.gov"),
	]
	assert kinds_and_recipients(remind([twice], late_by(28))) == [
		("escalated to validator", "validator@moh.gov"),
		("escalated to secretariat", "sec1@mofa.gov"),
	]


def test_reminder_settings_are_checked():
	with pytest.raises(ValueError, match="lead time"):
		remind([deadline()], DUE, lead_days=-1)
	with pytest.raises(ValueError, match="at least one day"):
		remind([deadline()], DUE, escalation_days=0)


def test_digest_lists_overdue_first_then_upcoming_by_due_date_within_the_horizon():
	today = D(2025, 3, 10)
	deadlines = [
		deadline(D(2025, 4, 9), reference="Progress Update PU-0004", title="At the horizon"),
		deadline(D(2025, 4, 10), reference="Progress Update PU-0005", title="Past the horizon"),
		deadline(D(2025, 3, 12), reference="Progress Update PU-0003", title="Soon"),
		deadline(D(2025, 3, 1), reference="Implementation Action ACT-0002", title="Late"),
		deadline(D(2025, 2, 1), reference="Implementation Action ACT-0001", title="Very late"),
		deadline(D(2025, 3, 10), reference="Progress Update PU-0006", title="Today"),
		deadline(D(2025, 3, 11), reference="Progress Update PU-0007", title="Done", done=True),
	]
	digest = weekly_digest(deadlines, today)
	assert digest == {
		"fp@moh.gov": [
			DigestLine("Implementation Action ACT-0001", "Very late", D(2025, 2, 1), True, 37),
			DigestLine("Implementation Action ACT-0002", "Late", D(2025, 3, 1), True, 9),
			DigestLine("Progress Update PU-0006", "Today", D(2025, 3, 10), False, 0),
			DigestLine("Progress Update PU-0003", "Soon", D(2025, 3, 12), False, 2),
			DigestLine("Progress Update PU-0004", "At the horizon", D(2025, 4, 9), False, 30),
		]
	}


def test_digest_is_per_owner_and_skips_owners_with_nothing_to_do():
	today = D(2025, 3, 10)
	deadlines = [
		deadline(D(2025, 3, 20), reference="PU-1", owners=("a@moh.gov", "b@moh.gov", "a@moh.gov")),
		deadline(D(2025, 3, 15), reference="PU-2", owners=("b@moh.gov",)),
		deadline(D(2025, 6, 1), reference="PU-3", owners=("c@moh.gov",)),
		deadline(D(2025, 3, 1), reference="PU-4", owners=("d@moh.gov",), done=True),
	]
	digest = weekly_digest(deadlines, today, horizon_days=14)
	assert {owner: [line.reference for line in lines] for owner, lines in digest.items()} == {
		"a@moh.gov": ["PU-1"],
		"b@moh.gov": ["PU-2", "PU-1"],
	}
