"""A recommendation's tag tables (themes, affected groups, SDG targets, responsible institutions)."""

# table field of Recommendation -> (tag DocType, the field a tag is identified by)
TAG_TABLES = {
	"themes": ("Recommendation Theme", "theme"),
	"affected_groups": ("Recommendation Affected Group", "affected_group"),
	"sdg_targets": ("Recommendation SDG Target", "sdg_target"),
	"responsible_institutions": ("Recommendation Institution", "institution"),
}


def drop_repeated_tags(recommendation):
	"""A theme, group or target listed twice means nothing more than once: keep the first."""
	for table_field, (_doctype, field) in TAG_TABLES.items():
		if table_field == "responsible_institutions":
			continue  # a repeated institution is an error the user must resolve (roles differ)
		seen, kept = set(), []
		for row in recommendation.get(table_field):
			if row.get(field) not in seen:
				seen.add(row.get(field))
				kept.append(row)
		if len(kept) != len(recommendation.get(table_field)):
			recommendation.set(table_field, kept)
			for index, row in enumerate(kept, 1):
				row.idx = index
