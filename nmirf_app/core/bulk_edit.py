"""What one bulk edit of recommendations does to one record, without Frappe.

The secretariat picks a change (add or remove an institution or tags, set the cluster, the
priority, publish or unpublish) for a selection or a filter of the Recommendation list;
nmirf_app/recommendations/bulk_edit.py checks each record's permissions, saves and reports."""

from dataclasses import dataclass

# change -> the record's field it touches (the permission level that must be writable)
CHANGES = {
	"add_lead_institution": "responsible_institutions",
	"add_supporting_institution": "responsible_institutions",
	"remove_institution": "responsible_institutions",
	"add_themes": "themes",
	"remove_themes": "themes",
	"add_affected_groups": "affected_groups",
	"remove_affected_groups": "affected_groups",
	"add_sdg_targets": "sdg_targets",
	"remove_sdg_targets": "sdg_targets",
	"set_cluster": "cluster",
	"set_priority": "priority",
	"publish": "published",
	"unpublish": "published",
	# suggested themes, groups and SDG targets at or above a confidence (the tag tables share a level)
	"apply_suggestions": "themes",
}
# a tag table -> the link field of its rows
TAG_FIELDS = {"themes": "theme", "affected_groups": "affected_group", "sdg_targets": "sdg_target"}
PRIORITIES = ("", "High", "Medium", "Low")


@dataclass(frozen=True)
class Responsibility:
	institution: str
	role: str  # "Lead" or "Supporting"


def tags_after(change: str, current: list[str], chosen: list[str]) -> list[str]:
	"""A tag table's values after adding or removing the chosen ones (order kept, no repeats)."""
	if change.startswith("add_"):
		return current + [value for value in dict.fromkeys(chosen) if value not in current]
	return [value for value in current if value not in set(chosen)]


def responsibilities_after(
	change: str, current: list[Responsibility], institution: str
) -> list[Responsibility]:
	"""The responsible institutions after the change. A new lead takes over the lead: the former
	lead stays responsible as a supporting institution (one lead per recommendation)."""
	if change == "remove_institution":
		return [row for row in current if row.institution != institution]
	role = "Lead" if change == "add_lead_institution" else "Supporting"
	existing = next((row for row in current if row.institution == institution), None)
	if existing and (existing.role == role or role == "Supporting"):
		return current
	after = []
	for row in current:
		if row.institution == institution:
			continue
		after.append(
			Responsibility(row.institution, "Supporting") if role == "Lead" and row.role == "Lead" else row
		)
	return [*after, Responsibility(institution, role)]
