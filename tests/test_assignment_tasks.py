"""One task per person per assignment step, due with the first answer date."""

from datetime import date

from nmirf_app.core.assignment_tasks import (
	DEFAULT_RESPONSE_DAYS,
	Assignment,
	response_due,
	shared_cluster,
	task_due,
	tasks_by_person,
)


def assignment(user, recommendation, due=date(2026, 12, 18), institution="Ministry of Health", cluster=None):
	return Assignment(
		user, institution, recommendation, "title", "Lead", due, f"row-{recommendation}", cluster
	)


def test_the_answer_is_due_the_set_number_of_days_after_the_assignment():
	assert response_due(date(2026, 12, 4), 10) == date(2026, 12, 14)


def test_an_unset_or_nonsense_number_of_days_takes_the_default():
	for days in (None, 0, -3):
		assert (response_due(date(2026, 12, 4), days) - date(2026, 12, 4)).days == DEFAULT_RESPONSE_DAYS


def test_a_step_assigning_many_recommendations_gives_each_person_one_list():
	made = [assignment(user, f"UPR-3-{n}") for n in range(47) for user in ("fp.health", "alt.health")]
	tasks = tasks_by_person(made)
	assert sorted(tasks) == ["alt.health", "fp.health"]
	assert [a.recommendation for a in tasks["fp.health"]] == [f"UPR-3-{n}" for n in range(47)]


def test_the_same_assignment_made_twice_in_a_step_is_listed_once():
	made = [assignment("fp.health", "UPR-3-1"), assignment("fp.health", "UPR-3-1")]
	assert len(tasks_by_person(made)["fp.health"]) == 1


def test_two_institutions_of_one_person_are_both_listed():
	made = [assignment("fp", "UPR-3-1"), assignment("fp", "UPR-3-1", institution="Ministry of Education")]
	assert len(tasks_by_person(made)["fp"]) == 2


def test_a_list_falls_due_with_its_first_answer_date():
	made = [assignment("fp", "A", due=date(2026, 12, 20)), assignment("fp", "B", due=date(2026, 12, 11))]
	assert task_due(made) == date(2026, 12, 11)


def test_a_list_belongs_to_a_cluster_only_when_every_recommendation_does():
	assert (
		shared_cluster(
			[assignment("fp", "A", cluster="Education"), assignment("fp", "B", cluster="Education")]
		)
		== "Education"
	)
	assert shared_cluster([assignment("fp", "A", cluster="Education"), assignment("fp", "B")]) is None
