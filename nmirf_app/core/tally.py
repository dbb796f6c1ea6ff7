"""The recommendation tally: how many recommendations there are per mechanism, UPR cycle,
implementation status, publication and tag (theme, affected group, SDG goal, responsible
institution), kept up to date by adding each saved recommendation's difference.

Counting the whole State live means reading every recommendation and every tag row (seconds at
UHRI's 250,000); the tally answers the same questions from a few thousand rows. A recommendation
counts once in each tag it has, once as "untagged" in a tag type it has none of, and once in the
row of the recommendations themselves."""

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

# tag_type of the rows that count the recommendations themselves
RECOMMENDATIONS = ""
# tag of the rows that count the recommendations without any tag of their type
UNTAGGED = ""


class TallyKey(NamedTuple):
	mechanism: str
	upr_cycle: int
	implementation_status: str
	published: int
	tag_type: str
	tag: str

	@property
	def name(self) -> str:
		"""The key as a row name; the database derives the same name when it rebuilds the tally."""
		text = "\x1f".join(str(part) for part in self)
		return hashlib.md5(text.encode()).hexdigest()


def contribution(recommendation: Mapping, tags: Mapping[str, Iterable[str | None]]) -> Counter:
	"""What one recommendation adds to the tally. `tags` maps a tag type to the recommendation's
	tags of that type (repeats and blanks allowed: a tag counts once, blanks not at all)."""
	dimensions = (
		recommendation.get("mechanism") or "",
		int(recommendation.get("upr_cycle") or 0),
		recommendation.get("implementation_status") or "",
		1 if recommendation.get("published") else 0,
	)
	counts = Counter({TallyKey(*dimensions, RECOMMENDATIONS, UNTAGGED): 1})
	for tag_type, values in tags.items():
		for tag in {value for value in values if value} or {UNTAGGED}:
			counts[TallyKey(*dimensions, tag_type, tag)] += 1
	return counts


def difference(before: Mapping, after: Mapping) -> dict:
	"""What to add to the tally to go from `before` to `after` (negative counts included, zeros
	left out)."""
	keys = set(before) | set(after)
	return {
		key: after.get(key, 0) - before.get(key, 0) for key in keys if after.get(key, 0) != before.get(key, 0)
	}
