"""Which language a page is in: the URL prefix, then Accept-Language, then English.

One manifest (translations/locales.yaml) lists the languages; names and text
direction come from CLDR through Babel.
"""
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale

@dataclass(frozen=True)
class SiteLocale:
    code: str
    reviewed: bool
    native_name: str   # from CLDR: the language's name in itself
    direction: str     # from CLDR: ltr or rtl

    @classmethod
    def from_cldr(cls, code, reviewed):
        locale = Locale.parse(code)
        name = locale.get_display_name(code)
        direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
        return cls(code, reviewed, name[:1].upper() + name[1:], direction)


class LocaleError(Exception):
    pass


def load_manifest(directory):
    entries = yaml.safe_load((Path(directory) / "locales.yaml").read_text(encoding="utf-8"))
    return {entry["code"]: SiteLocale.from_cldr(entry["code"], bool(entry.get("reviewed")))
            for entry in entries}


def check_catalogues(manifest, directory, source_locale="en"):
    """Stop at start-up, not at the first request, when a listed catalogue is missing."""
    missing = [code for code in manifest if code != source_locale
               and not (Path(directory) / code / "LC_MESSAGES" / "messages.mo").exists()]
    if missing:
        raise LocaleError(
            "no compiled catalogue for " + ", ".join(missing) +
            ": run `pybabel compile -d translations` (see README, Translating)")


def best_locale(accept_languages, manifest, default="en"):
    """Pick from a parsed Accept-Language header (werkzeug LanguageAccept)."""
    return accept_languages.best_match(list(manifest), default=default)


def lang_prefixed(blueprint):
    """Give a blueprint's routes the /<lang> prefix: read it into g.lang, 404 if unknown."""
    from flask import abort, current_app, g

    @blueprint.url_value_preprocessor
    def pull_lang(endpoint, values):
        g.lang = (values or {}).pop("lang", None)
        if g.lang not in current_app.extensions["locales"]:
            abort(404)

    @blueprint.url_defaults
    def add_lang(endpoint, values):
        values.setdefault("lang", g.get("lang"))

    return blueprint
