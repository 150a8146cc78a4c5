"""Removal requests: a short form, then a letter the visitor sends to a platform.

The letter is built from the post that asks for it and forgotten with the response:
what the visitor types is never stored, logged or put in a URL. Like the questions, the
form changes nothing on the server, so it carries no CSRF token and needs no cookie.
"""
from datetime import date

from flask import current_app, g, render_template, url_for
from flask_babel import force_locale, format_date
from markupsafe import Markup, escape
from wtforms import Form, RadioField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp

from .. import matching
from ..current import catalogue
from ..templating.rendering import hidden_inputs
from ..templating.text import language_name
from ..voice import gettext, lazy_gettext as _l

TAKE_IT_DOWN = "int-take-it-down"        # the listing the advice points to, if it is here
TOO_LONG = _l("Please make this shorter: at most %(max)d characters.")
SENDERS = {"self": _l("I am the person shown."),
           "for": _l("I am acting for the person shown: I am their parent or carer, "
                     "or they authorised me.")}


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class RemovalForm(Form):
    platform = StringField(_l("The name of the platform (the app or website)"), filters=[_stripped],
                           validators=[DataRequired(_l("Type the name of the platform.")),
                                       Length(max=200, message=TOO_LONG)])
    web_address = StringField(_l("The web address of the post"), filters=[_stripped], validators=[
        DataRequired(_l("Type the web address of the post, for example https://…")),
        Regexp(r"^\S+\.\S+$", message=_l("Type the web address of the post, for example https://…")),
        Length(max=2000, message=TOO_LONG)])
    contact = StringField(_l("How the platform can contact you (an e-mail or postal address)"),
                          filters=[_stripped],
                          validators=[DataRequired(_l("Type an e-mail or postal address.")),
                                      Length(max=500, message=TOO_LONG)])
    requester_name = StringField(_l("Your name (optional)"), filters=[_stripped],
                                 validators=[Optional(), Length(max=200, message=TOO_LONG)])
    sender = RadioField(_l("Who is sending this request?"), choices=list(SENDERS.items()),
                        validate_choice=False,
                        validators=[AnyOf(list(SENDERS),
                                          message=_l("Choose who is sending this request."))])


# The names this form posts, besides the answers the journey's forms carry.
FIELD_NAMES = frozenset(RemovalForm().data)


def letter(law, details, today):
    """The letter in the current language, as paragraphs: (the law's part it meets, with
    its subsection, or None for signpost's own words; the words)."""
    def law_part(reference):
        return gettext("What the law asks for (%(reference)s):", reference=reference)

    signed = gettext("Signed (type your name or sign by hand):")
    return [
        (None, gettext("Removal request under %(law)s", law=law.law)),
        (None, gettext("To: %(platform)s", platform=details["platform"])),
        (None, gettext("Date: %(date)s", date=format_date(today, "long"))),
        (None, gettext("I am asking you to remove an intimate image or video that was "
                       "published on your platform without consent.")),
        (law_part(law.who_may_ask.reference), str(SENDERS[details["sender"]])),
        (law_part(law.reference("location")),
         gettext("It is at this web address: %(address)s", address=details["web_address"])),
        (law_part(law.reference("good_faith")),
         gettext("I believe in good faith that it was published without the consent of the "
                 "person shown.")),
        (law_part(law.reference("contact")),
         gettext("How to contact me: %(contact)s", contact=details["contact"])),
        (None, gettext("Please remove it as quickly as the law requires, and tell me when "
                       "you have done so.")),
        (law_part(law.reference("signature")),
         f"{signed} {details['requester_name']}" if details["requester_name"] else signed),
    ]


def letters(law, details):
    """(heading, paragraphs, language code) for the English letter and, on a page in
    another language, the same letter in that language below it."""
    today = date.today()
    with force_locale("en"):
        english = letter(law, details, today)
    found = [(gettext("The letter in English"), english, "en")]
    if g.lang != "en":
        language = language_name(current_app.extensions["locales"][g.lang].babel_id)
        found.append((gettext("The same letter in %(language)s", language=language),
                      letter(law, details, today), g.lang))
    return found


def advice(answers, place):
    """signpost's advice, apart from the law: (words, a listing to point to or None)."""
    found = [(gettext("Keep a copy of the letter, and write down the date you send it."), None),
             (gettext("If the platform has its own reporting form, use it too."), None),
             (gettext("Do not attach the image or video: the web address is enough."), None)]
    cat = catalogue()
    take_it_down = cat.listings.get(TAKE_IT_DOWN)
    if (take_it_down and matching.image_age(answers) == "under-18"
            and set(take_it_down.service_areas) & set(cat.area_chain(place))):
        found.append((gettext("If the person shown was under 18, %(name)s can also help stop "
                              "it being shared again."), take_it_down))
    return found


def _advice_html(items):
    for words, listing in items:
        if listing is None:
            yield words
        else:
            link = Markup('<a href="{}">{}</a>').format(
                url_for("directory.listing", listing_id=listing.id), listing.name)
            yield Markup(escape(words).replace("%(name)s", link))


def _advice_text(items):
    for words, listing in items:
        yield words if listing is None else \
            words.replace("%(name)s", f"{listing.name} ({listing.url})")


def as_text(found_letters, advice_items):
    """The download: every letter, then the advice, as plain text."""
    parts = []
    for heading, paragraphs, _ in found_letters:
        parts.append(f"{heading}\n{'=' * len(heading)}")
        parts.extend(f"{label}\n{words}" if label else words for label, words in paragraphs)
    heading = gettext("Our advice (not part of the law)")
    parts.append(f"{heading}\n{'=' * len(heading)}")
    parts.extend(f"- {words}" for words in _advice_text(advice_items))
    return "\n\n".join(parts) + "\n"


def respond(posted, law, answers, hidden, last_step):
    """The form (first, to change the details, or with what is missing), the letter, or
    the letter as a file: whichever the post asks for."""
    details = RemovalForm(posted)
    nav = posted.get("nav")
    back = hidden_inputs(hidden + [("step", last_step), ("nav", "next")])
    context = dict(law=law, hidden=hidden_inputs(hidden), switch_fields=back, back_fields=back)
    if nav not in ("letter", "download") or not details.validate():
        return render_template("journey/removal_form.html", form=details, **context)
    found = letters(law, details.data)
    items = advice(answers, answers.where)
    if nav == "download":
        response = current_app.response_class(as_text(found, items),
                                               mimetype="text/plain")
        response.headers["Content-Disposition"] = 'attachment; filename="removal-request.txt"'
        return response
    kept = hidden_inputs([(name, details[name].data or "") for name in details.data])
    return render_template("journey/removal_letter.html", letters=found, details=kept,
                           advice=list(_advice_html(items)), **context)
