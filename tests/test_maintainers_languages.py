"""The maintainers' pages in every language signpost serves, with the language in the URL,
and a session that stays on the maintainers' pages of each language only."""
import re
import subprocess
import sys

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from signpost.config import PROJECT_ROOT
from tests.pages import Page
from tests.test_i18n import MANIFEST
from tests.test_maintainers import PASSWORD, sign_in
from tests.test_maintainers import site as site  # noqa: F401  (the fixture)

TRANSLATIONS = PROJECT_ROOT / "translations"


def csrf(response):
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                     response.get_data(as_text=True)).group(1)


def maintain_po(code):
    with open(TRANSLATIONS / MANIFEST[code].babel_id / "LC_MESSAGES" / "maintain.po", "rb") as f:
        return read_po(f)


def german(english):
    found = maintain_po("de").get(english)
    assert found is not None and found.string and found.string != english
    return found.string


@pytest.fixture
def app(site):      # noqa: F811
    return site


def test_the_german_maintainers_pages_are_german(app):
    client = app.test_client()
    page = client.get("/de/maintain/login")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and Page(html).html_attrs["lang"] == "de"
    assert german("Sign in to maintain listings") in html
    assert german("Code from your authenticator app (if you set one up)") in html
    signed_in = client.post("/de/maintain/login", data={
        "csrf_token": csrf(page), "username": "eda", "password": PASSWORD})
    assert signed_in.headers["Location"] == "/de/maintain/"
    dashboard = client.get("/de/maintain/").get_data(as_text=True)
    for english in ("Your listings", "Flagged by visitors", "Waiting for review",
                    "Check these next"):
        assert german(english) in dashboard
    assert "Your listings" not in dashboard
    form = client.get("/de/maintain/listings/gb-example/edit").get_data(as_text=True)
    assert "Montag" in form, "weekday names come from CLDR, in the page's language"


def test_the_session_cookie_belongs_to_one_languages_maintainers_pages(app):
    client = app.test_client()
    page = client.get("/de/maintain/login")
    response = client.post("/de/maintain/login", data={
        "csrf_token": csrf(page), "username": "eda", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "Path=/de/maintain" in cookie and "HttpOnly" in cookie
    # Another language's pages do not get the cookie: sign in again, or switch here.
    assert client.get("/fr/maintain/").status_code == 302
    switched = client.post("/de/maintain/language", data={
        "csrf_token": csrf(client.get("/de/maintain/")), "to": "fr",
        "back": "/de/maintain/check"})
    assert switched.headers["Location"] == "/fr/maintain/check"
    assert "Path=/fr/maintain" in switched.headers["Set-Cookie"]
    assert client.get("/fr/maintain/check").status_code == 200
    # Signing out anywhere ends every copy of the session.
    client.post("/fr/maintain/logout", data={"csrf_token": csrf(client.get("/fr/maintain/"))})
    assert client.get("/de/maintain/").status_code == 302


def test_switching_language_goes_nowhere_but_the_maintainers_pages(app):
    client = sign_in(app, "eda")
    token = csrf(client.get("/en/maintain/"))
    for data in ({"to": "xx", "back": "/en/maintain/"},
                 {"to": "de", "back": "https://elsewhere.example/"},
                 {"to": "de", "back": "/en/results"},
                 {"to": "de", "back": "/en/maintain/", "csrf_token": "forged"}):
        response = client.post("/en/maintain/language", data={"csrf_token": token, **data})
        assert response.headers["Location"] == "/en/maintain/"


def test_the_old_addresses_lead_to_the_visitors_language(app):
    client = app.test_client()
    response = client.get("/maintain/login", headers={"Accept-Language": "de"})
    assert response.status_code == 308 and response.headers["Location"] == "/de/maintain/login"
    assert client.get("/xx/maintain/login").status_code == 404


def test_maintain_pot_is_current(tmp_path):
    fresh = tmp_path / "maintain.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract",
                    "-F", "babel-maintain.cfg", "--no-default-keywords", "-k", "t",
                    "-k", "lazy_t", "--no-location", "--sort-output", "-o", str(fresh),
                    "signpost/maintainers", "signpost/templates/maintain"],
                   cwd=PROJECT_ROOT, check=True, capture_output=True)
    with open(fresh, "rb") as f:
        new = {m.id for m in read_po(f) if m.id}
    with open(TRANSLATIONS / "maintain.pot", "rb") as f:
        committed = {m.id for m in read_po(f) if m.id}
    assert new == committed, "translations/maintain.pot is stale: see README, Translating"


@pytest.mark.parametrize("code", [c for c in MANIFEST if c != "en"])
def test_every_maintainers_catalogue_is_complete(code):
    assert [m.id for m in maintain_po(code) if m.id and (not m.string or m.fuzzy)] == []


@pytest.mark.parametrize("code", [c for c in MANIFEST if c != "en"])
def test_every_maintainers_catalogue_is_current_compiled_and_keeps_placeholders(code):
    catalogue = maintain_po(code)
    with open(TRANSLATIONS / "maintain.pot", "rb") as f:
        assert {m.id for m in catalogue if m.id} == {m.id for m in read_po(f) if m.id}
    assert not [m.id for m in catalogue if m.id and m.fuzzy]
    for message in catalogue:
        if message.id and message.string:
            assert sorted(re.findall(r"%\(\w+\)[sd]", message.id)) == sorted(
                re.findall(r"%\(\w+\)[sd]", message.string)), message.id
    mo = TRANSLATIONS / MANIFEST[code].babel_id / "LC_MESSAGES" / "maintain.mo"
    with open(mo, "rb") as f:
        compiled = {m.id: m.string for m in read_mo(f) if m.id}
    assert compiled == {m.id: m.string for m in catalogue if m.id and m.string}, \
        "run `pybabel compile -d translations -D maintain`"
