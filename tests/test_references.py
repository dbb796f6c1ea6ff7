import pytest

from nmirf_app.core.references import (
	build_dedupe_key,
	build_recommendation_reference,
	make_title,
	next_free_reference,
	normalise_text,
	parse_paragraph_number,
)


def test_upr_reference_uses_cycle_and_paragraph():
	assert build_recommendation_reference("UPR", paragraph="136.22", upr_cycle=4, year=2021) == "UPR-4-136.22"


def test_treaty_body_reference_uses_year_and_paragraph():
	assert build_recommendation_reference("CRC", paragraph="18", year=2023) == "CRC-2023-18"


def test_reference_strips_characters_unsafe_in_urls():
	assert (
		build_recommendation_reference("sr torture", paragraph="18 (a)", year=2020) == "SR-TORTURE-2020-18-a"
	)


def test_reference_without_paragraph_ends_at_period():
	assert build_recommendation_reference("CEDAW", paragraph=None, year=2023) == "CEDAW-2023"


def test_taken_reference_gets_the_first_free_suffix():
	assert next_free_reference("CRC-2023-18", set()) == "CRC-2023-18"
	assert next_free_reference("CRC-2023-18", {"CRC-2023-18", "CRC-2023-18-2"}) == "CRC-2023-18-3"


@pytest.mark.parametrize(
	("text", "number"),
	[
		("136.22 Extend a standing invitation (Maldives);", "136.22"),
		("  4.The Committee reminds the State party", "4"),
		("The Committee recommends", None),
		("", None),
	],
)
def test_paragraph_number_is_read_from_the_start_of_the_text(text, number):
	assert parse_paragraph_number(text) == number


def test_annotation_id_is_the_strongest_identity():
	key = build_dedupe_key(
		uhri_annotation_id=" 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ",
		document_symbol="A/HRC/48/9",
		paragraph="1",
	)
	assert key == "uhri:3f2504e0-4f89-11d3-9a0c-0305e82c3301"


def test_symbol_and_paragraph_identify_a_paragraph_whatever_the_spacing_and_case():
	assert build_dedupe_key(document_symbol="a/hrc/48/9 ", paragraph="136.22") == build_dedupe_key(
		document_symbol="A/HRC/48/9", paragraph=" 136.22"
	)


def test_text_identity_ignores_case_accents_and_punctuation_but_not_the_mechanism():
	first = build_dedupe_key(text="Ratify the Optional Protocol; (Côte d'Ivoire)", mechanism_code="UPR")
	second = build_dedupe_key(text="ratify the optional protocol (cote d ivoire).", mechanism_code="upr")
	other_mechanism = build_dedupe_key(text="Ratify the Optional Protocol", mechanism_code="CRC")
	assert first == second
	assert first != other_mechanism


def test_a_recommendation_without_text_or_source_cannot_be_identified():
	with pytest.raises(ValueError, match="needs a text"):
		build_dedupe_key(text="  ;; ", document_symbol="A/HRC/48/9")


def test_normalised_text_collapses_whitespace():
	assert normalise_text("  Adopt\n a  LAW ") == "adopt a law"


def test_title_drops_the_paragraph_number_and_cuts_at_a_word():
	text = "136.22 " + "Strengthen the national mechanism for the prevention of torture " * 5
	title = make_title(text, limit=60)
	assert title.startswith("Strengthen the national")
	assert title.endswith("…")
	assert len(title) <= 60
	assert make_title("18. Adopt a law.") == "Adopt a law."


@pytest.mark.parametrize(
	("text", "title"),
	[
		(
			"18. The Committee recommends that the State party: (a) Adopt a law on care.",
			"Adopt a law on care.",
		),
		("The Committee urges the State party to ratify the Convention.", "Ratify the Convention."),
		(
			"Recalling its previous recommendations (CRC/C/PRY/CO/3, para. 12), the Committee recommends that the"
			" State party strengthen birth registration.",
			"Strengthen birth registration.",
		),
		(
			"22. The State party should ensure that detainees see a lawyer.",
			"Ensure that detainees see a lawyer.",
		),
		("136.22 Extend a standing invitation (Portugal);", "Extend a standing invitation (Portugal);"),
	],
)
def test_title_skips_the_treaty_body_opening_formula(text, title):
	assert make_title(text) == title


def test_a_record_reads_as_its_reference_and_title():
	from nmirf_app.core.references import reference_with_title

	assert (
		reference_with_title("UPR-2-118.103", "Increase the budget") == "UPR-2-118.103 — Increase the budget"
	)
	assert reference_with_title("ACT-2026-00001", None) == "ACT-2026-00001"
	assert reference_with_title(None, "A title") == ""
	long = reference_with_title("CRC-2023-18", "x" * 300)
	assert len(long) == 240 and long.endswith("…") and long.startswith("CRC-2023-18 — x")


def test_a_title_shown_next_to_its_reference_does_not_repeat_it():
	from nmirf_app.core.references import title_after_reference

	assert (
		title_after_reference("UPR-2-118.103 — Increase the budget", "UPR-2-118.103") == "Increase the budget"
	)
	assert title_after_reference("Increase the budget", "UPR-2-118.103") == "Increase the budget"
	assert title_after_reference("UPR-2-118.1030 — Other", "UPR-2-118.103") == "UPR-2-118.1030 — Other"
	assert title_after_reference(None, "UPR-2-118.103") == ""
