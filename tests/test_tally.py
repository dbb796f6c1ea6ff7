from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from nmirf_app.core.tally import RECOMMENDATIONS, UNTAGGED, TallyKey, contribution, difference

THEME, SDG = "Recommendation Theme", "Recommendation SDG Target"


def upr(status="In progress", published=1):
	return {"mechanism": "UPR", "upr_cycle": 4, "implementation_status": status, "published": published}


def test_a_recommendation_counts_once_as_itself_and_once_per_tag():
	counts = contribution(upr(), {THEME: ["Women", "Health"], SDG: ["5"]})
	dimensions = ("UPR", 4, "In progress", 1)
	assert counts == {
		TallyKey(*dimensions, RECOMMENDATIONS, UNTAGGED): 1,
		TallyKey(*dimensions, THEME, "Women"): 1,
		TallyKey(*dimensions, THEME, "Health"): 1,
		TallyKey(*dimensions, SDG, "5"): 1,
	}


def test_two_targets_of_one_goal_count_the_recommendation_once_in_that_goal():
	counts = contribution(upr(), {SDG: ["5", "5", "16"]})
	assert counts[TallyKey("UPR", 4, "In progress", 1, SDG, "5")] == 1


def test_no_tag_of_a_type_counts_as_untagged_in_that_type():
	counts = contribution(upr(), {THEME: [], SDG: [None, ""]})
	assert counts[TallyKey("UPR", 4, "In progress", 1, THEME, UNTAGGED)] == 1
	assert counts[TallyKey("UPR", 4, "In progress", 1, SDG, UNTAGGED)] == 1


def test_blank_dimensions_become_one_spelling():
	blank = contribution({"mechanism": None, "upr_cycle": None, "implementation_status": None}, {})
	assert list(blank) == [TallyKey("", 0, "", 0, RECOMMENDATIONS, UNTAGGED)]


def test_a_status_change_moves_every_row_of_the_recommendation():
	before = contribution(upr("In progress"), {THEME: ["Women"]})
	after = contribution(upr("Fully implemented"), {THEME: ["Women"]})
	change = difference(before, after)
	assert sorted(change.values()) == [-1, -1, 1, 1]
	assert change[TallyKey("UPR", 4, "Fully implemented", 1, THEME, "Women")] == 1
	assert change[TallyKey("UPR", 4, "In progress", 1, THEME, "Women")] == -1


def test_an_unchanged_save_changes_nothing():
	counts = contribution(upr(), {THEME: ["Women"]})
	assert difference(counts, counts) == {}


def test_names_are_stable_and_tell_keys_apart():
	key = TallyKey("UPR", 4, "In progress", 1, THEME, "Women")
	assert key.name == TallyKey("UPR", 4, "In progress", 1, THEME, "Women").name
	assert key.name != key._replace(published=0).name
	assert len(key.name) == 32


recommendations = st.fixed_dictionaries(
	{
		"mechanism": st.sampled_from(["UPR", "CEDAW", None]),
		"upr_cycle": st.integers(0, 4),
		"implementation_status": st.sampled_from(["Not started", "In progress", None]),
		"published": st.booleans(),
	}
)
tag_sets = st.fixed_dictionaries(
	{
		THEME: st.lists(st.sampled_from(["Women", "Health", "", None])),
		SDG: st.lists(st.sampled_from("1 5 16")),
	}
)


@given(st.lists(st.tuples(recommendations, tag_sets, recommendations, tag_sets), max_size=8))
def test_adding_each_difference_gives_the_tally_of_the_final_state(edits):
	"""Whatever the sequence of saves, the running tally equals the tally counted afresh."""
	tally, final = Counter(), Counter()
	for before_rec, before_tags, after_rec, after_tags in edits:
		tally.update(contribution(before_rec, before_tags))  # inserted
		tally.update(difference(contribution(before_rec, before_tags), contribution(after_rec, after_tags)))
		final.update(contribution(after_rec, after_tags))
	assert +tally == +final and all(count >= 0 for count in tally.values())
