"""Facts that keep themselves honest: kinds of source, law labels that follow from the
provisions in force, deadlines a person can act on, and no phone line without a number."""
import copy
from datetime import date

import pytest

from signpost.content.loader import load
from signpost.content.rules import derived_ruling, is_news_or_copy
from tests.content_factory import JURISDICTIONS, LISTING, write_content

TODAY = date(2026, 12, 2)

LAW = {"ai_images": "general", "summary": {"en": "A general definition covers realistic images."},
       "provisions": [{"title": "Invented Act 1999, section 1", "url": "https://example.org/s1",
                       "in_force": "1999-09-01", "reach": "general"}],
       "source": "https://example.org/law", "source_kind": "official",
       "assured_date": "2026-12-01"}

COMPENSATION = {"authority": "Invented Board", "url": "https://example.org/board",
                "summary": {"en": "An invented scheme."},
                "deadline": {"en": "Apply within 2 years."},
                "deadline_starts": ["offence", "majority"], "children": "from-majority",
                "source": "https://example.org/board/rules", "source_kind": "official",
                "assured_date": "2026-12-01"}


def errors(tmp_path, listing=None, gb=None):
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["GB"].update(gb or {})
    write_content(tmp_path, jurisdictions=jurisdictions,
                  listings={"gb-example": listing or LISTING})
    _, problems = load(tmp_path, today=TODAY)
    return [(p.path.rsplit("/", 1)[-1], p.field, p.message) for p in problems if p.is_error]


def law(**changes):
    return {"law": {**copy.deepcopy(LAW), **changes}}


def names_ai(in_force="2026-06-29"):
    return {"title": "Invented Act 2026, section 2 (AI image generators)",
            "url": "https://example.org/s2", "in_force": in_force, "reach": "names-ai"}


def test_the_examples_are_valid(tmp_path):
    assert errors(tmp_path, gb={**law(), "compensation": COMPENSATION}) == []


@pytest.mark.parametrize("url, news", [
    ("https://www.bbc.co.uk/news/articles/abc123", True),
    ("https://www.einpresswire.com/article/635233569/ag-crime-victims", True),
    ("https://www.b1tv.ro/eveniment/tot-mai-multi-minori-1663507.html", True),
    ("https://offlimits.nl/nieuws/enorme-stijging-hulpvragen", True),
    ("http://youthaffairs.govt.nz/news/2012/youthline.html", True),
    ("https://crimevictim.utah.gov/test/", True),
    ("https://docslib.org/doc/123/victim-compensation", True),
    ("https://www.childline.org.uk/get-support/", False),
    ("https://www.nidirect.gov.uk/articles/compensation-criminal-injuries", False),
    ("https://www.stopitnow.org/help-inquiry", False),
])
def test_news_press_copies_and_test_pages_are_recognised(url, news):
    assert is_news_or_copy(url) is news


@pytest.mark.parametrize("field", ["url", "web_form", "chat", "app"])
def test_a_news_page_is_never_a_contact(tmp_path, field):
    listing = dict(LISTING, **{field: "https://www.theguardian.com/society/2026/jan/01/a-story"})
    found = errors(tmp_path, listing)
    assert any(f == field and "news article" in m for _, f, m in found), found


def test_a_news_source_must_say_it_is_secondary(tmp_path):
    listing = dict(LISTING, source="https://www.rtbf.be/article/helpline-123", source_kind="own")
    assert any(f == "source_kind" and "rtbf.be" in m for _, f, m in errors(tmp_path, listing))
    assert errors(tmp_path, dict(listing, source_kind="secondary")) == []


def test_every_fact_says_what_kind_of_source_it_is(tmp_path):
    listing = {k: v for k, v in LISTING.items() if k != "source_kind"}
    assert any("'source_kind' is a required property" in m for _, _, m in errors(tmp_path, listing))
    listing = dict(LISTING, source_kind="a friend")
    assert any(f == "source_kind" for _, f, _ in errors(tmp_path, listing))


def test_the_page_date_cannot_be_after_the_day_it_was_read(tmp_path):
    listing = dict(LISTING, source_date="2026-02-01", assured_date="2026-01-10")
    assert any(f == "source_date" for _, f, _ in errors(tmp_path, listing))
    assert errors(tmp_path, dict(listing, source_date="2019-05-04")) == []


@pytest.mark.parametrize("name, description", [
    ("Example 24/7 Support Line", "Support for survivors."),
    ("Example Helpline", "Talk to someone."),
    ("Example Service", "A free telephone service for parents."),
    ("Example Service", "Call us free, day or night."),
])
def test_a_phone_line_without_a_number_is_refused(tmp_path, name, description):
    listing = {k: v for k, v in LISTING.items() if k != "phones"}
    listing.update(name=name, description={"en": description},
                   chat="https://example.org/chat")
    found = errors(tmp_path, listing)
    assert any(f == "phones" and "phone line" in m for _, f, m in found), found
    assert errors(tmp_path, dict(listing, phones=[{"number": "+44 800 1111"}])) == []


def test_a_chat_service_without_a_number_is_fine(tmp_path):
    listing = {k: v for k, v in LISTING.items() if k != "phones"}
    listing.update(name="Example Chat", description={"en": "Chat online with a counsellor."},
                   chat="https://example.org/chat")
    assert errors(tmp_path, listing) == []


@pytest.mark.parametrize("provisions, today, expected", [
    ([], TODAY, "unclear"),
    ([{"reach": "general", "in_force": "1999-09-01"}], TODAY, "general"),
    ([{"reach": "real-only", "in_force": "1999-09-01"}], TODAY, "not_covered"),
    ([{"reach": "unclear", "in_force": "1999-09-01"}], TODAY, "unclear"),
    ([{"reach": "general", "in_force": "1999-09-01"},
      {"reach": "names-ai", "in_force": "2026-06-29"}], TODAY, "explicit"),
    # Not in force yet: the label waits for the day.
    ([{"reach": "general", "in_force": "1999-09-01"},
      {"reach": "names-ai", "in_force": "2027-01-01"}], TODAY, "general"),
    ([{"reach": "general", "in_force": "1999-09-01"},
      {"reach": "names-ai", "in_force": "2027-01-01"}], date(2027, 1, 1), "explicit"),
])
def test_the_label_follows_from_the_provisions_in_force(provisions, today, expected):
    assert derived_ruling(provisions, today) == expected


def test_a_label_that_contradicts_its_provisions_is_refused(tmp_path):
    found = errors(tmp_path, gb=law(ai_images="explicit"))
    assert any(f == "law.ai_images" and "'general'" in m for _, f, m in found), found
    found = errors(tmp_path, gb=law(provisions=[*LAW["provisions"], names_ai()]))
    assert any(f == "law.ai_images" and "'explicit'" in m for _, f, m in found), found
    assert errors(tmp_path, gb=law(ai_images="explicit",
                                   provisions=[*LAW["provisions"], names_ai()])) == []


def test_explicit_needs_the_provision_in_force_today(tmp_path):
    found = errors(tmp_path, gb=law(ai_images="explicit",
                                    provisions=[*LAW["provisions"], names_ai("2027-03-01")]))
    assert any(f == "law.ai_images" for _, f, _ in found), found


@pytest.mark.parametrize("summary", [
    "A realistic image of a minor is covered. AI is not named in these texts.",
    "The law does not mention AI by name, but realistic images are covered.",
    "The law does not name AI-made images.",
])
def test_explicit_with_a_summary_that_says_ai_is_not_named_is_refused(tmp_path, summary):
    gb = law(ai_images="explicit", summary={"en": summary},
             provisions=[*LAW["provisions"], names_ai()])
    assert any(f == "law.summary.en" for _, f, _ in errors(tmp_path, gb=gb))


def test_every_provision_gives_its_date_in_force_and_reach(tmp_path):
    provision = {"title": "Invented Act 1999, section 1", "url": "https://example.org/s1"}
    found = errors(tmp_path, gb=law(provisions=[provision]))
    assert any("'in_force' is a required property" in m for _, _, m in found)
    assert any("'reach' is a required property" in m for _, _, m in found)


def test_pending_changes_keep_their_dates_honest(tmp_path):
    passed = {"title": "Invented Bill 2026", "status": "passed", "date": "2026-10-01"}
    assert any(f == "law.pending.0.in_force" for _, f, _ in errors(tmp_path, gb=law(
        pending=[passed])))
    assert errors(tmp_path, gb=law(pending=[dict(passed, in_force="2027-04-01")])) == []
    found = errors(tmp_path, gb=law(pending=[dict(passed, in_force="2026-11-01")]))
    assert any(f == "law.pending.0" and "move it to provisions" in m for _, f, m in found)


@pytest.mark.parametrize("missing", ["deadline", "deadline_starts", "children"])
def test_every_compensation_section_has_a_deadline_with_its_start_and_child_rule(
        tmp_path, missing):
    compensation = {k: v for k, v in COMPENSATION.items() if k != missing}
    found = errors(tmp_path, gb={"compensation": compensation})
    assert any(f"'{missing}' is a required property" in m for _, _, m in found), found


def test_no_fixed_deadline_stands_alone(tmp_path):
    assert errors(tmp_path, gb={"compensation": dict(COMPENSATION, deadline_starts=["none"])}) == []
    found = errors(tmp_path, gb={"compensation": dict(COMPENSATION,
                                                      deadline_starts=["none", "offence"])})
    assert any(f == "compensation.deadline_starts" for _, f, _ in found)


def test_a_deadline_the_sources_do_not_give_is_said_so_and_warned_about(tmp_path):
    gb = {"compensation": dict(COMPENSATION, deadline_starts=["not-stated"],
                               children="not-stated")}
    assert errors(tmp_path, gb=gb) == []
    _, problems = load(tmp_path, today=TODAY)
    warned = {p.field for p in problems if not p.is_error}
    assert {"compensation.deadline_starts", "compensation.children"} <= warned
