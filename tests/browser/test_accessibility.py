"""WCAG 2.1 AA on the public portal (issue #7), in English and in Arabic: every visible piece of text
stands out from its background (contrast 4.5:1, 3:1 for large text), every form control has an
accessible name and can be reached with the Tab key."""

import pytest
from helpers import ARTIFACTS, BASE_URL, PORTAL_STATES, portal_pages, portal_pages_in

LANGUAGES = ("en", "ar")
# Text colour against the first opaque background behind it (semi-transparent layers blended in),
# as WCAG 2.1 defines relative luminance and contrast ratio.
CONTRAST = """() => {
	const parse = (colour) => {
		const parts = (colour.match(/rgba?\\(([^)]+)\\)/) || [null, '0,0,0,0'])[1].split(/[\\s,\\/]+/).filter(Boolean);
		return [+parts[0], +parts[1], +parts[2], parts.length > 3 ? parseFloat(parts[3]) : 1];
	};
	const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
	const background = (element) => {
		const layers = [];
		for (let el = element; el; el = el.parentElement) {
			const colour = parse(getComputedStyle(el).backgroundColor);
			if (colour[3] > 0) layers.push(colour);
			if (colour[3] >= 1) break;
		}
		return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
	};
	const luminance = (rgb) => {
		const [r, g, b] = rgb.slice(0, 3).map((v) => {
			v /= 255;
			return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const failures = [];
	let checked = 0;
	for (const el of document.body.querySelectorAll('*')) {
		const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
		if (!text || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName)) continue;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		if (style.visibility !== 'visible' || box.width === 0 || box.height === 0 || el.closest('[aria-hidden="true"]')) continue;
		let opacity = 1;
		for (let p = el; p; p = p.parentElement) opacity *= parseFloat(getComputedStyle(p).opacity);
		if (opacity === 0) continue;
		const back = background(el);
		const front = over(parse(style.color).map((v, i) => (i === 3 ? v * opacity : v)), back);
		const [light, dark] = [luminance(front), luminance(back)].sort((a, b) => b - a);
		const ratio = (light + 0.05) / (dark + 0.05);
		const size = parseFloat(style.fontSize);
		const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight) >= 700);
		checked++;
		if (ratio < (large ? 3 : 4.5))
			failures.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text.slice(0, 40)}": ` +
				`${ratio.toFixed(2)}:1 (${style.color} on rgb(${back.slice(0, 3).map(Math.round)}), ${size}px)`);
	}
	return { checked, failures };
}"""
# Every visible control with its accessible name (aria-labelledby, aria-label, <label>, title, or a
# button's own text), and a key to recognise it when Tab reaches it.
CONTROLS = """() => [...document.querySelectorAll('input, select, textarea, button, [contenteditable="true"]')]
	.filter((el) => el.type !== 'hidden' && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility === 'visible' && !el.disabled)
	.map((el, index) => {
		el.dataset.a11yKey = String(index);
		const byId = (ids) => ids.split(/\\s+/).map((id) => document.getElementById(id)?.innerText || '').join(' ');
		const name = (el.getAttribute('aria-labelledby') && byId(el.getAttribute('aria-labelledby')))
			|| el.getAttribute('aria-label')
			|| [...(el.labels || [])].map((label) => label.innerText).join(' ')
			|| el.getAttribute('title')
			|| (el.tagName === 'BUTTON' ? el.innerText : '')
			|| (['submit', 'button'].includes(el.type) ? el.value : '');
		return { key: String(index), name: (name || '').trim(), what: el.outerHTML.slice(0, 120) };
	})"""


@pytest.fixture(scope="module")
def pages(admin_api):
	return portal_pages(admin_api)


@pytest.mark.parametrize("language", LANGUAGES)
def test_portal_text_has_enough_contrast(browser, pages, language):
	failures = []
	for path, page in portal_pages_in(browser, pages, language):
		result = page.evaluate(CONTRAST)
		assert result["checked"] > 5, f"{path}: hardly any text was checked ({result['checked']})"
		if result["failures"]:
			failures += [f"{path}: {failure}" for failure in result["failures"]]
			page.screenshot(
				path=str(ARTIFACTS / f"contrast-{language}-{path.strip('/').replace('/', '_')}.png")
			)
	assert not failures, f"{len(failures)} texts below WCAG AA contrast:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_portal_controls_are_named_and_reachable_with_tab(browser, pages, language):
	problems = []
	for path, page in portal_pages_in(browser, pages, language):
		controls = page.evaluate(CONTROLS)
		problems += [
			f"{path}: no accessible name: {control['what']}" for control in controls if not control["name"]
		]
		reached = set()
		page.locator("body").focus()
		for _ in range(len(controls) + 80):  # the header's and footer's links come first
			page.keyboard.press("Tab")
			key = page.evaluate("() => document.activeElement && document.activeElement.dataset.a11yKey")
			if key is not None:
				reached.add(key)
			if len(reached) == len(controls):
				break
		problems += [
			f"{path}: Tab never reaches {control['what']}"
			for control in controls
			if control["key"] not in reached
		]
	assert not problems, "\n".join(problems)


def own_pages(pages):
	"""The portal pages the app draws itself (the web form is Frappe's)."""
	return [path for path in pages if path != "/submit-input"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_has_one_main_a_skip_link_underlined_links_and_a_visible_focus(browser, pages, language):
	problems = []
	for path, page in portal_pages_in(browser, own_pages(pages), language):
		if page.locator("main").count() != 1:
			problems.append(f"{path}: {page.locator('main').count()} main landmarks")
		page.locator("body").focus()
		page.keyboard.press("Tab")
		if page.evaluate("() => document.activeElement.className") != "nmirf-skip-link":
			problems.append(f"{path}: the first Tab does not reach the skip link")
		page.keyboard.press("Enter")
		if page.evaluate("() => document.activeElement.id") != "nmirf-content":
			problems.append(f"{path}: the skip link does not lead to the content")
		plain = page.evaluate(
			"""() => [...document.querySelectorAll('#nmirf-content a')]
			.filter((a) => a.getBoundingClientRect().width > 0)
			.filter((a) => !getComputedStyle(a).textDecorationLine.includes('underline'))
			.map((a) => a.innerText.trim().slice(0, 30))"""
		)
		problems += [f"{path}: link told from text by colour only: {text!r}" for text in plain]
		page.keyboard.press("Tab")
		outline = page.evaluate(
			"() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
		)
		if outline[0] == "none" or outline[1] < 2:
			problems.append(f"{path}: the focused control shows no outline ({outline})")
	assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_serious_or_critical_violation_on_any_portal_page_or_the_web_form(
	browser, pages, language
):
	"""Deque's axe-core rule set (WCAG 2.0/2.1 A and AA and its best practices), run on each page as a
	visitor reading English or Arabic gets it."""
	from axe_playwright_python.sync_playwright import Axe

	axe = Axe()
	found = []
	for path, page in portal_pages_in(browser, pages + PORTAL_STATES, language):
		violations = axe.run(page).response["violations"]
		assert axe.run(page, options={"resultTypes": ["passes"]}).response["passes"], (
			f"{path}: axe checked nothing"
		)
		for violation in violations:
			if violation["impact"] in ("serious", "critical"):
				targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
				found.append(f"{path} [{language}]: {violation['id']} ({violation['impact']}): {targets}")
		if any(violation["impact"] in ("serious", "critical") for violation in violations):
			page.screenshot(path=str(ARTIFACTS / f"axe-{language}-{path.strip('/').replace('/', '_')}.png"))
	assert not found, f"{len(found)} serious or critical accessibility violations:\n" + "\n".join(found)


def test_after_a_search_the_focus_is_back_in_the_search_box(page):
	page.goto(f"{BASE_URL}/recommendations")
	search = page.locator("#filter-q")
	search.fill("education")
	search.press("Enter")
	page.wait_for_load_state("load")
	assert "q=education" in page.url
	assert page.evaluate("() => document.activeElement.id") == "filter-q"
