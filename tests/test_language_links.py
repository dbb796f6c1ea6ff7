"""The portal's language switch: the same page in each of the app's languages, the visitor's filters
and page kept, and the language the page is in marked as current."""

from urllib.parse import parse_qsl, urlsplit

from nmirf_app.core.translation import LANGUAGES, language_links


def test_every_language_links_to_the_same_page_with_the_filters_kept():
	links = language_links(
		"/recommendations", [("mechanism", "UPR"), ("page", "3"), ("theme", "A & B")], "fr"
	)
	assert [link["code"] for link in links] == list(LANGUAGES)
	for link in links:
		url = urlsplit(link["href"])
		assert url.path == "/recommendations"
		assert parse_qsl(url.query) == [
			("mechanism", "UPR"),
			("page", "3"),
			("theme", "A & B"),
			("_lang", link["code"]),
		]


def test_the_language_the_page_is_in_is_current_regional_variants_included():
	assert [link["current"] for link in language_links("/", [], "fr")] == [False, True, False, False]
	assert [link["current"] for link in language_links("/", [], "en-GB")] == [True, False, False, False]
	assert not any(link["current"] for link in language_links("/", [], "de"))


def test_a_language_already_chosen_is_replaced_not_repeated():
	(arabic,) = [
		link for link in language_links("/x", [("_lang", "fr"), ("q", "water")], "fr") if link["code"] == "ar"
	]
	assert parse_qsl(urlsplit(arabic["href"]).query) == [("q", "water"), ("_lang", "ar")]
