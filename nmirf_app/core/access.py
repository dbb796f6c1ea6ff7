"""Who sees which recommendations: the rule behind the permission hooks, without Frappe.

- the secretariat, administrators and approvers work on the whole record;
- focal points and institution validators see what their institution is responsible for;
- observers (NHRI, civil society, UN) see what is published;
- a user holding several of these roles sees the union.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Scope(str, Enum):
	ALL = "all"
	INSTITUTIONS = "institutions"
	PUBLISHED = "published"


WHOLE_RECORD_ROLES = frozenset(
	{"Administrator", "System Manager", "NMIRF Administrator", "NMIRF Secretariat", "NMIRF Approver"}
)
INSTITUTION_ROLES = frozenset({"NMIRF Focal Point", "NMIRF Institution Validator"})
PUBLISHED_ROLES = frozenset({"NMIRF Observer"})


def recommendation_scopes(roles: Iterable[str]) -> set[Scope] | None:
	"""The scopes a user's roles give, or None when no NMIRF role restricts them.

	None leaves the decision to Frappe's role permissions, so a ministry that grants a role of its
	own access to recommendations is not silently overruled.
	"""
	roles = set(roles)
	if roles & WHOLE_RECORD_ROLES:
		return {Scope.ALL}
	scopes = set()
	if roles & INSTITUTION_ROLES:
		scopes.add(Scope.INSTITUTIONS)
	if roles & PUBLISHED_ROLES:
		scopes.add(Scope.PUBLISHED)
	return scopes or None


def may_see_recommendation(
	scopes: set[Scope] | None,
	user_institutions: Iterable[str],
	responsible_institutions: Iterable[str],
	published: bool,
) -> bool:
	if scopes is None or Scope.ALL in scopes:
		return True
	if Scope.PUBLISHED in scopes and published:
		return True
	if Scope.INSTITUTIONS in scopes:
		return bool(set(user_institutions) & set(responsible_institutions))
	return False
