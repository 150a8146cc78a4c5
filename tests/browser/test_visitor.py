"""What a visitor meets in a real browser: keyboard, no JavaScript, nothing sent elsewhere,
nothing left behind."""
from urllib.parse import urlsplit

from tests.browser.journey import walk


def test_quick_exit_is_the_first_tab_stop(page, live_url):
    for path in ("/en/", "/en/questions", "/en/directory/GB", "/de/safety", "/en/nowhere"):
        page.goto(live_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "quick-exit", path


def _focus_is_visible(page):
    return page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    }""")


def _tab_to(page, selector, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert _focus_is_visible(page), page.evaluate("document.activeElement.outerHTML")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _press_and_wait(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


def test_the_whole_journey_with_the_keyboard_only(page, live_url):
    page.goto(f"{live_url}/en/questions")
    for name, value in (("danger", "no"), ("who", "parent"), ("what", "shared")):
        _tab_to(page, f"input[name={name}]")
        while page.evaluate("document.activeElement.value") != value:
            page.keyboard.press("ArrowDown" if name != "what" else "Tab")
        page.keyboard.press("Space")
        _tab_to(page, "button[value=next]")
        _press_and_wait(page, "Enter")
    _tab_to(page, "select[name=where]")
    page.keyboard.type("Germ")           # type-ahead in the native list
    _tab_to(page, "button[value=next]")
    _press_and_wait(page, "Enter")
    _tab_to(page, "input[name=need]")
    page.keyboard.press("Space")
    _tab_to(page, "button[value=next]")
    _press_and_wait(page, "Enter")
    assert "Germany" in page.inner_text("main")
    assert page.locator("article.listing").count() > 0


def test_journey_and_quick_exit_without_javascript(browser, live_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    walk(page, live_url)
    assert page.locator("article.listing").count() > 3
    assert "Childline" in page.inner_text("main")
    exit_link = page.locator("#quick-exit")
    assert exit_link.get_attribute("href").startswith("https://")
    assert "noreferrer" in exit_link.get_attribute("rel")
    context.close()


def test_no_request_leaves_for_another_host_and_nothing_is_left_behind(browser, live_url):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    walk(page, live_url, "de")
    page.goto(f"{live_url}/en/directory/US")
    page.goto(f"{live_url}/ar/")
    assert hosts == {"127.0.0.1"}
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert "?" not in page.url
    context.close()


def test_pressing_shift_three_times_leaves_the_site(page, live_url):
    page.goto(f"{live_url}/en/")
    target = page.locator("#quick-exit").get_attribute("href")
    with page.expect_request(lambda request: request.url.startswith(target)):
        for _ in range(3):
            page.keyboard.press("Shift")


def test_escape_in_the_language_menu_does_not_leave(page, live_url):
    page.goto(f"{live_url}/en/directory/")
    target = page.locator("#quick-exit").get_attribute("href")
    left = []
    page.on("request", lambda request: left.append(request.url)
            if request.url.startswith(target) else None)
    page.click(".languages summary")
    page.keyboard.press("Escape")
    page.keyboard.press("Shift")         # two presses and a pause: not the exit
    page.keyboard.press("Shift")
    page.wait_for_timeout(1200)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert left == [] and page.url.startswith(live_url)
