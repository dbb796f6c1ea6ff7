"""Controlled vocabularies (UHRI themes and affected groups) with versions and aliases.

UHRI renames labels between vocabulary versions (e.g. "Acceptance of international norms" became
"Ratification of & accession to international instruments" for UPR cycle 4); an old label is kept
as an alias of the new entry so that old and new exports land on the same record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Newer vocabulary versions win when a label appears in several lists.
_VERSION_NUMBER = re.compile(r"(\d+)")


@dataclass
class VocabularyEntry:
	label: str
	vocabulary_version: str
	aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, alias's vocabulary version)


def match_key(value: str) -> str:
	"""Labels compare case-, spacing- and punctuation-insensitively, with '&' read as 'and'."""
	lowered = (value or "").casefold().replace("&", " and ")
	return " ".join(re.sub(r"[^\w]+", " ", lowered).split())


def _version_rank(version: str) -> int:
	numbers = _VERSION_NUMBER.findall(version or "")
	return int(numbers[-1]) if numbers else 0


def build_vocabulary(
	labels: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str, str]] = ()
) -> list[VocabularyEntry]:
	"""Entries from (label, version) rows and (alias, label, alias_version) rows.

	A label listed under several versions becomes one entry carrying the newest version; a label
	that is declared an alias of another becomes an alias, not an entry of its own.
	"""
	alias_rows = [(alias.strip(), label.strip(), version.strip()) for alias, label, version in aliases]
	alias_keys = {match_key(alias) for alias, _label, _version in alias_rows}

	entries: dict[str, VocabularyEntry] = {}
	for label, version in labels:
		label, version = label.strip(), version.strip()
		key = match_key(label)
		if not label or key in alias_keys:
			continue
		existing = entries.get(key)
		if existing is None:
			entries[key] = VocabularyEntry(label, version)
		elif _version_rank(version) > _version_rank(existing.vocabulary_version):
			existing.vocabulary_version = version

	for alias, label, version in alias_rows:
		target = entries.get(match_key(label))
		if target is None:
			raise ValueError(f"Alias {alias!r} points to {label!r}, which is not in the vocabulary")
		target.aliases.append((alias, version))
	return sorted(entries.values(), key=lambda entry: entry.label.casefold())


class VocabularyIndex:
	"""Finds the entry a source string means, by label or alias."""

	def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]):
		self._by_key: dict[str, str] = {}
		for label, aliases in entries:
			self._by_key[match_key(label)] = label
			for alias in aliases:
				self._by_key.setdefault(match_key(alias), label)

	def resolve(self, value: str) -> str | None:
		return self._by_key.get(match_key(value))
