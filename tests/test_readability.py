"""The under-18 path reads at about age 12: the English text a child meets, measured with
textstat's Flesch-Kincaid grade, stays at grade 6 or below."""
import re

import pytest
import textstat
from babel.messages.pofile import read_po

from signpost.config import PROJECT_ROOT
from tests.pages import Page, answer

MAX_GRADE = 6
JOURNEYS = [  # what a child may have met, where; "everything" shows every group
    {"what": ("threats",), "where": "GB-EAW"}, {"what": ("shared", "fake"), "where": "DE"},
    {"what": ("grooming",), "where": "US-CA"}, {"what": ("unsaid",), "where": "FR"},
]


def _interface_strings():
    with open(PROJECT_ROOT / "translations" / "messages.pot", "rb") as f:
        return [m.id for m in read_po(f) if isinstance(m.id, str) and " " in m.id]


def _child_pages(client):
    for journey in JOURNEYS:
        response = client.get("/en/questions")
        for step in ({"danger": "yes"}, {}, {"who": "child"}, {"what": journey["what"]},
                     {"where": journey["where"]}, {"need": "everything"}):
            response = answer(client, response, **step)
            yield response.get_data(as_text=True)


def _main(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    # listing cards are the services' own words, not ours
    return re.sub(r'<article class="listing".*?</article>', " ", main, flags=re.S)


def _shown(client):
    """(interface strings, advice notes) that the child path shows, as plain text."""
    texts = set()
    for html in _child_pages(client):
        words = Page(_main(html)).words
        for msgid in _interface_strings():
            plain = re.sub(r"%\(\w+\)s", "", msgid).strip()
            if len(plain) > 12 and plain in words:
                texts.add(msgid)
    notes = {t for t in texts if t.endswith(".") and len(t.split()) > 4}
    return texts, notes


def _grade(strings):
    text = " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sorted(strings))
    return textstat.flesch_kincaid_grade(re.sub(r"%\(\w+\)s", "it", text))


def test_the_child_path_reads_at_grade_six_or_below(client):
    interface, notes = _shown(client)
    assert len(interface) > 20 and len(notes) > 10
    assert _grade(interface) <= MAX_GRADE, _grade(interface)
    assert _grade(notes) <= MAX_GRADE, _grade(notes)


@pytest.mark.parametrize("text, too_hard", [
    ("You are not in trouble. Tell an adult you trust.", False),
    ("Compensation is payable to blameless victims of violent crime following adjudication "
     "by the competent authority.", True),
])
def test_the_measure_tells_easy_from_hard(text, too_hard):
    assert (_grade([text]) > MAX_GRADE) is too_hard
