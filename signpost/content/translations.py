"""Content in every language: the texts of content/ as gettext catalogues.

Each text is a message whose context names where it lives ("gb-childline:description",
"GB:compensation.deadline") and whose id is its English. When the English changes, the
translation stays but is marked fuzzy, and a fuzzy or missing one is not used: the page
shows the English with its note. Text that maintainers wrote in a language wins.
Names, numbers, addresses and dates are not texts here: they are never translated.
"""
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

DOMAIN = "content"
# Text fields that are not for translating: the names of places and services.
NOT_TEXT = ("name",)
# What must come through a translation unchanged: digit runs, web and e-mail addresses.
_KEPT = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d+(?:[.,:/-]\d+)*")


def is_text(value):
    """A {lang: text} mapping with English, as content files write translatable text."""
    return (isinstance(value, dict) and isinstance(value.get("en"), str)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()))


def texts_in(documents):
    """(context, texts) for every translatable text, in a stable order."""
    for kind in ("listings", "jurisdictions"):
        for key in sorted(documents[kind]):
            yield from _walk(documents[kind][key], key, "")


def _walk(value, key, path):
    if is_text(value):
        yield f"{key}:{path}", value
    elif isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_TEXT or path:
                yield from _walk(item, key, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, key, f"{path}.{i}")


def template(documents, locale=None):
    """The source catalogue: every English text, by where it lives. For a locale, only
    the texts its maintainers did not write in that language themselves."""
    catalog = Catalog(domain=DOMAIN, project="signpost content", fuzzy=False,
                      copyright_holder="the signpost contributors (CC BY 4.0)")
    for context, texts in texts_in(documents):
        if locale is None or not _written_in(texts, locale):
            catalog.add(texts["en"], context=context)
    return catalog


def _written_in(texts, locale):
    return locale in texts or locale.split("_")[0] in texts


def update(old, source):
    """`old` brought in step with `source`: a changed English keeps its translation, marked
    fuzzy with the previous English; a text that is gone is dropped."""
    fresh = Catalog(locale=old.locale, domain=DOMAIN, project="signpost content",
                    fuzzy=False)
    before = {m.context: m for m in old if m.id}
    for message in source:
        if not message.id:
            continue
        was = before.get(message.context)
        if was is None:
            fresh.add(message.id, context=message.context)
        elif was.id == message.id:
            fresh.add(message.id, was.string, context=message.context, flags=was.flags)
        else:
            fresh.add(message.id, was.string, context=message.context,
                      flags={"fuzzy"} if was.string else (), previous_id=[was.id])
    return fresh


def catalogue_path(directory, locale):
    return Path(directory) / f"{locale}.po"


def read(path, locale=None):
    with open(path, "rb") as f:
        return read_po(f, locale=locale, domain=DOMAIN)


def write(path, catalog):
    with open(path, "wb") as f:
        write_po(f, catalog, width=76, omit_header=False, include_previous=True,
                 sort_by_file=False, sort_output=False)


def usable(catalog):
    """{(context, English): translation} for the entries a page may show."""
    return {(m.context, m.id): m.string for m in catalog
            if m.id and m.string and not m.fuzzy}


def kept_parts(text):
    return sorted(_KEPT.findall(text))


def broken_parts(english, translation):
    """Digit runs and addresses of the English that the translation lost or changed."""
    wanted, found = kept_parts(english), kept_parts(translation)
    missing = list(wanted)
    for part in found:
        if part in missing:
            missing.remove(part)
    return missing


def beside(content_root):
    """Where the content catalogues live: translations/content/ next to content/."""
    return Path(content_root).resolve().parent / "translations" / "content"


def lookups(directory):
    """{locale: {(context, English): translation}} for every catalogue in `directory`."""
    return {locale: usable(catalog) for locale, catalog in load_all(directory).items()}


def merge(document, key, lookups):
    """A file's data with each text given every catalogue's usable translation, where its
    maintainers did not write that language themselves. Returns a new structure."""
    return _merged(document, key, "", lookups) if lookups else document


def _merged(value, key, path, lookups):
    if is_text(value):
        merged = dict(value)
        for locale, lookup in lookups.items():
            if _written_in(value, locale):
                continue        # the maintainers' own words
            translated = lookup.get((f"{key}:{path}", value["en"]))
            if translated:
                merged[locale] = translated
        return merged
    if isinstance(value, dict):
        return {name: (item if name in NOT_TEXT and not path else
                       _merged(item, key, f"{path}.{name}" if path else name, lookups))
                for name, item in value.items()}
    if isinstance(value, list):
        return [_merged(item, key, f"{path}.{i}", lookups) for i, item in enumerate(value)]
    return value


def load_all(directory):
    """{locale: Catalog} for every content catalogue in `directory`."""
    directory = Path(directory)
    if not directory.is_dir():
        return {}
    return {path.stem: read(path, path.stem) for path in sorted(directory.glob("*.po"))}


def coverage(directory):
    """{locale: (usable translations, texts)} for every catalogue in `directory`."""
    return {locale: (len(usable(catalog)), sum(1 for m in catalog if m.id))
            for locale, catalog in load_all(directory).items()}
