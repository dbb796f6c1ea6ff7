"""Every word a visitor or a desk user reads is in their language (issue #19): each portal page, the
public web form and the workflow actions are rendered in English and in French, Spanish and Arabic,
and no piece of the interface reads the same in both unless the translation itself says so.

What the pages show as data is left out: people's own texts take their own direction (`dir="auto"`)
and codes such as references, symbols and mechanism abbreviations are marked `translate="no"`.
"""

import json
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import ARTIFACTS, BASE_URL, DEMO_PASSWORD, login, portal_pages, portal_pages_in, resource_rows

LANGUAGES = ("fr", "es", "ar")
APP_LOCALE = Path(__file__).resolve().parents[2] / "nmirf_app" / "locale"
# Frappe's own page furniture that its templates never pass to a translation function (navbar.html,
# breadcrumbs.html), and its name.
FRAPPE_FIXED_WORDS = {"Toggle navigation", "breadcrumb", "Frappe"}
# The interface's texts: text nodes, accessible names, placeholders and titles, outside the data.
INTERFACE_TEXTS = """() => {
	// data: people's texts, codes, the language names, and the page's own title in Frappe's breadcrumbs
	const data = 'script, style, noscript, template, [dir="auto"], [translate="no"], .nmirf-languages, '
		+ '.breadcrumb-item.active';
	const texts = new Set();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const element = node.parentElement;
		if (!element || element.closest(data)) continue;
		const box = element.getBoundingClientRect();
		if ((box.width === 0 || box.height === 0) && element.tagName !== 'OPTION') continue;
		const text = node.textContent.replace(/\\s+/g, ' ').trim();
		if (/\\p{L}{2,}/u.test(text)) texts.add(text);
	}
	for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
		if (element.closest(data)) continue;
		for (const name of ['aria-label', 'placeholder', 'title']) {
			const text = (element.getAttribute(name) || '').trim();
			if (/\\p{L}{2,}/u.test(text)) texts.add(text);
		}
	}
	return [...texts];
}"""


def same_in_both(language: str) -> set[str]:
	"""The words whose translation into `language` is the word itself ("Actions" in French), in the
	app's catalogue and in Frappe's."""
	import frappe
	from babel.messages.pofile import read_po

	words = set()
	for locale in (APP_LOCALE, Path(frappe.__file__).parent / "locale"):
		with (locale / f"{language}.po").open("rb") as handle:
			words |= {
				message.id for message in read_po(handle) if message.id and message.id == message.string
			}
	return words


def interface_texts(browser, paths, language) -> dict[str, set[str]]:
	return {
		path: set(page.evaluate(INTERFACE_TEXTS)) for path, page in portal_pages_in(browser, paths, language)
	}


@pytest.fixture(scope="module")
def pages(admin_api):
	tagged = resource_rows(
		admin_api,
		"Recommendation",
		[
			["published", "=", 1],
			["Recommendation Theme", "theme", "is", "set"],
			["Recommendation SDG Target", "sdg_target", "is", "set"],
		],
		limit_page_length=1,
	)
	assert tagged, "the demo publishes a recommendation with themes and SDG targets"
	return [*portal_pages(admin_api), f"/recommendations/{tagged[0]['name']}", "/submit-input/new"]


@pytest.fixture(scope="module")
def english(browser, pages):
	return interface_texts(browser, pages, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_interface_text_of_the_portal_or_the_web_form_stays_english(browser, pages, english, language):
	allowed = same_in_both(language) | FRAPPE_FIXED_WORDS
	untranslated = []
	for path, texts in interface_texts(browser, pages, language).items():
		assert len(english[path]) > 5, f"{path}: hardly any text was read ({english[path]})"
		untranslated += [f"{path}: {text!r}" for text in sorted((texts & english[path]) - allowed)]
	assert not untranslated, f"{len(untranslated)} texts left in English in {language}:\n" + "\n".join(
		untranslated
	)


def translated(word: str, language: str, context: str | None = None) -> str:
	from babel.messages.pofile import read_po

	with (APP_LOCALE / f"{language}.po").open("rb") as handle:
		message = read_po(handle).get(word, context)
	assert message and message.string, f"{word!r} has no {language} translation"
	return message.string


SECRETARIAT = "secretariat@demo.nmirf.example"


@contextmanager
def secretariat_desk_in(browser, admin_api, language):
	"""The secretariat's desk with their language set to `language` (set back afterwards)."""
	user_url = f"{BASE_URL}/api/resource/User/{SECRETARIAT}"
	before = admin_api.get(user_url, timeout=30).json()["data"].get("language") or ""
	admin_api.put(user_url, data={"data": json.dumps({"language": language})}, timeout=30).raise_for_status()
	context = browser.new_context(viewport={"width": 1100, "height": 800})
	try:
		desk = context.new_page()
		login(desk, SECRETARIAT, DEMO_PASSWORD)
		yield desk
	finally:
		context.close()
		admin_api.put(user_url, data={"data": json.dumps({"language": before})}, timeout=30)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workflow_state_and_actions_read_in_the_users_language(browser, admin_api, language):
	"""A public input waiting for review, seen by the secretariat in their own language."""
	submission = admin_api.post(
		f"{BASE_URL}/api/resource/Stakeholder Submission",
		json={
			"submitter_type": "Civil society organisation",
			"organisation": "Red de Mujeres del Chaco",
			"email": f"{uuid.uuid4().hex[:8]}@redmujeres.example",
			"subject": f"Translation check {uuid.uuid4().hex[:6]}",
			"submission_text": "Only two shelters serve the whole Chaco region.",
		},
		timeout=30,
	)
	submission.raise_for_status()
	name = submission.json()["data"]["name"]
	with secretariat_desk_in(browser, admin_api, language) as desk:
		desk.goto(f"{BASE_URL}/app/stakeholder-submission/{name}")
		state = desk.locator(".page-head .indicator-pill").first
		state.wait_for(timeout=30_000)
		assert state.inner_text().strip() == translated("Received", language)
		desk.locator(".page-actions .actions-btn-group button").first.click()
		actions = desk.locator(".page-actions .dropdown-menu.show .dropdown-item")
		actions.first.wait_for()
		shown = {text.strip() for text in actions.all_inner_texts()}
		assert translated("Start review", language) in shown, shown
		assert "Start review" not in shown
	admin_api.delete(f"{BASE_URL}/api/resource/Stakeholder Submission/{name}", timeout=30)


# Where the first letter of each element's text is drawn, and the element's own visible box
FIRST_LETTERS = """(selector) => [...document.querySelectorAll(selector)].slice(0, 10).map((element) => {
	const text = [...element.childNodes].find((node) => node.nodeType === 3 && node.textContent.trim());
	const range = document.createRange();
	const start = text.textContent.search(/\\S/);
	range.setStart(text, start);
	range.setEnd(text, start + 1);
	const letter = range.getBoundingClientRect();
	let clip = element.getBoundingClientRect();
	for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
		if (getComputedStyle(box).overflowX !== "visible") {
			const r = box.getBoundingClientRect();
			clip = { left: Math.max(clip.left, r.left), right: Math.min(clip.right, r.right) };
		}
	}
	return { text: text.textContent.trim().slice(0, 30), shown: letter.left >= clip.left - 1 && letter.right <= clip.right + 1 };
})"""


def test_english_titles_read_from_their_beginning_in_the_arabic_desk(browser, admin_api):
	with secretariat_desk_in(browser, admin_api, "ar") as desk:
		desk.goto(f"{BASE_URL}/app/recommendation?mechanism=UPR")
		desk.locator(".list-row .list-subject a.ellipsis").first.wait_for(timeout=30_000)
		rows = desk.evaluate(FIRST_LETTERS, ".list-row .list-subject a.ellipsis")
		assert rows and all(row["shown"] for row in rows), rows
		desk.locator(".list-row .list-subject a.ellipsis").first.click()
		desk.locator(".page-title .title-text").first.wait_for()
		desk.wait_for_timeout(500)
		title = desk.evaluate(FIRST_LETTERS, ".page-title .title-text")
		assert title and title[0]["shown"], title
		desk.screenshot(path=str(ARTIFACTS / "desk-arabic-english-title.png"))
