"""Screenshots for people to look at (not compared pixel by pixel): screenshots/."""
import pytest

from signpost.config import PROJECT_ROOT
from tests.browser.journey import walk

FOLDER = PROJECT_ROOT / "screenshots"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["en", "de", "ar", "ur"])
def test_screenshots(browser, live_url, lang, width):
    FOLDER.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    shots = []

    def shoot(page, step):
        if step in ("who", "results"):
            name = FOLDER / f"{lang}-{width}-{'question' if step == 'who' else step}.png"
            page.screenshot(path=str(name), full_page=True)
            shots.append(name)

    page.goto(f"{live_url}/{lang}/")
    page.screenshot(path=str(FOLDER / f"{lang}-{width}-start.png"), full_page=True)
    walk(page, live_url, lang, visit=shoot)
    page.goto(f"{live_url}/{lang}/directory/DE")
    page.screenshot(path=str(FOLDER / f"{lang}-{width}-directory.png"), full_page=True)
    context.close()
    assert all(p.stat().st_size > 1000 for p in shots)
