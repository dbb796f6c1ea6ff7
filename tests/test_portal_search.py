"""The portal's search box reads references, UN symbols, symbol and paragraph, paragraph numbers and
words; references sort as people read them."""

import pytest

from nmirf_app.core.portal_search import LONGEST_SEARCH, PortalSearch, read_search
from nmirf_app.core.references import SORT_KEY_LENGTH, natural_sort_key


@pytest.mark.parametrize(
	"typed, reading",
	[
		("UPR-2-102.80", PortalSearch("UPR-2-102.80", reference="UPR-2-102.80")),
		("crc-2024-8", PortalSearch("crc-2024-8", reference="CRC-2024-8")),
		("SR-TORTURE-2016-87", PortalSearch("SR-TORTURE-2016-87", reference="SR-TORTURE-2016-87")),
		("A/HRC/32/9", PortalSearch("A/HRC/32/9", symbol="A/HRC/32/9")),
		(" a/hrc/32/9 ", PortalSearch("a/hrc/32/9", symbol="A/HRC/32/9")),
		(
			"A/HRC/32/9, para. 102.80",
			PortalSearch("A/HRC/32/9, para. 102.80", symbol="A/HRC/32/9", paragraph="102.80"),
		),
		(
			"CEDAW/C/PRY/CO/8 § 12",
			PortalSearch("CEDAW/C/PRY/CO/8 § 12", symbol="CEDAW/C/PRY/CO/8", paragraph="12"),
		),
		(
			"CRC/C/PRY/CO/4-6, párr. 18",
			PortalSearch("CRC/C/PRY/CO/4-6, párr. 18", symbol="CRC/C/PRY/CO/4-6", paragraph="18"),
		),
		("102.80", PortalSearch("102.80", paragraph="102.80")),
		("18b", PortalSearch("18b", paragraph="18b")),
		("birth   registration", PortalSearch("birth registration")),
		("CRC", PortalSearch("CRC")),  # a mechanism's code is a word of the text, not a reference
		("2024", PortalSearch("2024", paragraph="2024")),
	],
)
def test_each_reading_of_a_search(typed, reading):
	assert read_search(typed) == reading


def test_an_empty_search_is_no_search_and_a_pasted_text_is_cut():
	assert read_search("") is None and read_search("   ") is None and read_search(None) is None
	assert len(read_search("word " * 100).text) == LONGEST_SEARCH


def test_references_sort_as_people_read_them():
	references = ["CRC-2024-52", "CRC-2024-8", "UPR-3-118.10", "UPR-3-118.2", "CRC-2024-8-2", "UPR-10-1.1"]
	assert sorted(references, key=natural_sort_key) == [
		"CRC-2024-8",
		"CRC-2024-8-2",
		"CRC-2024-52",
		"UPR-3-118.2",
		"UPR-3-118.10",
		"UPR-10-1.1",
	]
	assert natural_sort_key(" crc-2024-8 ") == natural_sort_key("CRC-2024-8")
	long_reference = "XSS-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16-17-18-19-20"
	assert len(natural_sort_key(long_reference)) == SORT_KEY_LENGTH, "fits the Data field"
	assert natural_sort_key(long_reference) < natural_sort_key("XSS-2"), "sorted by its beginning"
