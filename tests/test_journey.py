"""The visitor's journey, walked as a browser would, on the real content."""
import re

import pytest

from tests.conftest import from_country
from tests.pages import answer, check_page


def walk(client, *, danger="no", who, what=("unsaid",), where, need=("everything",),
         lang="en", environ=None):
    response = client.get(f"/{lang}/questions", environ_base=environ or {})
    check_page(response, lang=lang)
    response = answer(client, response, environ, danger=danger)
    if danger == "yes":
        check_page(response, lang=lang)
        response = answer(client, response, environ)
    response = answer(client, response, environ, who=who)
    if who not in ("worried", "bystander"):
        response = answer(client, response, environ, what=list(what))
    response = answer(client, response, environ, where=where)
    if who not in ("worried", "bystander"):
        response = answer(client, response, environ, need=list(need))
    return response


@pytest.mark.parametrize("where, must_see", [
    # A teenager in England: the national hotline, the child helpline, the UK takedown tool.
    ("GB-EAW", ["Internet Watch Foundation", "Childline", "Report Remove", "0800 1111"]),
    # In Germany: the national hotlines, Nummer gegen Kummer, and Take It Down.
    ("DE", ["eco Beschwerdestelle", "Nummer gegen Kummer", "116 111", "Take It Down"]),
    # In California: the CyberTipline, a child helpline and Take It Down.
    ("US-CA", ["CyberTipline", "Childhelp", "Take It Down", "California Victim Compensation"]),
])
def test_a_teenager_finds_hotline_helpline_and_takedown(client, where, must_see):
    response = walk(client, who="child", what=("threats", "fake"), where=where)
    page = check_page(response)
    for words in must_see:
        assert words in page.words, words
    assert response.headers["Cache-Control"] == "no-store"


def test_danger_shows_emergency_number_and_child_helpline_at_once(client):
    response = client.get("/en/questions", environ_base=from_country("GB"))
    response = answer(client, response, from_country("GB"), danger="yes")
    page = check_page(response)
    assert page.h1s == 1 and "Get help now" in page.words
    assert 'href="tel:999"' in response.get_data(as_text=True)
    assert "Childline" in page.words and 'href="tel:+448001111"' in response.get_data(as_text=True)
    response = answer(client, response, from_country("GB"))
    assert "Who is the help for?" in check_page(response).words


def test_danger_puts_the_emergency_numbers_first_on_the_results(client):
    response = walk(client, danger="yes", who="parent", where="DE")
    check_page(response)
    html = response.get_data(as_text=True)
    first_step = html.split('id="first-steps"', 1)[1].split("</li>", 1)[0]
    assert 'href="tel:110"' in first_step or 'href="tel:112"' in first_step


def test_worried_person_sees_prevention_first(client):
    response = walk(client, who="worried", where="GB-SCT")
    page = check_page(response)
    groups = [text for level, text in page.headings if level == "h2"]
    assert groups[0] == "What to do now"
    assert [g for g in groups if g not in ("What to do now", "Keeping this list")][1].startswith(
        "Help to stop harmful thoughts")
    assert "Stop It Now" in page.words


def test_results_show_sources_dates_and_open_flags(client):
    page = check_page(walk(client, who="parent", where="NL"))
    assert ("Source: the service's own website" in page.words
            or "Source: an official page" in page.words)
    assert re.search(r"Checked on [A-Z][a-z]+ \d{1,2}, 20\d\d\.", page.words)
    assert "Keep the chat and write down usernames, links and dates." in page.words
    assert "What happens when you report" in page.words


def test_young_path_uses_simpler_words(client):
    young = check_page(walk(client, who="child", where="FR", need=("remove",)))
    adult = check_page(walk(client, who="parent", where="FR", need=("remove",)))
    assert "Get pictures taken down" in young.words
    assert "Get images removed" in adult.words
    assert "not your fault" in young.words


def test_missing_answer_reshows_the_question_with_an_error_summary(client):
    response = client.get("/en/questions")
    response = answer(client, response)            # nothing chosen
    page = check_page(response)
    assert "There is a problem" in page.words and "Choose yes or no." in page.words
    assert page.title.startswith("Error:")


def test_tampered_earlier_answer_goes_back_to_that_question(client):
    data = {"step": "where", "danger": "no", "who": "wizard", "what": "fake",
            "where": "DE", "nav": "next"}
    page = check_page(client.post("/en/questions", data=data))
    assert "Who is the help for?" in page.words
    assert "did not come through" in page.words


def test_back_keeps_answers(client):
    response = client.get("/en/questions")
    response = answer(client, response, danger="no")
    response = answer(client, response, who="survivor")
    back = answer(client, response, nav="back")
    html = back.get_data(as_text=True)
    assert "Who is the help for?" in check_page(back).words
    assert 'value="survivor" id="who-survivor" checked' in html


def test_every_question_has_back_and_start_again(client):
    response = client.get("/en/questions")
    response = answer(client, response, danger="no")
    page = check_page(response)
    assert "Back" in page.words and "Start again" in page.words


def test_country_not_listed_shows_help_that_works_anywhere(client):
    page = check_page(walk(client, who="child", where="INT"))
    assert "Take It Down" in page.words and "help people anywhere" in page.words


def test_where_is_preselected_from_the_address(client):
    response = client.get("/en/questions", environ_base=from_country("DE"))
    for step in ({"danger": "no"}, {"who": "parent"}, {"what": "shared"}):
        response = answer(client, response, from_country("DE"), **step)
    assert '<option value="DE" selected>' in response.get_data(as_text=True)


def test_start_page_shows_local_emergency_line_and_skip_link(client):
    page = check_page(client.get("/en/", environ_base=from_country("GB")))
    html = client.get("/en/", environ_base=from_country("GB")).get_data(as_text=True)
    assert 'href="tel:999"' in html
    assert 'href="/en/directory/GB"' in html
    assert "Start" in page.words


def test_unknown_country_start_page_has_no_guess(client):
    html = client.get("/en/", environ_base=from_country("JP")).get_data(as_text=True)
    assert "call your local emergency number" in html


def test_danger_without_a_known_country_lists_every_emergency_number(client):
    response = client.get("/en/questions")
    response = answer(client, response, {"REMOTE_ADDR": "127.0.0.1"}, danger="yes")
    html = response.get_data(as_text=True)
    for number in ("tel:999", "tel:110", "tel:911", "tel:17"):
        assert f'href="{number}"' in html


def test_opening_hours_are_shown_the_local_way(client):
    english = client.get("/en/directory/NL").get_data(as_text=True)
    german = client.get("/de/directory/NL").get_data(as_text=True)
    assert "Every day, 11:00\u202fAM–9:00\u202fPM" in english
    assert "Jeden Tag, 11:00–21:00" in german


def test_a_country_with_regions_offers_them_on_the_results(client):
    response = walk(client, who="parent", where="GB")
    page = check_page(response)
    assert "Some help differs by region" in page.words
    assert "Victim Support Scotland" not in page.words
    from tests.pages import journey_form
    from urllib.parse import urlencode
    action, hidden = journey_form(response, form_id="regions")
    assert ("where", "GB") not in hidden
    scotland = client.post(action, data=urlencode(hidden + [("where", "GB-SCT")]),
                           content_type="application/x-www-form-urlencoded")
    page = check_page(scotland)
    assert "Victim Support Scotland" in page.words
    assert "Some help differs by region" not in page.words


def test_urgent_without_a_country_offers_a_choice_and_every_number_labelled(client):
    response = client.post("/de/questions", data={"step": "danger", "nav": "next",
                                                   "danger": "yes"})
    html = response.get_data(as_text=True)
    assert 'name="where" id="urgent-where"' in html
    countries = re.findall(r'<li><strong>([^<]+)</strong>', html)
    assert len(countries) >= 36
    assert countries == sorted(countries, key=str.casefold)          # by the German names
    assert "Deutschland" in countries and "Vereinigtes Königreich" in countries
    entries = html.split('class="emergency-list"', 1)[1].split("</section>", 1)[0]
    for number in re.findall(r"<li>([^<]*)<a class=\"phone\"", entries):
        assert number.strip().rstrip(":"), "every number has a label"


def test_urgent_with_a_country_chosen_shows_it_first(client):
    response = client.post("/en/questions", data={"step": "urgent", "nav": "stay",
                                                   "danger": "yes", "where": "FR"})
    html = response.get_data(as_text=True)
    assert "Emergency numbers, France:" in html and 'class="emergency-list"' not in html
