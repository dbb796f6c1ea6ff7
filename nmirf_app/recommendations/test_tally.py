# Copyright (c) 2026, nmirf_app developers
# License: MIT. See license.txt
"""The Recommendation Tally on a real site: it follows every way a recommendation changes, equals
the tally counted afresh, and gives the reports exactly the figures they count live."""

import threading
import time
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from nmirf_app.patches.v0_4.count_recommendations_in_tally import execute as count_in_tally_patch
from nmirf_app.patches.v0_4.drop_repeated_tags import execute as drop_repeated_tags_patch
from nmirf_app.recommendations import tally
from nmirf_app.recommendations.report.implementation_status.implementation_status import (
	GROUPS,
)
from nmirf_app.recommendations.report.implementation_status.implementation_status import (
	execute as status_report,
)
from nmirf_app.testing import NMIRFTestCase, as_user, make_recommendation

THEME = "Recommendation Theme"


def stored_tally() -> dict:
	return dict(
		frappe.db.sql(
			"select name, recommendations from `tabRecommendation Tally` where recommendations != 0"
		)
	)


def counted_afresh() -> dict:
	tally.rebuild()
	return stored_tally()


def count_of(**key) -> int:
	values = {"upr_cycle": 0, "published": 0, "tag_type": "", "tag": "", **key}
	return frappe.db.get_value("Recommendation Tally", values, "recommendations") or 0


class TestRecommendationTally(NMIRFTestCase):
	world = "tally"
	institutions = ("Tally Ministry of Justice", "Tally Ministry of Labour")

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.theme = frappe.get_doc(
			{"doctype": "Human Rights Theme", "label": f"Tally theme {frappe.generate_hash(length=6)}"}
		).insert()
		cls.symbol = f"CED/C/T{frappe.generate_hash(length=5).upper()}/CO/1"
		for status, themes, targets in (
			("Not started", [cls.theme.name, "Women"], ["5.2", "5.3"]),
			("In progress", [cls.theme.name], []),
			("Fully implemented", [], ["16.3"]),
		):
			make_recommendation(
				[cls.mine],
				mechanism="CED",
				document_symbol=cls.symbol,
				implementation_status=status,
				themes=[{"theme": theme} for theme in themes],
				sdg_targets=[{"sdg_target": target} for target in targets],
			)

	def test_the_tally_follows_every_change_a_recommendation_goes_through(self):
		def theme_count(status, published=0):
			return count_of(
				mechanism="CED",
				implementation_status=status,
				published=published,
				tag_type=THEME,
				tag=self.theme.name,
			)

		recommendation = make_recommendation(
			[self.mine],
			mechanism="CED",
			implementation_status="Not started",
			themes=[{"theme": self.theme.name}],
			sdg_targets=[{"sdg_target": "5.2"}, {"sdg_target": "5.3"}],
		)
		self.assertEqual(theme_count("Not started"), 2)
		# a save changing status, tags and publication
		recommendation.implementation_status = "Partially implemented"
		recommendation.published = 1
		recommendation.append("affected_groups", {"affected_group": "Children"})
		recommendation.sdg_targets = recommendation.sdg_targets[:1]
		recommendation.save()
		self.assertEqual((theme_count("Not started"), theme_count("Partially implemented", 1)), (1, 1))
		# a status derived from an action, written without a save
		frappe.get_doc(
			{
				"doctype": "Implementation Action",
				"action_title": "Tally: register of disappeared persons",
				"lead_institution": self.mine,
				"status": "In progress",
				"start_date": "2026-01-01",
				"end_date": "2027-12-31",
				"recommendations": [{"recommendation": recommendation.name}],
			}
		).insert()
		self.assertEqual((theme_count("Partially implemented", 1), theme_count("In progress", 1)), (0, 1))
		# an import row that fails after its save is rolled back to its savepoint, counts and all
		frappe.db.savepoint("tally_test")
		make_recommendation([self.mine], mechanism="CED", themes=[{"theme": self.theme.name}])
		frappe.db.rollback(save_point="tally_test")
		self.assertEqual(theme_count("Not assessed"), 0)
		# a deletion
		deleted = make_recommendation([], mechanism="CED", themes=[{"theme": self.theme.name}])
		self.assertEqual(theme_count("Not assessed"), 1)
		frappe.delete_doc("Recommendation", deleted.name)
		self.assertEqual(theme_count("Not assessed"), 0)

		self.assertEqual(stored_tally(), counted_afresh())

	def test_the_report_gives_the_same_figures_from_the_tally_and_live(self):
		filter_sets = (
			{},
			{"mechanism": "CED"},
			{"mechanism": "CED", "implementation_status": "In progress"},
			{"upr_cycle": 4},
			{"untagged": 0},
			# beyond the tally's dimensions: answered live
			{"theme": "Women"},
			{"document_symbol": self.symbol},
			{"from_date": "2023-01-01"},
		)
		for group in GROUPS:
			for filters in filter_sets:
				asked = {"group_by": group, **filters}
				with patch.object(tally, "grouped_counts", wraps=tally.grouped_counts) as from_tally:
					from_the_tally = as_user(self.secretariat, status_report, asked)[1]
				with patch.object(tally, "answers", return_value=False):
					live = as_user(self.secretariat, status_report, asked)[1]
				self.assertEqual(from_the_tally, live, asked)
				self.assertEqual(
					from_tally.called,
					group not in ("Document", "Cluster", "Lead institution", "Position")
					and set(filters) <= {"mechanism", "implementation_status", "upr_cycle", "untagged"},
					asked,
				)
		row = next(
			row
			for row in as_user(self.secretariat, status_report, {"group_by": "Theme", "mechanism": "CED"})[1]
			if row["grp"] == self.theme.name
		)
		self.assertEqual((row["total"], row["not_started"], row["in_progress"]), (2, 1, 1))

	def test_only_a_reader_of_every_recommendation_asking_on_its_dimensions_gets_the_tally(self):
		as_secretariat = as_user(self.secretariat, tally.answers, {"mechanism": "CED", "group_by": "Theme"})
		self.assertTrue(as_secretariat)
		self.assertFalse(as_user(self.focal_point, tally.answers, {}), "a focal point's figures are theirs")
		for beyond in ({"theme": "Women"}, {"document_symbol": self.symbol}, {"from_date": "2020-01-01"}):
			self.assertFalse(as_user(self.secretariat, tally.answers, beyond), beyond)
		_columns, data, _message, _chart = as_user(
			self.focal_point, status_report, {"group_by": "Theme", "document_symbol": self.symbol}
		)
		self.assertEqual(
			{row["grp"]: row["total"] for row in data}, {self.theme.name: 2, "Women": 1, "(none)": 1}
		)

	def test_a_renamed_theme_is_counted_live_until_the_tally_is_counted_again(self):
		theme = frappe.get_doc(
			{"doctype": "Human Rights Theme", "label": f"Tally renamed {frappe.generate_hash(length=6)}"}
		).insert()
		make_recommendation([self.mine], mechanism="CED", themes=[{"theme": theme.name}])
		new_name = frappe.rename_doc("Human Rights Theme", theme.name, f"{theme.name} (new)")
		self.assertFalse(tally.is_current())
		_columns, data, _message, _chart = as_user(self.secretariat, status_report, {"group_by": "Theme"})
		self.assertEqual(next(row["total"] for row in data if row["grp"] == new_name), 1)
		tally.rebuild()
		self.assertTrue(tally.is_current())
		self.assertEqual(
			count_of(mechanism="CED", implementation_status="Not assessed", tag_type=THEME, tag=new_name), 1
		)

	def test_patches_count_the_recommendations_saved_before_the_tally(self):
		recommendation = make_recommendation([self.mine], mechanism="CED", themes=[{"theme": "Women"}])
		theme_row = recommendation.themes[0]
		# as saved before: an empty tally, and a theme could be given twice
		repeated = frappe.copy_doc(theme_row)
		repeated.update(
			{"parent": recommendation.name, "parenttype": "Recommendation", "parentfield": "themes", "idx": 2}
		)
		repeated.db_insert()
		expected = counted_afresh()
		frappe.db.sql("delete from `tabRecommendation Tally`")
		for _run in range(2):  # a second run changes nothing
			drop_repeated_tags_patch()
			count_in_tally_patch()
			self.assertEqual(
				frappe.get_all(THEME, filters={"parent": recommendation.name}, pluck="name"), [theme_row.name]
			)
			self.assertEqual(stored_tally(), expected)

	def test_nobody_adds_changes_or_deletes_a_row_by_hand(self):
		row = frappe.get_doc("Recommendation Tally", frappe.db.get_value("Recommendation Tally", {}, "name"))
		row.recommendations += 1
		self.assertRaises(frappe.PermissionError, row.save)
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, "Recommendation Tally", row.name)
		invented = frappe.get_doc(
			{"doctype": "Recommendation Tally", "mechanism": "CED", "recommendations": 5}
		)
		self.assertRaises(frappe.PermissionError, invented.insert)
		self.assertEqual(stored_tally(), counted_afresh())

	def test_a_goal_named_without_a_target_counts_under_its_goal(self):
		symbol = f"CED/C/G{frappe.generate_hash(length=5).upper()}/CO/1"
		goal_only = make_recommendation(
			[self.mine],
			mechanism="CED",
			document_symbol=symbol,
			sdg_targets=[{"sdg_goal": "SDG 16"}, {"sdg_goal": "SDG 10"}],
		)
		self.assertEqual(
			[(row.sdg_target, row.sdg_goal) for row in goal_only.sdg_targets],
			[(None, "SDG 16"), (None, "SDG 10")],
			"two goals alone are two rows, not one repeated empty target",
		)
		# a goal already said by one of its targets adds nothing
		with_target = make_recommendation(
			[self.mine],
			mechanism="CED",
			document_symbol=symbol,
			sdg_targets=[{"sdg_goal": "SDG 16"}, {"sdg_target": "16.3"}],
		)
		self.assertEqual(
			[(row.sdg_target, row.sdg_goal) for row in with_target.sdg_targets], [("16.3", "SDG 16")]
		)
		# a target decides its goal, whatever the row said
		with_target.append("sdg_targets", {"sdg_target": "5.2", "sdg_goal": "SDG 1"})
		with_target.save()
		self.assertEqual(with_target.sdg_targets[-1].sdg_goal, "SDG 5")
		self.assertRaises(frappe.MandatoryError, make_recommendation, [self.mine], sdg_targets=[{}])

		_columns, data, _message, _chart = as_user(
			self.secretariat, status_report, {"group_by": "SDG", "document_symbol": symbol}
		)
		self.assertEqual({row["grp"]: row["total"] for row in data}, {"SDG 16": 2, "SDG 10": 1, "SDG 5": 1})
		self.assertEqual(stored_tally(), counted_afresh())

	def test_tag_rows_of_a_recommendation_gone_meanwhile_count_nothing(self):
		"""written_directly reads a recommendation, then its tags: one deleted in between leaves tag
		rows whose parent the first read did not see (here an orphan row stands for them)."""
		# a theme of its own: the class's theme and symbol are counted by the other tests
		theme = frappe.get_doc(
			{"doctype": "Human Rights Theme", "label": f"Tally orphan {frappe.generate_hash(length=6)}"}
		).insert()
		kept = make_recommendation([self.mine], mechanism="CED", themes=[{"theme": theme.name}])
		self.addCleanup(frappe.delete_doc, "Recommendation", kept.name, force=True)
		gone = frappe.generate_hash(length=10)
		frappe.db.sql(
			"""insert into `tabRecommendation Theme` (name, parent, parenttype, parentfield, theme)
			values (%s, %s, 'Recommendation', 'themes', %s)""",
			(frappe.generate_hash(length=10), gone, theme.name),
		)
		self.addCleanup(frappe.db.delete, "Recommendation Theme", {"parent": gone})
		counted = tally.of_stored([kept.name])
		self.assertEqual(sum(count for key, count in counted.items() if key.tag == theme.name), 1)
		self.assertEqual(tally.of_stored([kept.name, gone]), counted)


class TestTallyUnderConcurrentWrites(FrappeTestCase):
	"""Two transactions at once, as on a deadline day: this one and another thread's own connection.
	Each commits what it does, so the test removes its recommendation afterwards."""

	def test_two_approvals_moving_one_recommendation_at_once_count_it_once(self):
		name = make_recommendation(themes=[{"theme": "Women"}]).name
		frappe.db.commit()  # the other connection sees only what is committed
		self.addCleanup(self.remove, name)
		site, sites_path, failures = frappe.local.site, frappe.local.sites_path, []

		def second_approval():
			frappe.init(site=site, sites_path=sites_path)
			frappe.connect()
			try:
				with tally.written_directly([name]):
					frappe.db.set_value("Recommendation", name, "implementation_status", "Fully implemented")
				frappe.db.commit()
			except Exception as error:
				failures.append(error)
			finally:
				frappe.destroy()

		with tally.written_directly([name]):
			frappe.db.set_value("Recommendation", name, "implementation_status", "In progress")
		other = threading.Thread(target=second_approval)
		other.start()
		# commit only once the other transaction waits for the recommendation this one has written
		deadline = time.monotonic() + 20
		while not self.another_connection_waits() and time.monotonic() < deadline:
			time.sleep(0.05)
		self.assertTrue(self.another_connection_waits(), "the second approval waits for the first")
		frappe.db.commit()
		other.join(30)
		self.assertEqual(failures, [])
		self.assertEqual(
			frappe.db.get_value("Recommendation", name, "implementation_status"), "Fully implemented"
		)
		self.assertEqual(tally.differences_from_a_recount(), [], "each move counted once")

	@staticmethod
	def another_connection_waits() -> bool:
		"""Another connection of the site is inside a statement on the recommendation (its lock, or
		its write); the site's own connections are visible to it without the PROCESS privilege."""
		return bool(
			frappe.db.sql(
				"""select count(*) from information_schema.processlist
				where id != connection_id() and info like '%%tabRecommendation%%'"""
			)[0][0]
		)

	@staticmethod
	def remove(name):
		frappe.delete_doc("Recommendation", name, force=True)
		frappe.db.commit()
