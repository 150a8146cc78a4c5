"""Junk in gets a clear page out: never a 500, always the quick exit and the emergency line."""
import pytest

from signpost import i18n
from signpost.config import PROJECT_ROOT

MANIFEST_CODES = set(i18n.load_manifest(PROJECT_ROOT / "translations"))

from tests.pages import check_page


@pytest.mark.parametrize("url", ["/xx/", "/english/", "/en-GB/", "/%ff/", "/../etc/passwd",
                                 "/en/directory/ZZ", "/en/directory/gb-sct-extra", "/en/law/XX",
                                 "/en/nothing-here", "/de/directory/QQ"])
def test_unknown_pages_get_a_helpful_404(client, url):
    lang = "de" if url.startswith("/de/") else "en"
    response = client.get(url)
    page = check_page(response, status=404, lang=lang)
    assert ("We could not find that page" if lang == "en" else "nicht finden") in page.words
    assert f'href="/{lang}/directory/"' in response.get_data(as_text=True)


def test_unknown_language_404_lists_the_languages(client):
    html = client.get("/xx/directory/").get_data(as_text=True)
    assert 'href="/de/"' in html and 'href="/en/"' in html


def test_lower_case_jurisdiction_still_works(client):
    check_page(client.get("/en/directory/gb"))


def test_invalid_utf8_is_a_400(client):
    response = client.post("/en/questions", data=b"step=danger&danger=%ff%fe&nav=next",
                           content_type="application/x-www-form-urlencoded")
    page = check_page(response, status=400)
    assert "We could not read that" in page.words
    assert "emergency" in page.words


def test_junk_field_names_are_a_400(client):
    response = client.post("/en/questions", data={"step": "danger", "danger": "yes",
                                                   "password": "x"})
    check_page(response, status=400)


def test_other_content_types_are_a_400(client):
    response = client.post("/en/questions", data='{"danger": "yes"}',
                           content_type="application/json")
    check_page(response, status=400)


def test_oversized_body_is_a_413(client):
    response = client.post("/en/questions", data={"step": "danger", "danger": "y" * 20000},
                           content_type="application/x-www-form-urlencoded")
    check_page(response, status=413)


@pytest.mark.parametrize("form", [
    {},
    {"step": "nonsense", "nav": "next"},
    {"step": "danger", "nav": "sideways", "danger": "yes"},
    {"step": "where", "where": "<script>alert(1)</script>", "nav": "next"},
    {"step": "need", "need": ["remove", "remove", "zzz"], "nav": "next"},
    {"step": "urgent", "nav": "back"},
    {"step": "danger", "danger": ["yes", "no"], "nav": "next"},
])
def test_malformed_answers_reshow_a_question(client, form):
    response = client.post("/en/questions", data=form)
    page = check_page(response)
    assert "<script>alert" not in response.get_data(as_text=True)
    assert page.forms


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_get_a_405_page(client, method):
    response = client.open("/en/questions", method=method)
    check_page(response, status=405)


def test_post_to_a_page_that_only_reads_is_a_405(client):
    check_page(client.post("/en/directory/"), status=405)


@pytest.mark.parametrize("header", ["", "*", "xx", "de;q=nonsense", "zz-ZZ,de;q=0.5",
                                    "\u00ff\u00fe", "en;q=0.1," * 200])
def test_odd_accept_language_still_redirects(client, header):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"].strip("/") in MANIFEST_CODES


def test_database_missing_gives_a_calm_503(tmp_path, geoip_file):
    from signpost import create_app
    from tests.conftest import make_config
    app = create_app(make_config(tmp_path / "missing.sqlite", geoip_file))
    response = app.test_client().get("/en/")
    page = check_page(response, status=503)
    assert "not ready yet" in page.words


def test_a_body_shorter_than_announced_gets_the_400_page(app):
    from werkzeug.test import EnvironBuilder
    environ = EnvironBuilder(path="/en/questions", method="POST", data=b"danger=no",
                             content_type="application/x-www-form-urlencoded").get_environ()
    environ["CONTENT_LENGTH"] = "100"
    started = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: started.append(status)))
    assert started[0].startswith("400")
    assert b"<html" in body
