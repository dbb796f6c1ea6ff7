"""The demo dataset: deterministic, within the app's vocabularies and internally consistent."""

import csv
import difflib
import re
import uuid
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

import pytest

from nmirf_app.core import demo_data
from nmirf_app.core.demo_data import build_demo_dataset

REFERENCE_DATA = Path(__file__).resolve().parent.parent / "nmirf_app" / "nmirf_setup" / "reference_data"
TREATY_BODIES = ("CRC", "CEDAW", "CAT")
SDG_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-c])$")


@pytest.fixture(scope="module")
def dataset():
	return build_demo_dataset()


def read_vocabulary(file_name: str) -> set[str]:
	with open(REFERENCE_DATA / file_name, encoding="utf-8", newline="") as file:
		return {row["label"] for row in csv.DictReader(file) if row["vocabulary"] == "uhri-2025"}


def state_bodies(dataset) -> set[str]:
	return {institution.name for institution in dataset.institutions if institution.is_state_body}


def test_same_seed_gives_the_same_dataset():
	assert build_demo_dataset(2026) == build_demo_dataset(2026)
	assert build_demo_dataset(7) == build_demo_dataset(7)


def test_another_seed_gives_other_recommendations():
	first, second = build_demo_dataset(2026), build_demo_dataset(7)
	assert [rec.text for rec in first.recommendations] != [rec.text for rec in second.recommendations]
	first_ids = {rec.uhri_annotation_id for rec in first.recommendations}
	assert not first_ids & {rec.uhri_annotation_id for rec in second.recommendations}


def test_the_default_seed_is_2026(dataset):
	assert dataset == build_demo_dataset(2026)
	assert dataset.state == "Paraguay"


@pytest.mark.parametrize("seed", [2026, 0, 1, 99])
def test_volume_per_document(seed):
	recommendations = build_demo_dataset(seed).recommendations
	assert 280 <= len(recommendations) <= 320
	by_source = Counter(
		(rec.mechanism, rec.upr_cycle) if rec.mechanism == "UPR" else rec.mechanism for rec in recommendations
	)
	assert 100 <= by_source[("UPR", 2)] <= 120
	assert 100 <= by_source[("UPR", 3)] <= 120
	for mechanism in TREATY_BODIES:
		assert 25 <= by_source[mechanism] <= 30, mechanism


def test_document_metadata(dataset):
	documents = {
		(rec.mechanism, rec.document_symbol, rec.upr_cycle, rec.session, rec.document_date)
		for rec in dataset.recommendations
	}
	symbols = {symbol: (mechanism, cycle, session) for mechanism, symbol, cycle, session, _date in documents}
	assert len(symbols) == len(documents), "one date and session per document"
	assert symbols["A/HRC/32/9"] == ("UPR", 2, "24th Session")
	assert symbols["A/HRC/48/9"] == ("UPR", 3, "38th Session")
	assert {symbol: mechanism for symbol, (mechanism, _cycle, _session) in symbols.items()} == {
		"A/HRC/32/9": "UPR",
		"A/HRC/48/9": "UPR",
		"CRC/C/PRY/CO/4-6": "CRC",
		"CEDAW/C/PRY/CO/8": "CEDAW",
		"CAT/C/PRY/CO/7": "CAT",
	}
	assert all(rec.annotation_type == "Recommendation" for rec in dataset.recommendations)


def test_paragraph_numbers(dataset):
	for rec in dataset.recommendations:
		if rec.upr_cycle == 2:
			assert re.fullmatch(r"102\.\d+", rec.paragraph), rec.paragraph
		elif rec.upr_cycle == 3:
			assert re.fullmatch(r"118\.\d+", rec.paragraph), rec.paragraph
		else:
			assert re.fullmatch(r"\d+", rec.paragraph), rec.paragraph
	upr_second_cycle = [
		int(rec.paragraph.split(".")[1]) for rec in dataset.recommendations if rec.upr_cycle == 2
	]
	assert upr_second_cycle == list(range(1, len(upr_second_cycle) + 1)), (
		"UPR recommendations are numbered without gaps"
	)


def test_source_paragraphs_are_unique(dataset):
	sources = Counter((rec.document_symbol, rec.paragraph) for rec in dataset.recommendations)
	assert [source for source, count in sources.items() if count > 1] == []


def test_texts_are_unique(dataset):
	texts = Counter(rec.text for rec in dataset.recommendations)
	assert [text for text, count in texts.items() if count > 1] == []


def test_annotation_ids_are_unique_uuids(dataset):
	ids = [rec.uhri_annotation_id for rec in dataset.recommendations]
	assert len(set(ids)) == len(ids)
	for annotation_id in ids:
		assert str(uuid.UUID(annotation_id)) == annotation_id


def test_themes_and_groups_come_from_the_uhri_2025_vocabularies(dataset):
	themes = read_vocabulary("uhri_themes.csv")
	groups = read_vocabulary("uhri_affected_persons.csv")
	for rec in dataset.recommendations:
		assert 1 <= len(rec.themes) <= 3 and len(set(rec.themes)) == len(rec.themes), rec.text
		assert set(rec.themes) <= themes, set(rec.themes) - themes
		assert len(rec.affected_groups) <= 2 and len(set(rec.affected_groups)) == len(rec.affected_groups)
		assert set(rec.affected_groups) <= groups, set(rec.affected_groups) - groups
	for cluster in dataset.clusters:
		assert set(cluster.themes) <= themes, set(cluster.themes) - themes


def test_no_label_is_a_declared_alias(dataset):
	"""An alias is not a record of its own, so the loader could not link to it."""
	aliases_file = REFERENCE_DATA / "vocabulary_aliases.csv"
	if not aliases_file.exists():
		pytest.skip("no alias list yet")
	with open(aliases_file, encoding="utf-8", newline="") as file:
		aliases = {row["alias"] for row in csv.DictReader(file)}
	used = {label for rec in dataset.recommendations for label in (*rec.themes, *rec.affected_groups)}
	used |= {theme for cluster in dataset.clusters for theme in cluster.themes}
	assert used & aliases == set()


def test_sdg_targets_are_target_codes(dataset):
	for rec in dataset.recommendations:
		assert len(rec.sdg_targets) <= 3
		for target in rec.sdg_targets:
			match = SDG_TARGET.match(target)
			assert match and 1 <= int(match.group(1)) <= 17, target


def test_clusters(dataset):
	names = [cluster.name for cluster in dataset.clusters]
	assert 8 <= len(names) <= 10 and len(set(names)) == len(names)
	assert all(cluster.description and cluster.themes for cluster in dataset.clusters)
	assert {rec.cluster for rec in dataset.recommendations} - {None} == set(names)
	unclustered = [rec for rec in dataset.recommendations if rec.cluster is None]
	assert all(rec.implementation_status == "Not assessed" for rec in unclustered)


def test_institutions(dataset):
	names = [institution.name for institution in dataset.institutions]
	assert len(set(names)) == len(names)
	assert 12 <= len(names) <= 16
	allowed_types = {
		"Ministry",
		"Agency",
		"Parliament",
		"Judiciary",
		"Local Government",
		"NHRI",
		"Civil Society Organisation",
		"UN Entity",
		"Other",
	}
	assert {institution.institution_type for institution in dataset.institutions} <= allowed_types
	assert all(institution.parent in (None, *names) for institution in dataset.institutions)
	by_type = Counter(institution.institution_type for institution in dataset.institutions)
	assert by_type["NHRI"] == by_type["Civil Society Organisation"] == by_type["UN Entity"] == 1
	assert len(state_bodies(dataset)) >= 10
	# The loader makes the first institution the host of the NMIRF secretariat.
	assert dataset.institutions[0].name == "Ministry of Foreign Affairs"


def test_each_recommendation_has_one_lead_state_institution(dataset):
	state = state_bodies(dataset)
	for rec in dataset.recommendations:
		roles = Counter(role for _institution, role in rec.institutions)
		assert roles["Lead"] == 1 and roles["Supporting"] <= 2 and set(roles) <= {"Lead", "Supporting"}
		institutions = [institution for institution, _role in rec.institutions]
		assert len(set(institutions)) == len(institutions)
		assert set(institutions) <= state, set(institutions) - state


def test_users(dataset):
	emails = [user.email for user in dataset.users]
	assert len(set(emails)) == len(emails)
	assert all(email.endswith("@demo.nmirf.example") for email in emails)
	full_names = [(user.first_name, user.last_name) for user in dataset.users]
	assert len(set(full_names)) == len(full_names)
	known_roles = {
		"NMIRF Administrator",
		"NMIRF Secretariat",
		"NMIRF Focal Point",
		"NMIRF Institution Validator",
		"NMIRF Approver",
		"NMIRF Observer",
	}
	roles = Counter(role for user in dataset.users for role in user.roles)
	assert set(roles) <= known_roles
	assert roles["NMIRF Secretariat"] == 2 and roles["NMIRF Approver"] == 1 and roles["NMIRF Observer"] == 1
	assert {"secretariat@demo.nmirf.example", "fp.health@demo.nmirf.example"} <= set(emails)


def test_focal_points_are_focal_point_users_of_state_institutions(dataset):
	users = {user.email: user for user in dataset.users}
	state = state_bodies(dataset)
	for focal_point in dataset.focal_points:
		assert focal_point.user in users
		assert "NMIRF Focal Point" in users[focal_point.user].roles
		assert focal_point.institution in state
		assert focal_point.role_type in ("Main", "Alternate")
		assert focal_point.capacity in ("Technical", "Political")
		assert focal_point.active_to is None or focal_point.active_to >= focal_point.active_from
	institutions_with_alternates = {
		focal_point.institution
		for focal_point in dataset.focal_points
		if focal_point.role_type == "Alternate"
	}
	assert len(institutions_with_alternates) >= 6


def test_one_active_main_focal_point_per_state_institution_every_day(dataset):
	mains = defaultdict(list)
	for focal_point in dataset.focal_points:
		if focal_point.role_type == "Main":
			mains[focal_point.institution].append(focal_point)
	assert set(mains) == state_bodies(dataset)
	day = demo_data.DEMO_PERIOD_START
	while day <= demo_data.DEMO_PERIOD_END:
		for institution, terms in mains.items():
			active = [
				term
				for term in terms
				if term.active_from <= day and (term.active_to is None or day <= term.active_to)
			]
			assert len(active) == 1, (institution, day, active)
		day += timedelta(days=1)


def test_health_focal_point_turnover(dataset):
	health_mains = sorted(
		(
			focal_point
			for focal_point in dataset.focal_points
			if focal_point.institution == "Ministry of Public Health and Social Welfare"
			and focal_point.role_type == "Main"
		),
		key=lambda focal_point: focal_point.active_from,
	)
	assert len(health_mains) == 2
	former, successor = health_mains
	assert former.active_to is not None and former.handover_notes
	assert successor.active_from == former.active_to + timedelta(days=1)
	assert successor.active_to is None and successor.user == "fp.health@demo.nmirf.example"


def test_every_state_institution_has_a_validator(dataset):
	users = {user.email: user for user in dataset.users}
	assert set(dataset.validators) == state_bodies(dataset)
	for validator in dataset.validators.values():
		assert "NMIRF Institution Validator" in users[validator].roles


def test_upr_recommendations_have_states_and_positions(dataset):
	for rec in dataset.recommendations:
		if rec.mechanism == "UPR":
			assert rec.upr_cycle in (2, 3)
			assert 1 <= len(rec.recommending_states) <= 3
			assert len(set(rec.recommending_states)) == len(rec.recommending_states)
			assert "Paraguay" not in rec.recommending_states
			assert rec.position in ("Supported", "Noted", "Supported in part")
			assert not rec.follow_up_required
		else:
			assert rec.mechanism in TREATY_BODIES
			assert rec.upr_cycle is None and rec.recommending_states == () and rec.position == ""
			assert rec.repeats is None


def test_upr_positions_and_publication_shares():
	# Pooled over seeds: one draw of 220 positions is too noisy to pin to 80/15/5.
	positions, published, total = Counter(), 0, 0
	for seed in range(10):
		recommendations = build_demo_dataset(seed).recommendations
		positions.update(rec.position for rec in recommendations if rec.mechanism == "UPR")
		published += sum(rec.published for rec in recommendations)
		total += len(recommendations)
	upr_total = sum(positions.values())
	assert 0.74 <= positions["Supported"] / upr_total <= 0.86
	assert 0.10 <= positions["Noted"] / upr_total <= 0.20
	assert 0.02 <= positions["Supported in part"] / upr_total <= 0.08
	assert 0.6 <= published / total <= 0.8


def test_statuses_and_priorities(dataset):
	statuses = {rec.implementation_status for rec in dataset.recommendations}
	assert statuses <= {
		"Not assessed",
		"Not started",
		"In progress",
		"Partially implemented",
		"Fully implemented",
	}
	assert len(statuses) == 5
	assert {rec.priority for rec in dataset.recommendations} == {"High", "Medium", "Low"}


def test_follow_up_paragraphs_per_treaty_document(dataset):
	follow_ups = Counter(rec.document_symbol for rec in dataset.recommendations if rec.follow_up_required)
	assert set(follow_ups) == {"CRC/C/PRY/CO/4-6", "CEDAW/C/PRY/CO/8", "CAT/C/PRY/CO/7"}
	assert all(2 <= count <= 4 for count in follow_ups.values())


def test_treaty_body_texts_read_as_committee_paragraphs(dataset):
	for rec in dataset.recommendations:
		if rec.mechanism in TREATY_BODIES:
			assert "State party" in rec.text and rec.text.endswith(".")
			if ": (a) " in rec.text:
				assert "; (b) " in rec.text
		else:
			assert rec.text[0].isupper() and rec.text.endswith(".") and "State party" not in rec.text


def test_repeats_point_to_an_almost_identical_cycle_3_recommendation(dataset):
	by_source = {(rec.document_symbol, rec.paragraph): rec for rec in dataset.recommendations}
	repeats = [rec for rec in dataset.recommendations if rec.repeats]
	assert 3 <= len(repeats) <= 10
	for rec in repeats:
		assert rec.upr_cycle == 3
		earlier = by_source[rec.repeats]
		assert earlier.upr_cycle == 2
		assert difflib.SequenceMatcher(None, earlier.text, rec.text).ratio() > 0.8
		assert (earlier.themes, earlier.sdg_targets) == (rec.themes, rec.sdg_targets)
		assert earlier.institutions[0] == rec.institutions[0]


def test_texts_only_cite_laws_adopted_before_the_document(dataset):
	for rec in dataset.recommendations:
		for year in re.findall(r"Act No\. \d+/(\d{4})", rec.text):
			assert int(year) <= rec.document_date.year, (rec.document_symbol, rec.text)


def test_classification_follows_the_subject(dataset):
	maternal = [rec for rec in dataset.recommendations if "maternal mortality" in rec.text]
	assert maternal
	for rec in maternal:
		assert rec.institutions[0] == ("Ministry of Public Health and Social Welfare", "Lead")
		assert "3.1" in rec.sdg_targets and "Right to health" in rec.themes
		assert rec.cluster in ("Health", None)
	for rec in dataset.recommendations:
		if "definition of torture" in rec.text:
			assert rec.cluster in ("Administration of justice and detention", None)
			assert any(theme.startswith("Prohibition of torture") for theme in rec.themes)
		if "femicide" in rec.text and rec.mechanism != "CAT":
			assert rec.institutions[0] == ("Ministry of Women", "Lead")
		if rec.mechanism == "CRC":
			assert {"Children", "Girls", "Youth & juveniles"} & set(rec.affected_groups) or any(
				group.startswith("Children in vulnerable") or group == "Women & girls"
				for group in rec.affected_groups
			), rec.text


def test_module_stays_framework_free():
	source = Path(demo_data.__file__).read_text(encoding="utf-8")
	assert not re.search(r"^\s*(import|from)\s+frappe", source, re.MULTILINE)
