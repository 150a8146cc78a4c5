"""One voice per audience: a child's pages look every string up in the context "young"
first, an adult's never do, and no string a child meets lacks its young form."""
from babel.support import Translations
from flask import g

from signpost import voice
from tests.young import pot, strings_shown


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
