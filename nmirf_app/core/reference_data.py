"""Reference data the app ships: mechanisms, treaties, vocabularies and the SDG framework.

Read from the CSV files in `nmirf_setup/reference_data/` (sources noted there) into plain dicts
that the installer turns into records.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from nmirf_app.core.vocabulary import VocabularyEntry, build_vocabulary

REFERENCE_DATA_DIR = Path(__file__).resolve().parent.parent / "nmirf_setup" / "reference_data"


def read_csv(name: str, directory: Path = REFERENCE_DATA_DIR) -> Iterator[dict[str, str]]:
	with open(directory / name, encoding="utf-8", newline="") as file:
		yield from csv.DictReader(file)


def vocabulary(kind: str, directory: Path = REFERENCE_DATA_DIR) -> list[VocabularyEntry]:
	"""kind: 'theme' or 'affected_group'."""
	source = {"theme": "uhri_themes.csv", "affected_group": "uhri_affected_persons.csv"}[kind]
	labels = ((row["label"], row["vocabulary"]) for row in read_csv(source, directory))
	aliases = (
		(row["alias"], row["label"], row["alias_vocabulary"])
		for row in read_csv("vocabulary_aliases.csv", directory)
		if row["vocabulary"] == kind
	)
	return build_vocabulary(labels, aliases)


def treaties(directory: Path = REFERENCE_DATA_DIR) -> list[dict]:
	return [
		{
			"abbreviation": row["abbreviation"],
			"instrument": row["instrument"],
			"optional_protocol_to": row["optional_protocol_to"] or None,
			"adopted_on": row["adopted_on"] or None,
		}
		for row in read_csv("human_rights_treaties.csv", directory)
	]


def mechanisms(directory: Path = REFERENCE_DATA_DIR) -> list[dict]:
	return [
		{
			"code": row["code"],
			"title": row["title"],
			"mechanism_type": row["mechanism_type"],
			"treaty": row["treaty"] or None,
			"reporting_periodicity_years": float(row["reporting_periodicity_years"] or 0),
			"follow_up_period_years": float(row["follow_up_period_years"] or 0),
			"uhri_body_codes": "\n".join(code for code in row["uhri_body_codes"].split("|") if code),
		}
		for row in read_csv("human_rights_mechanisms.csv", directory)
	]


def sdg_goals(directory: Path = REFERENCE_DATA_DIR) -> list[dict]:
	return [
		{"goal_number": int(row["goal"]), "short_title": row["short_title"], "title": row["title"]}
		for row in read_csv("sdg_goals.csv", directory)
	]


def sdg_goal_name(goal_number: int | str) -> str:
	"""The record name of a goal (`SDG 5`), as the SDG Goal DocType names them."""
	return f"SDG {int(goal_number)}"


def sdg_targets(directory: Path = REFERENCE_DATA_DIR) -> list[dict]:
	return [
		{
			"target_code": row["target"],
			"sdg_goal": sdg_goal_name(row["goal"]),
			"short_title": row["short_title"],
			"title": row["title"],
		}
		for row in read_csv("sdg_targets.csv", directory)
	]
