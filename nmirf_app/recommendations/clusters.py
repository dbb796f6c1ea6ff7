"""Proposed clusters: the selected recommendations without a cluster grouped by what they say
(nmirf_app/core/classification.py, with the site's model), each group with a suggested name; the
secretariat keeps, renames, merges or trims them, and accepting creates the clusters and sets each
member's cluster through the bulk edit."""

import frappe
from frappe import _

from nmirf_app.core import classification as engine
from nmirf_app.core.classification import TrainingRecord
from nmirf_app.recommendations import classification
from nmirf_app.recommendations.bulk_edit import apply_bulk_edit


@frappe.whitelist()
def propose_clusters(names) -> dict:
	"""Groups of the selected recommendations that have no cluster, each with a suggested name."""
	names = frappe.parse_json(names) if isinstance(names, str) else names
	rows = frappe.get_list(
		"Recommendation",
		filters={"name": ("in", list(names or [])), "cluster": ("is", "not set")},
		fields=["name", "title", "recommendation_text"],
		limit_page_length=0,
	)
	if len(rows) > engine.MAX_CLUSTERED_RECORDS:
		frappe.throw(
			_("Select at most {0} recommendations without a cluster to propose clusters for.").format(
				engine.MAX_CLUSTERED_RECORDS
			)
		)
	themes: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Recommendation Theme",
		filters={"parenttype": "Recommendation", "parent": ("in", [row.name for row in rows] or [""])},
		fields=["parent", "theme"],
	):
		themes.setdefault(row.parent, []).append(row.theme)
	proposed = engine.propose_clusters(
		[
			TrainingRecord(row.name, row.recommendation_text or "", {"themes": themes.get(row.name, [])})
			for row in rows
		],
		min_similarity=classification.PROPOSAL_SIMILARITY,
		ignored_names=classification.state_names(),
		vectorise=classification.current_model().vectors,  # words weighed by the whole site, not the selection
	)
	titles = {row.name: row.title for row in rows}
	clustered = {name for cluster in proposed for name in cluster.members}
	return {
		"considered": len(rows),
		"left_alone": len(rows) - len(clustered),
		"clusters": [
			{
				"name": cluster.name,
				"terms": list(cluster.terms),
				"members": [{"name": name, "title": titles[name]} for name in cluster.members],
			}
			for cluster in proposed
		],
	}


@frappe.whitelist()
def accept_clusters(clusters) -> dict:
	"""Creates the clusters the secretariat kept (renamed, merged, members removed) and sets each
	member's cluster, record by record with its version history (the bulk edit's rules)."""
	clusters = frappe.parse_json(clusters) if isinstance(clusters, str) else clusters
	frappe.has_permission("Recommendation Cluster", "create", throw=True)
	created, outcome = [], {"changed": [], "unchanged": 0, "refused": []}
	for proposed in clusters or []:
		title = (proposed.get("name") or "").strip()
		members = list(dict.fromkeys(proposed.get("members") or []))
		if not title or not members:
			continue
		if frappe.db.exists("Recommendation Cluster", title):
			frappe.throw(
				_(
					"Cluster {0} exists already: choose another name, or add these recommendations to it from the list."
				).format(title),
				title=_("Cluster name taken"),
			)
		cluster = frappe.get_doc({"doctype": "Recommendation Cluster", "cluster_name": title}).insert()
		created.append(cluster.name)
		result = apply_bulk_edit("set_cluster", [cluster.name], members)
		outcome["changed"] += result["changed"]
		outcome["unchanged"] += result["unchanged"]
		outcome["refused"] += result["refused"]
	return {"created": created, **outcome}
