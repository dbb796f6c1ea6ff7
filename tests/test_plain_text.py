"""Stored text shown as text: what Frappe's sanitiser escaped is shown as it was typed (issue #15)."""

import pytest

from nmirf_app.core.plain_text import plain_text, set_apart_right_to_left_line_ends


@pytest.mark.parametrize(
	("stored", "shown"),
	[
		# Frappe's sanitiser escapes the markup it does not keep: the reader sees what was typed
		("&lt;see&gt; para. 3 &amp; 4", "<see> para. 3 & 4"),
		("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
		# a comparison that is no markup is left as it is
		("wages < minimum and > 5", "wages < minimum and > 5"),
		("<p>First</p><p>Second &amp; third</p>", "First\nSecond & third"),
		("  spaced   out  ", "spaced out"),
		(None, ""),
		("", ""),
	],
)
def test_stored_text_is_shown_as_typed(stored, shown):
	assert plain_text(stored) == shown


@pytest.mark.parametrize(
	"html, printed",
	[
		("<p>لا يوجد تقييم بعد.</p>", "<p>لا يوجد تقييم بعد<span>.</span></p>"),
		(
			"<h2>مصفوفة التنفيذ: <span>Ministry</span></h2>",
			"<h2>مصفوفة التنفيذ<span>: </span><span>Ministry</span></h2>",
		),
		("<td>قيد التنفيذ</td>", "<td>قيد التنفيذ</td>"),  # ends in a letter: left as it is
		("<p>No assessment yet.</p>", "<p>No assessment yet.</p>"),  # left to right: left as it is
		("<th>حالة</th>\n\t<td>", "<th>حالة</th>\n\t<td>"),  # spaces between tags stay
		('<td title="مثال: ">x</td>', '<td title="مثال: ">x</td>'),  # attributes are not text
		("<td>Ministry <span>(رائدة)</span></td>", "<td>Ministry <span>(رائدة)</span></td>"),
	],
)
def test_the_punctuation_closing_a_right_to_left_text_is_set_apart_for_the_pdf(html, printed):
	assert set_apart_right_to_left_line_ends(html) == printed
