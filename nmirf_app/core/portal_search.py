"""What a visitor types in the portal's search box, read as people search for recommendations: a
reference (`UPR-2-102.80`), a UN document symbol (`A/HRC/32/9`), a symbol and paragraph
(`A/HRC/32/9, para. 102.80`), a paragraph number (`102.80`), or words of the text. Every reading
that fits is tried, the words of the text always, so nothing a visitor typed is ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nmirf_app.core.references import normalise_symbol

# NMIRF references: a mechanism code then parts joined by hyphens (UPR-2-102.80, CRC-2024-8,
# SR-TORTURE-2016-87); at least one part holds a digit.
_REFERENCE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9.]+)*-[A-Za-z0-9.]*\d[A-Za-z0-9.]*$")
# A UN symbol has slashes; a paragraph may follow: ", para. 9", " para 9", " § 9", ", párr. 9", ", par. 9"
_SYMBOL_AND_PARAGRAPH = re.compile(
	r"^(?P<symbol>[^\s,]*/[^\s,]*)(?:\s*,?\s*(?:paras?\.?|paragraph|párr\.?|par\.?|§)\s*(?P<paragraph>\d[\w.]*))?$",
	re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"^\d+(?:\.\d+)*[a-z]?$", re.IGNORECASE)
LONGEST_SEARCH = 200  # characters; the rest of a pasted text is left out


@dataclass(frozen=True)
class PortalSearch:
	text: str  # found anywhere in the recommendation's text
	reference: str | None = None  # the recommendation's reference (its name)
	symbol: str | None = None  # its document symbol, normalised
	paragraph: str | None = None  # its paragraph, with the symbol when one was given


def read_search(query: str | None) -> PortalSearch | None:
	"""The readings of a search; None when nothing was typed."""
	text = " ".join((query or "").split())[:LONGEST_SEARCH]
	if not text:
		return None
	reference = text.upper() if _REFERENCE.match(text) else None
	symbol = paragraph = None
	if found := _SYMBOL_AND_PARAGRAPH.match(text):
		symbol = normalise_symbol(found["symbol"])
		paragraph = found["paragraph"]
	elif _PARAGRAPH.match(text):
		paragraph = text
	return PortalSearch(text=text, reference=reference, symbol=symbol, paragraph=paragraph)
