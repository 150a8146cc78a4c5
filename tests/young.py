"""The interface strings a child meets: every page of the child's path, in English."""
import re

from babel.messages.pofile import read_po

from signpost.config import PROJECT_ROOT
from tests.pages import Page, answer

JOURNEYS = [{"what": ("threats",), "where": "GB-EAW"}, {"what": ("shared", "fake"), "where": "DE"},
            {"what": ("grooming", "livestream"), "where": "US-CA"},
            {"what": ("offline", "unsaid"), "where": "FR"}, {"what": ("fake",), "where": "INT"}]


def pot():
    with open(PROJECT_ROOT / "translations" / "messages.pot", "rb") as f:
        return read_po(f)


def child_pages(client, lang="en", results=True):
    """The start page, the questions (with an error on the way), the emergency page and the
    results, as a child or teenager walks them."""
    yield client.get(f"/{lang}/")
    for journey in JOURNEYS:
        response = client.get(f"/{lang}/questions")
        yield answer(client, response)                     # the error summary
        steps = ({"danger": "yes"}, {}, {"who": "child"}, {"what": journey["what"]},
                 {"where": journey["where"]}, {"need": "everything"})
        for step in steps if results else steps[:-1]:
            response = answer(client, response, **step)
            yield response
    yield client.post(f"/{lang}/questions", data={"step": "danger", "nav": "next",
                                                  "danger": "yes"})
    if not results:
        return
    yield client.post(f"/{lang}/results/download", data={
        "danger": "no", "who": "child", "what": "threats", "where": "GB-EAW",
        "need": "everything"})


def _parts(msgid):
    return [part.strip() for part in re.split(r"%\(\w+\)[sd]", msgid) if part.strip()]


def strings_shown(client, catalog=None):
    """Plain msgids (no context) whose words a child's pages show."""
    catalog = catalog or pot()
    plain = [m.id for m in catalog if m.id and not m.context]
    found = set()
    for response in child_pages(client):
        html = re.sub(r'<span lang="en" dir="ltr">.*?</span>', " ",
                      response.get_data(as_text=True), flags=re.S)
        words = " " + Page(html).words + " "
        for msgid in plain:
            first = msgid[0] if isinstance(msgid, tuple) else msgid
            parts = [part for part in _parts(first) if len(part) >= 3]   # not a lone "."
            if parts and all(part in words for part in parts):
                found.add(msgid)
    return found
