"""Answers + jurisdiction -> ordered, grouped listings, as tables: no Flask needed."""
from datetime import date

import pytest

from signpost.content.models import Listing, Phone
from signpost.flow import Answers
from signpost.matching import child_helplines, image_age, match, rank, wanted_groups


def listing(id, services, roles, areas=("XA",), situations=(), phones=(), kind="other",
            image_ages=()):
    return Listing(id=id, name=id.title(), kind=kind, description={"en": "An invented service."},
                   url="https://example.org/", services=tuple(services), roles=tuple(roles),
                   situations=tuple(situations), service_areas=tuple(areas),
                   source="https://example.org/", assured_date=date(2026, 1, 1),
                   phones=tuple(phones), image_ages=tuple(image_ages))


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
    (Answers(who="worried"), {"prevention": ["prevention"]}),
    (Answers(who="bystander"), {"report": ["hotline"]}),
    (Answers(who="survivor", need=("compensation",)),
     {"talk": ["victims"], "rights": ["compensation"]}),
])
def test_match_groups_and_orders(answers, expected):
    assert ids(match(answers, rank(LISTINGS, CHAIN))) == expected


def test_groups_come_most_urgent_first_whatever_the_order_asked():
    answers = Answers(who="parent", need=("compensation", "talk", "remove"))
    assert wanted_groups(answers) == ["remove", "talk", "rights"]


def test_children_are_not_shown_prevention_services():
    assert "prevention" not in wanted_groups(Answers(who="child", need=("everything",)))


def test_danger_marks_results_urgent():
    assert match(Answers(danger="yes", who="child"), rank(LISTINGS, CHAIN)).urgent
    assert not match(Answers(danger="no", who="child"), rank(LISTINGS, CHAIN)).urgent


def test_a_listing_appears_once():
    results = match(Answers(who="survivor", need=("everything",)), rank(LISTINGS, CHAIN))
    shown = [x.id for g in results.groups for x in g.listings]
    assert len(shown) == len(set(shown))


def test_child_helplines_have_a_phone_and_serve_children():
    assert [x.id for x in child_helplines(LISTINGS, CHAIN)] == ["childline"]


def test_a_group_with_nothing_is_not_shown_but_named_as_missing():
    results = match(Answers(who="bystander"), rank(LISTINGS, CHAIN))
    assert [g.name for g in results.groups] == ["report"]
    assert results.missing == ("talk",)


def test_a_listing_placed_earlier_is_named_where_a_group_would_be_empty():
    both = [listing("line", ["talk", "legal"], ["child"])]
    results = match(Answers(who="child", need=("talk", "law")), rank(both, CHAIN))
    assert [x.id for x in results.group("talk").listings] == ["line"]
    rights = results.group("rights")
    assert rights.listings == () and [x.id for x in rights.also] == ["line"]
    assert results.missing == ()


def test_rights_is_shown_for_a_compensation_scheme_without_a_listing():
    answers = Answers(who="child", need=("compensation",))
    assert "rights" in match(answers, rank([], CHAIN)).missing
    assert match(answers, rank([], CHAIN), has_rights_facts=True).group("rights") is not None


# Takedown routes follow the age in the image, not the person's age today.
ADULT_TOOL = listing("adult-tool", ["remove"], ["survivor", "child"], areas=("INT",),
                     kind="takedown", image_ages=["adult"])
CHILD_TOOL = listing("child-tool", ["remove"], ["survivor", "child"], areas=("INT",),
                     kind="takedown", image_ages=["under-18"])


@pytest.mark.parametrize("who, age", [
    ("child", "under-18"), ("survivor", "under-18"), ("parent", "under-18"),
    ("bystander", "under-18"), ("professional", "under-18"), ("worried", None),
])
def test_the_age_in_the_image_follows_from_who_the_help_is_for(who, age):
    assert image_age(Answers(who=who)) == age


@pytest.mark.parametrize("who", ["child", "survivor"])
def test_an_image_from_childhood_never_goes_to_an_adults_tool(who):
    results = match(Answers(who=who, need=("remove",)), rank([ADULT_TOOL, CHILD_TOOL], CHAIN))
    assert [x.id for x in results.group("remove").listings] == ["child-tool"]


def test_the_national_hotline_comes_before_a_police_tip_line():
    tips = listing("tip-line", ["report"], ["bystander"], kind="police", areas=("XA-R",))
    hotline = listing("hotline", ["report"], ["bystander"], kind="hotline", areas=("XA",))
    network = listing("network", ["report"], ["bystander"], kind="hotline", areas=("INT",))
    results = match(Answers(who="bystander"), rank([network, tips, hotline], CHAIN))
    # the national hotline first; an international one keeps its place after local help
    assert [x.id for x in results.group("report").listings] == ["hotline", "tip-line",
                                                                  "network"]
