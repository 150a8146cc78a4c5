"""What templates need: localised text, names from CLDR, phone formatting, open now."""
import re
from datetime import date, datetime, time, timezone
from urllib.parse import urlsplit

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_time, get_timezone_location
from babel.lists import format_list
from flask import current_app, g, request
from markupsafe import Markup
from flask_babel import format_date, get_locale, get_translations

from . import i18n, voice
from .voice import gettext
from .voice import lazy_gettext as _l

from . import opening
from .current import catalogue, suggested_country
from .codes import ANYWHERE, WEEKDAYS
from .content.index import DatabaseError
from .content.models import localised


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


def phone_display(phone):
    """National form in the number's own country, international elsewhere."""
    return phone.national if g.get("page_country") == phone.region else phone.international


def phone_href(phone):
    scheme = "sms" if phone.type == "text" else "tel"
    return f"{scheme}:{phone.number}"


def open_now(listing):
    return opening.is_open(listing.schedule, datetime.now(timezone.utc))


def switch_language_url(code):
    """The same page in another language: the path with its first segment swapped."""
    if request.url_rule and "lang" in request.url_rule.arguments:
        rest = request.path.split("/", 2)[2] if request.path.count("/") >= 2 else ""
        return f"/{code}/{rest}"
    return f"/{code}/"


def _emergency_for_page():
    """The emergency line for the page's own country; only the journey uses the
    visitor's suggested country, so every other page depends on its URL alone."""
    try:
        code = g.get("page_country")
        if code is None and g.get("use_suggestion"):
            code = suggested_country()
        return (code, catalogue().emergency_for(code)) if code else (None, None)
    except DatabaseError:  # the footer must never break an error page
        return None, None


def _translations():
    """The request's catalogue, looked up once: templates ask for it dozens of times."""
    translations = g.get("_translations")
    if translations is None:
        translations = g._translations = get_translations()
    return translations


def _fast_gettext(string):
    return voice.lookup(_translations(), string)


def _fast_ngettext(singular, plural, n):
    if voice.speaking_to_young():
        young = getattr(_translations(), "_catalog", {}).get(
            (f"{voice.YOUNG}\x04{singular}", _translations().plural(n)))
        if young:
            return young
    return _translations().ungettext(singular, plural, n)


def _fast_pgettext(context, string):
    return _translations().upgettext(context, string)


def init_app(app):
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        text=text, is_fallback=is_fallback, place_name=place_name,
        language_name=language_name, phone_display=phone_display, phone_href=phone_href,
        open_now=open_now, switch_language_url=switch_language_url,
        format_date=format_date, emergency_for_page=_emergency_for_page,
        group_title=group_title, weekdays=weekdays,
        zone_name=zone_name, age_range=age_range, sorted_places=sorted_places,
        anywhere=ANYWHERE, host=host, clock=clock, source_links=source_links,
        current_lang=current_lang, listing_card=listing_card, fragment=fragment,
        sentences=sentences, main_contact=main_contact, separator=separator,
        script_name=script_name,
        change_text=lambda action: CHANGE_TEXT.get(action, action),
        compensation_fields=lambda: COMPENSATION_FIELDS)
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["as_date"] = lambda text: date.fromisoformat(str(text))
    app.jinja_env.filters["as_list"] = as_list
    app.jinja_env.filters["one_stop"] = one_stop
    app.jinja_env.filters["language_name_filter"] = language_name
    app.jinja_env.filters["place_name_filter"] = place_name
    app.jinja_env.install_gettext_callables(
        gettext=_fast_gettext, ngettext=_fast_ngettext, pgettext=_fast_pgettext, newstyle=True)

    @app.context_processor
    def page_context():
        locales = app.extensions["locales"]
        current = locales.get(g.get("lang")) or locales[app.config["DEFAULT_LOCALE"]]
        return {"site_locale": current, "site_locales": list(locales.values()),
                "locale_groups": i18n.by_script(locales.values()),
                "quick_exit_url": current_app.config["QUICK_EXIT_URLS"].get(
                    current.code, current_app.config["QUICK_EXIT_URL"])}


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


def weekdays(codes):
    """MO,TU,WE,TH,FR -> "Monday to Friday" style names from CLDR."""
    names = get_locale().days["format"]["wide"]
    indexes = [WEEKDAYS.index(code) for code in codes]
    if len(indexes) == 7:
        return gettext("Every day")
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return gettext("%(first)s to %(last)s", first=names[indexes[0]], last=names[indexes[-1]])
    return as_list(names[i] for i in indexes)


def clock(text):
    """A content time such as "09:00" in the page's own way: 09:00, 9:00 AM, …"""
    hours, minutes = (int(part) for part in text.split(":"))
    return format_time(time(hours % 24, minutes), format="short", locale=get_locale())


def zone_name(zone):
    """A listing's time zone (the ZoneInfo loaded with the content) named in CLDR words."""
    return get_timezone_location(zone, locale=get_locale())


def age_range(low, high):
    if low is not None and high is not None:
        return gettext("%(low)s to %(high)s", low=low, high=high)
    if low is not None:
        return gettext("%(low)s and over", low=low)
    return gettext("Up to %(high)s", high=high)


def host(url):
    return urlsplit(url).hostname or url


def source_links(block):
    """(url, label) for a block's sources; a host named twice gets a number."""
    links, seen = [], {}
    for url in (block.source, *block.other_sources):
        name = host(url)
        seen[name] = seen.get(name, 0) + 1
        links.append((url, name if seen[name] == 1 else f"{name} ({seen[name]})"))
    return links


def as_list(items):
    """Words joined as the page's language joins a list (CLDR: "a, b and c", "أ، ب و ج")."""
    items = [str(item) for item in items]
    return format_list(items, locale=get_locale()) if items else ""


def separator():
    """Between linked items, the page's own list comma: ", " or Arabic "، "."""
    middle = get_locale().list_patterns["standard"]["middle"]
    return middle.replace("{0}", "").replace("{1}", "")


_DOUBLE_STOP = re.compile(r"(?<=\.)\s*\.(?!\.)")


def one_stop(text):
    """A date that already ends in a full stop ("2 грудня 2026 р.") gets no second one."""
    return Markup(_DOUBLE_STOP.sub("", str(text))) if isinstance(text, Markup) else \
        _DOUBLE_STOP.sub("", str(text))


def script_name(code):
    """A writing system's name in the page's language, from CLDR."""
    return get_locale().scripts.get(code, code)


def current_lang():
    return str(get_locale())


def listing_card(item, heading="h3", section="", compact=False):
    """A listing's HTML. Rendered for each request: a cache filled by what visitors asked
    would let response times tell what earlier visitors asked."""
    macro = current_app.jinja_env.get_template("macros.html").module.listing_card
    return Markup(macro(item, heading, section, compact))


_SENTENCE_END = re.compile(r"(?<=[.!?。؟])\s+")


def sentences(value):
    """(first sentence, the rest) of a text: a card shows the first, the rest on demand."""
    parts = _SENTENCE_END.split((value or "").strip(), maxsplit=1)
    return (parts[0], parts[1] if len(parts) > 1 else "")


# Hotlines and takedown tools are used through their forms, whatever else they list.
FORM_FIRST = ("hotline", "takedown")


def main_contact(listing):
    """(how, value): the one way to reach a service a card shows first. A voice line
    before a text line, then chat, form, e-mail, app and, last, the website; a form
    first for hotlines and takedown tools."""
    if listing.kind in FORM_FIRST and listing.web_form:
        return "web_form", listing.web_form
    for kind, wanted in (("phone", "voice"), ("text", "text")):
        for phone in listing.phones:
            if phone.type == wanted:
                return kind, phone
    for how in ("chat", "web_form", "email", "app"):
        if getattr(listing, how):
            return how, getattr(listing, how)
    return "web", listing.url


def fragment(name, **context):
    """A template rendered on its own, with only the names it is given."""
    return Markup(current_app.jinja_env.get_template(name).render(**context))


def sorted_places(jurisdictions):
    return sorted(jurisdictions, key=lambda j: place_name(j.code).casefold())
