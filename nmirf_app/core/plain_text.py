"""Text as a reader sees it, from whatever markup it came in (UHRI's JSON, the desk's rich-text editor,
Frappe's sanitiser, which escapes the markup it does not keep): shown on public pages as text,
never as HTML, and used to compare and compile texts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_LOOKS_LIKE_HTML = re.compile(r"</?[A-Za-z][^<>]*>|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def plain_text(text: str | None) -> str:
	"""Text as a reader sees it: HTML tags dropped and entities decoded when it looks like HTML
	(UHRI JSON, the desk's rich-text editor, a value Frappe's sanitiser escaped), paragraphs kept
	one per line, whitespace tidied. Also the portal templates' filter (hooks: jinja), always
	followed there by `| e`: what was typed is shown as typed, and never as markup."""
	if not text:
		return ""
	if _LOOKS_LIKE_HTML.search(text):
		text = _html_to_text(text)
	return tidy_lines(text)


# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation forms) followed, up
# to the next tag, by nothing but punctuation and spaces (Unicode's neutral characters); not at the
# end of a span, which is already apart (a second span in it overlaps the text before it).
_RIGHT_TO_LEFT_TEXT_ENDING_IN_PUNCTUATION = re.compile(
	"(?<=[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])([^\\w<>]*[^\\w\\s<>][^\\w<>]*)(?=<(?!/span>))"
)


def set_apart_right_to_left_line_ends(html: str) -> str:
	"""The HTML with the punctuation that ends a right-to-left text in an element of its own:
	wkhtmltopdf, Frappe's PDF engine, cuts the first words of a right-to-left line whose text ends
	in punctuation ("لا يوجد تقييم بعد." prints as "يوجد تقييم بعد.") unless it is set apart."""
	return _RIGHT_TO_LEFT_TEXT_ENDING_IN_PUNCTUATION.sub(r"<span>\1</span>", html)


def tidy_lines(text: str) -> str:
	"""One space between words, one newline between paragraphs."""
	lines = (" ".join(line.split()) for line in text.splitlines())
	return "\n".join(line for line in lines if line)


class _HtmlText(HTMLParser):
	_BLOCK_TAGS = frozenset(
		("p", "br", "div", "li", "ul", "ol", "tr", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
	)

	def __init__(self):
		super().__init__(convert_charrefs=True)
		self.parts: list[str] = []

	def handle_starttag(self, tag, attrs):
		if tag in self._BLOCK_TAGS:
			self.parts.append("\n")

	def handle_endtag(self, tag):
		if tag in self._BLOCK_TAGS:
			self.parts.append("\n")

	def handle_data(self, data):
		self.parts.append(data)


def _html_to_text(text: str) -> str:
	parser = _HtmlText()
	parser.feed(text)
	parser.close()
	return "".join(parser.parts)
