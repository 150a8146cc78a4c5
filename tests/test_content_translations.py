"""Content in every language: catalogues keyed by where each text lives, kept in step with
the English, never used when stale, and never losing a number or an address."""
import copy
import statistics

import pytest
from babel.messages.catalog import Catalog

from signpost import create_app
from signpost.config import PROJECT_ROOT
from signpost.i18n import load_manifest
from signpost.content import translations
from signpost.content.loader import load
from tests.conftest import make_config
from tests.content_factory import LISTING, write_content

LOCALES = sorted(p.stem for p in (PROJECT_ROOT / "translations" / "content").glob("*.po"))


def catalog_with(locale, entries):
    catalog = Catalog(locale=locale, domain=translations.DOMAIN)
    for context, english, text, fuzzy in entries:
        catalog.add(english, text, context=context, flags={"fuzzy"} if fuzzy else ())
    return catalog


def test_a_changed_english_keeps_its_translation_but_marks_it_fuzzy():
    old = catalog_with("de", [("x:description", "A line for children.", "Eine Kinderlinie.", False),
                              ("x:notes", "Gone now.", "Weg.", False)])
    source = Catalog(domain=translations.DOMAIN)
    source.add("A free line for children.", context="x:description")
    source.add("New text.", context="y:description")
    fresh = translations.update(old, source)
    changed = fresh.get("A free line for children.", context="x:description")
    assert changed.string == "Eine Kinderlinie." and changed.fuzzy
    assert changed.previous_id == ["A line for children."]
    assert not fresh.get("New text.", context="y:description").string
    assert fresh.get("Gone now.", context="x:notes") is None
    assert translations.usable(fresh) == {}          # a fuzzy one is never shown


def _site(tmp_path, geoip_file, listing, po_entries):
    root = write_content(tmp_path / "content", listings={"gb-example": listing})
    directory = translations.beside(root)
    directory.mkdir(parents=True)
    translations.write(directory / "de.po", catalog_with("de", po_entries))
    app = create_app(make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root))
    from signpost.content import index
    index.build(root, f"sqlite:///{tmp_path / 'db.sqlite'}")
    return app.test_client()


def test_pages_show_the_translation_and_the_maintainers_own_words_win(tmp_path, geoip_file):
    listing = copy.deepcopy(LISTING)
    listing["notes"] = {"en": "Call free.", "de": "Von Hand geschrieben."}
    client = _site(tmp_path, geoip_file, listing, [
        ("gb-example:description", "An invented helpline for tests.", "Eine erfundene Linie.",
         False),
        ("gb-example:notes", "Call free.", "Aus dem Katalog.", False)])
    html = client.get("/de/listing/gb-example").get_data(as_text=True)
    assert "Eine erfundene Linie." in html and "Von Hand geschrieben." in html
    assert "Aus dem Katalog." not in html


def test_a_fuzzy_or_missing_translation_falls_back_to_marked_english(tmp_path, geoip_file):
    client = _site(tmp_path, geoip_file, copy.deepcopy(LISTING), [
        ("gb-example:description", "An invented helpline for tests.", "Veraltet.", True)])
    html = client.get("/de/listing/gb-example").get_data(as_text=True)
    assert "Veraltet." not in html
    assert '<span lang="en" dir="ltr">An invented helpline for tests.</span>' in html


@pytest.mark.parametrize("english, translation, lost", [
    ("Call 0800 1111 or visit https://example.org/help.", "Ruf 0800 1111 an: https://example.org/help.", []),
    ("Call 0800 1111.", "Ruf 0800 111 an.", ["0800", "1111"][1:]),
    ("Up to $45,000, write to help@example.org.", "Bis 45.000 $, an help@example.org.", ["45,000"]),
    ("Apply within 2 years.", "Innerhalb von zwei Jahren.", ["2"]),
    ("Write to help@example.org.", "写信至 help@example.org。", []),   # the full stop is not the address
])
def test_numbers_and_addresses_must_survive(english, translation, lost):
    assert translations.broken_parts(english, translation) == lost


@pytest.mark.parametrize("locale", LOCALES)
def test_every_translation_keeps_every_number_and_address(locale):
    catalog = translations.read(PROJECT_ROOT / "translations" / "content" / f"{locale}.po",
                                locale)
    broken = {(m.context, tuple(translations.broken_parts(m.id, m.string)))
              for m in catalog if m.id and m.string
              and translations.broken_parts(m.id, m.string)}
    assert broken == set()


def test_the_catalogues_are_in_step_with_the_content():
    content, _ = load(PROJECT_ROOT / "content", translate=False)
    fresh = {(m.context, m.id) for m in translations.template(content.documents) if m.id}
    committed = translations.read(PROJECT_ROOT / "translations" / "content" / "content.pot")
    assert fresh == {(m.context, m.id) for m in committed if m.id}, \
        "run `flask --app signpost content extract`"


def test_coverage_reports_the_share_translated(tmp_path, geoip_file):
    root = write_content(tmp_path / "content")
    directory = translations.beside(root)
    directory.mkdir(parents=True)
    translations.write(directory / "de.po", catalog_with("de", [
        ("gb-example:description", "An invented helpline for tests.", "Eine Linie.", False),
        ("gb-example:notes", "Other.", "", False)]))
    app = create_app(make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root))
    result = app.test_cli_runner().invoke(args=["content", "coverage"])
    assert "Content translated: de 50% (1/2)" in result.output


@pytest.mark.parametrize("locale", LOCALES)
def test_no_translation_belongs_to_another_text(locale):
    """A translation far shorter or longer than this language usually is, next to its
    English, was most likely put on the wrong entry."""
    catalog = translations.read(PROJECT_ROOT / "translations" / "content" / f"{locale}.po",
                                locale)
    ratios = [(len(m.string) / len(m.id), m.context) for m in catalog
              if m.id and m.string and not m.fuzzy and len(m.id) > 60]
    if len(ratios) < 5:
        return
    usual = statistics.median(ratio for ratio, _ in ratios)
    odd = [context for ratio, context in ratios if not 0.4 * usual <= ratio <= 2.5 * usual]
    assert odd == []


MANIFEST = load_manifest(PROJECT_ROOT / "translations")
# With the international listings, translated in every language.
FULLY_TRANSLATED = ("GB-EAW", "GB-SCT", "GB-NIR", "DE", "FR", "IT", "ES", "AT", "NL", "IE",
                    "CH", "PL", "BE")


def test_every_content_text_is_translated_in_every_language():
    """Every listing, note, label and fact of every country and region, in every locale:
    what the pages below show for a sample holds for all of them."""
    shares = translations.coverage(PROJECT_ROOT / "translations" / "content")
    assert set(shares) == {MANIFEST[c].babel_id for c in MANIFEST if c != "en"}
    assert {locale: share for locale, share in shares.items() if share[0] != share[1]} == {}


@pytest.mark.parametrize("code", [c for c in MANIFEST if c != "en"])
def test_the_fully_translated_countries_show_no_english_in_any_language(client, code):
    """Where the content is fully translated, no text falls back to marked English."""
    pages = [client.get(f"/{code}/directory/{place}") for place in FULLY_TRANSLATED + ("GB",)]
    for place, who in zip(FULLY_TRANSLATED, ("child", "parent", "survivor", "bystander") * 4):
        pages.append(client.post(f"/{code}/questions", data={
            "danger": "no", "who": who, "what": ["fake", "threats"], "where": place,
            "need": "everything", "step": "need", "nav": "next"}))
    for response in pages:
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert '<span lang="en" dir="ltr">' not in html, response.request.path
