"""Fixed words of the framework-free core, and how they reach the translation files.

The core cannot call Frappe's `_()`. It marks each fixed word it writes with `N_` (gettext's
"translate later" mark, which `bench generate-pot-file` extracts like `_`), and takes a `translate`
function from its caller, who translates into the user's or the document's language.
"""

from collections.abc import Callable

Translate = Callable[[str], str]


def N_(text: str) -> str:
	"""Marks `text` for the translation template; the caller translates it where it is written."""
	return text


def untranslated(text: str) -> str:
	"""The `translate` of a caller that writes in English."""
	return text
