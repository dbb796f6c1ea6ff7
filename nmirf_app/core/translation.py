"""Fixed words of the framework-free core, and how they reach the translation files.

The core cannot call Frappe's `_()`. It marks each fixed word it writes with `N_` (gettext's
"translate later" mark, which `bench generate-pot-file` extracts like `_`), and takes a `translate`
function from its caller, who translates into the user's or the document's language.
"""

from collections.abc import Callable, Iterable
from urllib.parse import urlencode

Translate = Callable[[str], str]

# The languages the app speaks, each named in itself: a visitor looks for their own language.
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
# Frappe's request parameter that chooses the language of one page
LANGUAGE_PARAMETER = "_lang"


def N_(text: str) -> str:
	"""Marks `text` for the translation template; the caller translates it where it is written."""
	return text


def untranslated(text: str) -> str:
	"""The `translate` of a caller that writes in English."""
	return text


def language_links(path: str, query: Iterable[tuple[str, str]], current: str) -> list[dict]:
	"""The same page in each of the app's languages: the visitor's filters and page kept, only the
	language parameter changed. `current` may name a regional variant ("en-GB" is English)."""
	current = current.split("-")[0]
	kept = [(key, value) for key, value in query if key != LANGUAGE_PARAMETER]
	return [
		{
			"code": code,
			"name": name,
			"href": f"{path}?{urlencode([*kept, (LANGUAGE_PARAMETER, code)])}",
			"current": code == current,
		}
		for code, name in LANGUAGES.items()
	]
