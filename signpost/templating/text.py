"""Content and interface text in the page's language: localised content, place and
language names from CLDR and ISO 3166-2, headings."""
import re

import pycountry
from babel import Locale, UnknownLocaleError
from flask import current_app
from flask_babel import get_locale

from ..codes import ANYWHERE
from ..content.models import localised
from ..current import catalogue
from ..voice import gettext
from ..voice import lazy_gettext as _l


def text(texts):
    """Localised content text; remembers when it fell back to English."""
    value, language = localised(texts, str(get_locale()))
    return value


def is_fallback(texts):
    if not texts:
        return False
    _, language = localised(texts, str(get_locale()))
    return language == "en" and get_locale().language != "en"


def place_name(code):
    """A place's name in the page's language: CLDR for countries; for regions the
    content file's own name, else the ISO 3166-2 name, else English."""
    if code is None:
        return ""
    j = catalogue().jurisdiction(code)
    if j is None or not j.name:
        if code == ANYWHERE:
            return gettext("Anywhere")
        return get_locale().territories.get(code, code)
    language = current_lang().split("_")[0]
    if language in j.name:
        return j.name[language]
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is not None:
        names = current_app.extensions["subdivision_names"].get(language)
        translated = names.gettext(subdivision.name) if names else subdivision.name
        if translated != subdivision.name:
            return translated
    return j.name.get("en", code)


def language_name(code):
    try:
        return Locale.parse(code).get_display_name(get_locale()) or code
    except (ValueError, UnknownLocaleError):
        return code


def current_lang():
    return str(get_locale())


GROUP_TITLES = {
    "remove": (_l("Get images removed"), _l("Get pictures taken down")),
    "report": (_l("Report it"), _l("Report it")),
    "talk": (_l("Talk to someone"), _l("Talk to someone")),
    "rights": (_l("Compensation and your rights"), _l("Your rights and money for what happened")),
    "prevention": (_l("Help to stop harmful thoughts or behaviour"),
                   _l("Help to stop harmful thoughts or behaviour")),
}


COMPENSATION_FIELDS = (
    ("deadline", _l("Time limit")),
    ("covers", _l("What it covers")),
    ("requirements", _l("What you need")),
    ("how_to_apply", _l("How to apply")),
    ("restitution", _l("Compensation from the offender")),
    ("civil_claim", _l("Claiming in a civil court")),
    ("cross_border", _l("If it happened in another EU country")),
)


CHANGE_TEXT = {
    "edit": _l("Details changed"),
    "add": _l("Listed"),
    "checked": _l("Checked against its source and still correct"),
    "retire": _l("No longer listed"),
}


def group_title(name, young=False):
    adult, simple = GROUP_TITLES[name]
    return simple if young else adult


def script_name(code):
    """A writing system's name in the page's language, from CLDR."""
    return get_locale().scripts.get(code, code)


_SENTENCE_END = re.compile(r"(?<=[.!?。؟])\s+")


def sentences(value):
    """(first sentence, the rest) of a text: a card shows the first, the rest on demand."""
    parts = _SENTENCE_END.split((value or "").strip(), maxsplit=1)
    return (parts[0], parts[1] if len(parts) > 1 else "")


# Hotlines and takedown tools are used through their forms, whatever else they list.


def sorted_places(jurisdictions):
    return sorted(jurisdictions, key=lambda j: place_name(j.code).casefold())
