"""What a bulk edit of recommendations does to each record."""

from nmirf_app.core.bulk_edit import Responsibility, responsibilities_after, tags_after

HEALTH, EDUCATION, WOMEN = "Ministry of Health", "Ministry of Education", "Ministry of Women"


def test_adding_tags_keeps_the_existing_and_adds_each_new_one_once():
	assert tags_after("add_themes", ["Health"], ["Education", "Health", "Education"]) == [
		"Health",
		"Education",
	]


def test_removing_tags_removes_only_the_chosen_ones():
	assert tags_after("remove_themes", ["Health", "Education", "Water"], ["Education", "Justice"]) == [
		"Health",
		"Water",
	]


def test_a_supporting_institution_is_added_after_the_others():
	current = [Responsibility(HEALTH, "Lead")]
	assert responsibilities_after("add_supporting_institution", current, EDUCATION) == [
		Responsibility(HEALTH, "Lead"),
		Responsibility(EDUCATION, "Supporting"),
	]


def test_a_new_lead_takes_over_and_the_former_lead_supports():
	current = [Responsibility(HEALTH, "Lead"), Responsibility(WOMEN, "Supporting")]
	assert responsibilities_after("add_lead_institution", current, EDUCATION) == [
		Responsibility(HEALTH, "Supporting"),
		Responsibility(WOMEN, "Supporting"),
		Responsibility(EDUCATION, "Lead"),
	]


def test_a_supporting_institution_made_lead_is_listed_once():
	current = [Responsibility(HEALTH, "Lead"), Responsibility(EDUCATION, "Supporting")]
	after = responsibilities_after("add_lead_institution", current, EDUCATION)
	assert after == [Responsibility(HEALTH, "Supporting"), Responsibility(EDUCATION, "Lead")]


def test_adding_an_institution_already_responsible_changes_nothing():
	current = [Responsibility(HEALTH, "Lead")]
	assert responsibilities_after("add_supporting_institution", current, HEALTH) == current
	assert responsibilities_after("add_lead_institution", current, HEALTH) == current


def test_removing_an_institution_keeps_the_others():
	current = [Responsibility(HEALTH, "Lead"), Responsibility(EDUCATION, "Supporting")]
	assert responsibilities_after("remove_institution", current, HEALTH) == [
		Responsibility(EDUCATION, "Supporting")
	]
