"""Removal requests: a letter to a platform, written only from a law checked on an official
page, built from the post and forgotten."""
import dataclasses
import re
from datetime import date
from urllib.parse import urlencode

import pytest

from signpost import removal_letters
from signpost.removal_letters import LAWS, law_for, problems, usable
from tests.pages import check_page, journey_form

US_LAW = "TAKE IT DOWN Act, 47 U.S.C. 223a"
PLATFORM, ADDRESS = "Examplegram-7Q3", "https://example.invalid/p/Z9X8"
CONTACT, NAME = "reach-me-K4W2@example.invalid", "Jo Q. Tester-5V"
SUBSECTIONS = ("47 U.S.C. 223a(a)(1)(A)", "47 U.S.C. 223a(a)(1)(B)(i)",
               "47 U.S.C. 223a(a)(1)(B)(ii)", "47 U.S.C. 223a(a)(1)(B)(iii)",
               "47 U.S.C. 223a(a)(1)(B)(iv)")


def answers(where="US-CA", who="parent"):
    return {"danger": "no", "who": who, "what": "shared", "where": where, "need": "everything",
            "step": "need"}


def details(**changed):
    return {**answers(), "platform": PLATFORM, "web_address": ADDRESS, "contact": CONTACT,
            "requester_name": NAME, "sender": "self", "nav": "letter", **changed}


def results(client, where, lang="en", who="parent"):
    return client.post(f"/{lang}/questions", data=dict(answers(where, who), nav="next"))


# The laws: only one checked on an official page, with its date, is ever used.

def test_only_checked_laws_and_routes_are_used():
    assert [law.id for law in usable(LAWS)] == ["us-take-it-down", "eu-dsa-article-16",
                                                "gb-platform-routes"]
    assert law_for("US").id == law_for("US-TX").id == "us-take-it-down"
    assert law_for("DE").id == law_for("FR").id == law_for("IE").id == "eu-dsa-article-16"
    assert law_for("GB").id == law_for("GB-SCT").id == "gb-platform-routes"
    for outside in ("CH", "NO", "CA-QC", "AU", "INT"):
        assert law_for(outside) is None, outside


def test_every_requirement_names_its_subsection():
    for law in (law for law in LAWS if law.kind == "letter"):
        assert law.requirements, law.id
        for item in law.requirements:
            assert removal_letters.SUBSECTION.search(item.reference), (law.id, item)
            assert item.summary, (law.id, item)


@pytest.mark.parametrize("change", [
    {"shown": False}, {"source_kind": "secondary"}, {"source": ""},
    {"source": "http://uscode.house.gov/"}, {"assured_date": None},
    {"requirements": ()}])
def test_a_law_not_checked_on_an_official_page_never_appears(change):
    us = law_for("US")
    unchecked = dataclasses.replace(us, **change)
    assert problems(unchecked) and usable([unchecked]) == ()
    assert law_for("US-CA", usable([unchecked])) is None


def test_a_requirement_without_its_subsection_is_refused():
    us = law_for("US")
    vague = dataclasses.replace(us.requirements[0], reference="47 U.S.C. 223a")
    assert problems(dataclasses.replace(us, requirements=(vague,) + us.requirements[1:]))


def test_the_us_law_rests_on_the_official_code():
    us = law_for("US")
    assert us.source.startswith("https://uscode.house.gov/")
    assert us.source_kind == "official" and us.assured_date == date(2026, 12, 3)


# The button on the results page.

@pytest.mark.parametrize("where", ["US", "US-CA", "DE", "FR", "GB-EAW"])
def test_the_button_shows_in_the_remove_group_where_a_letter_can_be_written(client, where):
    response = results(client, where)
    check_page(response)
    html = response.get_data(as_text=True)
    group = html.split('id="group-remove"', 1)[1].split("</section>", 1)[0]
    assert 'formaction="/en/remove-request"' in group and 'form="journey"' in group
    assert "Ask a platform to remove it" in group


@pytest.mark.parametrize("where", ["CH", "AU", "CA-QC"])
def test_no_button_where_no_checked_law(client, where):
    html = results(client, where).get_data(as_text=True)
    assert 'id="group-remove"' in html and "/remove-request" not in html


def test_the_downloaded_results_have_no_button(client):
    response = client.post("/en/results/download", data=answers())
    assert "/remove-request" not in response.get_data(as_text=True)


def test_the_button_posts_the_answers_to_the_form(client):
    action, hidden = journey_form(results(client, "US-TX"))
    response = client.post("/en/remove-request", data=urlencode(hidden),
                           content_type="application/x-www-form-urlencoded")
    page = check_page(response)
    assert "Ask a platform to remove it" in page.words and "Write the letter" in page.words
    assert "Nothing you type here is kept" in page.words
    assert response.headers["Cache-Control"] == "no-store"


# The form and the letter.

@pytest.mark.parametrize("missing, message", [
    ("web_address", "Type the web address of the post"),
    ("platform", "Type the name of the platform."),
    ("contact", "Type an e-mail or postal address."),
    ("sender", "Choose who is sending this request.")])
def test_a_missing_detail_shows_the_form_again_with_a_message(client, missing, message):
    response = client.post("/en/remove-request", data=details(**{missing: ""}))
    page = check_page(response)
    assert "There is a problem" in page.words and message in page.words
    assert "Download the letter" not in page.words


@pytest.mark.parametrize("changed, message", [
    ({"web_address": "not an address"}, "Type the web address of the post"),
    ({"platform": "x" * 201}, "at most 200 characters"),
    ({"sender": "someone-else"}, "Choose who is sending this request.")])
def test_a_wrong_detail_shows_the_form_again(client, changed, message):
    page = check_page(client.post("/en/remove-request", data=details(**changed)))
    assert message in page.words


def test_the_letter_holds_every_part_the_law_asks_for(client):
    response = client.post("/en/remove-request", data=details())
    page = check_page(response)
    for reference in SUBSECTIONS:
        assert f"What the law asks for ({reference}):" in page.words, reference
    for typed in (PLATFORM, ADDRESS, CONTACT, NAME):
        assert typed in page.words
    assert f"Removal request under {US_LAW}" in page.words
    assert f"Signed (type your name or sign by hand): {NAME}" in page.words
    assert "I believe in good faith" in page.words and "I am the person shown." in page.words
    assert "Our advice (not part of the law)" in page.words
    assert "could not yet confirm on the official text" in page.words
    assert not re.search(r"\b\d+ hours\b|\b48\b", page.words)      # the deadline is unchecked
    assert "The same letter in" not in page.words                   # English only


def test_someone_acting_for_the_person_says_so(client):
    page = check_page(client.post("/en/remove-request",
                                  data=details(sender="for", requester_name="")))
    assert "I am acting for the person shown" in page.words
    assert "Signed (type your name or sign by hand):" in page.words


def test_what_is_typed_is_escaped(client):
    html = client.post("/en/remove-request",
                       data=details(platform="<script>x</script>")).get_data(as_text=True)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_the_advice_points_to_the_take_it_down_listing(client):
    html = client.post("/en/remove-request", data=details()).get_data(as_text=True)
    assert 'href="/en/listing/int-take-it-down"' in html


def test_the_letter_in_english_and_in_spanish(client):
    response = client.post("/es/remove-request", data=details())
    page = check_page(response, lang="es")
    html = response.get_data(as_text=True)
    english, spanish = html.split('class="letter" lang="en"', 1)[1].split('class="letter" lang="es"')
    assert f"Removal request under {US_LAW}" in english
    assert "Removal request" not in spanish and US_LAW in spanish and PLATFORM in spanish
    assert "español" in page.words
    for reference in SUBSECTIONS:
        assert reference in english and reference in spanish


def test_the_download_is_the_same_letter_as_an_attachment(client):
    shown = check_page(client.post("/es/remove-request", data=details()), lang="es")
    response = client.post("/es/remove-request", data=details(nav="download"))
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    text = response.get_data(as_text=True)
    for line in (line for line in text.splitlines() if line and not line.startswith(("=", "- "))):
        assert line in shown.words, line
    assert text.count(PLATFORM) == 2 and text.count("223a(a)(1)(B)(iv)") == 2


def test_change_the_details_keeps_what_was_typed(client):
    html = client.post("/en/remove-request", data=details(nav="stay")).get_data(as_text=True)
    assert f'value="{PLATFORM}"' in html and "There is a problem" not in html


def test_the_form_for_a_place_without_a_checked_law_is_not_found(client):
    check_page(client.post("/en/remove-request", data=details(where="CH")), status=404)


def test_the_form_with_missing_answers_asks_for_them(client):
    response = client.post("/en/remove-request", data={"danger": "no", "who": "parent"})
    assert "There is a problem" in check_page(response).words


# Junk in: a calm 400, never a 500.

def test_bad_utf8_is_a_400(client):
    response = client.post("/en/remove-request", data=b"platform=%ff%fe&where=US",
                           content_type="application/x-www-form-urlencoded")
    check_page(response, status=400)


def test_unknown_fields_are_a_400(client):
    check_page(client.post("/en/remove-request", data=details(password="x")), status=400)


def test_other_content_types_are_a_400(client):
    check_page(client.post("/en/remove-request", data='{"platform": "x"}',
                           content_type="application/json"), status=400)


def test_a_huge_body_is_refused_like_every_form(client):
    response = client.post("/en/remove-request", data=details(contact="y" * 20000))
    check_page(response, status=413)


def test_a_get_is_a_405(client):
    check_page(client.get("/en/remove-request"), status=405)


# The EU: a notice under Article 16 of the Digital Services Act.

EU_LAW = "Digital Services Act, Regulation (EU) 2022/2065, Article 16"
EU_PARTS = ("Art. 16(1)", "Art. 16(2)(a)", "Art. 16(2)(b)", "Art. 16(2)(c)", "Art. 16(2)(d)")


def test_the_eu_law_rests_on_an_official_page_with_its_date():
    eu = law_for("DE")
    assert eu.source.startswith("https://cnam.ie/") and eu.source_kind == "official"
    assert eu.assured_date == date(2026, 12, 4)
    assert [item.element for item in eu.requirements] == [
        "reasons", "location", "name_and_email", "accuracy"]


def test_an_eu_letter_holds_the_four_elements_of_a_notice(client):
    page = check_page(client.post("/en/remove-request", data=details(where="DE")))
    assert f"Removal request under {EU_LAW}" in page.words
    for part in EU_PARTS:
        assert f"What the law asks for (Regulation (EU) 2022/2065, {part}):" in page.words, part
    assert "223a" not in page.words and "Signed" not in page.words
    assert "the person shown was under 18, so it is child sexual abuse material" in page.words
    assert f"My name and e-mail address: {NAME}, {CONTACT}" in page.words
    assert "accurate and complete" in page.words
    assert not re.search(r"\b\d+ (hours|days)\b", page.words)


def test_for_an_image_of_a_child_the_name_and_e_mail_may_be_left_out(client):
    form = check_page(client.post("/en/remove-request", data={**answers("FR"), "nav": "next"}))
    assert "the law lets you leave out your name and e-mail address" in form.words
    assert "Your e-mail address (optional)" in form.words
    page = check_page(client.post("/en/remove-request",
                                  data=details(where="FR", contact="", requester_name="")))
    assert "the law does not ask me for my name or e-mail address" in page.words
    assert "There is a problem" not in page.words
    named = check_page(client.post("/en/remove-request",
                                   data=details(where="FR", contact="")))
    assert f"My name: {NAME}" in named.words and "How to contact me" not in named.words


def test_an_eu_contact_must_be_an_e_mail_address(client):
    page = check_page(client.post("/en/remove-request",
                                  data=details(where="DE", contact="1 Example Street")))
    assert "Type an e-mail address, for example name@example.org." in page.words


def test_for_an_image_of_an_adult_the_law_asks_for_name_and_e_mail(app):
    from signpost.journey import removal
    eu = law_for("DE")
    assert removal.form_class(eu, "adult") is removal.NoticeForm
    assert removal.form_class(eu, "under-18") is removal.AnonymousNoticeForm
    assert removal.form_class(law_for("US"), "adult") is removal.RemovalForm
    with app.test_request_context("/en/"):
        from flask import g
        g.lang = "en"
        empty = removal.NoticeForm(data={"platform": PLATFORM, "web_address": ADDRESS,
                                         "sender": "self", "contact": "", "requester_name": ""})
        assert not empty.validate()
        assert set(empty.errors) == {"contact", "requester_name"}
        words = " ".join(w for _, w in removal.letter(
            eu, {"platform": PLATFORM, "web_address": ADDRESS, "sender": "self",
                 "contact": CONTACT, "requester_name": NAME}, date(2026, 12, 4), "adult"))
    assert "shared without their consent" in words and "under 18" not in words
    assert f"My name and e-mail address: {NAME}, {CONTACT}" in words


def test_an_eu_letter_in_german_keeps_every_reference(client):
    response = client.post("/de/remove-request", data=details(where="DE"))
    check_page(response, lang="de")
    html = response.get_data(as_text=True)
    german = html.split('class="letter" lang="de"', 1)[1]
    for part in EU_PARTS:
        assert part in german
    assert "Removal request" not in german and PLATFORM in german


# The UK: no letter, the platform's own routes and then Ofcom.

@pytest.mark.parametrize("change", [{"routes": ("platform", "ofcom")}, {"kind": "poster"},
                                    {"source_kind": "secondary"}, {"assured_date": None}])
def test_routes_not_checked_or_not_known_are_refused(change):
    assert problems(dataclasses.replace(law_for("GB"), **change))


def test_in_the_uk_the_button_leads_to_the_routes_and_ofcom(client):
    page = check_page(client.post("/en/remove-request", data={**answers("GB-SCT"),
                                                               "nav": "next"}))
    assert "Report it to the platform first" in page.words
    assert "tell Ofcom, the UK regulator for online safety" in page.words
    assert "Ofcom cannot answer or look into one complaint" in page.words
    assert "Checked on December 4, 2026" in page.words and "www.ofcom.org.uk" in page.words
    assert "Write the letter" not in page.words and "What the law asks for" not in page.words
    assert "Back to your results" in page.words


def test_the_uk_routes_speak_to_a_child_in_german(client):
    page = check_page(client.post("/de/remove-request", data={**answers("GB-EAW", "child"),
                                                               "nav": "next"}), lang="de")
    assert "Ofcom" in page.words and "Report it to the platform" not in page.words
