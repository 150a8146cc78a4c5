"""Answers + jurisdiction -> ordered, grouped listings, as tables: no Flask needed."""
from datetime import date

import pytest

from signpost.content.models import Listing, Phone
from signpost.flow import Answers
from signpost.matching import child_helplines, match, wanted_groups


def listing(id, services, roles, areas=("XA",), situations=(), phones=()):
    return Listing(id=id, name=id.title(), kind="other", description={"en": "An invented service."},
                   url="https://example.org/", services=tuple(services), roles=tuple(roles),
                   situations=tuple(situations), service_areas=tuple(areas),
                   source="https://example.org/", assured_date=date(2026, 1, 1),
                   phones=tuple(phones))


PHONE = (Phone(number="116111", region="XA", written="116 111"),)
LISTINGS = [
    listing("hotline", ["report", "remove"], ["child", "parent", "bystander", "survivor"]),
    listing("regional-police", ["report"], ["child", "parent", "survivor"], areas=("XA-R",)),
    listing("childline", ["talk"], ["child"], phones=PHONE),
    listing("parents-line", ["talk"], ["parent"]),
    listing("takedown", ["remove"], ["child", "survivor"], areas=("INT",), situations=["shared"]),
    listing("fake-takedown", ["remove"], ["child"], areas=("INT",), situations=["fake"]),
    listing("compensation", ["compensation"], ["survivor", "parent", "child"]),
    listing("prevention", ["prevention"], ["worried", "parent"]),
    listing("victims", ["talk", "legal"], ["survivor", "parent"]),
]
CHAIN = ("XA-R", "XA", "INT")


def ids(results):
    return {group.name: [x.id for x in group.listings] for group in results.groups}


@pytest.mark.parametrize("answers, expected", [
    (Answers(who="child", what=("fake",), need=("remove",)),
     {"remove": ["hotline", "fake-takedown", "takedown"], "talk": ["childline"]}),
    (Answers(who="child", what=("shared",), need=("remove",)),
     {"remove": ["hotline", "takedown", "fake-takedown"], "talk": ["childline"]}),
    (Answers(who="child", need=("report",)),
     {"report": ["regional-police", "hotline"], "talk": ["childline"]}),
    (Answers(who="parent", need=("everything",)),
     {"remove": ["hotline"], "report": ["regional-police"], "talk": ["parents-line", "victims"],
      "rights": ["compensation"], "prevention": ["prevention"]}),
    (Answers(who="worried"), {"prevention": ["prevention"], "talk": []}),
    (Answers(who="bystander"), {"report": ["hotline"], "talk": []}),
    (Answers(who="survivor", need=("compensation",)),
     {"talk": ["victims"], "rights": ["compensation"]}),
])
def test_match_groups_and_orders(answers, expected):
    assert ids(match(answers, LISTINGS, CHAIN)) == expected


def test_groups_come_most_urgent_first_whatever_the_order_asked():
    answers = Answers(who="parent", need=("compensation", "talk", "remove"))
    assert wanted_groups(answers) == ["remove", "talk", "rights"]


def test_children_are_not_shown_prevention_services():
    assert "prevention" not in wanted_groups(Answers(who="child", need=("everything",)))


def test_danger_marks_results_urgent():
    assert match(Answers(danger="yes", who="child"), LISTINGS, CHAIN).urgent
    assert not match(Answers(danger="no", who="child"), LISTINGS, CHAIN).urgent


def test_a_listing_appears_once():
    results = match(Answers(who="survivor", need=("everything",)), LISTINGS, CHAIN)
    shown = [x.id for g in results.groups for x in g.listings]
    assert len(shown) == len(set(shown))


def test_child_helplines_have_a_phone_and_serve_children():
    assert [x.id for x in child_helplines(LISTINGS, CHAIN)] == ["childline"]
