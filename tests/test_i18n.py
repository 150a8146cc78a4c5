"""Languages: chosen by URL, then Accept-Language; catalogues complete and current."""
import subprocess
import sys

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from signpost import create_app, i18n
from signpost.config import PROJECT_ROOT
from tests.conftest import make_config
from tests.pages import answer, check_page

MANIFEST = i18n.load_manifest(PROJECT_ROOT / "translations")
PAGES = ["/", "/questions", "/directory/", "/directory/GB", "/directory/GB-SCT", "/directory/US",
         "/directory/INT", "/law/DE", "/law/US-CA", "/safety", "/about"]


@pytest.mark.parametrize("accept, expected", [
    ("de-DE,de;q=0.9,en;q=0.5", "/de/"), ("de-AT", "/de/"), ("en-GB", "/en/"),
    ("fr-FR", "/fr/"), ("ar-EG,ar;q=0.9", "/ar/"), ("ja-JP", "/en/"), ("", "/en/"),
])
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("code", list(MANIFEST))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language(client, code, page):
    check_page(client.get(f"/{code}{page}"), lang=code, direction=MANIFEST[code].direction)


def test_country_names_come_from_cldr(client):
    page = check_page(client.get("/de/directory/"), lang="de")
    for name in ("Deutschland", "Vereinigtes Königreich", "Frankreich", "Niederlande",
                 "Vereinigte Staaten", "Irland"):
        assert name in page.words


def test_switching_language_keeps_the_answers_and_the_step(client):
    response = client.get("/en/questions")
    response = answer(client, response, danger="no")
    response = answer(client, response, who="parent")
    html = response.get_data(as_text=True)
    assert 'formaction="/de/questions"' in html
    # Post the language form as the German button would.
    data = {"danger": "no", "who": "parent", "step": "what", "nav": "stay"}
    german = client.post("/de/questions", data=data)
    page = check_page(german, lang="de")
    assert 'name="who" value="parent"' in german.get_data(as_text=True)
    assert "Was ist passiert?" in page.words


def test_german_pages_are_german(client):
    page = check_page(client.get("/de/"), lang="de")
    assert "Hilfe" in page.words and "Find help where you live" not in page.words


def _catalogue(code):
    folder = PROJECT_ROOT / "translations" / MANIFEST[code].babel_id / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as f:
        return read_po(f)


@pytest.mark.parametrize("code", [c for c in MANIFEST if c != "en"])
def test_catalogue_is_complete(code):
    catalogue = _catalogue(code)
    empty = [m.id for m in catalogue if m.id and not (m.string if not m.pluralizable
                                                      else all(m.string))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert empty == [] and fuzzy == []


@pytest.mark.parametrize("code", [c for c in MANIFEST if c != "en"])
def test_compiled_catalogue_matches_the_po_file(code):
    def plain(value):          # read_mo gives a plural entry's forms as a list
        return tuple(value) if isinstance(value, list) else value

    folder = PROJECT_ROOT / "translations" / MANIFEST[code].babel_id / "LC_MESSAGES"
    with open(folder / "messages.mo", "rb") as f:
        compiled = {plain(m.id): plain(m.string) for m in read_mo(f) if m.id}
    source = {plain(m.id): plain(m.string) for m in _catalogue(code) if m.id}
    assert compiled == source, "run `pybabel compile -d translations`"


def test_messages_pot_is_current(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "_l", "-k", "lazy_pgettext:1c,2", "-k", "lazy_npgettext:1c,2,3",
                    "--no-location", "--sort-output",
                    "-o", str(fresh), "signpost"], cwd=PROJECT_ROOT, check=True,
                   capture_output=True)
    with open(fresh, "rb") as f:
        new = {(m.context, m.id) for m in read_po(f) if m.id}
    with open(PROJECT_ROOT / "translations" / "messages.pot", "rb") as f:
        committed = {(m.context, m.id) for m in read_po(f) if m.id}
    assert new == committed, "translations/messages.pot is stale: see README, Translating"


def test_a_listed_language_without_a_catalogue_stops_start_up(tmp_path, built_database,
                                                                geoip_file):
    (tmp_path / "locales.yaml").write_text("- code: en\n- code: fr\n")
    with pytest.raises(i18n.LocaleError, match="no compiled catalogue for fr"):
        create_app(make_config(built_database, geoip_file, TRANSLATIONS_DIR=tmp_path))


@pytest.mark.parametrize("code, name", [("fr", "Allemagne"), ("ar", "ألمانيا"),
                                        ("pl", "Niemcy"), ("uk", "Німеччина")])
def test_country_names_in_other_languages_come_from_cldr(client, code, name):
    page = check_page(client.get(f"/{code}/directory/"), lang=code,
                      direction=MANIFEST[code].direction)
    assert name in page.words


@pytest.mark.parametrize("code", ["ar", "fa", "ur"])
def test_arabic_persian_and_urdu_are_right_to_left(client, code):
    html = client.get(f"/{code}/").get_data(as_text=True)
    assert f'<html lang="{code}" dir="rtl">' in html


@pytest.mark.parametrize("code, name", [("pt-PT", "Português (Portugal)"),
                                        ("pt-BR", "Português (Brasil)"),
                                        ("zh-Hans", "中文 (简体)"),
                                        ("es-419", "Español (Latinoamérica)")])
def test_regional_languages_have_their_own_pages(client, code, name):
    html = client.get(f"/{code}/").get_data(as_text=True)
    assert f'<html lang="{code}" dir="ltr">' in html and name in html


def test_the_switcher_groups_forty_languages_by_writing_system(client):
    html = client.get("/de/").get_data(as_text=True)
    assert html.count('class="lang-group"') >= 5
    cyrillic = html.split('id="langs-Cyrl"', 1)[1].split("</ul>", 1)[0]
    for code in ("bg", "ru", "sr", "uk"):
        assert f'lang="{code}"' in cyrillic
    assert "Kyrillisch" in html          # the group's name comes from CLDR, in German


def test_every_language_names_itself_in_the_switcher(client):
    html = client.get("/en/").get_data(as_text=True)
    for loc in MANIFEST.values():
        assert f'lang="{loc.code}" hreflang="{loc.code}"' in html
        assert loc.native_name in html


MACHINE_HELP = ("This translation was made with machine help and has not yet been checked "
                "by a fluent speaker.")


@pytest.mark.parametrize("code", ["de", "ar", "zh-Hans", "so"])
def test_an_unreviewed_language_says_it_was_made_with_machine_help(client, code):
    note = _catalogue(code).get(MACHINE_HELP).string
    assert note and note in client.get(f"/{code}/").get_data(as_text=True)
