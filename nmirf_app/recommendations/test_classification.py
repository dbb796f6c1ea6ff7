# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""Assisted classification on a real site: suggestions learnt from the site's tagged
recommendations, accepted or rejected by a person (and logged), applied in bulk above a
confidence, similar recommendations marked as repeats, clusters proposed and accepted — each
resting only on what the user may read."""

import frappe

from nmirf_app.recommendations import classification, clusters
from nmirf_app.recommendations.bulk_edit import apply_bulk_edit, bulk_edit
from nmirf_app.testing import (
	NMIRFTestCase,
	as_user,
	make_recommendation,
)

WATER = "Safe drinking water & sanitation"
TORTURE = "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)"
WATER_TEXTS = (
	"Guarantee access to safe drinking water and sanitation for rural communities",
	"Extend the drinking water network and sanitation services to indigenous communities",
	"Ensure safe drinking water in all public schools and health centres",
	"Increase investment in drinking water and sanitation in the Chaco region",
	"Adopt a national plan on drinking water and sanitation with a budget",
)
TORTURE_TEXTS = (
	"Investigate all allegations of torture and ill-treatment by police officers",
	"Prosecute and punish perpetrators of torture in places of detention",
	"Strengthen the national preventive mechanism against torture",
	"Ensure that confessions obtained under torture are inadmissible",
	"Provide redress to victims of torture and ill-treatment in prisons",
)


class TestClassification(NMIRFTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.water_tagged = [
			make_recommendation([cls.mine], recommendation_text=text, themes=[{"theme": WATER}]).name
			for text in WATER_TEXTS
		]
		cls.torture_tagged = [
			make_recommendation([cls.other], recommendation_text=text, themes=[{"theme": TORTURE}]).name
			for text in TORTURE_TEXTS
		]
		cls.untagged_water = make_recommendation(
			[cls.mine],
			recommendation_text="Ensure access to safe drinking water and sanitation in rural schools",
		).name
		cls.untagged_torture = make_recommendation(
			[cls.other],
			recommendation_text="Investigate allegations of torture in prisons and punish those responsible",
		).name
		classification.refresh_model()

	def suggested_themes(self, user, name):
		answer = as_user(user, classification.get_suggestions, name)
		return {item["name"]: item for item in answer["kinds"]["themes"]}

	def test_a_suggestion_comes_with_the_tagged_recommendations_behind_it(self):
		themes = self.suggested_themes(self.secretariat, self.untagged_water)
		self.assertIn(WATER, themes)
		self.assertNotIn(TORTURE, list(themes)[:1], "the best suggestion is about water")
		# the recommendations shown behind it are tagged with it
		for row in themes[WATER]["supporting"]:
			self.assertIn(WATER, [tag.theme for tag in frappe.get_doc("Recommendation", row["name"]).themes])
		self.assertTrue(themes[WATER]["supporting"])
		answer = as_user(self.secretariat, classification.get_suggestions, self.untagged_water)
		self.assertGreaterEqual(answer["basis"]["recommendations"], 12)
		self.assertTrue(answer["can_accept"])

	def test_a_focal_point_gets_suggestions_and_similar_lists_only_from_what_it_may_read(self):
		for item in self.suggested_themes(self.focal_point, self.untagged_water).values():
			self.assertFalse({row["name"] for row in item["supporting"]} & set(self.torture_tagged))
		similar = {
			row["name"]
			for row in as_user(self.focal_point, classification.get_similar, self.untagged_water, 50)
		}
		self.assertFalse(similar & {*self.torture_tagged, self.untagged_torture})
		self.assertTrue(similar & set(self.water_tagged))
		self.assertNotIn(self.untagged_water, similar, "never the recommendation itself")
		everyone = {
			row["name"]
			for row in as_user(self.secretariat, classification.get_similar, self.untagged_torture, 50)
		}
		self.assertTrue(everyone & set(self.torture_tagged))
		with self.assertRaises(frappe.PermissionError):
			as_user(self.focal_point, classification.get_suggestions, self.untagged_torture)

	def test_an_accepted_suggestion_says_who_accepted_it_and_a_rejected_one_is_not_offered_again(self):
		name = make_recommendation([self.mine], recommendation_text=WATER_TEXTS[0] + " in the north").name
		as_user(
			self.focal_point,
			classification.accept_suggestion,
			name,
			"themes",
			WATER,
			0.8,
			[self.water_tagged[0]],
		)
		[row] = frappe.get_doc("Recommendation", name).themes
		self.assertEqual((row.theme, row.suggested, row.accepted_by), (WATER, 1, self.focal_point))
		decision = frappe.get_all(
			"Tag Suggestion Decision",
			filters={"recommendation": name},
			fields=["tag", "decision", "via", "score", "supporting", "owner"],
		)
		self.assertEqual(
			[(d.tag, d.decision, d.via, d.score, d.supporting, d.owner) for d in decision],
			[(WATER, "Accepted", "On the form", 80.0, self.water_tagged[0], self.focal_point)],
		)
		self.assertTrue(frappe.db.exists("Version", {"ref_doctype": "Recommendation", "docname": name}))

		offered = self.suggested_themes(self.focal_point, name)
		self.assertNotIn(WATER, offered, "a tag it has is not suggested")
		other = next(iter(offered), None)
		if other:
			as_user(self.focal_point, classification.reject_suggestion, name, "themes", other, 0.2)
			self.assertNotIn(other, self.suggested_themes(self.focal_point, name))
			self.assertTrue(
				frappe.db.exists(
					"Tag Suggestion Decision", {"recommendation": name, "tag": other, "decision": "Rejected"}
				)
			)
		# another institution's focal point may neither accept nor reject, nor read the log
		with self.assertRaises(frappe.PermissionError):
			as_user(self.other_focal_point, classification.accept_suggestion, name, "themes", TORTURE)
		with self.assertRaises(frappe.PermissionError):
			as_user(self.other_focal_point, classification.reject_suggestion, name, "themes", TORTURE)
		self.assertEqual(
			as_user(
				self.other_focal_point,
				frappe.get_list,
				"Tag Suggestion Decision",
				filters={"recommendation": name},
			),
			[],
		)

	def test_a_bulk_job_applies_only_suggestions_at_or_above_the_chosen_confidence(self):
		names = [
			make_recommendation([self.other], recommendation_text=text + " (follow-up)").name
			for text in TORTURE_TEXTS[:3]
		]
		as_user(self.secretariat, apply_bulk_edit, "apply_suggestions", [1.0], names)
		self.assertFalse(
			frappe.db.exists("Recommendation Theme", {"parent": ("in", names)}), "none is that sure"
		)
		result = as_user(self.secretariat, apply_bulk_edit, "apply_suggestions", [0.2], names)
		self.assertEqual(sorted(result["changed"]), sorted(names))
		for name in names:
			rows = frappe.get_doc("Recommendation", name).themes
			self.assertIn(TORTURE, [row.theme for row in rows])
			self.assertTrue(all(row.suggested and row.accepted_by == self.secretariat for row in rows))
			self.assertTrue(
				frappe.db.exists(
					"Tag Suggestion Decision",
					{
						"recommendation": name,
						"tag": TORTURE,
						"via": "In a bulk job",
						"owner": self.secretariat,
					},
				)
			)
		again = as_user(self.secretariat, apply_bulk_edit, "apply_suggestions", [0.2], names)
		self.assertEqual(again["changed"], [], "applied suggestions are not applied twice")
		own = make_recommendation([self.mine], recommendation_text=WATER_TEXTS[1] + " (again)").name
		with self.assertRaises(frappe.PermissionError):  # not even its own institution's
			as_user(self.focal_point, bulk_edit, "apply_suggestions", [0.2], [own])
		self.assertFalse(frappe.db.exists("Recommendation Theme", {"parent": own}))

	def test_the_secretariat_marks_repeats_and_a_focal_point_may_not(self):
		name, earlier = self.untagged_water, self.water_tagged[0]
		with self.assertRaises(frappe.PermissionError):
			as_user(self.focal_point, classification.mark_as_repeat, name, earlier, 0.7)
		as_user(self.secretariat, classification.mark_as_repeat, name, earlier, 0.7)
		as_user(self.secretariat, classification.mark_as_repeat, name, self.water_tagged[1], 0.6)
		as_user(self.secretariat, classification.mark_as_repeat, name, earlier, 0.7)  # twice is once
		doc = frappe.get_doc("Recommendation", name)
		self.assertEqual(
			[(row.repeats, row.marked_by) for row in doc.repeats][:1], [(earlier, self.secretariat)]
		)
		self.assertEqual(len(doc.repeats), 2, "a recommendation may repeat several")
		self.assertEqual(doc.repeats_another, 1, "the list filters repeated requests on it")
		marked = {
			row["name"]: row["marked"]
			for row in as_user(self.secretariat, classification.get_similar, name, 50)
		}
		self.assertTrue(marked.get(earlier))
		with self.assertRaisesRegex(frappe.ValidationError, "cannot repeat itself"):
			doc.append("repeats", {"repeats": name})
			doc.save()
		as_user(self.secretariat, classification.unmark_repeat, name, earlier)
		self.assertEqual(
			[row.repeats for row in frappe.get_doc("Recommendation", name).repeats], [self.water_tagged[1]]
		)

	def test_proposed_clusters_group_related_recommendations_and_become_clusters_when_accepted(self):
		names = self.water_tagged + self.torture_tagged
		proposed = as_user(self.secretariat, clusters.propose_clusters, names)
		groups = [{row["name"] for row in cluster["members"]} for cluster in proposed["clusters"]]
		self.assertTrue(any(group <= set(self.water_tagged) and len(group) >= 3 for group in groups), groups)
		self.assertFalse(
			any(group & set(self.water_tagged) and group & set(self.torture_tagged) for group in groups)
		)
		water_group = next(group for group in groups if group <= set(self.water_tagged))
		title = f"Drinking water {frappe.generate_hash(length=5)}"
		outcome = as_user(
			self.secretariat,
			clusters.accept_clusters,
			[{"name": title, "members": sorted(water_group)}],
		)
		self.assertEqual(outcome["created"], [title])
		self.assertEqual(
			set(frappe.get_all("Recommendation", filters={"cluster": title}, pluck="name")), water_group
		)
		again = as_user(self.secretariat, clusters.propose_clusters, names)
		self.assertFalse(
			{row["name"] for cluster in again["clusters"] for row in cluster["members"]} & water_group,
			"recommendations with a cluster are not proposed again",
		)
		with self.assertRaises(frappe.PermissionError):
			as_user(
				self.focal_point,
				clusters.accept_clusters,
				[{"name": title + " bis", "members": names[:2]}],
			)
		for name in water_group:
			frappe.db.set_value("Recommendation", name, "cluster", None)

	def test_a_whole_uhri_export_is_learnt_from_without_importing_other_states(self):
		import os
		import tempfile

		from nmirf_app.testing import uhri_xlsx_bytes

		tag = frappe.generate_hash(length=6)
		rows = [
			{
				"Text": f"Abolish the death penalty for all crimes and commute existing sentences ({state})",
				"Countries Concerned": state,
				"Reccomending Body": "UPR",
				"Document Symbol": f"A/HRC/LEARN/{tag}/{index}",
				"Themes": ["Death penalty"],
				"Document Publication Date": 44389,
				"Type": "Recommendations",
				"OHCHR Annotation Id": f"learn-{tag}-{index}",
			}
			for index, state in enumerate(("Bhutan", "Costa Rica", "Mongolia"))
		]
		recommendations_before = frappe.db.count("Recommendation")
		with tempfile.NamedTemporaryFile(suffix=".xlsx") as export:
			export.write(uhri_xlsx_bytes(rows))
			export.flush()
			outcome = classification.learn_export(export.name)
		corpus = os.path.join(classification.model_directory(), classification.LEARNED_CORPUS)
		try:
			self.assertEqual((outcome["learned"], outcome["unreadable"]), (3, 0))
			self.assertEqual(frappe.db.count("Recommendation"), recommendations_before, "nothing imported")
			name = make_recommendation(
				[self.mine], recommendation_text="Abolish the death penalty and commute all death sentences"
			).name
			death_penalty = self.suggested_themes(self.focal_point, name).get("Death penalty")
			self.assertTrue(death_penalty, "learnt from the export")
			self.assertEqual(death_penalty["supporting"], [], "the export's records are never listed")
			self.assertGreaterEqual(death_penalty["from_export"], 1)
			self.assertEqual(
				[
					row["name"]
					for row in as_user(self.secretariat, classification.get_similar, name, 50)
					if row["name"].startswith(classification.LEARNED_PREFIX)
				],
				[],
			)
		finally:
			os.remove(corpus)
			classification.refresh_model()
