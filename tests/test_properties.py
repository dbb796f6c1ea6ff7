"""Property-based tests (hypothesis) of the framework-free parsers and rules: whatever text or
bytes arrive, they fail only with their own clear error, never crash, and keep their guarantees."""

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nmirf_app.core.engagement import clean_submission_text
from nmirf_app.core.plain_text import plain_text
from nmirf_app.core.references import (
	build_dedupe_key,
	make_title,
	natural_key,
	normalise_symbol,
	parse_paragraph_number,
)
from nmirf_app.core.report_compilation import text_paragraphs
from nmirf_app.core.spreadsheet import safe_cell
from nmirf_app.core.uhri_format import UhriFormatError, read_uhri_json
from nmirf_app.core.upr_text import split_upr_recommendation, upr_cycle_of_session

TEXT = st.text(max_size=400)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_upr_text_splitting_never_loses_the_recommendation(text):
	result = split_upr_recommendation(text)
	assert isinstance(result.text, str)
	for state in result.recommending_states:
		assert state in text


@FAST
@given(TEXT)
def test_symbols_normalise_idempotently(symbol):
	once = normalise_symbol(symbol)
	assert normalise_symbol(once) == once
	assert not any(character.isspace() for character in once)


@FAST
@given(TEXT, TEXT)
def test_natural_key_orders_any_two_strings(first, second):
	# comparing never raises (text with text, numbers with numbers), and the order is consistent
	assert (natural_key(first) < natural_key(second)) + (natural_key(second) < natural_key(first)) <= 1


@FAST
@given(TEXT)
def test_plain_text_and_paragraphs_have_no_blank_lines(text):
	flattened = plain_text(text)
	assert "\n\n" not in flattened
	assert all(paragraph.strip() for paragraph in text_paragraphs(text))


@FAST
@given(TEXT)
def test_public_input_never_keeps_a_tag(text):
	try:
		cleaned = clean_submission_text(text)
	except ValueError:
		return
	assert "<" not in cleaned and ">" not in cleaned


@FAST
@given(st.one_of(TEXT, st.integers(), st.floats(allow_nan=False), st.none()))
def test_exported_cells_never_start_a_formula(value):
	cell = safe_cell(value)
	if isinstance(cell, str):
		assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@FAST
@given(TEXT, TEXT)
def test_dedupe_key_is_stable_for_text(text, symbol):
	try:
		key = build_dedupe_key(document_symbol=symbol, paragraph=parse_paragraph_number(text), text=text)
	except ValueError:
		return  # nothing to identify the row by: the importer reports it
	assert key == build_dedupe_key(document_symbol=symbol, paragraph=parse_paragraph_number(text), text=text)
	assert len(make_title(text)) <= 140


@FAST
@given(st.one_of(TEXT, st.none()))
def test_any_session_text_gives_a_cycle_or_nothing(session):
	cycle = upr_cycle_of_session(session)
	assert cycle is None or cycle >= 1


@FAST
@given(st.integers(min_value=1, max_value=5000))
def test_cycles_follow_sessions_one_step_at_a_time(session):
	step = upr_cycle_of_session(session + 1) - upr_cycle_of_session(session)
	assert step in (0, 1)


@FAST
@given(st.binary(max_size=600))
def test_hostile_json_bytes_fail_with_a_format_error_or_read(data):
	try:
		records = read_uhri_json(io.BytesIO(data))
		for _record in records:
			pass
	except (UhriFormatError, UnicodeDecodeError, json.JSONDecodeError, ValueError):
		pass  # a clear, catchable error the import turns into a failed run with its reason
