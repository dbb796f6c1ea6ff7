"""Country names as UN documents write them, resolved to the site's Country records.

UN documents, UHRI and UPR Info use the UN official short names ("Viet Nam", "Türkiye",
"Bolivia (Plurinational State of)"); Frappe's Country records use other spellings ("Vietnam",
"Turkey", "Bolivia, Plurinational State of"). `country_aliases.csv` bridges the two.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from nmirf_app.core.reference_data import REFERENCE_DATA_DIR, read_csv
from nmirf_app.core.vocabulary import match_key

COUNTRY_ALIASES_FILE = "country_aliases.csv"

# Frappe writes "Korea, Democratic Peoples Republic of" where the UN writes "People's".
_APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")


def country_key(name: str | None) -> str:
	"""Names compare without case, accents, apostrophes, punctuation and a leading 'the'."""
	decomposed = unicodedata.normalize("NFKD", name or "")
	without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
	return match_key(_APOSTROPHES.sub("", without_accents)).removeprefix("the ")


class CountryResolver:
	"""Finds the known Country name a source string means, directly or through an alias."""

	def __init__(self, known_names: Iterable[str], aliases: dict[str, str] | None = None):
		self._by_key: dict[str, str] = {}
		for name in known_names:
			self._by_key.setdefault(country_key(name), name)
		# Known names win over aliases: an alias never hides a real Country.
		for alias, country in (aliases or {}).items():
			target = self._by_key.get(country_key(country))
			if target is None:
				raise ValueError(
					f"Country alias {alias!r} points to {country!r}, which is not a known country"
				)
			self._by_key.setdefault(country_key(alias), target)

	def resolve(self, name: str | None) -> str | None:
		return self._by_key.get(country_key(name)) if name and name.strip() else None


def read_country_aliases(directory: Path = REFERENCE_DATA_DIR) -> dict[str, str]:
	return {row["alias"]: row["country"] for row in read_csv(COUNTRY_ALIASES_FILE, directory)}


def load_country_resolver(
	known_names: Iterable[str], directory: Path = REFERENCE_DATA_DIR
) -> CountryResolver:
	"""A resolver over the site's Country names (`frappe.get_all("Country", pluck="name")`)."""
	return CountryResolver(known_names, read_country_aliases(directory))
