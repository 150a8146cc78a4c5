"""The JSON API: right answers, JSON errors, open to any origin, cacheable, no cookies."""
import json
import re
from dataclasses import fields

import pytest

from signpost.content.models import Listing

ROUTES = {
    "/api/v1/jurisdictions": "jurisdictions",
    "/api/v1/jurisdictions/GB": "emergency",
    "/api/v1/jurisdictions/GB/listings": "listings",
    "/api/v1/listings/gb-childline": "assured_date",
    "/api/v1/hsds/services": "contents",
    "/api/v1/hsds/organizations": "contents",
    "/api/v1/law": "jurisdictions",
    "/api/v1/openapi.json": "openapi",
}


def assert_api_headers(response, cacheable=True):
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response.headers
    expected = "public, max-age=300" if cacheable else "no-store"
    assert response.headers["Cache-Control"] == expected


@pytest.mark.parametrize("path, key", ROUTES.items())
def test_every_route_answers_json_to_anyone(client, path, key):
    response = client.get(path)
    assert response.status_code == 200
    assert_api_headers(response)
    assert key in response.get_json()


def test_jurisdictions_list_codes_names_regions_and_links(client, app):
    found = {j["code"]: j for j in client.get("/api/v1/jurisdictions").get_json()["jurisdictions"]}
    gb = found["GB"]
    assert gb["parent"] is None and "GB-SCT" in gb["regions"]
    assert gb["names"]["en"] == "United Kingdom" and gb["names"]["de"] == "Vereinigtes Königreich"
    assert set(gb["names"]) == set(app.extensions["locales"])
    assert gb["links"] == {"self": "/api/v1/jurisdictions/GB",
                           "listings": "/api/v1/jurisdictions/GB/listings",
                           "directory": "/en/directory/GB", "law": "/en/law/GB"}
    assert found["GB-SCT"]["parent"] == "GB" and "INT" in found


def test_a_region_shows_whose_facts_apply_with_their_sources(client):
    j = client.get("/api/v1/jurisdictions/gb-sct").get_json()
    assert j["code"] == "GB-SCT"
    assert j["emergency"]["stated_in"] == "GB"
    assert j["law"]["stated_in"] == "GB-SCT"
    for name in ("emergency", "compensation", "law"):
        assert j[name]["source"].startswith("https://")
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", j[name]["assured_date"])
    assert j["emergency"]["phones"][0]["number"]


def test_listings_have_every_dataclass_field_with_iso_dates(client):
    body = client.get("/api/v1/jurisdictions/GB/listings").get_json()
    assert body["jurisdiction"] == "GB" and body["listings"]
    names = {f.name for f in fields(Listing)}
    for item in body["listings"]:
        assert set(item) == names
        assert "GB" in item["service_areas"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", item["assured_date"])
    one = client.get("/api/v1/listings/gb-childline").get_json()
    assert one["id"] == "gb-childline" and one["source"].startswith("https://")


def test_the_hsds_feed_is_one_page_of_every_listing(client, app):
    from signpost.current import catalogue
    with app.app_context():
        count = len(catalogue().listings)
    for kind in ("services", "organizations"):
        page = client.get(f"/api/v1/hsds/{kind}").get_json()
        assert page["total_items"] == page["size"] == len(page["contents"]) == count
        assert page["first_page"] and page["last_page"] and not page["empty"]


@pytest.mark.parametrize("path", ["/api/v1/jurisdictions/XX", "/api/v1/jurisdictions/XX/listings",
                                  "/api/v1/listings/no-such-listing", "/api/v1/nothing-here",
                                  "/api/v1"])
def test_unknown_codes_ids_and_paths_are_json_404s(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_api_headers(response, cacheable=False)
    assert response.get_json()["error"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_are_json_405s(client, method):
    response = getattr(client, method)("/api/v1/jurisdictions")
    assert response.status_code == 405
    assert_api_headers(response, cacheable=False)
    assert "GET" in response.headers["Allow"]
    assert response.get_json()["status"] == 405


def test_the_site_keeps_its_html_error_pages(client):
    response = client.get("/en/directory/XX")
    assert response.status_code == 404 and response.mimetype == "text/html"


def test_openapi_describes_every_route(client, app):
    response = client.get("/api/v1/openapi.json")
    document = json.loads(response.data)
    assert document["openapi"] == "3.1.0"
    prefix = document["servers"][0]["url"]
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule).removeprefix(prefix)
              for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.")}
    assert routes == set(document["paths"])
    for path, item in document["paths"].items():
        for name in re.findall(r"{(\w+)}", path):
            assert {"$ref": f"#/components/parameters/{name}"} in item["get"]["parameters"]
