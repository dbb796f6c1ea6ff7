import datetime

import pytest

from nmirf_app.core.status_rules import (
	ActionState,
	ApprovedUpdate,
	Assessment,
	derive_cluster_status,
	derive_recommendation_status,
	independent_voices,
	is_contrary_grade,
	status_for_grade,
	treaty_body_grade_meaning,
)

D = datetime.date


def government(day, status):
	return Assessment("Government", day, status=status)


def test_nothing_recorded_is_not_assessed():
	assert derive_recommendation_status([], [], []) == "Not assessed"


def test_approved_update_sets_the_status():
	updates = [ApprovedUpdate(D(2024, 3, 1), "In progress")]
	assert derive_recommendation_status(updates, [], []) == "In progress"


def test_latest_approved_update_decides():
	updates = [
		ApprovedUpdate(D(2024, 9, 1), "Partially implemented"),
		ApprovedUpdate(D(2024, 3, 1), "In progress"),
	]
	assert derive_recommendation_status(updates, [], []) == "Partially implemented"


def test_government_assessment_newer_than_the_update_decides():
	updates = [ApprovedUpdate(D(2024, 3, 1), "In progress")]
	assessments = [government(D(2024, 6, 1), "Fully implemented")]
	assert derive_recommendation_status(updates, assessments, []) == "Fully implemented"


def test_update_newer_than_the_government_assessment_decides():
	updates = [ApprovedUpdate(D(2024, 7, 1), "Partially implemented")]
	assessments = [government(D(2024, 6, 1), "In progress")]
	assert derive_recommendation_status(updates, assessments, []) == "Partially implemented"


def test_government_assessment_wins_a_same_day_tie_with_an_update():
	updates = [ApprovedUpdate(D(2024, 6, 1), "Fully implemented")]
	assessments = [government(D(2024, 6, 1), "Partially implemented")]
	assert derive_recommendation_status(updates, assessments, []) == "Partially implemented"


def test_later_listed_record_wins_a_same_day_tie_of_the_same_kind():
	updates = [
		ApprovedUpdate(D(2024, 6, 1), "In progress"),
		ApprovedUpdate(D(2024, 6, 1), "Partially implemented"),
	]
	assert derive_recommendation_status(updates, [], []) == "Partially implemented"


@pytest.mark.parametrize(
	"independent",
	[
		Assessment("NHRI", D(2025, 1, 1), status="Not started"),
		Assessment("Civil society", D(2025, 1, 1), status="Not started"),
		Assessment("Treaty body", D(2025, 1, 1), grade="E"),
		Assessment("Treaty body", D(2025, 1, 1), status="Fully implemented", grade="A"),
	],
)
def test_independent_voices_never_change_the_states_status(independent):
	updates = [ApprovedUpdate(D(2024, 3, 1), "In progress")]
	assessments = [government(D(2024, 1, 1), "Not started"), independent]
	assert derive_recommendation_status(updates, assessments, []) == "In progress"


def test_independent_voices_alone_leave_the_recommendation_not_assessed():
	assessments = [
		Assessment("NHRI", D(2025, 1, 1), status="Partially implemented"),
		Assessment("Treaty body", D(2025, 1, 1), grade="A"),
	]
	assert derive_recommendation_status([], assessments, []) == "Not assessed"


def test_independent_voices_alone_do_not_hide_the_actions():
	assessments = [Assessment("Civil society", D(2025, 1, 1), status="Fully implemented")]
	assert derive_recommendation_status([], assessments, [ActionState("Planned", 0)]) == "Not started"


@pytest.mark.parametrize(
	("actions", "expected"),
	[
		([ActionState("Planned", 0), ActionState("In progress", 0)], "In progress"),
		([ActionState("Completed", 100)], "In progress"),
		([ActionState("On hold", 20)], "In progress"),
		([ActionState("Planned", 0), ActionState("On hold", 0)], "Not started"),
	],
)
def test_actions_give_a_first_indication_without_updates_or_assessments(actions, expected):
	assert derive_recommendation_status([], [], actions) == expected


def test_completed_actions_do_not_make_a_recommendation_fully_implemented():
	assert derive_recommendation_status([], [], [ActionState("Completed", 100)]) != "Fully implemented"


def test_cancelled_actions_are_ignored():
	assert derive_recommendation_status([], [], [ActionState("Cancelled", 60)]) == "Not assessed"
	assert (
		derive_recommendation_status([], [], [ActionState("Cancelled", 60), ActionState("Planned", 0)])
		== "Not started"
	)


def test_updates_and_assessments_outrank_actions():
	updates = [ApprovedUpdate(D(2024, 3, 1), "Not started")]
	assert derive_recommendation_status(updates, [], [ActionState("In progress", 50)]) == "Not started"


def test_a_voice_cannot_state_not_assessed_or_an_unknown_status():
	with pytest.raises(ValueError, match="must state one of"):
		ApprovedUpdate(D(2024, 1, 1), "Not assessed")
	with pytest.raises(ValueError, match="must state one of"):
		government(D(2024, 1, 1), "Done")


def test_assessment_records_are_checked():
	with pytest.raises(ValueError, match="Unknown assessment voice"):
		Assessment("Press", D(2024, 1, 1), status="In progress")
	with pytest.raises(ValueError, match="needs a status"):
		Assessment("Government", D(2024, 1, 1))
	with pytest.raises(ValueError, match="Only a treaty body grades"):
		Assessment("NHRI", D(2024, 1, 1), status="In progress", grade="A")
	with pytest.raises(ValueError, match="Unknown treaty-body follow-up grade"):
		Assessment("Treaty body", D(2024, 1, 1), grade="F")
	with pytest.raises(ValueError, match="Unknown action status"):
		ActionState("Done", 100)
	with pytest.raises(ValueError, match="between 0 and 100"):
		ActionState("In progress", 120)


def test_independent_voices_show_the_latest_assessment_of_each_voice():
	old_nhri = Assessment("NHRI", D(2023, 1, 1), status="Not started")
	new_nhri = Assessment("NHRI", D(2024, 1, 1), status="In progress")
	treaty_body = Assessment("Treaty body", D(2024, 5, 1), grade="B2")
	shown = independent_voices(
		[new_nhri, treaty_body, old_nhri, government(D(2025, 1, 1), "Fully implemented")]
	)
	assert shown == {"NHRI": new_nhri, "Treaty body": treaty_body}


@pytest.mark.parametrize("grade", ["b 1", "B1", " b1 ", "B 1"])
def test_grades_are_read_case_and_space_insensitively(grade):
	assert treaty_body_grade_meaning(grade).startswith(
		"Reply/action partially satisfactory: substantive action"
	)


@pytest.mark.parametrize("grade", ["F", "B3", "", "A+", None])
def test_unknown_grade_is_refused_with_the_known_grades(grade):
	with pytest.raises(ValueError, match=r"Unknown treaty-body follow-up grade .*A, B, B1, B2"):
		treaty_body_grade_meaning(grade)
	with pytest.raises(ValueError):
		status_for_grade(grade)


@pytest.mark.parametrize(
	("grade", "status"),
	[
		("A", "Fully implemented"),
		("B1", "Partially implemented"),
		("B2", "Partially implemented"),
		("B", "Partially implemented"),
		("C1", "Not started"),
		("C2", "Not started"),
		("D1", "Not started"),
		("D2", "Not started"),
		("E", "Not started"),
	],
)
def test_grade_maps_to_a_status(grade, status):
	assert status_for_grade(grade) == status


def test_only_grade_e_is_flagged_as_contrary_to_the_recommendation():
	assert is_contrary_grade("e")
	assert "contrary" in treaty_body_grade_meaning("E")
	assert not any(is_contrary_grade(grade) for grade in ["A", "B1", "B2", "C1", "C2", "D1", "D2"])


@pytest.mark.parametrize(
	("statuses", "expected"),
	[
		([], "Not assessed"),
		(["Not assessed", "Not assessed"], "Not assessed"),
		(["Fully implemented", "Fully implemented"], "Fully implemented"),
		(["Not assessed", "Not started"], "Not started"),
		(["Not started"], "Not started"),
		(["Fully implemented", "Not assessed"], "Partially implemented"),
		(["Partially implemented", "Not started"], "Partially implemented"),
		(["In progress", "Fully implemented"], "Partially implemented"),
		(["In progress", "Not started", "Not assessed"], "In progress"),
		(["In progress"], "In progress"),
	],
)
def test_cluster_status_sums_up_its_recommendations(statuses, expected):
	assert derive_cluster_status(statuses) == expected


def test_cluster_status_refuses_unknown_statuses():
	with pytest.raises(ValueError, match="Unknown implementation status"):
		derive_cluster_status(["In progress", "Done"])


def test_only_a_claim_of_full_implementation_needs_evidence_and_only_when_the_state_asks():
	from nmirf_app.core.status_rules import lacks_required_evidence

	assert lacks_required_evidence("Fully implemented", evidence_required=True, has_evidence=False)
	assert not lacks_required_evidence("Fully implemented", evidence_required=True, has_evidence=True)
	assert not lacks_required_evidence("Fully implemented", evidence_required=False, has_evidence=False)
	assert not lacks_required_evidence("Partially implemented", evidence_required=True, has_evidence=False)
