""""What to do now" as a table: answers in, at most four steps out, each naming a listing
that the results show (or the place's police numbers). No Flask here."""
from datetime import date

import pytest

from signpost.content.models import Emergency, Listing, Phone
from signpost.first_steps import MAX_STEPS, first_steps, plan
from signpost.flow import Answers
from signpost.matching import match, rank

CHAIN = ("XA", "INT")
EMERGENCY = Emergency(source="https://example.org/", assured_date=date(2026, 1, 1),
                      phones=(Phone("999", "XA", written="999"),),
                      non_emergency=(Phone("101", "XA", written="101"),))


def listing(id, kind, services, roles, areas=("XA",), image_ages=()):
    return Listing(id=id, name=id.replace("-", " ").title(), kind=kind,
                   description={"en": "An invented service."}, url="https://example.org/",
                   services=tuple(services), roles=tuple(roles), situations=(),
                   service_areas=tuple(areas), source="https://example.org/",
                   assured_date=date(2026, 1, 1), image_ages=tuple(image_ages))


LISTINGS = [
    listing("online-police", "police", ["report"], ["child", "parent", "professional"]),
    listing("abuse-hotline", "hotline", ["report", "remove"],
            ["child", "parent", "bystander", "survivor", "professional"]),
    listing("report-remove", "takedown", ["remove"], ["child"], image_ages=["under-18"]),
    listing("adults-tool", "takedown", ["remove"], ["survivor"], areas=("INT",),
            image_ages=["adult"]),
    listing("kids-line", "child-helpline", ["talk"], ["child", "parent"]),
    listing("parents-line", "parent-helpline", ["talk"], ["parent"]),
    listing("survivors-line", "survivor-support", ["talk"], ["survivor"]),
    listing("victim-scheme", "compensation", ["compensation"], ["survivor", "child", "parent"]),
    listing("stop-line", "prevention", ["prevention", "talk"], ["worried"]),
]


def steps_for(**answers):
    answers = Answers(**{"need": ("everything",), **answers})
    results = match(answers, rank(LISTINGS, CHAIN))
    return [(s.kind, s.listing.id if s.listing else "+".join(p.number for p in s.phones if p))
            for s in first_steps(answers, results, EMERGENCY)]


@pytest.mark.parametrize("answers, expected", [
    # The issue's own example: a teenager facing threats.
    (dict(who="child", what=("threats",)),
     [("stop", "online-police"), ("remove", "report-remove"), ("talk", "kids-line"),
      ("police", "101+999")]),
    (dict(who="child", what=("fake",)),
     [("remove", "report-remove"), ("talk", "kids-line"), ("report", "abuse-hotline"),
      ("police", "101+999")]),
    (dict(who="child", what=("grooming",)),
     [("talk", "kids-line"), ("report", "abuse-hotline"), ("police", "101+999")]),
    # Report Remove is for the young person themselves; a parent gets the hotline.
    (dict(who="parent", what=("shared",)),
     [("remove", "abuse-hotline"), ("report", "online-police"), ("talk", "parents-line"),
      ("police", "101+999")]),
    (dict(who="parent", what=("unsaid",)),
     [("report", "abuse-hotline"), ("talk", "parents-line"), ("police", "101+999")]),
    # An adult survivor's childhood images never go to the adults' tool.
    (dict(who="survivor", what=("shared",)),
     [("remove", "abuse-hotline"), ("talk", "survivors-line"), ("rights", "victim-scheme")]),
    (dict(who="bystander"), [("report-material", "abuse-hotline")]),
    (dict(who="worried"), [("prevention", "stop-line")]),
    # In danger: the police numbers come first.
    (dict(who="child", what=("offline",), danger="yes"),
     [("police", "101+999"), ("talk", "kids-line")]),
])
def test_first_steps(answers, expected):
    assert steps_for(**answers) == expected


def test_at_most_four_steps_and_no_contact_twice():
    for who in ("child", "parent", "survivor", "professional", "bystander", "worried"):
        for what in (("threats",), ("shared", "grooming"), ("unsaid",)):
            steps = steps_for(who=who, what=what, danger="yes")
            assert len(steps) <= MAX_STEPS
            named = [contact for kind, contact in steps if kind != "police"]
            assert len(named) == len(set(named))


def test_every_step_names_a_listing_the_results_show():
    answers = Answers(who="parent", what=("threats",), need=("talk",))
    results = match(answers, rank(LISTINGS, CHAIN))
    shown = {x.id for g in results.groups for x in g.listings + g.also}
    for step in first_steps(answers, results, EMERGENCY):
        assert step.listing is None or step.listing.id in shown
    assert [s.kind for s in first_steps(answers, results, EMERGENCY)] == ["talk", "police"]


def test_without_a_country_there_is_no_police_step():
    answers = Answers(who="child", what=("threats",), need=("everything",))
    results = match(answers, rank(LISTINGS, CHAIN))
    assert "police" not in [s.kind for s in first_steps(answers, results, None)]


def test_every_role_has_a_plan():
    for who in ("child", "parent", "survivor", "professional", "bystander", "worried"):
        assert plan(Answers(who=who)), who
