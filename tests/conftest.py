import sys
from pathlib import Path

import pytest

# Framework-free tests import nmirf_app.core straight from the checkout, with or without a bench.
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
	sys.path.insert(0, str(REPO_ROOT))

# Imported once the checkout is on sys.path.
from nmirf_app.core import reference_data  # noqa: E402
from nmirf_app.core.countries import load_country_resolver  # noqa: E402
from nmirf_app.core.recommendation_import import ImportContext  # noqa: E402
from nmirf_app.core.vocabulary import VocabularyIndex  # noqa: E402


def frappe_country_names() -> list[str]:
	# The snapshot of Frappe's Country names lives with the country tests, which check it.
	from test_countries import FRAPPE_COUNTRY_NAMES

	return FRAPPE_COUNTRY_NAMES


def vocabulary_index(kind: str) -> VocabularyIndex:
	return VocabularyIndex(
		(entry.label, [alias for alias, _version in entry.aliases])
		for entry in reference_data.vocabulary(kind)
	)


def shipped_mechanisms_by_body_code() -> dict[str, str]:
	"""Each shipped mechanism's own code and UHRI body codes → its name, as the Frappe side builds it."""
	mapping = {}
	for mechanism in reference_data.mechanisms():
		mapping[mechanism["code"]] = mechanism["code"]
		for body_code in mechanism["uhri_body_codes"].splitlines():
			mapping[body_code] = mechanism["code"]
	return mapping


@pytest.fixture
def import_context() -> ImportContext:
	"""What a Paraguayan NMIRF site knows after installing the app's reference data."""
	return ImportContext(
		mechanisms_by_body_code=shipped_mechanisms_by_body_code(),
		themes=vocabulary_index("theme"),
		affected_groups=vocabulary_index("affected_group"),
		sdg_targets={target["target_code"] for target in reference_data.sdg_targets()},
		countries=load_country_resolver(frappe_country_names()),
		state="Paraguay",
	)
