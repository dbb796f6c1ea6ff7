# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""An import's new recommendations created a batch at a time: the same records as inserting each
one, a refused row leaves nothing and costs the others nothing, namesakes and duplicates inside a
batch, the tally equal to a recount, a batch the database refuses redone row by row, and a site
whose own scripts listen to each insert gets each insert."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.core.references import natural_sort_key
from nmirf_app.recommendations import batch_create, tally
from nmirf_app.recommendations.doctype.recommendation_import.test_recommendation_import import (
	make_import,
	new_ids,
	uhri_rows,
)
from nmirf_app.recommendations.importer import run_import
from nmirf_app.testing import make_user

# what differs between two imports of the same rows (each test's own ids and symbols), whichever
# way they were written
OWN_TO_EACH_RECORD = {
	*("name", "creation", "modified", "parent", "reference_sort_key"),
	*("dedupe_key", "uhri_annotation_id", "document_symbol"),
}


def record(annotation_id) -> dict:
	doc = frappe.get_doc("Recommendation", {"uhri_annotation_id": annotation_id})
	values = {
		key: value
		for key, value in doc.as_dict(no_default_fields=False).items()
		if key not in OWN_TO_EACH_RECORD
	}
	for table_field in ("themes", "affected_groups", "sdg_targets", "recommending_states"):
		values[table_field] = [
			{key: value for key, value in row.items() if key not in OWN_TO_EACH_RECORD}
			for row in values[table_field]
		]
	return values


def imported_one_by_one(rows):
	with patch.object(batch_create, "others_listening", return_value=["a test's listener"]):
		return run_import(make_import(rows).name, dry_run=False)


class TestBatchCreate(FrappeTestCase):
	def test_a_batch_creates_the_same_records_as_inserting_each_row(self):
		batch_ids, single_ids = new_ids(), new_ids()
		batch = run_import(make_import(uhri_rows(batch_ids)).name, dry_run=False)
		single = imported_one_by_one(uhri_rows(single_ids))
		self.assertEqual(batch.summary(), single.summary())
		self.assertEqual(batch.created_one_by_one_for, [])
		self.assertEqual(single.created_one_by_one_for, ["a test's listener"])
		for kind in ("upr", "crc"):
			self.assertEqual(record(batch_ids[kind]), record(single_ids[kind]), kind)
		crc = frappe.get_doc("Recommendation", {"uhri_annotation_id": batch_ids["crc"]})
		self.assertEqual([(row.sdg_target, row.sdg_goal) for row in crc.sdg_targets], [("16.9", "SDG 16")])
		self.assertEqual(crc.reference_sort_key, natural_sort_key(crc.name))
		self.assertEqual(tally.of_stored([crc.name]), tally.of_document(crc))

	def test_the_outcome_says_why_rows_were_created_one_by_one(self):
		ids = new_ids()
		run = make_import(uhri_rows(ids)[:2])
		with patch.object(batch_create, "others_listening", return_value=["Notification 'New UPR'"]):
			run_import(run.name, dry_run=False)
		run.reload()
		self.assertIn(
			"Created one by one, more slowly, because this runs on each new recommendation: Notification 'New UPR'.",
			run.outcome,
		)

	def test_a_refused_row_leaves_nothing_and_its_batch_is_created(self):
		ids = new_ids()
		rows = uhri_rows(ids)[:2]
		twice = {**rows[1], "Text": rows[1]["Text"].replace("strengthen", "ensure")}  # same annotation id
		positioned = {  # the State supports or notes UPR recommendations only
			**rows[1],
			"OHCHR Annotation Id": ids["crc"] + "-positioned",
			"Text": rows[1]["Text"].replace("strengthen", "fund"),
			"UPR Position": "Supported",
		}
		counts = run_import(make_import([*rows, twice, positioned]).name, dry_run=False)
		self.assertEqual((counts.created, counts.failed), (2, 2))
		by_row = {issue.row_number: issue.message for issue in counts.issues if issue.fatal}
		self.assertIn("row 3", by_row[4])
		self.assertIn("Position: only UPR recommendations", by_row[5])
		self.assertEqual(frappe.db.count("Recommendation", {"uhri_annotation_id": ids["crc"]}), 1)
		self.assertFalse(
			frappe.db.exists("Recommendation", {"uhri_annotation_id": ids["crc"] + "-positioned"})
		)
		self.assertFalse(
			frappe.db.sql(
				"""select 1 from `tabRecommendation Theme` t left join `tabRecommendation` r on r.name = t.parent
				where t.parenttype = 'Recommendation' and r.name is null limit 1"""
			),
			"no row of a refused recommendation is left behind",
		)

	def test_namesakes_in_one_batch_and_in_the_site_take_the_next_free_reference(self):
		ids = new_ids()
		crc = uhri_rows(ids)[1]
		texts = ("guarantee free", "extend free", "fund free")
		rows = [
			{
				**crc,
				"OHCHR Annotation Id": f"{ids['crc']}-{index}",
				"Text": crc["Text"].replace("strengthen free", text),
			}
			for index, text in enumerate(texts)
		]
		run_import(make_import(rows[:1]).name, dry_run=False)
		run_import(make_import(rows).name, dry_run=False)
		names = [
			frappe.db.get_value("Recommendation", {"uhri_annotation_id": f"{ids['crc']}-{index}"}, "name")
			for index in range(3)
		]
		self.assertEqual(len(set(names)), 3, names)
		self.assertTrue(all(name.startswith("CRC-2024-18") for name in names), names)

	def test_the_tally_equals_a_recount_after_a_batch(self):
		run_import(make_import(uhri_rows(new_ids())).name, dry_run=False)
		self.assertEqual(tally.differences_from_a_recount(), [])
		# the check itself: a row counted one too many is found, and left as it was
		name = frappe.db.get_value("Recommendation Tally", {"recommendations": (">", 0)}, "name")
		frappe.db.sql(
			"update `tabRecommendation Tally` set recommendations = recommendations + 1 where name = %s", name
		)
		counted = frappe.db.get_value("Recommendation Tally", name, "recommendations")
		self.assertEqual(tally.differences_from_a_recount(), [name])
		self.assertEqual(frappe.db.get_value("Recommendation Tally", name, "recommendations"), counted)
		frappe.db.sql(
			"update `tabRecommendation Tally` set recommendations = recommendations - 1 where name = %s", name
		)

	def test_a_batch_the_database_refuses_is_redone_row_by_row_with_nothing_doubled(self):
		ids = new_ids()
		real_insert_rows = batch_create.insert_rows

		def refuse_the_children(doctype, rows):
			real_insert_rows(doctype, rows)
			if doctype != "Recommendation":
				raise frappe.db.IntegrityError("a row taken meanwhile")

		with patch.object(batch_create, "insert_rows", side_effect=refuse_the_children):
			counts = run_import(make_import(uhri_rows(ids)).name, dry_run=False)
		self.assertEqual((counts.created, counts.failed), (2, 2))
		for kind in ("upr", "crc"):
			name = frappe.db.get_value("Recommendation", {"uhri_annotation_id": ids[kind]}, "name")
			self.assertEqual(frappe.db.count("Recommendation", {"uhri_annotation_id": ids[kind]}), 1)
			self.assertEqual(frappe.db.count("Recommendation Theme", {"parent": name}), 1, kind)

	def test_whatever_else_listens_to_a_new_recommendation_is_named(self):
		self.assertEqual(batch_create.others_listening(), [])
		notification = frappe.get_doc(
			{
				"doctype": "Notification",
				"subject": "New recommendation {{ doc.name }}",
				"document_type": "Recommendation",
				"event": "New",
				"channel": "System Notification",
				"recipients": [{"receiver_by_role": "System Manager"}],
				"enabled": 1,
			}
		).insert(ignore_permissions=True, set_name="Test: every new recommendation")
		webhook = frappe.get_doc(
			{
				"doctype": "Webhook",
				"webhook_doctype": "Recommendation",
				"webhook_docevent": "after_insert",
				"request_url": "http://127.0.0.1:9/new-recommendation",
				"enabled": 1,
			}
		).insert(ignore_permissions=True, set_name="Test: tell another system")
		self.assertEqual(
			batch_create.others_listening(),
			[f"Webhook '{webhook.name}'", "Notification 'Test: every new recommendation'"],
		)
		notification.db_set("enabled", 0)
		webhook.db_set("enabled", 0)
		self.assertEqual(batch_create.others_listening(), [])
		notification.delete(ignore_permissions=True)
		webhook.delete(ignore_permissions=True)
		real_get_hooks = frappe.get_hooks

		def with_another_apps_hook(name=None, *args, **kwargs):
			hooks = real_get_hooks(name, *args, **kwargs)
			if name == "doc_events":
				hooks = {
					**hooks,
					"Recommendation": {"after_insert": ["another_app.events.new_recommendation"]},
				}
			return hooks

		with patch.object(frappe, "get_hooks", side_effect=with_another_apps_hook):
			self.assertEqual(
				batch_create.others_listening(),
				["the hook another_app.events.new_recommendation (after_insert)"],
			)

	def test_a_user_who_may_not_create_recommendations_creates_none(self):
		user = make_user("batch-reader", "NMIRF Focal Point")
		text = f"12. The Committee recommends a test {frappe.generate_hash(length=8)}."
		doc = batch_create.new_recommendation(
			{"recommendation_text": text, "mechanism": "CRC"}, {}, batch_create.insert_defaults([])
		)
		with self.set_user(user), self.assertRaises(frappe.PermissionError):
			batch_create.create([(2, doc)])
		self.assertFalse(frappe.db.exists("Recommendation", {"recommendation_text": text}))
