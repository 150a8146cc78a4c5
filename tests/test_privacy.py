"""Nothing about a visitor is kept: no cookies, no answers in URLs, logs or files,
no address in any log, nothing fetched from another host."""
import logging
import re
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from signpost import privacy
from signpost.privacy import CONTENT_SECURITY_POLICY, redact
from tests.conftest import from_country
from tests.pages import Page, answer, check_page
from tests.test_journey import walk

PUBLIC_PAGES = ["/en/", "/en/questions", "/en/directory/", "/en/directory/GB",
                "/en/directory/US-CA", "/en/directory/INT", "/en/law/FR", "/en/safety",
                "/en/about", "/de/", "/de/directory/DE", "/en/law/", "/en/search"]
SECRET_ADDRESS = "81.2.69.160"          # maps to GB in the test database
FORWARDED_ADDRESS = "193.99.144.85"


@pytest.mark.parametrize("url", PUBLIC_PAGES + ["/", "/en/nowhere", "/static/signpost.css",
                                 "/robots.txt"])
def test_no_cookie_and_strict_headers_everywhere(client, url):
    response = client.get(url)
    assert "Set-Cookie" not in response.headers
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert CONTENT_SECURITY_POLICY.startswith("default-src 'self'")
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_journey_sets_no_cookie_and_every_step_is_no_store(client):
    response = client.get("/en/questions")
    for step in ({"danger": "yes"}, {}, {"who": "child"}, {"what": "fake"},
                 {"where": "GB-SCT"}, {"need": "everything"}):
        response = answer(client, response, **step)
        assert "Set-Cookie" not in response.headers
        assert response.headers["Cache-Control"] == "no-store"


def _internal_urls(html):
    page = Page(html)
    urls = [link["href"] for link in page.links if not urlsplit(link["href"]).netloc]
    urls += [form["action"] for form in page.forms]
    urls += re.findall(r'formaction="([^"]+)"', html)
    return urls


def test_answers_never_appear_in_a_url(client):
    """Links may lead to a country's public pages; nothing says what happened or to whom."""
    response = walk(client, danger="yes", who="survivor", what=("threats", "livestream"),
                    where="US-CA", need=("compensation",))
    html = response.get_data(as_text=True)
    for url in _internal_urls(html):
        assert "?" not in url, url
        for secret in ("survivor", "threats", "livestream", "compensation", "danger"):
            assert secret not in url, url


def test_no_inline_script_or_style_that_the_policy_would_block(client):
    for url in PUBLIC_PAGES:
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html, url
        assert not re.search(r" on[a-z]+=", html), url


def test_scripts_do_not_store_anything_in_the_browser(app):
    script = (app.static_folder + "/exit.js")
    text = open(script, encoding="utf-8").read()
    for word in ("localStorage", "sessionStorage", "document.cookie", "indexedDB", "fetch("):
        assert word not in text


def test_pages_work_without_javascript(client):
    """The journey is plain HTML forms; the quick exit is a plain link."""
    response = client.get("/en/")
    page = check_page(response)
    assert page.focusable[0][1]["href"].startswith("https://")
    assert page.focusable[0][0] == "a"


def test_address_and_answers_never_reach_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    environ = {"REMOTE_ADDR": SECRET_ADDRESS, "HTTP_X_FORWARDED_FOR": FORWARDED_ADDRESS}
    walk(client, who="child", what=("threats",), where="GB-EAW", environ=environ)
    client.get("/en/nowhere", environ_base=environ)
    client.post("/en/questions", data=b"who=%ff", environ_base=environ,
                content_type="application/x-www-form-urlencoded")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET_ADDRESS not in logged and FORWARDED_ADDRESS not in logged
    assert "threats" not in logged


def test_a_journey_writes_nothing(client, built_database, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = built_database.read_bytes()
    walk(client, who="parent", what=("grooming",), where="IE")
    assert built_database.read_bytes() == before
    assert list(tmp_path.iterdir()) == []


def test_the_address_is_only_used_to_suggest_a_country(client):
    html = client.get("/en/", environ_base={"REMOTE_ADDR": SECRET_ADDRESS}).get_data(as_text=True)
    assert SECRET_ADDRESS not in html
    assert "United Kingdom" in html


def test_private_addresses_give_no_suggestion(client):
    html = client.get("/en/", environ_base={"REMOTE_ADDR": "192.168.1.20"}).get_data(as_text=True)
    assert "call your local emergency number" in html


def test_forwarded_for_is_ignored_unless_a_proxy_is_configured(client):
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": ADDRESS_DE}
    html = client.get("/en/", environ_base=environ).get_data(as_text=True)
    assert "Germany" not in html


ADDRESS_DE = FORWARDED_ADDRESS


@pytest.mark.parametrize("text, expected", [
    ("from 203.0.113.9:5123 GET /en/", "from [address removed] GET /en/"),
    ("peer ::1 and 2001:db8::7", "peer [address removed] and [address removed]"),
    ("[21/Nov/2026:22:03:01 +0000] 10:30", "[21/Nov/2026:22:03:01 +0000] 10:30"),
])
def test_redact_removes_addresses_only(text, expected):
    assert redact(text) == expected


def test_search_words_stay_in_the_post_and_are_not_kept(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post("/en/search", data={"q": "childline kingdom"})
    assert response.status_code == 200 and "Childline" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    assert "kingdom" not in "\n".join(r.getMessage() for r in caplog.records)
    for url in _internal_urls(response.get_data(as_text=True)):
        assert "kingdom" not in url and "?" not in url


def test_the_download_is_an_attachment_and_nothing_is_kept(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post("/en/results/download", data={
        "danger": "no", "who": "child", "what": "threats", "where": "GB-EAW",
        "need": "everything"})
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    html = response.get_data(as_text=True)
    assert "<style>" in html and not re.search(r"<(script|link|img|iframe)\b", html)
    assert "threats" not in "\n".join(r.getMessage() for r in caplog.records)


def test_the_download_with_missing_answers_asks_for_them(client):
    response = client.post("/en/results/download", data={"danger": "no", "who": "child"})
    assert response.status_code == 200 and "Content-Disposition" not in response.headers
    assert "There is a problem" in response.get_data(as_text=True)


def test_the_quick_exit_can_go_elsewhere_per_language(built_database, geoip_file):
    from signpost import create_app
    from signpost.config import quick_exit_urls
    from tests.conftest import make_config
    urls = quick_exit_urls("de=https://www.example.org/wetter, fr=https://example.org/meteo")
    client = create_app(make_config(built_database, geoip_file, QUICK_EXIT_URLS=urls)
                        ).test_client()
    assert 'href="https://www.example.org/wetter"' in client.get("/de/").get_data(as_text=True)
    assert 'href="https://example.org/meteo"' in client.get("/fr/safety").get_data(as_text=True)
    assert 'href="https://www.bbc.co.uk/weather"' in client.get("/en/").get_data(as_text=True)
    with pytest.raises(ValueError):
        quick_exit_urls("de=http://insecure.example")


@pytest.mark.parametrize("path, logged", [
    ("/en/\n127.0.0.1 - - [01/Jan/2026] \"GET /forged", "/en/%0A127.0.0.1%20-%20-%20%5B01/Jan/2026%5D%20%22GET%20/forged"),
    ("/en/\x00/directory", "/en/%00/directory"),
    ("/de/directory/DE", "/de/directory/DE"),
])
def test_the_access_log_writes_the_path_percent_encoded(path, logged):
    assert privacy.loggable_path(path) == logged


def test_a_redirect_never_names_the_host_the_request_gave(client):
    response = client.get("/en/law", headers={"Host": "attacker.example"})
    assert response.status_code in (301, 302, 308)
    assert response.headers["Location"] == "/en/law/"
    assert "attacker" not in response.headers["Location"]


# Invented words no page, file or log would hold unless a letter put them there.
LETTER_SECRETS = {"platform": "Examplegram-7Q3", "web_address": "https://example.invalid/p/Z9X8",
                  "contact": "write-to-Q7V4@example.invalid", "requester_name": "Avery Z-Testname"}


def test_a_removal_letter_is_made_and_forgotten(app, client, built_database, tmp_path,
                                                monkeypatch, caplog):
    """What is typed for a letter reaches no log, no database and no file: the instance
    folder, the databases' folder, the working folder and the temporary folder."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    posted = {"danger": "no", "who": "child", "what": "shared", "where": "US-NY",
              "need": "remove", "step": "need", "sender": "self", **LETTER_SECRETS}
    for where, nav in (("US-NY", "stay"), ("US-NY", "letter"), ("US-NY", "download"),
                       ("DE", "letter"), ("DE", "download")):     # the US law, then the EU's
        response = client.post("/en/remove-request", data=dict(posted, where=where, nav=nav))
        assert response.status_code == 200 and LETTER_SECRETS["platform"] in response.text
        assert "Set-Cookie" not in response.headers
        assert response.headers["Cache-Control"] == "no-store"
        for url in _internal_urls(response.text) if nav != "download" else ():
            assert "Examplegram" not in url and "?" not in url
    client.post("/en/remove-request", data=dict(posted, web_address="", nav="letter"))
    logged = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    folders = {Path(app.instance_path), built_database.parent, tmp_path}
    written = [path for folder in folders if folder.exists()
               for path in folder.rglob("*") if path.is_file()]
    assert any(path.suffix == ".sqlite" for path in written)     # the databases are searched
    for secret in LETTER_SECRETS.values():
        assert secret not in logged and quote(secret, safe="") not in logged
        for path in written:
            assert secret.encode() not in path.read_bytes(), path
