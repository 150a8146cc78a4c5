"""One voice per audience: a child's pages look every string up in the context "young"
first, an adult's never do, and no string a child meets lacks its young form."""
import re

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations
from flask import g

from signpost import voice
from signpost.config import PROJECT_ROOT
from tests.pages import Page
from tests.young import child_pages, pot, strings_shown

# The formal "you" of languages whose youth services use the informal one. German "Sie"
# and "Ihr" are only counted inside a sentence, where they cannot mean "they" or "her".
FORMAL_YOU = {"de": re.compile(r"(?<=[A-Za-zÄÖÜäöüß0-9,] )(Sie|Ihnen|Ihre?[mnrs]?)\b"),
              "fr": re.compile(r"(?<!-)\b(vous|votre|vos)\b", re.I),      # not rendez-vous
              "nl": re.compile(r"\b(u|uw)\b", re.I),
              "uk": re.compile(r"\b(ви|вас|вам|вами|ваш|ваша|ваше|ваші|вашого|вашому|вашої|"
                                r"ваших|вашим|вашими|вашій|вашу)\b", re.I)}
INFORMAL_YOU = {"de": re.compile(r"\b(du|dich|dir|dein\w*)\b"),
                "fr": re.compile(r"\b(tu|toi|ton|ta|tes|te)\b"),        # not the name "Tu Ayuda"
                "nl": re.compile(r"\b(jij|je|jou|jouw)\b", re.I),
                "uk": re.compile(r"\b(ти|тебе|тобі|твій|твоя|твоє|твої)\b", re.I)}


def test_every_string_a_child_meets_has_a_young_form(client):
    young = {m.id for m in pot() if m.context == voice.YOUNG}
    missing = sorted(str(s) for s in strings_shown(client) if s not in young)
    assert missing == [], "add them to signpost/young_strings.py and extract the catalogues"


def _translations():
    translations = Translations()
    translations._catalog = {"Where you are": "Ihr Ort",
                             f"{voice.YOUNG}\x04Where you are": "Dein Ort",
                             "Only plain": "Nur so"}
    return translations


def test_the_young_form_is_used_for_a_child_and_never_for_an_adult(app, monkeypatch):
    monkeypatch.setattr(voice, "get_translations", _translations)
    with app.test_request_context("/de/"):
        g.young = True
        assert voice.gettext("Where you are") == "Dein Ort"
        assert voice.gettext("Only plain") == "Nur so"      # no young form: the plain one
        g.young = False
        assert voice.gettext("Where you are") == "Ihr Ort"
    with app.test_request_context("/de/"):
        assert voice.gettext("Where you are") == "Ihr Ort"


def test_a_child_and_an_adult_on_the_same_page_get_their_own_words(client):
    """Both render, and a card cached for one is never served to the other."""
    child = client.post("/de/questions", data={"step": "need", "nav": "next", "danger": "no",
                                               "who": "child", "where": "DE",
                                               "need": "everything"})
    parent = client.post("/de/questions", data={"step": "need", "nav": "next", "danger": "no",
                                                "who": "parent", "where": "DE",
                                                "need": "everything"})
    assert child.status_code == parent.status_code == 200


def _catalogue(code):
    with open(PROJECT_ROOT / "translations" / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f)


@pytest.mark.parametrize("code", sorted(FORMAL_YOU))
def test_every_young_form_uses_the_informal_you(code):
    formal = [m.id for m in _catalogue(code) if m.context == voice.YOUNG
              and any(FORMAL_YOU[code].search(s) for s in
                      (m.string if isinstance(m.string, tuple) else [m.string]))]
    assert formal == []


@pytest.mark.parametrize("code", sorted(FORMAL_YOU))
def test_a_teenager_is_spoken_to_informally_from_the_first_page_on(client, code):
    """Up to the results, whose listings are the maintainers' own words where they wrote
    that language (test_content_never_addresses_the_reader covers the translations)."""
    for response in child_pages(client, code, results=False):
        words = Page(response.get_data(as_text=True)).words
        assert FORMAL_YOU[code].findall(words) == [], response.request.path


def test_a_parent_is_spoken_to_formally(client):
    response = client.post("/de/questions", data={"step": "who", "nav": "next",
                                                  "danger": "no", "who": "parent"})
    assert FORMAL_YOU["de"].search(Page(response.get_data(as_text=True)).words)


@pytest.mark.parametrize("code", sorted(FORMAL_YOU))
def test_content_never_addresses_the_reader(code):
    """A listing is read by a child and by an adult alike, so it says neither 'du' nor 'Sie'."""
    with open(PROJECT_ROOT / "translations" / "content" / f"{code}.po", "rb") as f:
        catalog = read_po(f)
    addressing = [m.context for m in catalog if m.id and m.string and not m.fuzzy
                  and (FORMAL_YOU[code].search(_without_names(m.string, m.id))
                       or INFORMAL_YOU[code].search(_without_names(m.string, m.id)))]
    assert addressing == []


def _without_names(translation, english):
    """The translation without the words it shares with the English, such as an address
    ("Prielle Kornélia u. 4", where "u." is the Hungarian for street)."""
    shared = set(english.split())
    return " ".join("·" if word in shared else word for word in translation.split())
