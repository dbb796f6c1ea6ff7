"""Repeated recommendations: one group per request asked several times, by its latest recommendation."""

from nmirf_app.core.repeats import AskedRecommendation, repeat_groups


def asked(name, year, cycle=None, states=(), status="Not started", mechanism="UPR"):
	return AskedRecommendation(name, mechanism, cycle, year, status, tuple(states))


RECOMMENDATIONS = {
	"UPR-1-10": asked("UPR-1-10", 2011, 1, ["Spain", "Chile"]),
	"UPR-2-20": asked("UPR-2-20", 2016, 2, ["Chile", "Peru"]),
	"UPR-3-30": asked("UPR-3-30", 2021, 3, ["Mexico"], status="In progress"),
	"CRC-2019-5": asked("CRC-2019-5", 2019, mechanism="CRC"),
	"CAT-2017-4": asked("CAT-2017-4", 2017, mechanism="CAT"),
	"CAT-2023-9": asked("CAT-2023-9", 2023, mechanism="CAT"),
	"alone": asked("alone", 2020),
}


def test_a_chain_of_repeats_is_one_request_asked_several_times_by_its_latest():
	links = [("UPR-3-30", "UPR-2-20"), ("UPR-2-20", "UPR-1-10"), ("CRC-2019-5", "UPR-1-10")]
	[group, *_] = repeat_groups(RECOMMENDATIONS, links)
	assert group.latest.name == "UPR-3-30"
	assert [member.name for member in group.earlier] == ["UPR-1-10", "UPR-2-20", "CRC-2019-5"]
	assert group.times_asked == 4
	assert group.first.upr_cycle == 1
	assert group.recommending_states == ("Chile", "Mexico", "Peru", "Spain")
	assert group.mechanisms == ("UPR", "CRC")


def test_groups_are_most_asked_first_and_a_lone_recommendation_is_no_group():
	links = [("CAT-2023-9", "CAT-2017-4"), ("UPR-3-30", "UPR-2-20"), ("UPR-2-20", "UPR-1-10")]
	groups = repeat_groups(RECOMMENDATIONS, links)
	assert [(group.latest.name, group.times_asked) for group in groups] == [
		("UPR-3-30", 3),
		("CAT-2023-9", 2),
	]


def test_a_link_to_a_recommendation_the_reader_may_not_open_joins_nothing():
	readable = {name: value for name, value in RECOMMENDATIONS.items() if name != "UPR-2-20"}
	groups = repeat_groups(readable, [("UPR-3-30", "UPR-2-20"), ("UPR-2-20", "UPR-1-10")])
	assert groups == []


def test_a_link_either_way_or_twice_or_to_itself_counts_once():
	links = [("UPR-1-10", "UPR-2-20"), ("UPR-2-20", "UPR-1-10"), ("UPR-2-20", "UPR-2-20")]
	[group] = repeat_groups(RECOMMENDATIONS, links)
	assert (group.latest.name, group.times_asked) == ("UPR-2-20", 2)
