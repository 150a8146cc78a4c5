"""The law as open data: one record per jurisdiction in JSON and CSV, a page that compares
every place, and pages that say where each fact comes from and when it was checked."""
import csv
import io
import re
from datetime import date

from signpost.content.rules import derived_ruling


def test_law_json_covers_every_jurisdiction(client):
    codes = {j["code"] for j in client.get("/api/v1/jurisdictions").get_json()["jurisdictions"]}
    data = client.get("/api/v1/law").get_json()
    assert data["licence"]["name"] == "CC BY 4.0"
    records = {r["code"]: r for r in data["jurisdictions"]}
    assert set(records) == codes
    for code, record in records.items():
        if code == "INT":
            assert record["ai_images"] is None
            continue
        assert record["ai_images"] in ("explicit", "general", "not_covered", "unclear"), code
        assert record["provisions"] and record["assured_date"], code
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", p["in_force"]) for p in record["provisions"])
        assert record["source_kind"] in ("official", "own", "secondary")


def test_every_label_follows_from_its_own_provisions(client):
    for record in client.get("/api/v1/law").get_json()["jurisdictions"]:
        if record["ai_images"] is None:
            continue
        assert record["ai_images"] == derived_ruling(record["provisions"], date.today()), (
            record["code"])
        if record["ai_images"] != "unclear":
            assert record["rests_on"] and record["in_force"], record["code"]


def test_a_region_without_its_own_law_says_whose_it_is(client):
    records = {r["code"]: r for r in client.get("/api/v1/law").get_json()["jurisdictions"]}
    inherited = [r for r in records.values() if r["parent"] and r["stated_in"] == r["parent"]]
    assert inherited
    for record in inherited:
        assert record["ai_images"] == records[record["parent"]]["ai_images"]


def test_law_csv_has_one_row_per_jurisdiction(client):
    response = client.get("/api/v1/law.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    json_records = client.get("/api/v1/law").get_json()["jurisdictions"]
    assert [r["code"] for r in rows] == [r["code"] for r in json_records]
    gb = next(r for r in rows if r["code"] == "GB")
    assert gb["ai_images"] and gb["assured_date"] and gb["source"].startswith("https://")


def test_the_comparison_page_lists_every_place_and_links_its_law(client):
    html = client.get("/en/law/").get_data(as_text=True)
    countries = [j for j in client.get("/api/v1/jurisdictions").get_json()["jurisdictions"]
                 if j["code"] != "INT"]
    for j in countries:
        assert f'href="/en/law/{j["code"]}"' in html, j["code"]
    assert 'href="/api/v1/law.csv"' in html
    assert "Set-Cookie" not in client.get("/de/law/").headers


def test_law_page_gives_each_provision_its_date_in_force(client):
    html = client.get("/en/law/GB").get_data(as_text=True)
    assert "In force since" in html
    assert 'href="/en/law/"' in html


def test_pages_say_what_kind_of_source_a_fact_rests_on(client):
    html = client.get("/en/directory/GB").get_data(as_text=True)
    kinds = re.findall(r'class="source source-(\w+)"', html)
    assert kinds and set(kinds) <= {"official", "own", "secondary"}
    assert "Source: the service&#39;s own website" in html or "Source: an official page" in html


def test_every_compensation_section_says_when_time_starts_and_the_child_rule(client):
    for j in client.get("/api/v1/jurisdictions").get_json()["jurisdictions"]:
        if j["code"] == "INT":
            continue
        html = client.get(f"/en/law/{j['code']}").get_data(as_text=True)
        if "State compensation" not in html:
            continue
        assert ("The time counts from:" in html or "There is no fixed time limit." in html
                or "do not say when the time starts" in html), j["code"]
        assert "under 18 at the time" in html, j["code"]
