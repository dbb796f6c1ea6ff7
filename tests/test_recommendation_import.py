import json
from datetime import date

import pytest
from openpyxl import Workbook

from nmirf_app.core.recommendation_import import (
	SOURCE_FIELDS,
	SOURCE_TABLES,
	ImportCandidate,
	RowIssue,
	annotation_type_of,
	map_uhri_record,
	plan_change,
	read_candidates,
)
from nmirf_app.core.uhri_format import UHRI_XLSX_HEADERS, UhriFormatError, UhriRecord

# OHCHR's own headers, typo included (UHRI_FORMAT.md).
UHRI_HEADERS = list(UHRI_XLSX_HEADERS)

CRC_TEXT = (
	"18. The Committee recommends that the State party:\n"
	"(a) Strengthen the National Secretariat for Children and Adolescents and allocate sufficient "
	"human, technical and financial resources to it;\n"
	"(b) Ensure that the National System for Comprehensive Protection operates at the municipal level."
)
UPR_TEXT = (
	"140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and "
	"Cultural Rights (Maldives) (Portugal);"
)
UPR_TEXT_WITHOUT_STATE_COLUMN = (
	"140.12 Adopt a comprehensive law against all forms of discrimination, including on the grounds "
	"of sexual orientation and gender identity (Bolivia (Plurinational State of)) (Argentina);"
)
CEDAW_TEXT = (
	"Gender-based violence against women 22.The Committee is concerned about the high prevalence of "
	"femicide in the State party and the low number of convictions of perpetrators."
)

ROWS = [
	{  # row 2
		"Text": CRC_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CRC",
		"Document Symbol": "- CRC/C/PRY/CO/6",
		"Themes": "- Children: definition; general principles; protection\n- Child-friendly municipalities",
		"Affected Persons": "- Children",
		"Sdgs": "- 16.9 - Provide legal identity for all, including birth registration\n- 1.A - Ensure significant mobilization",
		"Document Publication Date": 46078,
		"Type": "- Recommendations",
		"OHCHR Annotation Id": "- 0F8A2C1E-5B6D-4E7F-9A1B-2C3D4E5F6A7B",
	},
	{  # row 3
		"Text": UPR_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- UPR",
		"Document Symbol": "- A/HRC/48/9",
		"Themes": "- Acceptance of international norms",
		"Document Publication Date": "2021-07-12",
		"UPR Reccomending States": "- Maldives\n- Portugal",
		"UPR Position": "- Supported/Noted",
		"Type": "- Recommendations",
		"OHCHR Annotation Id": "- 6d1c6f5a-35a3-4b0e-8f6e-4f9a9e3c2b10",
		"UPR Session": "- 38th Session",
	},
	{  # row 4: an export that left the States column empty
		"Text": UPR_TEXT_WITHOUT_STATE_COLUMN,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- UPR",
		"Document Symbol": "- A/HRC/48/9",
		"Document Publication Date": "2021-07-12",
		"UPR Position": "- Noted",
		"OHCHR Annotation Id": "- 7e2d7a6b-46b4-4c1f-9a7f-5a0b0f4d3c21",
		"UPR Session": "- 38th Session",
	},
	{  # row 5
		"Text": CEDAW_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CEDAW",
		"Document Symbol": "- CEDAW/C/PRY/CO/8",
		"Themes": "- Violence against women",
		"Affected Persons": "- Women & girls",
		"Document Publication Date": 45229,
		"Type": "- Concerns/Observations",
		"OHCHR Annotation Id": "- a3c4e5f6-0000-4b1c-8d2e-000000000022",
	},
	{  # row 6: a special procedure the site does not know yet
		"Text": "76. The Special Rapporteur recommends that the Government adopt a national food security strategy.",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- SR on the right to food",
		"Document Symbol": "- A/HRC/55/47/Add.1",
		"Document Publication Date": 45300,
		"OHCHR Annotation Id": "- c1d2e3f4-0000-4000-8000-000000000076",
	},
	{  # row 7
		"Text": "27. The Committee recommends that the State party adopt the draft law on gender-based violence.",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CEDAW",
		"Document Symbol": "- CEDAW/C/PRY/CO/8",
		"Document Publication Date": "31.10.2023",
		"OHCHR Annotation Id": "- a3c4e5f6-0000-4b1c-8d2e-000000000027",
	},
	{  # row 8
		"Text": "  ",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CAT",
		"Document Symbol": "- CAT/C/PRY/CO/7",
	},
	{  # row 9: the CRC row again
		"Text": CRC_TEXT,
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- CRC",
		"Document Symbol": "- CRC/C/PRY/CO/6",
		"OHCHR Annotation Id": "- 0f8a2c1e-5b6d-4e7f-9a1b-2c3d4e5f6a7b",
	},
	{  # row 10
		"Text": "140.30 Establish a national preventive mechanism (Denmark);",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- UPR",
		"Document Symbol": "- A/HRC/48/9",
		"UPR Reccomending States": "- Denmark",
		"UPR Position": "- Accepted in principle",
		"OHCHR Annotation Id": "- 7e2d7a6b-46b4-4c1f-9a7f-5a0b0f4d3c30",
	},
	{  # row 11: an optional protocol's committee code belongs to the CRC
		"Text": "12. The Committee recommends that the State party criminalize the recruitment of children under 18.",
		"Countries Concerned": "- Paraguay",
		"Reccomending Body": "- crc-op-ac",
		"Document Symbol": "- CRC/C/OPAC/PRY/CO/1",
		"Document Publication Date": 40000,
		"OHCHR Annotation Id": "- d4e5f6a7-0000-4000-8000-000000000012",
	},
	{  # row 12: another State
		"Text": "35. The Committee recommends that the State party establish a national preventive mechanism.",
		"Countries Concerned": "- Peru",
		"Reccomending Body": "- CAT",
		"Document Symbol": "- CAT/C/PER/CO/8",
		"Document Publication Date": 45000,
		"OHCHR Annotation Id": "- e5f6a7b8-0000-4000-8000-000000000035",
	},
]


def write_uhri_xlsx(path, rows):
	workbook = Workbook()
	sheet = workbook.active
	sheet.append(UHRI_HEADERS)
	for row in rows:
		sheet.append([row.get(header) for header in UHRI_HEADERS])
	workbook.save(path)
	return path


def split(items):
	items = list(items)
	return (
		{item.row_number: item for item in items if isinstance(item, ImportCandidate)},
		[item for item in items if isinstance(item, RowIssue)],
	)


@pytest.fixture
def paraguay_run(tmp_path, import_context):
	path = write_uhri_xlsx(tmp_path / "uhri-paraguay.xlsx", ROWS)
	return read_candidates("uhri-xlsx", path, import_context, state="Paraguay")


def test_treaty_body_paragraph_becomes_a_candidate(paraguay_run):
	candidates, _issues = split(paraguay_run)
	crc = candidates[2]
	assert crc.dedupe_key == "uhri:0f8a2c1e-5b6d-4e7f-9a1b-2c3d4e5f6a7b"
	assert crc.values == {
		"recommendation_text": CRC_TEXT,
		"mechanism": "CRC",
		"annotation_type": "Recommendation",
		"document_symbol": "CRC/C/PRY/CO/6",
		"paragraph": "18",
		"document_date": date(2026, 2, 25),
		"upr_cycle": None,
		"session": "",
		"state_under_review": "Paraguay",
		"position": "",
		"position_source": "",
		"uhri_annotation_id": "0F8A2C1E-5B6D-4E7F-9A1B-2C3D4E5F6A7B",
		"uhri_document_id": "",
	}
	assert crc.themes == ["Children: definition; general principles; protection"]
	assert crc.affected_groups == ["Children"]
	assert crc.sdg_targets == ["16.9", "1.a"]


def test_unknown_theme_is_a_warning_not_a_failure(paraguay_run):
	crc = split(paraguay_run)[0][2]
	[warning] = crc.warnings
	assert (warning.row_number, warning.field, warning.value, warning.fatal) == (
		2,
		"Themes",
		"Child-friendly municipalities",
		False,
	)
	assert "Child-friendly municipalities" in warning.message


def test_upr_row_keeps_the_published_text_states_and_split_position(paraguay_run):
	upr = split(paraguay_run)[0][3]
	assert upr.values["recommendation_text"] == UPR_TEXT
	assert upr.values["paragraph"] == "140.7"
	assert upr.values["mechanism"] == "UPR"
	assert upr.values["session"] == "38th Session"
	assert upr.values["position"] == "Supported in part"
	assert upr.values["position_source"] == "UHRI"
	assert upr.recommending_states == ["Maldives", "Portugal"]
	# The 2017 label is an alias of the cycle-4 theme.
	assert upr.themes == ["Ratification of & accession to international instruments"]


def test_upr_states_are_read_from_the_text_when_the_column_is_empty(paraguay_run):
	upr = split(paraguay_run)[0][4]
	assert upr.recommending_states == ["Bolivia, Plurinational State of", "Argentina"]
	assert upr.values["recommendation_text"] == UPR_TEXT_WITHOUT_STATE_COLUMN
	assert upr.values["paragraph"] == "140.12"
	assert upr.values["position"] == "Noted"
	assert upr.warnings == []


def test_concluding_observation_concern_with_sub_heading(paraguay_run):
	cedaw = split(paraguay_run)[0][5]
	assert cedaw.values["annotation_type"] == "Concern/Observation"
	assert cedaw.values["paragraph"] == "22"
	assert cedaw.values["recommendation_text"] == CEDAW_TEXT
	assert cedaw.affected_groups == ["Women & girls"]


def test_body_code_of_an_optional_protocol_maps_to_its_committee(paraguay_run):
	assert split(paraguay_run)[0][11].values["mechanism"] == "CRC"


def test_fatal_issues_name_row_column_and_how_to_fix(paraguay_run):
	issues = {issue.row_number: issue for issue in split(paraguay_run)[1]}
	assert sorted(issues) == [6, 7, 8, 9, 10]
	assert all(issue.fatal for issue in issues.values())

	mechanism = issues[6]
	assert (mechanism.field, mechanism.value) == ("Reccomending Body", "SR on the right to food")
	assert "add a Human Rights Mechanism whose UHRI body codes include 'SR on the right to food'" in (
		mechanism.message
	)
	assert issues[7].field == "Document Publication Date" and "31.10.2023" in issues[7].message
	assert issues[8].field == "Text"
	assert issues[9].field == "OHCHR Annotation Id"
	assert issues[9].message.startswith("Same recommendation as row 2")
	assert (issues[10].field, issues[10].value) == ("UPR Position", "Accepted in principle")


def test_run_counts_what_it_read_skipped_and_failed(paraguay_run):
	items = list(paraguay_run)
	assert len(items) == 10
	assert (paraguay_run.read, paraguay_run.skipped_other_state) == (11, 1)
	assert (paraguay_run.candidates, paraguay_run.rows_with_issues) == (5, 5)


def test_without_a_state_filter_every_state_is_read(tmp_path, import_context):
	path = write_uhri_xlsx(tmp_path / "uhri.xlsx", ROWS)
	candidates, _issues = split(read_candidates("uhri-xlsx", path, import_context))
	assert candidates[12].values["state_under_review"] == "Peru"


def test_json_export_maps_cycle_and_document_id(tmp_path, import_context):
	path = tmp_path / "export-full-en.json"
	record = {
		"AnnotationId": "9b1f3c2e-8d4a-4f6b-a1c2-3d4e5f6a7b8c",
		"DocumentId": "f0e1d2c3-b4a5-4968-8776-655443322110",
		"Text": "<p>136.22 Extend a standing invitation to all Special Rapporteurs of the Human Rights "
		"Council (the former Yugoslav Republic of Macedonia);</p>",
		"Countries": ["Paraguay"],
		"Body": "UPR",
		"Symbol": "A/HRC/32/9",
		"Themes": ["Cooperation with special procedures"],
		"UprPositions": ["Supported"],
		"UprSession": "24th Session",
		"UprCycle": 2,
		"PublicationDate": "2016-04-11T00:00:00Z",
		"AnnotationType": "Recommendations",
	}
	path.write_text(json.dumps([record]), encoding="utf-8")
	[candidate] = read_candidates("uhri-json", path, import_context, state="Paraguay")
	assert candidate.values["upr_cycle"] == 2
	assert candidate.values["uhri_document_id"] == "f0e1d2c3-b4a5-4968-8776-655443322110"
	assert candidate.values["document_date"] == date(2016, 4, 11)
	assert candidate.values["recommendation_text"].endswith("(the former Yugoslav Republic of Macedonia);")
	assert candidate.recommending_states == ["Macedonia"]
	assert [(warning.field, warning.value) for warning in candidate.warnings] == [
		("Themes", "Cooperation with special procedures")
	]


def test_file_that_is_not_a_uhri_export_is_refused(tmp_path, import_context):
	workbook = Workbook()
	workbook.active.append(["Name", "Email"])
	workbook.save(tmp_path / "contacts.xlsx")
	with pytest.raises(UhriFormatError):
		read_candidates("uhri-xlsx", tmp_path / "contacts.xlsx", import_context)


def test_unknown_source_type_is_refused(import_context):
	with pytest.raises(ValueError, match="Unknown source type"):
		read_candidates("docx", "x.docx", import_context)


def test_map_uhri_record_works_on_one_record(import_context):
	record = UhriRecord(
		row_number=3,
		body="SR Torture",
		text="Conditions of detention 94.The Special Rapporteur recommends that the Government close "
		"the punishment cells of the Tacumbú prison.",
		symbol="A/HRC/52/25/Add.1",
		paragraph="94",
		countries=["Paraguay"],
		affected_persons=["Persons deprived of their liberty & detainees", "Prisoners of conscience"],
	)
	candidate = map_uhri_record(record, import_context)
	assert candidate.values["mechanism"] == "SR-TORTURE"
	assert candidate.dedupe_key == "doc:A/HRC/52/25/ADD.1#94"
	assert candidate.affected_groups == ["Persons deprived of their liberty & detainees"]
	assert [warning.value for warning in candidate.warnings] == ["Prisoners of conscience"]


def test_mechanism_codes_match_without_case_or_spacing(import_context):
	record = UhriRecord(row_number=2, body="  sr   TORTURE ", text="5. The Special Rapporteur recommends…")
	assert map_uhri_record(record, import_context).values["mechanism"] == "SR-TORTURE"


def test_unknown_recommending_state_is_a_warning(import_context):
	record = UhriRecord(
		row_number=4,
		body="UPR",
		text="118.3 Ratify the Arms Trade Treaty (Atlantis) (Uruguay);",
		upr_recommending_states=["Atlantis", "Uruguay"],
		countries=["Paraguay"],
	)
	candidate = map_uhri_record(record, import_context)
	assert candidate.recommending_states == ["Uruguay"]
	[warning] = candidate.warnings
	assert (warning.field, warning.value, warning.fatal) == ("UPR Reccomending States", "Atlantis", False)


def test_record_without_countries_is_about_the_nmirf_state(import_context):
	record = UhriRecord(row_number=2, body="CAT", text="35. The Committee recommends…")
	assert map_uhri_record(record, import_context).values["state_under_review"] == "Paraguay"


@pytest.mark.parametrize(
	("written", "annotation_type"),
	[
		("Recommendations", "Recommendation"),
		("recommendation", "Recommendation"),
		("Concerns/Observations", "Concern/Observation"),
		("Observation", "Concern/Observation"),
		("", "Recommendation"),
		(None, "Recommendation"),
		("Positive aspects", "Other"),
	],
)
def test_annotation_types(written, annotation_type):
	assert annotation_type_of(written) == annotation_type


# plan_change


def candidate_for_plan(**values):
	base = {
		"recommendation_text": UPR_TEXT,
		"mechanism": "UPR",
		"annotation_type": "Recommendation",
		"document_symbol": "A/HRC/48/9",
		"paragraph": "140.7",
		"document_date": date(2021, 7, 12),
		"upr_cycle": 3,
		"session": "38th Session",
		"state_under_review": "Paraguay",
		"position": "Supported",
		"position_source": "UHRI",
		"uhri_annotation_id": "6d1c6f5a-35a3-4b0e-8f6e-4f9a9e3c2b10",
		"uhri_document_id": "",
	}
	return ImportCandidate(
		row_number=3,
		dedupe_key="uhri:6d1c6f5a-35a3-4b0e-8f6e-4f9a9e3c2b10",
		values={**base, **values},
		themes=["Ratification of & accession to international instruments", "Right to health"],
		recommending_states=["Maldives", "Portugal"],
	)


def snapshot_of(candidate, **overrides):
	"""The record as the Frappe side reads it back: dates as text, empty fields as None."""
	snapshot = {name: candidate.values[name] for name in SOURCE_FIELDS}
	snapshot["document_date"] = candidate.values["document_date"].isoformat()
	snapshot["uhri_document_id"] = None
	for name in SOURCE_TABLES:
		snapshot[name] = list(getattr(candidate, name))
	snapshot.update(overrides)
	return snapshot


def test_new_key_is_created_with_everything_the_source_gives():
	candidate = candidate_for_plan()
	change = plan_change(candidate, None)
	assert change.action == "create"
	assert "recommendation_text" in change.changed_fields and "uhri_document_id" not in change.changed_fields
	assert change.missing_rows == {
		"themes": candidate.themes,
		"recommending_states": ["Maldives", "Portugal"],
	}


def test_same_values_in_another_order_and_form_are_unchanged():
	candidate = candidate_for_plan()
	existing = snapshot_of(
		candidate,
		themes=["right to health", "Ratification of & accession to international instruments"],
		recommending_states=[{"country": "Portugal"}, {"country": "Maldives"}],
		upr_cycle="3",
	)
	assert plan_change(candidate, existing).action == "unchanged"


def test_corrected_source_text_is_an_update_of_that_field_only():
	candidate = candidate_for_plan()
	existing = snapshot_of(candidate, recommendation_text=UPR_TEXT.replace("Ratify", "Consider ratifying"))
	change = plan_change(candidate, existing)
	assert (change.action, change.changed_fields) == ("update", ["recommendation_text"])


def test_nmirf_fields_are_never_planned():
	candidate = candidate_for_plan()
	existing = snapshot_of(
		candidate,
		cluster="Ratifications",
		implementation_status="In progress",
		priority="High",
		published=1,
		internal_notes="Discussed with the Foreign Ministry",
		position="Noted",
	)
	change = plan_change(candidate, existing)
	assert change.changed_fields == ["position"]
	assert not {"cluster", "implementation_status", "priority", "published", "internal_notes"} & set(
		change.changed_fields
	)


def test_hand_added_theme_is_kept_and_missing_source_theme_is_added():
	candidate = candidate_for_plan()
	existing = snapshot_of(
		candidate,
		themes=[
			"Ratification of & accession to international instruments",
			"Human rights education, training",
		],
	)
	change = plan_change(candidate, existing)
	assert change.action == "update"
	assert change.changed_fields == ["themes"]
	assert change.missing_rows == {"themes": ["Right to health"]}


def test_record_with_more_rows_than_the_source_is_unchanged():
	candidate = candidate_for_plan()
	existing = snapshot_of(candidate, recommending_states=["Maldives", "Portugal", "Chile"])
	assert plan_change(candidate, existing).action == "unchanged"


def test_an_empty_source_value_never_blanks_a_recorded_one():
	candidate = candidate_for_plan(position="", position_source="", session="")
	existing = snapshot_of(candidate_for_plan())
	assert plan_change(candidate, existing).action == "unchanged"


def test_the_states_a_file_was_about_are_named_most_rows_first():
	from nmirf_app.core.recommendation_import import nothing_to_import, states_most_named

	named, more = states_most_named({"Costa Rica": 209, "Bhutan": 223, "Chile": 3, "Peru": 3, "Fiji": 0})
	assert (named, more) == ([("Bhutan", 223), ("Costa Rica", 209), ("Chile", 3)], 1)
	assert states_most_named({}) == ([], 0)
	assert nothing_to_import(created=0, updated=0)
	assert not nothing_to_import(created=0, updated=4)


@pytest.mark.parametrize(
	"written, target, goal",
	[
		("16.3", "16.3", "SDG 16"),
		("1.A - Ensure significant mobilization", "1.a", "SDG 1"),
		("16", None, "SDG 16"),
		("SDG 5", None, "SDG 5"),
		("Goal 5: Gender equality", None, "SDG 5"),
		("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", None, "SDG 16"),
		("18", None, None),  # there are 17 goals
		("16.99", None, None),
		("1.z", None, None),  # an unknown target is not taken for its goal
		("peace", None, None),
	],
)
def test_sdg_values_name_a_target_or_a_goal_alone(import_context, written, target, goal):
	assert import_context.sdg_target_for(written) == target
	assert import_context.sdg_for(written) == (target or goal)


def test_sdg_goals_without_targets_are_kept_and_a_goal_said_by_a_target_is_not_repeated(import_context):
	record = UhriRecord(
		row_number=5,
		body="CRC",
		text="12. The Committee recommends that the State party end child marriage.",
		symbol="CRC/C/PRY/CO/4-6",
		paragraph="12",
		countries=["Paraguay"],
		sdg_targets=["5.3", "SDG 5", "16", "Goal 99"],
		publication_date=date(2021, 3, 1),
	)
	candidate = map_uhri_record(record, import_context)
	assert (candidate.sdg_targets, candidate.sdg_goals) == (["5.3"], ["SDG 16"])
	[warning] = candidate.warnings
	assert (warning.value, warning.fatal) == ("Goal 99", False)
	assert "16.3" in warning.message and "16" in warning.message
	created = plan_change(candidate, None)
	assert created.missing_rows["sdg_goals"] == ["SDG 16"]
	# the record already names goal 16 (through a target of it): nothing to add
	existing = snapshot_of(candidate, sdg_targets=["5.3", "16.3"], sdg_goals=["SDG 5", "SDG 16"])
	assert plan_change(candidate, existing).action == "unchanged"
	# a record with only the target of goal 5 lacks goal 16
	existing = snapshot_of(candidate, sdg_targets=["5.3"], sdg_goals=["SDG 5"])
	assert plan_change(candidate, existing).missing_rows == {"sdg_goals": ["SDG 16"]}
