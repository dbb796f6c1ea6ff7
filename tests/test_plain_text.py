"""Stored text shown as text: what Frappe's sanitiser escaped is shown as it was typed (issue #15)."""

import pytest

from nmirf_app.core.plain_text import plain_text


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
