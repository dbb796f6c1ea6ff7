"""Recommendations asked again and again: the groups that "repeats" links make, without Frappe.

A recommendation repeats one or several others (an earlier cycle's, another mechanism's); linked
together they are one request made several times. The Repeated Recommendations report shows each
group once, by its latest recommendation: "asked 4 times since UPR cycle 1, by 9 States, still Not
started"."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AskedRecommendation:
	name: str
	mechanism: str = ""
	upr_cycle: int | None = None
	year: int | None = None
	status: str = ""
	recommending_states: tuple[str, ...] = ()


@dataclass(frozen=True)
class RepeatGroup:
	latest: AskedRecommendation
	earlier: tuple[AskedRecommendation, ...]  # oldest first

	@property
	def times_asked(self) -> int:
		return 1 + len(self.earlier)

	@property
	def first(self) -> AskedRecommendation:
		return self.earlier[0] if self.earlier else self.latest

	@property
	def recommending_states(self) -> tuple[str, ...]:
		states = {state for member in (*self.earlier, self.latest) for state in member.recommending_states}
		return tuple(sorted(states))

	@property
	def mechanisms(self) -> tuple[str, ...]:
		return tuple(
			dict.fromkeys(member.mechanism for member in (*self.earlier, self.latest) if member.mechanism)
		)


def asked_order(recommendation: AskedRecommendation) -> tuple:
	"""Oldest first: by year, then UPR cycle, then reference (undated ones last)."""
	return (
		recommendation.year is None,
		recommendation.year or 0,
		recommendation.upr_cycle or 0,
		recommendation.name,
	)


def repeat_groups(
	recommendations: dict[str, AskedRecommendation], links: list[tuple[str, str]]
) -> list[RepeatGroup]:
	"""The groups of recommendations linked by repeats (either way, through any chain), among the
	`recommendations` given — a link to one not given (one the reader may not open) does not join
	anything. Most asked first."""
	parent = {name: name for name in recommendations}

	def root(name: str) -> str:
		while parent[name] != name:
			parent[name] = parent[parent[name]]
			name = parent[name]
		return name

	for name, repeats in links:
		if name in parent and repeats in parent and name != repeats:
			first, second = sorted((root(name), root(repeats)))
			parent[second] = first
	members: dict[str, list[AskedRecommendation]] = {}
	for name, recommendation in recommendations.items():
		members.setdefault(root(name), []).append(recommendation)
	groups = []
	for group in members.values():
		if len(group) < 2:
			continue
		ordered = sorted(group, key=asked_order)
		groups.append(RepeatGroup(latest=ordered[-1], earlier=tuple(ordered[:-1])))
	return sorted(groups, key=lambda group: (-group.times_asked, group.latest.name))
