"""How assignments of recommendations become tasks for people, without Frappe.

A focal point assigned fifty recommendations in one step (a cluster, a bulk edit, the demo) gets
one task listing them, due on the earliest answer date, not fifty identical tasks; one
recommendation assigned on its own keeps a task of its own on that record."""

from dataclasses import dataclass
from datetime import date, timedelta

# NMIRF Settings' default for "Days to answer an assignment"
DEFAULT_RESPONSE_DAYS = 14
# a task lists this many recommendations; the rest are counted ("and 12 more")
LISTED_IN_A_TASK = 200


@dataclass(frozen=True)
class Assignment:
	"""One person asked to answer one institution's assignment to one recommendation."""

	user: str
	institution: str
	recommendation: str
	title: str
	role: str
	due: date
	row: str  # the Recommendation Institution row that holds the answer
	cluster: str | None = None


def response_due(assigned_on: date, days: int | None) -> date:
	return assigned_on + timedelta(days=days if days and days > 0 else DEFAULT_RESPONSE_DAYS)


def tasks_by_person(assignments: list[Assignment]) -> dict[str, list[Assignment]]:
	"""Each person's assignments, in the order they were made, each (institution, recommendation) once."""
	by_person: dict[str, list[Assignment]] = {}
	seen = set()
	for assignment in assignments:
		key = (assignment.user, assignment.institution, assignment.recommendation)
		if key in seen:
			continue
		seen.add(key)
		by_person.setdefault(assignment.user, []).append(assignment)
	return by_person


def task_due(assignments: list[Assignment]) -> date:
	"""A task listing several assignments falls due with the first of them."""
	return min(assignment.due for assignment in assignments)


def shared_cluster(assignments: list[Assignment]) -> str | None:
	"""The cluster all the assignments belong to, if they all belong to one."""
	clusters = {assignment.cluster for assignment in assignments}
	return clusters.pop() if len(clusters) == 1 else None
