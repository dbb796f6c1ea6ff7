"""UPR recommendations as the UN prints them, and the State's responses to them.

A UPR working-group report prints each recommendation as one numbered line, the recommending
States in parentheses at the end: `140.7 Ratify the Optional Protocol (Maldives) (Portugal);`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nmirf_app.core.references import parse_paragraph_number
from nmirf_app.core.vocabulary import match_key

if TYPE_CHECKING:
	from nmirf_app.core.countries import CountryResolver

# UHRI puts a sub-heading before some paragraph numbers (`Rural women 49.The Committee…`). A
# number after a heading only counts when it reads like a paragraph number, "49." or "136.22 ",
# so that "The Committee recommends 5 measures" is not split into a heading and paragraph 5; and a
# heading is a short phrase, not a sentence ("Ratify Convention No. 189. …" has no heading).
_HEADING_THEN_NUMBER = re.compile(
	r"(?P<heading>[^\d.;:!?]{1,150}?)\s*(?P<number>\d+\.(?=\D)|\d+(?:\.\d+)+(?=\s))"
)
_WHITESPACE = re.compile(r"\s+")
_TRAILING_PUNCTUATION = " \t\n;.,"
_DIGIT = re.compile(r"\d")


@dataclass
class UprText:
	paragraph: str | None
	text: str
	recommending_states: list[str] = field(default_factory=list)


def split_paragraph_heading(text: str | None) -> tuple[str | None, str]:
	"""(sub-heading, rest) of a UN paragraph: `Rural women 49.The…` → ("Rural women", "49.The…").

	Text that starts with its number, or has no number, has no sub-heading.
	"""
	stripped = (text or "").strip()
	if parse_paragraph_number(stripped):
		return None, stripped
	match = _HEADING_THEN_NUMBER.match(stripped)
	if not match:
		return None, stripped
	# Export artefacts such as "==" or "- " before the number are not a heading.
	heading = re.sub(r"^\W+|[^\w)]+$", "", match.group("heading"))
	return heading or None, stripped[match.start("number") :]


def split_upr_recommendation(text: str | None, resolver: CountryResolver | None = None) -> UprText:
	"""Paragraph number, recommendation text and recommending States of one printed UPR line.

	States are returned as the document writes them; resolving them to Country records is the
	caller's job. A trailing group counts as a State if `resolver` knows it, or, without a
	resolver, if it reads like a name (see `_looks_like_state`), so that `(ILO No. 189)` stays
	part of the text.
	"""
	_heading, numbered = split_paragraph_heading(_WHITESPACE.sub(" ", text or ""))
	paragraph = parse_paragraph_number(numbered)
	body = numbered[len(paragraph) :] if paragraph else numbered
	body = body.lstrip(" .:-)").rstrip(_TRAILING_PUNCTUATION)

	states: list[str] = []
	while body.endswith(")"):
		opening = _matching_open_parenthesis(body)
		if opening is None or opening == 0:
			break
		candidate = body[opening + 1 : -1].strip()
		if not _is_state(candidate, resolver):
			break
		states.insert(0, candidate)
		body = body[:opening].rstrip(_TRAILING_PUNCTUATION)
	return UprText(paragraph=paragraph, text=body, recommending_states=states)


def _matching_open_parenthesis(text: str) -> int | None:
	"""Index of the "(" that closes with the last character, across nested groups."""
	depth = 0
	for index in range(len(text) - 1, -1, -1):
		char = text[index]
		if char == ")":
			depth += 1
		elif char == "(":
			depth -= 1
			if depth == 0:
				return index
	return None


def _is_state(candidate: str, resolver: CountryResolver | None) -> bool:
	if resolver is not None:
		return resolver.resolve(candidate) is not None
	return _looks_like_state(candidate)


def _looks_like_state(candidate: str) -> bool:
	"""A capitalised name (or 'the former Yugoslav…') without digits, and not an acronym like (CEDAW)."""
	if not candidate or _DIGIT.search(candidate):
		return False
	if not (candidate[0].isupper() or candidate.startswith("the ")):
		return False
	return any(char.islower() for char in candidate)


# Responses as UN addenda, UHRI and UPR Info write them, older wordings included.
_UPR_POSITIONS = {
	"supported": "Supported",
	"accepted": "Supported",
	"noted": "Noted",
	"not supported": "Noted",
	"rejected": "Noted",
	"supported noted": "Supported in part",
	"noted supported": "Supported in part",
	"supported in part": "Supported in part",
	"partially supported": "Supported in part",
}


def normalise_upr_position(value: str | None) -> str:
	"""`Supported`, `Noted` or `Supported in part` (split response); "" when there is none yet."""
	key = match_key(value or "")
	if not key:
		return ""
	try:
		return _UPR_POSITIONS[key]
	except KeyError:
		raise ValueError(
			f"Unknown UPR position {value!r}: expected Supported, Noted, Supported/Noted, "
			"or the older Accepted, Not Supported or Rejected"
		) from None


_SESSION_NUMBER = re.compile(r"(\d+)")


def upr_cycle_of_session(session: str | int | None) -> int | None:
	"""The UPR cycle a Working Group session belongs to: sessions 1-12 made the first cycle
	(2008-2011), and every later cycle has 14 sessions (13-26, 27-40, 41-54, ...)."""
	match = _SESSION_NUMBER.search(str(session or ""))
	if not match or int(match.group(1)) < 1:
		return None
	number = int(match.group(1))
	return 1 if number <= 12 else 2 + (number - 13) // 14
