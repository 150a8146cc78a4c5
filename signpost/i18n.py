"""Which language a page is in: the URL prefix, then Accept-Language, then English.

One manifest (translations/locales.yaml) lists the languages; names and text
direction come from CLDR through Babel.
"""
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale
from babel.core import get_global


@dataclass(frozen=True)
class SiteLocale:
    code: str          # as URLs and the html lang attribute write it: de, pt-PT, zh-Hans
    reviewed: bool
    native_name: str   # from CLDR: the language's name in itself
    direction: str     # from CLDR: ltr or rtl

    @property
    def babel_id(self):
        """As Babel and the catalogue folders write it: de, pt_PT, zh_Hans."""
        return self.code.replace("-", "_")

    @property
    def script(self):
        """Its writing system, from CLDR's likely subtags: Latn, Cyrl, Arab, Deva, Hans…"""
        likely = get_global("likely_subtags")
        full = likely.get(self.babel_id) or likely.get(self.babel_id.split("_")[0]) or ""
        parts = full.split("_")
        return parts[1] if len(parts) > 2 else "Latn"

    @classmethod
    def from_cldr(cls, code, reviewed):
        locale = Locale.parse(code, sep="-")
        name = locale.get_display_name(locale)
        direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
        return cls(code, reviewed, name[:1].upper() + name[1:], direction)


# The switcher groups languages by writing system, in this order; others follow.
SCRIPT_ORDER = ("Latn", "Cyrl", "Grek", "Arab", "Deva", "Hans")


def by_script(site_locales):
    """[(script code, [locales by their own name])], for a switcher that stays usable
    with forty languages and no JavaScript."""
    groups = {}
    for loc in site_locales:
        groups.setdefault(loc.script, []).append(loc)
    order = sorted(groups, key=lambda s: (SCRIPT_ORDER.index(s) if s in SCRIPT_ORDER
                                          else len(SCRIPT_ORDER), s))
    return [(script, sorted(groups[script], key=lambda loc: loc.native_name.casefold()))
            for script in order]


class LocaleError(Exception):
    pass


def load_manifest(directory):
    entries = yaml.safe_load((Path(directory) / "locales.yaml").read_text(encoding="utf-8"))
    return {entry["code"]: SiteLocale.from_cldr(entry["code"], bool(entry.get("reviewed")))
            for entry in entries}


def check_catalogues(manifest, directory, source_locale="en"):
    """Stop at start-up, not at the first request, when a listed catalogue is missing."""
    missing = [code for code, site in manifest.items() if code != source_locale
               and not (Path(directory) / site.babel_id / "LC_MESSAGES" / "messages.mo").exists()]
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
