"""Every catalogue: complete, placeholders intact, and no English left on translated pages."""
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from signpost import i18n
from signpost.config import PROJECT_ROOT
from tests.pages import Page, answer

TRANSLATIONS = PROJECT_ROOT / "translations"
MANIFEST = i18n.load_manifest(TRANSLATIONS)
TRANSLATED = [code for code in MANIFEST if code != "en"]


def po_path(code):
    return TRANSLATIONS / MANIFEST[code].babel_id / "LC_MESSAGES" / "messages.po"


def catalogue(code):
    with open(po_path(code), "rb") as f:
        return read_po(f, locale=MANIFEST[code].babel_id)


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_variables_and_markup_survive(code):
    result = subprocess.run(
        [sys.executable, "-m", "translate.filters.pofilter", "--progress=none",
         "-t", "printf", "-t", "pythonbraceformat", "-t", "variables", "-t", "xmltags",
         str(po_path(code))], capture_output=True, text=True, check=True)
    assert "(pofilter)" not in result.stdout, result.stdout


@pytest.mark.parametrize("code", TRANSLATED)
def test_babel_finds_no_errors(code):
    errors = [(m.id, e) for m, e in catalogue(code).check()]
    assert errors == []


def _english_sentences(code):
    """Source strings that must not appear untranslated: real sentences, not names."""
    return [m.id for m in catalogue(code)
            if m.id and isinstance(m.id, str) and " " in m.id and "%(" not in m.id
            and len(m.id) > 14 and m.string != m.id]


def _pages(client, code):
    for url in ("/", "/directory/", "/directory/GB", "/law/DE", "/law/", "/safety", "/about",
                "/questions", "/nowhere"):
        yield client.get(f"/{code}{url}")
    response = client.get(f"/{code}/questions")
    for step in ({"danger": "yes"}, {}, {"who": "child"}, {"what": "fake"}, {"where": "DE"},
                 {"need": "everything"}):
        response = answer(client, response, **step)
        yield response


# Content with no translation yet is shown in English, marked as such: not interface text.
ENGLISH_CONTENT = re.compile(r'<span lang="en" dir="ltr">.*?</span>', re.S)


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_untranslated_interface_text(client, code):
    sentences = _english_sentences(code)
    for response in _pages(client, code):
        words = Page(ENGLISH_CONTENT.sub("", response.get_data(as_text=True))).words
        left = [s for s in sentences if s in words]
        assert left == [], f"{response.request.path}: {left}"
