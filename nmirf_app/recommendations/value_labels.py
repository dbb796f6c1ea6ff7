"""The values of the recommendations' fields and tags as people read them, in their language: on
the portal's filters and summaries, on a recommendation's page and in the reports' charts. The
values themselves (stored, filtered on, exported) stay in English, as UHRI and the UN write them."""

import frappe
from frappe import _

# Values read with their title: filter key -> (doctype, title field)
TITLED_VALUES = {
	"mechanism": ("Human Rights Mechanism", "title"),
	"sdg_goal": ("SDG Goal", "short_title"),
	"sdg_target": ("SDG Target", "short_title"),
}
# The State's own names, shown as they are written
UNTRANSLATED_VALUES = frozenset({"institution"})


def value_labels(key: str, values) -> dict[str, str]:
	"""What a reader sees for each value of a filter or group, in their language: SDG goals and targets by
	number and short title (`ODD 5 — Égalité entre les sexes`, `5.2 — …`), mechanisms by code and
	title, statuses, themes, groups and States translated. The values themselves (stored, filtered
	on, downloaded) stay as they are."""
	values = [str(value) for value in values]
	goals = [value for value in values if value.startswith("SDG ")]
	if key == "sdg_target" and goals:  # a link to a goal alone stands among the targets
		others = [value for value in values if value not in goals]
		return {**value_labels("sdg_goal", goals), **value_labels("sdg_target", others)}
	if key in UNTRANSLATED_VALUES:
		return {value: value for value in values}
	if key not in TITLED_VALUES:
		return {value: _(value) for value in values}
	doctype, title_field = TITLED_VALUES[key]
	titles = dict(
		frappe.get_all(
			doctype, filters={"name": ("in", values or [""])}, fields=["name", title_field], as_list=True
		)
	)
	labels = {}
	for value in values:
		number = _("SDG {0}").format(value.removeprefix("SDG ")) if key == "sdg_goal" else value
		title = titles.get(value)
		labels[value] = f"{number} — {_(title)}" if title else number
	return labels
