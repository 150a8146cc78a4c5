"""axe-core in Chromium, WCAG 2.0–2.2 A and AA: every public page in languages of every
writing system and direction, and in every language the pages whose words and layout
change most (the start, with the language switcher; the results, the longest page of
interface words; the question page with its error summary). The templates and styles
are the same in every language, so the other pages are checked in the languages that
stand for each writing system and direction."""
import pytest

from signpost import i18n
from signpost.config import PROJECT_ROOT
from tests.browser.journey import walk

LOCALES = list(i18n.load_manifest(PROJECT_ROOT / "translations").values())
PAGES = ["/", "/directory/", "/directory/GB", "/directory/US-CA", "/law/DE", "/safety", "/about",
         "/no-such-page"]
FULL_LOCALES = ("en", "ar", "de", "ur", "fa", "zh-Hans", "hi", "sr", "el")
EVERY_LOCALE_PAGES = ["/"]
EVERY_LOCALE_STEPS = {"results"}
# A long page whose structure is the same in every language: left to right, right to left,
# and a language with long words are enough.
LONG_PAGES = ["/law/"]
LONG_PAGE_LOCALES = ["en", "ar", "de", "ur"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page, axe_source):
    page.evaluate(axe_source)       # evaluate, not a script tag: the CSP forbids inline scripts
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("code", LONG_PAGE_LOCALES)
def test_no_axe_violations_on_long_pages(browser, live_url, axe_source, code):
    page = browser.new_context().new_page()
    found = {}
    for path in LONG_PAGES:
        page.goto(f"{live_url}/{code}{path}")
        found[path] = violations(page, axe_source)
    assert {where: v for where, v in found.items() if v} == {}


@pytest.mark.parametrize("locale", LOCALES, ids=lambda loc: loc.code)
def test_no_axe_violations(browser, live_url, axe_source, locale):
    context = browser.new_context()
    page = context.new_page()
    found = {}
    full = locale.code in FULL_LOCALES
    for path in PAGES if full else EVERY_LOCALE_PAGES:
        page.goto(f"{live_url}/{locale.code}{path}")
        found[path] = violations(page, axe_source)

    def check(page, step):
        if full or step in EVERY_LOCALE_STEPS:
            found[step] = violations(page, axe_source)

    walk(page, live_url, locale.code, visit=check)
    page.goto(f"{live_url}/{locale.code}/questions")
    with page.expect_navigation(wait_until="load"):  # axe must see the styled page
        page.click("button[name=nav][value=next]")      # no answer: the error summary
    found["error summary"] = violations(page, axe_source)
    context.close()
    assert {where: v for where, v in found.items() if v} == {}
