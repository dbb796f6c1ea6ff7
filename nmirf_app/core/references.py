"""Readable references and stable identities of recommendations.

A reference is what people quote in meetings and reports (`UPR-4-136.22`, `CRC-2023-18`); the
dedupe key is what an import matches on, so that re-importing a file never creates duplicates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from nmirf_app.core.messages import RuleError, _lt

# UPR paragraphs are numbered "136.22"; treaty bodies "18", sometimes "18 (a)" or "18bis".
_PARAGRAPH_AT_START = re.compile(r"^\s*(\d+(?:\.\d+)*)")
_NOT_REFERENCE_SAFE = re.compile(r"[^A-Za-z0-9.]+")
_WHITESPACE = re.compile(r"\s+")


def reference_part(value: str | int | None) -> str:
	"""One part of a reference: letters, digits and dots only, other runs become a hyphen."""
	return _NOT_REFERENCE_SAFE.sub("-", str(value or "").strip()).strip("-")


def build_recommendation_reference(
	mechanism_code: str, *, paragraph: str | None, upr_cycle: int | None = None, year: int | None = None
) -> str:
	"""`UPR-4-136.22` for the UPR (cycle), `CRC-2023-18` for the others (year of the document).

	Without a paragraph the reference ends at the period; the caller makes it unique.
	"""
	period = upr_cycle or year
	parts = [reference_part(mechanism_code).upper(), reference_part(period), reference_part(paragraph)]
	return "-".join(part for part in parts if part)


def next_free_reference(reference: str, taken: set[str]) -> str:
	"""`reference` itself if free, else the first of `reference-2`, `reference-3`, … that is free."""
	if reference not in taken:
		return reference
	suffix = 2
	while f"{reference}-{suffix}" in taken:
		suffix += 1
	return f"{reference}-{suffix}"


def parse_paragraph_number(text: str | None) -> str | None:
	"""The paragraph number a UN paragraph starts with (`136.22 Ratify…` → `136.22`), if any."""
	match = _PARAGRAPH_AT_START.match(text or "")
	return match.group(1) if match else None


def normalise_text(text: str | None) -> str:
	"""Lower-case, accent-free, punctuation-free words: two copies of one paragraph compare equal."""
	decomposed = unicodedata.normalize("NFKD", text or "")
	without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
	words = re.sub(r"[^\w]+", " ", without_accents.casefold())
	return _WHITESPACE.sub(" ", words).strip()


SORT_KEY_DIGITS = 10  # numbers up to 9,999,999,999 compare as numbers
SORT_KEY_LENGTH = 140  # the field's length: an unusually long reference sorts by its beginning


def natural_sort_key(reference: str | None) -> str:
	"""A text that sorts as people read references: every number zero-padded, so that `CRC-2024-8`
	comes before `CRC-2024-52` and `UPR-3-118.2` before `UPR-3-118.10` in a plain ORDER BY."""
	padded = re.sub(
		r"\d+", lambda number: number.group().zfill(SORT_KEY_DIGITS), (reference or "").strip().upper()
	)
	return padded[:SORT_KEY_LENGTH]


_NUMBER_RUN = re.compile(r"(\d+)")


def natural_key(value: str | None) -> tuple:
	"""Compares numbers inside text as numbers: "118.2" < "118.10", "9" < "10". For sorting in
	Python, whatever the text's length; natural_sort_key is its stored form for an ORDER BY.

	Splitting on digit runs puts text at even positions and numbers at odd ones, so two keys
	always compare like with like.
	"""
	parts = _NUMBER_RUN.split((value or "").strip().casefold())
	return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def normalise_symbol(symbol: str | None) -> str:
	"""Document symbols compare without spaces and case: `a/hrc/48/9 ` equals `A/HRC/48/9`."""
	return re.sub(r"\s+", "", symbol or "").upper()


def build_dedupe_key(
	*,
	uhri_annotation_id: str | None = None,
	document_symbol: str | None = None,
	paragraph: str | None = None,
	text: str | None = None,
	mechanism_code: str | None = None,
) -> str:
	"""The identity an import matches on, strongest evidence first.

	1. the UHRI annotation id (stable across UHRI exports);
	2. document symbol + paragraph (unique within one UN document);
	3. a hash of the mechanism and the normalised text (hand-typed records without a symbol).
	"""
	if uhri_annotation_id and uhri_annotation_id.strip():
		return "uhri:" + uhri_annotation_id.strip().lower()
	if document_symbol and document_symbol.strip() and paragraph and paragraph.strip():
		return f"doc:{normalise_symbol(document_symbol)}#{paragraph.strip()}"
	normalised = normalise_text(text)
	if not normalised:
		raise RuleError(
			_lt("A recommendation needs a text, or a document symbol and paragraph, to be identified")
		)
	digest = hashlib.sha1(f"{(mechanism_code or '').upper()}|{normalised}".encode()).hexdigest()
	return "text:" + digest


# Treaty-body paragraphs open with a formula that says nothing about the content:
# "Recalling its previous recommendations (CRC/C/PRY/CO/3, para. 12), the Committee recommends that the
# State party: (a) Adopt…" or "The State party should ensure…". A title starts after it.
_LEAD_IN = re.compile(
	r"^(?:[^:;]*?,\s*)?(?:the\s+)?committee\s+(?:\w+\s+)?(?:recommends|urges|calls\s+upon|calls\s+on|encourages|"
	r"requests|reiterates\s+its\s+recommendation)\s+(?:that\s+)?the\s+state\s+party(?:\s+to)?\s*[:,]?\s*"
	r"|^the\s+state\s+party\s+should\s*[:,]?\s*",
	re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\(?[a-z]\)\s*")


def make_title(text: str | None, limit: int = 140) -> str:
	"""A one-line title: the text without its paragraph number and opening formula, cut at a word."""
	single_line = _WHITESPACE.sub(" ", text or "").strip()
	without_number = _PARAGRAPH_AT_START.sub("", single_line, count=1).lstrip(" .:-)")
	content = _LIST_ITEM.sub("", _LEAD_IN.sub("", without_number, count=1), count=1)
	if content:
		without_number = content[0].upper() + content[1:]
	if len(without_number) <= limit:
		return without_number
	cut = without_number[: limit - 1]
	if " " in cut:
		cut = cut[: cut.rfind(" ")]
	return cut.rstrip(" ,;:") + "…"


def reference_with_title(reference: str | None, title: str | None, limit: int = 240) -> str:
	"""A record as people read it in lists, titles and notifications: "UPR-2-118.103 — Increase the
	budget…", the reference alone when there is no title, cut to `limit` characters."""
	text = f"{reference} — {title}" if reference and title else reference or ""
	return text if len(text) <= limit else text[: limit - 1] + "…"


def title_after_reference(text: str | None, reference: str | None) -> str:
	"""The title part of "UPR-2-118.103 — Increase the budget…", for places that show the
	reference on its own already (it would read twice)."""
	prefix = f"{reference} — " if reference else ""
	return text[len(prefix) :] if prefix and text and text.startswith(prefix) else text or ""
