"""Messages of the domain rules for the people who break them, in their language.

`core/` does not import Frappe, so it cannot translate. A rule that refuses a value raises
`RuleError` with the English template and the values that fill it; the controller translates the
template when it throws (`nmirf_app.utils.rule_message`). `_lt` marks a template where it is
written, so that `bench generate-pot-file` (whose Python extractor reads `_lt` as Frappe's lazy
translation) puts it in main.pot for translators."""

from __future__ import annotations


def _lt(template: str) -> str:
	"""A message template to translate later (returned as written)."""
	return template


class RuleError(ValueError):
	"""A value a rule refuses. `str()` is the English message; `template` and `values` let the
	caller translate it."""

	def __init__(self, template: str, *values):
		self.template, self.values = template, values
		super().__init__(template.format(*values))
