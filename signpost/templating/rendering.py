"""How pages are put together: the template globals, gettext for Jinja, listing cards
and fragments, and the footer's emergency line."""
import html
from datetime import date, datetime, timezone

from flask import current_app, g, request
from flask_babel import format_date, get_translations
from markupsafe import Markup

from .. import i18n, voice
from ..content.index import DatabaseError
from ..codes import ANYWHERE
from ..current import catalogue, suggested_country
from ..prerendered import OPEN_DETAILS
from .formatting import (age_range, as_list, clock, host, one_stop, open_now, phone_display,
                         phone_href, separator, source_links, weekdays, zone_name)
from .steps import step_sentence
from .text import (CHANGE_TEXT, COMPENSATION_FIELDS, current_lang, group_title, is_fallback,
                   language_name, place_name, script_name, sentences, sorted_places, text)


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


class Held:
    """What the content build rendered for this request's language, voice and country:
    looked up once, for all the cards and pieces of a page, which are UTF-8 bytes."""

    def __init__(self, standalone=False):
        self.catalogue = catalogue()
        # g, not voice.speaking_to_young(): a page put together before Flask builds a
        # request (journey/ahead.py) sets the voice in g all the same.
        self.lang, self.young = g.get("lang"), bool(g.get("young"))
        self.page_country, self.standalone = g.get("page_country"), standalone
        self.now = datetime.now(timezone.utc)   # one instant: every badge on a page agrees
        held = current_app.extensions["prerendered"]
        self.held = held if held.serves(self.catalogue) else None

    def piece(self, name, key):
        """A piece's UTF-8 bytes, or None."""
        return None if self.held is None else self.held.piece(name, self.lang, self.young, key)

    def badge(self, is_open):
        """"Open now", "Closed now" or nothing."""
        found = self.piece("open_badge", (is_open,))
        if found is None:
            found = self.render_macro("macros.html", "open_badge", is_open)
        return found

    def card(self, item, heading="h3", section="", compact=False):
        return b"".join(self.card_parts(item, heading, section, compact))

    def card_parts(self, item, heading="h3", section="", compact=False):
        """A listing's HTML, as a few UTF-8 byte strings: the card rendered with the
        content build where there is one, with "Open now" put in as of this minute;
        otherwise rendered now. A card in a file the visitor keeps (`standalone`) has no
        report buttons: they need the site. Nothing rendered now is kept."""
        parts = None
        if self.held is not None and heading == "h3" and not section:
            parts = self.held.card(self.lang, self.young, item, self.page_country)
        if parts is not None:
            before, middle, after = parts
            parts = (before, self.badge(open_now(item, self.now)), middle,
                     CLOSED_DETAILS if compact else OPEN_DETAILS, after)
        else:
            parts = (self.render_macro("macros.html", "listing_card", item, heading, section,
                                       compact),)
        if self.standalone:
            card = b"".join(parts)
            parts = (card[:card.rindex(FLAG_DETAILS)], b"</details>\n</article>\n")
        return parts

    def render_macro(self, template, name, *arguments):
        macro = getattr(current_app.jinja_env.get_template(template).module, name)
        return str(macro(*arguments)).encode()


def listing_card(item, heading="h3", section="", compact=False, standalone=False):
    return Markup(Held(standalone).card(item, heading, section, compact).decode())


def hidden_input(name, value):
    # html.escape, not markupsafe's: a results page has a dozen of these, and the
    # Markup that markupsafe makes of each value costs three times the escaping.
    return f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">\n'


def hidden_inputs(pairs):
    """The answers a form carries, as hidden inputs: [(name, value)]."""
    return Markup("".join([hidden_input(name, value) for name, value in pairs]))


CLOSED_DETAILS = b'<details class="more">'
FLAG_DETAILS = b'<details class="flag">'


def fragment(name, key=None, **context):
    """A template rendered on its own, with only the names it is given. With a `key`
    (what the fragment depends on besides the language and voice), the one rendered with
    the content build (`prerendered.fragments_of`) where there is one."""
    if key is not None:
        found = current_app.extensions["prerendered"].fragment(
            catalogue(), name, g.get("lang"), voice.speaking_to_young(), key)
        if found is not None:
            return Markup(found)
    return Markup(current_app.jinja_env.get_template(name).render(**context))


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
        hidden_inputs=hidden_inputs,
        sentences=sentences, main_contact=main_contact, separator=separator,
        script_name=script_name, step_sentence=step_sentence,
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

    locales = app.extensions["locales"]
    site_locales, locale_groups = list(locales.values()), i18n.by_script(locales.values())

    @app.context_processor
    def page_context():
        current = locales.get(g.get("lang")) or locales[app.config["DEFAULT_LOCALE"]]
        return {"site_locale": current, "site_locales": site_locales,
                "locale_groups": locale_groups,
                "quick_exit_url": current_app.config["QUICK_EXIT_URLS"].get(
                    current.code, current_app.config["QUICK_EXIT_URL"])}
