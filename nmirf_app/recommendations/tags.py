"""A recommendation's tag tables (themes, affected groups, SDG targets, responsible institutions)."""

# table field of Recommendation -> (tag DocType, the field a tag is identified by)
TAG_TABLES = {
	"themes": ("Recommendation Theme", "theme"),
	"affected_groups": ("Recommendation Affected Group", "affected_group"),
	"sdg_targets": ("Recommendation SDG Target", "sdg_target"),
	"responsible_institutions": ("Recommendation Institution", "institution"),
}


def sdg_label(row) -> str:
	"""An SDG row as a reader names it: its target ("16.3"), or its goal ("SDG 16") when the source
	named the goal alone."""
	return row.get("sdg_target") or row.get("sdg_goal") or ""


def drop_repeated_tags(recommendation):
	"""A theme, group or target listed twice means nothing more than once: keep the first. A goal
	named alone says nothing more once a target of that goal is there."""
	goals_of_targets = {row.sdg_goal for row in recommendation.get("sdg_targets") if row.sdg_target}
	for table_field, (_doctype, field) in TAG_TABLES.items():
		if table_field == "responsible_institutions":
			continue  # a repeated institution is an error the user must resolve (roles differ)
		seen, kept = set(), []
		for row in recommendation.get(table_field):
			key = sdg_label(row) if table_field == "sdg_targets" else row.get(field)
			goal_said_by_a_target = (
				table_field == "sdg_targets" and not row.sdg_target and key in goals_of_targets
			)
			if key not in seen and not goal_said_by_a_target:
				seen.add(key)
				kept.append(row)
		if len(kept) != len(recommendation.get(table_field)):
			recommendation.set(table_field, kept)
			for index, row in enumerate(kept, 1):
				row.idx = index
