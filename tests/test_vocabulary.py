import pytest

from nmirf_app.core import reference_data
from nmirf_app.core.vocabulary import VocabularyIndex, build_vocabulary, match_key


def test_labels_match_ignoring_case_spacing_punctuation_and_ampersand():
	assert match_key("Refugees & asylum-seekers ") == match_key("refugees and asylum seekers")


def test_label_in_two_versions_becomes_one_entry_with_the_newest_version():
	entries = build_vocabulary([("Children", "uhri-2017"), ("Children", "uhri-2025")])
	assert [(entry.label, entry.vocabulary_version) for entry in entries] == [("Children", "uhri-2025")]


def test_renamed_label_becomes_an_alias_of_the_new_entry():
	entries = build_vocabulary(
		[("Acceptance of international norms", "uhri-2025"), ("Ratification of & accession", "uhri-2025")],
		[("Acceptance of international norms", "Ratification of & accession", "uhri-2017")],
	)
	assert [entry.label for entry in entries] == ["Ratification of & accession"]
	assert entries[0].aliases == [("Acceptance of international norms", "uhri-2017")]


def test_alias_to_an_unknown_label_is_refused():
	with pytest.raises(ValueError, match="not in the vocabulary"):
		build_vocabulary([("Children", "uhri-2025")], [("Kids", "Infants", "x")])


def test_index_resolves_labels_and_aliases():
	index = VocabularyIndex(
		[("Human trafficking & contemporary forms of slavery", ["Prohibition of slavery, trafficking"])]
	)
	assert (
		index.resolve("prohibition of slavery trafficking")
		== "Human trafficking & contemporary forms of slavery"
	)
	assert index.resolve("HUMAN TRAFFICKING AND CONTEMPORARY FORMS OF SLAVERY") == (
		"Human trafficking & contemporary forms of slavery"
	)
	assert index.resolve("Right to food") is None


def test_shipped_theme_vocabulary_maps_both_known_uhri_renames():
	themes = reference_data.vocabulary("theme")
	index = VocabularyIndex((entry.label, [alias for alias, _ in entry.aliases]) for entry in themes)
	assert (
		index.resolve("Acceptance of international norms")
		== "Ratification of & accession to international instruments"
	)
	assert (
		index.resolve("Prohibition of slavery, trafficking")
		== "Human trafficking & contemporary forms of slavery"
	)
	labels = [entry.label for entry in themes]
	assert len(labels) == len({match_key(label) for label in labels})
	assert len(labels) > 100


def test_shipped_affected_groups_are_unique_and_fit_a_record_name():
	groups = reference_data.vocabulary("affected_group")
	assert len(groups) > 40
	assert all(len(entry.label) <= 140 for entry in groups)
