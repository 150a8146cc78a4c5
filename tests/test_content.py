"""Content checks name the file, the field and the problem."""
import copy
from datetime import date

import pytest

from signpost.content.loader import load
from tests.content_factory import JURISDICTIONS, LISTING, write, write_content

TODAY = date(2026, 11, 21)


def problems_for(tmp_path, listing_changes=None, listing=None):
    data = copy.deepcopy(listing or LISTING)
    for key, value in (listing_changes or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    write_content(tmp_path, listings={"gb-example": data})
    _, problems = load(tmp_path, today=TODAY)
    return [(p.path.rsplit("/", 1)[-1], p.field, p.message) for p in problems if p.is_error]


def test_valid_content_has_no_problems(tmp_path):
    assert problems_for(tmp_path) == []


def test_norway_stays_norway(tmp_path):
    write_content(tmp_path)
    content, problems = load(tmp_path, today=TODAY)
    assert "NO" in content.jurisdictions and not problems


@pytest.mark.parametrize("changes, field, words", [
    ({"phones": [{"number": "+44 800 1"}]}, "phones.0.number", "not a valid phone number"),
    ({"phones": [{"number": "12345"}]}, "phones.0.number", "not a valid phone number for GB"),
    ({"source": None}, "", "'source' is a required property"),
    ({"assured_date": None}, "", "'assured_date' is a required property"),
    ({"assured_date": "2027-01-01"}, "assured_date", "in the future"),
    ({"assured_date": "21/11/2026"}, "assured_date", "is not a 'date'"),
    ({"service_areas": ["ZZ"]}, "service_areas.0", "'ZZ' is not a known jurisdiction"),
    ({"serves": {"roles": []}}, "serves.roles", "should be non-empty"),
    ({"services": ["juggling"]}, "services.0", "is not one of"),
    ({"phones": None}, "phones", "at least one way to reach it"),
    ({"url": "not a url"}, "url", "does not match"),
    ({"description": {"de": "Nur deutsch"}}, "description", "'en' is a required property"),
    ({"schedules": {"timezone": "Mars/Olympus", "open_24_7": True}}, "schedules.timezone",
     "not a known time zone"),
    ({"surprise": 1}, "", "Additional properties are not allowed"),
    ({"kind": None}, "", "'kind' is a required property"),
    ({"kind": "hotline-ish"}, "kind", "is not one of"),
])
def test_listing_problems_name_file_and_field(tmp_path, changes, field, words):
    found = problems_for(tmp_path, changes)
    assert any(f == "gb-example.yaml" and fld == field and words in msg
               for f, fld, msg in found), found


def test_short_numbers_are_checked_for_their_country(tmp_path):
    assert problems_for(tmp_path, {"phones": [{"number": "116 111"}]}) == []
    found = problems_for(tmp_path, {"phones": [{"number": "116 111"}], "service_areas": ["INT"]})
    assert found and "use the +country form" in found[0][2]


def test_broken_yaml_is_reported_not_raised(tmp_path):
    write_content(tmp_path)
    write(tmp_path / "listings" / "gb-broken.yaml", "name: [unclosed\n")
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith("gb-broken.yaml") and "cannot be read" in p.message
               for p in problems)


def test_file_name_must_be_a_clean_identifier(tmp_path):
    write_content(tmp_path, listings={"GB Example": LISTING})
    _, problems = load(tmp_path, today=TODAY)
    assert any("file name" in p.message for p in problems)


def test_region_must_be_listed_by_its_parent(tmp_path):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["GB"]["regions"] = []
    write_content(tmp_path, jurisdictions=jurisdictions)
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith("GB-SCT.yaml") and p.field == "parent" for p in problems)


def test_a_country_needs_emergency_numbers(tmp_path):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    del jurisdictions["NO"]["emergency"]
    write_content(tmp_path, jurisdictions=jurisdictions)
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith("NO.yaml") and p.field == "emergency" for p in problems)


def test_old_facts_are_flagged_but_not_errors(tmp_path):
    write_content(tmp_path, listings={"gb-example": dict(LISTING, assured_date="2024-01-01")})
    _, problems = load(tmp_path, today=TODAY)
    stale = [p for p in problems if "not checked since" in p.message]
    assert stale and not stale[0].is_error


def test_phone_numbers_are_stored_in_e164(tmp_path):
    write_content(tmp_path)
    content, _ = load(tmp_path, today=TODAY)
    assert content.listings["gb-example"].phones[0].number == "+448001111"


def test_the_real_content_is_valid():
    from signpost.config import PROJECT_ROOT
    _, problems = load(PROJECT_ROOT / "content")
    assert [str(p) for p in problems if p.is_error] == []


@pytest.mark.parametrize("code, parent, words", [
    ("GB-XYZ", "GB", "not an ISO 3166-2 region code"),
    ("QQ", None, "not an ISO 3166-1 country code"),
    ("US-TX", "GB", "a region's parent must be 'US'"),
])
def test_jurisdiction_codes_must_be_real(tmp_path, code, parent, words):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    data = {"code": code, "timezone": "UTC", "languages": ["en"], "name": {"en": "Somewhere"},
            "emergency": JURISDICTIONS["NO"]["emergency"]}
    if parent:
        data["parent"] = parent
    jurisdictions[code] = data
    write_content(tmp_path, jurisdictions=jurisdictions)
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith(f"{code}.yaml") and words in p.message for p in problems), problems


def test_england_and_wales_is_a_known_region(tmp_path):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["GB"]["regions"] = ["GB-SCT", "GB-EAW"]
    jurisdictions["GB-EAW"] = {"code": "GB-EAW", "parent": "GB", "timezone": "Europe/London",
                               "languages": ["en"], "name": {"en": "England and Wales"}}
    write_content(tmp_path, jurisdictions=jurisdictions)
    _, problems = load(tmp_path, today=TODAY)
    assert problems == []


def test_the_same_service_twice_is_a_duplicate(tmp_path):
    write_content(tmp_path, listings={"gb-example": LISTING, "gb-example-copy": LISTING})
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith("gb-example.yaml") and "duplicate of gb-example-copy.yaml"
               in p.message for p in problems), problems


def test_an_absent_route_needs_its_source(tmp_path):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["NO"]["absent"] = [{"kind": "victim-helpline", "note": {"en": "None here."},
                                      "assured_date": "2026-01-01"}]
    write_content(tmp_path, jurisdictions=jurisdictions)
    _, problems = load(tmp_path, today=TODAY)
    assert any(p.path.endswith("NO.yaml") and "'source' is a required property" in p.message
               for p in problems)


def test_european_116_numbers_are_valid_across_the_eu(tmp_path):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["EE"] = {"code": "EE", "timezone": "Europe/Tallinn", "languages": ["et"],
                           "emergency": {"phones": [{"number": "112"}],
                                         "source": "https://example.org/ee",
                                         "source_kind": "official",
                                         "assured_date": "2026-01-10"}}
    victims = dict(LISTING, service_areas=["EE"], phones=[{"number": "116 006"}])
    write_content(tmp_path, jurisdictions=jurisdictions, listings={"ee-victims": victims})
    _, problems = load(tmp_path, today=TODAY)
    assert problems == []
    write_content(tmp_path, jurisdictions=jurisdictions,
                  listings={"ee-victims": dict(victims, phones=[{"number": "116 999"}])})
    _, problems = load(tmp_path, today=TODAY)
    assert any("not a valid phone number for EE" in p.message for p in problems)


def test_an_unknown_short_number_needs_the_page_that_lists_it(tmp_path):
    unknown = {"number": "1056"}
    assert problems_for(tmp_path, {"phones": [unknown]})
    vouched = dict(unknown, short_number_source="https://example.org/helpline-numbers")
    assert problems_for(tmp_path, {"phones": [vouched]}) == []
    too_long = {"number": "12345678", "short_number_source": "https://example.org/numbers"}
    assert problems_for(tmp_path, {"phones": [too_long]})
