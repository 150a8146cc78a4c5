"""The results a frightened person meets on a phone: 375 × 812, with and without
JavaScript, in several languages."""
import pytest

SCREEN = {"width": 375, "height": 812}


def results(browser, live_url, lang="en", js=True, **answers):
    """Post the answers as the last question's form would, and open the results."""
    context = browser.new_context(viewport=SCREEN, java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{live_url}/{lang}/questions")
    last = "where" if answers.get("who") in ("bystander", "worried") else "need"
    fields = {"step": last, "nav": "next", "danger": "no", "need": "everything", **answers}
    inputs = "".join(f'<input type="hidden" name="{name}" value="{value}">'
                     for name, values in fields.items()
                     for value in (values if isinstance(values, tuple) else (values,)))
    page.set_content(f'<form method="post" action="{live_url}/{lang}/questions">{inputs}'
                     '<button id="go">go</button></form>')
    with page.expect_navigation(wait_until="load"):
        page.click("#go")
    return context, page


@pytest.mark.parametrize("lang, js", [("en", True), ("en", False), ("de", True), ("ar", False),
                                      ("pl", True), ("uk", False)])
def test_what_to_do_now_comes_first_with_a_contact_on_the_first_screen(browser, live_url,
                                                                       lang, js):
    context, page = results(browser, live_url, lang, js, who="child", what="threats",
                            where="GB-EAW")
    first = page.locator("#first-steps a[href]").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN["height"]
    assert page.locator("#first-steps li").count() <= 4
    context.close()


@pytest.mark.parametrize("lang, who, what, where", [
    ("en", "child", "threats", "GB-EAW"), ("de", "child", "threats", "GB-EAW"),
    ("ar", "child", "threats", "GB-EAW"), ("pl", "child", "threats", "GB-EAW"),
    ("en", "parent", "shared", "DE"), ("de", "parent", "shared", "DE"),
    ("en", "survivor", "shared", "FR"), ("fr", "survivor", "shared", "FR"),
    ("en", "bystander", "unsaid", "US"), ("en", "child", "fake", "NL"),
    ("en", "professional", "grooming", "IE"),
])
def test_results_fit_in_five_phone_screens_with_details_closed(browser, live_url, lang, who,
                                                               what, where):
    context, page = results(browser, live_url, lang, who=who, what=what, where=where)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 5 * SCREEN["height"], height
    assert page.locator("details.more[open]").count() == 0
    context.close()


def test_no_group_says_it_has_nothing_beside_help(browser, live_url):
    for where in ("GB-EAW", "FR", "PL"):
        for who in ("child", "parent", "survivor"):
            context, page = results(browser, live_url, who=who, what="shared", where=where)
            text = page.inner_text("main")
            assert "We have no listing of this kind" not in text
            for group in page.locator("section.group").all():
                assert group.locator("article.listing, .also, .note").count() > 0
            context.close()


def test_an_image_from_childhood_never_leads_to_stopncii(browser, live_url):
    for where in ("GB-EAW", "DE", "US", "AU"):
        context, page = results(browser, live_url, who="survivor", what=("shared", "fake"),
                                where=where)
        assert "stopncii" not in page.content().casefold(), where
        context.close()


def test_a_bystander_always_gets_the_do_not_download_box(browser, live_url):
    for where in ("US", "GB-SCT", "FR"):
        context, page = results(browser, live_url, js=False, who="bystander", where=where)
        advice = page.inner_text("#advice")
        assert "Do not download, screenshot or share them" in advice
        report = page.locator("#group-report article.listing h3").all_inner_texts()
        assert report, where
        context.close()


def test_in_the_us_the_cybertipline_comes_before_the_fbi(browser, live_url):
    context, page = results(browser, live_url, who="bystander", where="US")
    names = page.locator("#group-report article.listing h3").all_inner_texts()
    assert "CyberTipline" in names[0]
    context.close()


def test_details_print_open(browser, live_url):
    context, page = results(browser, live_url, who="parent", what="shared", where="DE")
    page.emulate_media(media="print")
    hidden_text = page.locator("article.listing details .source").first
    assert hidden_text.bounding_box() is not None
    context.close()


def test_search_is_posted_and_the_address_stays_clean(browser, live_url):
    for js in (True, False):
        context = browser.new_context(viewport=SCREEN, java_script_enabled=js)
        page = context.new_page()
        page.goto(f"{live_url}/de/directory/")
        page.fill("#q", "Nummer gegen Kummer")
        with page.expect_navigation(wait_until="load"):
            page.click("form.search button")
        assert page.url == f"{live_url}/de/search"
        assert page.locator("article.listing").count() >= 1
        assert "Nummer gegen Kummer" in page.inner_text("article.listing >> nth=0")
        context.close()


def test_download_is_a_self_contained_file(browser, live_url, tmp_path):
    context, page = results(browser, live_url, who="parent", what="shared", where="GB-EAW")
    with page.expect_download() as info:
        page.click("text=Download these results")
    assert info.value.suggested_filename.endswith(".html")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert "<style>" in html and "<script" not in html and "<link" not in html
    assert "<img" not in html and "src=" not in html
    assert 'id="first-steps"' in html
    offline = browser.new_context(offline=True)
    view = offline.new_page()
    requests = []
    view.on("request", lambda request: requests.append(request.url)
            if not request.url.startswith("file:") else None)
    view.goto(saved.as_uri())
    assert view.locator("article.listing").count() > 0 and requests == []
    offline.close()
    context.close()


def test_print_button_with_javascript_and_instructions_without(browser, live_url):
    context, page = results(browser, live_url, who="child", what="shared", where="NL")
    assert page.locator(".print-button").is_visible()
    context.close()
    context, page = results(browser, live_url, js=False, who="child", what="shared",
                            where="NL")
    assert not page.locator(".print-button").is_visible()
    assert "print it or save it as a PDF" in page.inner_text(".keep")
    context.close()


def test_the_error_summary_takes_focus(browser, live_url):
    for js in (True, False):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        page.goto(f"{live_url}/en/questions")
        with page.expect_navigation(wait_until="load"):
            page.click("button[name=nav][value=next]")
        assert page.title().startswith("Error:")
        # The browser applies autofocus at its next rendering step, not always by "load".
        page.wait_for_function("document.activeElement.className === 'error-summary'",
                               timeout=3000)
        context.close()


def _post(page, url, fields):
    inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
    page.set_content(f'<form method="post" action="{url}">{inputs}<button id="go">go</button>'
                     '</form>')
    with page.expect_navigation(wait_until="load"):
        page.click("#go")


@pytest.mark.parametrize("lang", ["en", "ar", "de"])
def test_new_pages_have_no_axe_violations(browser, live_url, axe_source, lang):
    from tests.browser.test_accessibility import violations
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    found = {}
    _post(page, f"{live_url}/{lang}/search", {"q": "police"})
    found["search"] = violations(page, axe_source)
    _post(page, f"{live_url}/{lang}/search", {"q": ""})
    found["empty search"] = violations(page, axe_source)
    _post(page, f"{live_url}/{lang}/questions", {"step": "danger", "nav": "next",
                                                 "danger": "yes"})
    found["urgent without a country"] = violations(page, axe_source)
    _post(page, f"{live_url}/{lang}/questions", {
        "step": "need", "nav": "next", "danger": "no", "who": "survivor", "what": "shared",
        "where": "FR", "need": "everything"})
    page.click("details.more > summary >> nth=0")      # one disclosure open
    found["results"] = violations(page, axe_source)
    answers = {"step": "need", "danger": "no", "who": "parent", "what": "shared",
               "need": "everything"}
    _post(page, f"{live_url}/{lang}/remove-request", dict(answers, where="FR"))
    found["removal form"] = violations(page, axe_source)
    _post(page, f"{live_url}/{lang}/remove-request", dict(answers, where="GB-EAW"))
    found["removal routes"] = violations(page, axe_source)
    context.close()
    assert {where: v for where, v in found.items() if v} == {}


@pytest.mark.parametrize("lang", ["ar", "ur", "fa"])
def test_right_to_left_pages_stay_within_a_phone_screen(browser, live_url, lang):
    context, page = results(browser, live_url, lang, who="child", what="shared", where="DE")
    pages = {"results": page}
    for path in ("/", "/directory/GB", "/law/", "/safety"):
        other = context.new_page()
        other.goto(f"{live_url}/{lang}{path}")
        pages[path] = other
    for where, view in pages.items():
        assert view.evaluate("document.documentElement.dir") == "rtl", where
        overflow = view.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (where, overflow)       # a wide table scrolls in its own box
    context.close()
