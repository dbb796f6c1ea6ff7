import pytest

from nmirf_app.core.countries import CountryResolver
from nmirf_app.core.upr_text import (
	UprText,
	normalise_upr_position,
	split_paragraph_heading,
	split_upr_recommendation,
	upr_cycle_of_session,
)


def test_single_recommending_state_is_split_from_the_text():
	assert split_upr_recommendation(
		"136.22 Extend a standing invitation to all Special Rapporteurs of the Human Rights Council "
		"(the former Yugoslav Republic of Macedonia);"
	) == UprText(
		paragraph="136.22",
		text="Extend a standing invitation to all Special Rapporteurs of the Human Rights Council",
		recommending_states=["the former Yugoslav Republic of Macedonia"],
	)


def test_several_recommending_states_keep_their_order():
	result = split_upr_recommendation("140.7 Ratify the Optional Protocol (Maldives) (Portugal);")
	assert result.paragraph == "140.7"
	assert result.text == "Ratify the Optional Protocol"
	assert result.recommending_states == ["Maldives", "Portugal"]


def test_state_names_with_nested_parentheses_stay_whole():
	result = split_upr_recommendation(
		"117.45 Continue its efforts to eradicate poverty (Venezuela (Bolivarian Republic of)) "
		"(Iran (Islamic Republic of)) (Bolivia (Plurinational State of))."
	)
	assert result.text == "Continue its efforts to eradicate poverty"
	assert result.recommending_states == [
		"Venezuela (Bolivarian Republic of)",
		"Iran (Islamic Republic of)",
		"Bolivia (Plurinational State of)",
	]


def test_parentheses_inside_the_recommendation_stay_in_the_text():
	result = split_upr_recommendation(
		"140.12 Ratify the Domestic Workers Convention, 2011 (No. 189) of the International Labour "
		"Organization (ILO No. 189) (Philippines);"
	)
	assert result.text.endswith("Organization (ILO No. 189)")
	assert result.recommending_states == ["Philippines"]


def test_acronym_before_the_state_is_not_taken_for_a_state():
	result = split_upr_recommendation(
		"140.3 Ratify the Convention on the Rights of Persons with Disabilities (CRPD) (Sweden);"
	)
	assert result.text.endswith("with Disabilities (CRPD)")
	assert result.recommending_states == ["Sweden"]


def test_resolver_decides_which_trailing_groups_are_states():
	resolver = CountryResolver(
		["Paraguay", "Bolivia, Plurinational State of"],
		{"Bolivia (Plurinational State of)": "Bolivia, Plurinational State of"},
	)
	result = split_upr_recommendation(
		"98.4 Strengthen the National Mechanism (Implementation and Follow-up) "
		"(Bolivia (Plurinational State of)) (Paraguay);",
		resolver,
	)
	assert result.text == "Strengthen the National Mechanism (Implementation and Follow-up)"
	assert result.recommending_states == ["Bolivia (Plurinational State of)", "Paraguay"]


def test_recommendation_without_states_keeps_its_text():
	result = split_upr_recommendation("5.1 Adopt a national action plan on business and human rights.")
	assert result == UprText("5.1", "Adopt a national action plan on business and human rights", [])


def test_line_breaks_and_accents_are_kept_readable():
	result = split_upr_recommendation(
		"121.8 Garantizar la educación\n intercultural bilingüe en Ñeembucú (España);"
	)
	assert result.text == "Garantizar la educación intercultural bilingüe en Ñeembucú"
	assert result.recommending_states == ["España"]


def test_sub_heading_before_the_number_is_not_part_of_the_text():
	result = split_upr_recommendation("Rural women 49.The Committee recommends that the State party…")
	assert result.paragraph == "49"
	assert result.text == "The Committee recommends that the State party…"


def test_sub_heading_is_split_from_a_treaty_body_paragraph():
	assert split_paragraph_heading("Rural women\n49.The Committee recommends") == (
		"Rural women",
		"49.The Committee recommends",
	)
	assert split_paragraph_heading("4.The Committee reminds") == (None, "4.The Committee reminds")


def test_number_inside_a_sentence_is_not_a_paragraph_number():
	assert split_paragraph_heading("The Committee recommends 5 measures") == (
		None,
		"The Committee recommends 5 measures",
	)
	assert split_upr_recommendation("The Committee recommends 5 measures").paragraph is None
	assert split_paragraph_heading("Ratify ILO Convention No. 189. Also…") == (
		None,
		"Ratify ILO Convention No. 189. Also…",
	)


def test_empty_text_gives_an_empty_result():
	assert split_upr_recommendation(None) == UprText(None, "", [])


@pytest.mark.parametrize(
	("written", "position"),
	[
		("Supported", "Supported"),
		(" supported ", "Supported"),
		("Noted", "Noted"),
		("Supported/Noted", "Supported in part"),
		("Supported / Noted", "Supported in part"),
		("Not Supported", "Noted"),
		("Not supported", "Noted"),
		("Rejected", "Noted"),
		("Accepted", "Supported"),
		("", ""),
		(None, ""),
	],
)
def test_upr_positions_are_normalised(written, position):
	assert normalise_upr_position(written) == position


def test_split_upr_position_is_kept():
	assert normalise_upr_position("Supported/Noted") == "Supported in part"


def test_unknown_upr_position_is_refused_with_the_value():
	with pytest.raises(ValueError, match=r"'Pending'.*Supported, Noted"):
		normalise_upr_position("Pending")


@pytest.mark.parametrize(
	("session", "cycle"),
	[
		("10th Session", 1),
		("12", 1),
		("13th session", 2),
		("24th Session", 2),
		("38th Session", 3),
		("41", 4),
		("", None),
	],
)
def test_upr_cycle_follows_from_the_working_group_session(session, cycle):
	assert upr_cycle_of_session(session) == cycle
