"""POST /api/v1/route: the journey as an API, giving what the results page gives."""
import logging
import re
from html import unescape
from itertools import product

import pytest

from signpost.api import OPENAPI
from tests.test_journey import walk

PLACES = ("DE", "GB-EAW", "US-CA", "FR", "AU-NSW", "PL", "INT", "IE", "CA-QC", "SE")
ROLES = ("child", "survivor", "parent", "bystander", "worried", "professional")
WHAT = (("fake",), ("threats", "shared"), ("grooming",), ("unsaid",))
NEEDS = (("everything",), ("remove",), ("talk", "compensation"), ("report",))


def page_groups(response):
    """{group: [listing ids]} as the results page shows them, in order."""
    html = response.get_data(as_text=True)
    found = {}
    for name, body in re.findall(r'<section class="group" id="group-([a-z-]+)".*?>(.*?)</section>',
                                 html, re.S):
        found[name] = re.findall(r'<article class="listing" id="listing-([^"]+)"', body)
    return found


def page_step_sentences(response):
    """Each "What to do now" sentence as a visitor reads it, without the contact line."""
    steps = re.search(r'<ol class="steps">(.*?)</ol>', response.get_data(as_text=True), re.S)
    items = re.findall(r"<li>(.*?)</li>", steps.group(1), re.S) if steps else []
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", item.split("<br>")[0])).split())
            for item in items]


def journeys():
    for i, (place, who) in enumerate(product(PLACES, ROLES)):
        yield place, who, WHAT[i % len(WHAT)], NEEDS[(i // 2) % len(NEEDS)]


@pytest.mark.parametrize("place, who, what, need", list(journeys()))
def test_the_api_gives_the_listings_the_results_page_gives(client, place, who, what, need):
    page = walk(client, who=who, what=what, where=place, need=need)
    api = client.post("/api/v1/route", json={"place": place, "who": who, "what": list(what),
                                             "need": list(need)})
    assert api.status_code == 200
    data = api.get_json()
    assert {g["name"]: [x["id"] for x in g["listings"]] for g in data["groups"]} == \
        page_groups(page)
    assert [step["text"] for step in data["steps"]] == page_step_sentences(page)


def test_the_answer_is_in_the_requested_language_with_sources(client):
    data = client.post("/api/v1/route", json={
        "place": "DE", "who": "parent", "what": ["fake"], "language": "de"}).get_json()
    page = walk(client, who="parent", what=("fake",), where="DE", lang="de")
    html = page.get_data(as_text=True)
    assert [step["text"] for step in data["steps"]] == page_step_sentences(page)
    listing = data["groups"][0]["listings"][0]
    assert listing["text_language"] == "de"
    assert unescape(listing["description"].split(". ")[0]) in unescape(html)
    assert listing["source"].startswith("https://") and listing["assured_date"]
    assert data["place"]["name"] == "Deutschland"
    assert data["emergency"]["phones"] and data["emergency"]["assured_date"]


def test_a_teenager_in_danger_gets_the_emergency_number_first(client):
    data = client.post("/api/v1/route", json={
        "place": "GB-EAW", "who": "child", "danger": "yes", "what": ["threats"]}).get_json()
    assert data["urgent"] is True
    assert any(p["number"] == "999" for p in data["emergency"]["phones"])


@pytest.mark.parametrize("body, field", [
    ({"who": "parent"}, "place"),
    ({"place": "DE"}, "who"),
    ({"place": "Germany", "who": "parent"}, "place"),
    ({"place": "DE", "who": "cat"}, "who"),
    ({"place": "DE", "who": "parent", "what": ["fake", "nonsense"]}, "what"),
    ({"place": "DE", "who": "parent", "what": [1, 2]}, "what"),
    ({"place": "DE", "who": "parent", "need": "everything!"}, "need"),
    ({"place": "DE", "who": "parent", "danger": True}, "danger"),
    ({"place": "DE", "who": "parent", "language": "xx"}, "language"),
    ({"place": "DE", "who": "parent", "image_age": "12"}, "image_age"),
    ({"place": "DE", "who": "parent", "words": "what happened to me"}, "words"),
])
def test_bad_input_names_the_field_and_the_allowed_values(client, body, field):
    response = client.post("/api/v1/route", json=body)
    assert response.status_code == 400 and response.mimetype == "application/json"
    error = response.get_json()
    assert error["field"] == field and error["allowed"]


@pytest.mark.parametrize("raw", [b"", b"not json", b"[1, 2]", b'"DE"', b"{\"place\": ",
                                 b"\xff\xfe", b"null"])
def test_a_body_that_is_not_an_object_gets_a_json_400(client, raw):
    response = client.post("/api/v1/route", data=raw, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["status"] == 400


def test_nothing_of_the_body_is_logged_kept_or_cached(client, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post("/api/v1/route", json={"place": "IE", "who": "survivor",
                                                  "what": ["livestream"]},
                           environ_base={"REMOTE_ADDR": "81.2.69.160"})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "livestream" not in logged and "survivor" not in logged
    assert "81.2.69.160" not in logged


def test_a_browser_elsewhere_may_post_json(client):
    preflight = client.open("/api/v1/route", method="OPTIONS", headers={
        "Origin": "https://assistant.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]


def test_the_openapi_examples_are_answered(client):
    operation = OPENAPI["paths"]["/route"]["post"]
    for example in operation["requestBody"]["content"]["application/json"]["examples"].values():
        assert client.post("/api/v1/route", json=example["value"]).status_code == 200
    assert client.get("/api/v1/route").status_code == 405
