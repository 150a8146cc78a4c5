"""Content in three steps: read the files, check them (every problem at once), build the
model objects once from what passed."""
import copy
from datetime import date

import phonenumbers

from signpost.content import build as build_module
from signpost.content.build import build
from signpost.content.check import check
from tests.content_factory import JURISDICTIONS, LISTING


def documents(**listings):
    return {"jurisdictions": copy.deepcopy(JURISDICTIONS),
            "listings": copy.deepcopy(listings or {"gb-example": LISTING})}


def test_check_reports_every_problem_and_changes_nothing():
    bad_phone = dict(LISTING, phones=[{"number": "+44 1"}])
    bad_area = dict(LISTING, name="Another", service_areas=["XX"])
    given = documents(**{"gb-one": bad_phone, "gb-two": bad_area})
    before = copy.deepcopy(given)
    problems = check(given, date(2026, 6, 1))
    assert {(p.path.split("/")[-1], p.field) for p in problems if p.is_error} == {
        ("gb-one.yaml", "phones.0.number"), ("gb-two.yaml", "service_areas.0")}
    assert given == before
    assert check(given, date(2026, 6, 1)) == problems


def test_staleness_depends_on_the_day_given():
    assert not check(documents(), date(2026, 6, 1))
    late = check(documents(), date(2027, 6, 1))
    assert late and not any(p.is_error for p in late)


def test_build_parses_each_number_once_and_writes_it_both_ways(monkeypatch):
    calls = []
    real = phonenumbers.parse

    def counting(number, region=None):
        calls.append(number)
        return real(number, region)

    monkeypatch.setattr(build_module.phonenumbers, "parse", counting)
    content = build(documents())
    phone = content.listings["gb-example"].phones[0]
    assert (phone.number, phone.national, phone.international) == (
        "+448001111", "0800 1111", "+44 800 1111")
    emergency = content.jurisdictions["GB"].emergency.phones[0]
    assert (emergency.number, emergency.national) == ("999", "999")
    assert sorted(calls) == sorted(["+44 800 1111", "999", "112"])


def test_addresses_that_hide_their_real_host_are_refused():
    """A link labelled with one host must never take a browser to another."""
    for url in ("https://evil.example\\@www.bka.de/", "https://user@www.bka.de/",
                "https://www.bka.de\\evil.example/", "https://www.bka.de/a b"):
        problems = check(documents(**{"gb-one": dict(LISTING, url=url)}), date(2026, 6, 1))
        assert [p.field for p in problems if p.is_error] == ["url"], url
    assert not check(documents(**{"gb-one": dict(LISTING, url="https://www.bka.de/x?y=1")}),
                     date(2026, 6, 1))
