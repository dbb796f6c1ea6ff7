import io

import pytest

from nmirf_app.core.recommendation_import import ImportCandidate, RowIssue, read_candidates
from nmirf_app.core.spreadsheet import SpreadsheetFormatError
from nmirf_app.core.upr_info_format import decode_csv_bytes, read_upr_info_csv


def csv_text(rows, delimiter):
	lines = []
	for row in rows:
		cells = []
		for cell in row:
			cell = str(cell)
			if any(char in cell for char in (delimiter, '"', "\n")):
				cell = '"' + cell.replace('"', '""') + '"'
			cells.append(cell)
		lines.append(delimiter.join(cells))
	return "\r\n".join(lines) + "\r\n"


# A user's Excel copy of a UPR Info export: short headers, ";" as delimiter, saved as cp1252.
SEMICOLON_ROWS = [
	["Recommendation", "SuR", "RS", "Response", "Issues", "Cycle", "Session", "Action", "SuR Regional Group"],
	[
		"Take measures to guarantee access to safe water in the departments of Ñeembucú and Boquerón",
		"Paraguay",
		"España",
		"Supported",
		"Right to water; Indigenous peoples",
		"3",
		"38",
		"4",
		"GRULAC",
	],
	[
		"Abolish the death penalty in all circumstances",
		"Perú",
		"France",
		"Noted",
		"Death penalty",
		"3",
		"37",
		"5",
		"GRULAC",
	],
	[
		"Ratify the Optional Protocol to the Convention against Torture",
		"Paraguay",
		"Côte d'Ivoire",
		"Not Supported",
		"Torture and other CID, Ratification of & accession to international instruments",
		"Cycle II",
		"24th session",
		"Category 5 - specific action",
		"GRULAC",
	],
	[
		"Strengthen the protection of women human rights defenders",
		"Paraguay",
		"Türkiye",
		"Supported/Noted",
		"Women's rights\nHuman rights defenders",
		"third",
		"38",
		"3",
		"GRULAC",
	],
]


@pytest.fixture
def cp1252_file(tmp_path):
	path = tmp_path / "upr-info-paraguay.csv"
	path.write_bytes(csv_text(SEMICOLON_ROWS, ";").encode("cp1252"))
	return path


def rows_and_issues(items):
	items = list(items)
	return [item for item in items if isinstance(item, dict)], [
		item for item in items if isinstance(item, RowIssue)
	]


def test_cp1252_semicolon_file_is_read_with_its_accents(cp1252_file):
	rows, _issues = rows_and_issues(read_upr_info_csv(cp1252_file))
	first = rows[0]
	assert first["row_number"] == 2
	assert first["recommendation_text"].endswith("Ñeembucú and Boquerón")
	assert first["recommending_states"] == ["España"]
	assert first["countries_concerned"] == ["Paraguay"]
	assert first["position"] == "Supported"
	assert first["themes"] == ["Right to water; Indigenous peoples"]
	assert (first["upr_cycle"], first["session"], first["action_category"]) == (3, "38th Session", 4)
	assert first["state_under_review_group"] == "GRULAC"
	assert first["mechanism"] == "UPR"
	assert rows[1]["countries_concerned"] == ["Perú"]


def test_roman_and_worded_cycles_and_categories(cp1252_file):
	rows, issues = rows_and_issues(read_upr_info_csv(cp1252_file))
	assert (rows[2]["upr_cycle"], rows[2]["session"], rows[2]["action_category"]) == (2, "24th session", 5)
	[issue] = issues
	assert (issue.row_number, issue.field, issue.value, issue.fatal) == (5, "Cycle", "third", True)


def test_state_filter_resolves_the_state_however_it_is_spelled(cp1252_file, import_context):
	reader = read_upr_info_csv(cp1252_file, state="Paraguay", resolver=import_context.countries)
	rows, issues = rows_and_issues(reader)
	assert [row["row_number"] for row in rows] == [2, 4]
	assert [issue.row_number for issue in issues] == [5]
	assert (reader.read, reader.skipped_other_state) == (4, 1)

	# "Perú" is Peru without its accent.
	peru = read_upr_info_csv(cp1252_file, state="Peru", resolver=import_context.countries)
	assert [row["row_number"] for row in rows_and_issues(peru)[0]] == [3]


def test_utf8_bom_comma_file_with_long_headers_and_multiline_text(tmp_path):
	rows = [
		["Recommendation", "State under Review", "Recommending States", "Position", "Issue", "Cycle"],
		[
			"Adopt a national action plan on business and human rights,\nin consultation with civil society",
			"Paraguay",
			"Norway",
			"Supported",
			"Business & Human Rights",
			"4",
		],
		[
			"Ensure the right to prior consultation of indigenous peoples",
			"Paraguay",
			"Mexico",
			"Supported",
			"",
			"4",
		],
	]
	path = tmp_path / "upr-info-bom.csv"
	path.write_bytes(b"\xef\xbb\xbf" + csv_text(rows, ",").encode("utf-8"))
	found, issues = rows_and_issues(read_upr_info_csv(path))
	assert issues == []
	assert [row["row_number"] for row in found] == [2, 3]
	assert found[0]["recommendation_text"].startswith("Adopt a national action plan")
	assert "\n" in found[0]["recommendation_text"]


def test_tab_delimited_file_object_is_read():
	text = "Recommendation\tSuR\tRS\tResponse\nCriminalize torture\tParaguay\tGhana\tSupported\n"
	[row] = read_upr_info_csv(io.BytesIO(text.encode("utf-8")))
	assert row["recommending_states"] == ["Ghana"]


def test_file_without_a_recommendation_column_is_refused(tmp_path):
	path = tmp_path / "not-upr-info.csv"
	path.write_text("Name,Email\nAna,ana@example.org\n", encoding="utf-8")
	with pytest.raises(SpreadsheetFormatError, match=r"no 'Recommendation' column.*found Name, Email"):
		read_upr_info_csv(path)


def test_state_filter_needs_a_state_under_review_column(tmp_path):
	path = tmp_path / "no-sur.csv"
	path.write_text("Recommendation,Response\nRatify the OP-CAT,Supported\n", encoding="utf-8")
	with pytest.raises(SpreadsheetFormatError, match="State under Review"):
		read_upr_info_csv(path, state="Paraguay")


@pytest.mark.parametrize(
	("data", "text"),
	[
		("Ñeembucú".encode(), "Ñeembucú"),
		(b"\xef\xbb\xbf" + "Côte".encode(), "Côte"),
		("Côte d\u2019Ivoire".encode("cp1252"), "Côte d\u2019Ivoire"),
		(b"caf\xe9 \x81", "café \x81"),  # 0x81 is undefined in cp1252: latin-1 takes it
		("Türkiye".encode("utf-16"), "Türkiye"),
	],
)
def test_encodings_are_detected(data, text):
	assert decode_csv_bytes(data) == text


# Through the import mapping


def candidates_and_issues(run):
	items = list(run)
	return (
		[item for item in items if isinstance(item, ImportCandidate)],
		[item for item in items if isinstance(item, RowIssue)],
	)


def test_upr_info_rows_become_upr_candidates(cp1252_file, import_context):
	run = read_candidates("upr-info-csv", cp1252_file, import_context, state="Paraguay")
	candidates, issues = candidates_and_issues(run)
	water, torture = candidates
	assert water.values["mechanism"] == "UPR"
	assert water.values["state_under_review"] == "Paraguay"
	assert water.values["position"] == "Supported"
	assert water.values["position_source"] == "UPR Info"
	assert water.values["upr_cycle"] == 3
	assert water.recommending_states == []  # "España" is no country name the site knows: a warning
	assert water.dedupe_key.startswith("text:")

	assert torture.values["position"] == "Noted"  # "Not Supported", the older wording
	assert torture.recommending_states == ["Ivory Coast"]
	assert torture.themes == ["Ratification of & accession to international instruments"]
	assert [(warning.field, warning.value) for warning in torture.warnings] == [
		("Issues", "Torture and other CID")
	]
	assert [issue.row_number for issue in issues] == [5]
	assert (run.read, run.skipped_other_state, run.candidates) == (4, 1, 2)


def test_unknown_issues_are_warnings_split_on_semicolons(cp1252_file, import_context):
	water = candidates_and_issues(read_candidates("upr-info-csv", cp1252_file, import_context))[0][0]
	assert water.themes == ["Indigenous peoples"]
	assert [(warning.field, warning.value, warning.fatal) for warning in water.warnings] == [
		("Issues", "Right to water", False),
		("Recommending State", "España", False),
	]


def test_same_words_from_two_states_are_two_recommendations_but_a_repeated_row_is_not(
	tmp_path, import_context
):
	text = "Ratify the Optional Protocol to the Convention against Torture"
	rows = [
		["Recommendation", "State under Review", "Recommending State", "Response", "Cycle"],
		[text, "Paraguay", "Denmark", "Supported", "1"],
		[text, "Paraguay", "Czechia", "Supported", "1"],
		[text, "Paraguay", "Denmark", "Supported", "2"],
		[text, "Paraguay", "Denmark", "Supported", "1"],
	]
	path = tmp_path / "repeated.csv"
	path.write_text(csv_text(rows, ","), encoding="utf-8")
	candidates, issues = candidates_and_issues(read_candidates("upr-info-csv", path, import_context))
	assert [candidate.row_number for candidate in candidates] == [2, 3, 4]
	assert len({candidate.dedupe_key for candidate in candidates}) == 3
	[duplicate] = issues
	assert (duplicate.row_number, duplicate.field) == (5, "Recommendation")
	assert duplicate.message.startswith("Same recommendation as row 2")


def test_response_that_is_not_understood_fails_the_row(tmp_path, import_context):
	rows = [
		["Recommendation", "SuR", "Response"],
		["Combat impunity for attacks against journalists", "Paraguay", "Supported in principle"],
		["Guarantee the independence of the judiciary", "Paraguay", "Pending"],
	]
	path = tmp_path / "responses.csv"
	path.write_text(csv_text(rows, ","), encoding="utf-8")
	candidates, issues = candidates_and_issues(read_candidates("upr-info-csv", path, import_context))
	[issue] = issues
	assert (issue.row_number, issue.field, issue.value) == (2, "Response", "Supported in principle")
	assert candidates[0].values["position"] == ""


def test_several_recommending_states_in_one_cell_keep_names_with_commas(tmp_path, import_context):
	rows = [
		["Recommendation", "SuR", "Recommending States", "Response"],
		[
			"Ratify the Arms Trade Treaty",
			"Paraguay",
			"Mexico, Korea, Republic of; Atlantis, Uruguay",
			"Supported",
		],
	]
	path = tmp_path / "joint.csv"
	path.write_text(csv_text(rows, ","), encoding="utf-8")
	[candidate] = read_candidates("upr-info-csv", path, import_context)
	assert candidate.recommending_states == ["Mexico", "Korea, Republic of", "Uruguay"]
	assert [(warning.field, warning.value) for warning in candidate.warnings] == [
		("Recommending State", "Atlantis")
	]
