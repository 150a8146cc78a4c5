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


NO_EMAIL = _l("Type an e-mail address, for example name@example.org.")
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=NO_EMAIL)


class NoticeForm(RemovalForm):
    """Where the law asks for the sender's name and e-mail address (DSA Art. 16(2)(c))."""
    contact = StringField(_l("Your e-mail address"), filters=[_stripped],
                          validators=[DataRequired(NO_EMAIL), EMAIL,
                                      Length(max=500, message=TOO_LONG)])
    requester_name = StringField(_l("Your name"), filters=[_stripped],
                                 validators=[DataRequired(_l("Type your name.")),
                                             Length(max=200, message=TOO_LONG)])


class AnonymousNoticeForm(RemovalForm):
    """The same law, for an image of someone under 18: name and e-mail may be left out."""
    contact = StringField(_l("Your e-mail address (optional)"), filters=[_stripped],
                          validators=[Optional(), EMAIL, Length(max=500, message=TOO_LONG)])


def form_class(law, image_age):
    if law.asks_for("name_and_email"):
        return NoticeForm if law.asks_for("name_and_email", image_age) else AnonymousNoticeForm
    return RemovalForm


# The names this form posts, besides the answers the journey's forms carry.
FIELD_NAMES = frozenset(RemovalForm().data)


def _part(law, element, details, image_age):
    """The words that meet one of the law's requirements."""
    name, contact = details["requester_name"], details["contact"]
    if element == "reasons":
        if image_age == "under-18":
            return gettext("I believe this is illegal content: the person shown was under 18, "
                           "so it is child sexual abuse material.")
        return gettext("I believe this is illegal content: an intimate image or video of the "
                       "person shown, shared without their consent.")
    if element == "location":
        return gettext("It is at this web address: %(address)s", address=details["web_address"])
    if element == "good_faith":
        return gettext("I believe in good faith that it was published without the consent of "
                       "the person shown.")
    if element == "accuracy":
        return gettext("I believe in good faith that what this notice says is accurate and "
                       "complete.")
    if element == "contact":
        return gettext("How to contact me: %(contact)s", contact=contact)
    if element == "name_and_email":
        if name and contact:
            return gettext("My name and e-mail address: %(name)s, %(email)s",
                           name=name, email=contact)
        words = [gettext("The person shown was under 18, so the law does not ask me for my "
                         "name or e-mail address.")]
        if name:
            words.append(gettext("My name: %(name)s", name=name))
        if contact:
            words.append(gettext("How to contact me: %(contact)s", contact=contact))
        return " ".join(words)
    signed = gettext("Signed (type your name or sign by hand):")     # signature
    return f"{signed} {name}" if name else signed


def letter(law, details, today, image_age=None):
    """The letter in the current language, as paragraphs: (the law's part it meets, with
    its subsection, or None for signpost's own words; the words). It holds exactly what
    the law asks for, in the law's order."""
    def label(reference):
        return gettext("What the law asks for (%(reference)s):", reference=reference)

    parts = [(item.element, (label(item.reference), _part(law, item.element, details,
                                                           image_age)))
             for item in law.requirements]
    body = [part for element, part in parts if element != "signature"]
    signed = [part for element, part in parts if element == "signature"]
    return [
        (None, gettext("Removal request under %(law)s", law=law.law)),
        (None, gettext("To: %(platform)s", platform=details["platform"])),
        (None, gettext("Date: %(date)s", date=format_date(today, "long"))),
        (None, gettext("I am asking you to remove an intimate image or video that was "
                       "published on your platform without consent.")),
        (label(law.who_may_ask.reference), str(SENDERS[details["sender"]])),
        *body,
        (None, gettext("Please remove it as quickly as the law requires, and tell me when "
                       "you have done so.")),
        *signed,       # the signature closes the letter
    ]


def letters(law, details, image_age=None):
    """(heading, paragraphs, language code) for the English letter and, on a page in
    another language, the same letter in that language below it."""
    today = date.today()
    with force_locale("en"):
        english = letter(law, details, today, image_age)
    found = [(gettext("The letter in English"), english, "en")]
    if g.lang != "en":
        language = language_name(current_app.extensions["locales"][g.lang].babel_id)
        found.append((gettext("The same letter in %(language)s", language=language),
                      letter(law, details, today, image_age), g.lang))
    return found


def advice(answers, place, letter=True):
    """signpost's advice, apart from the law: (words, a listing to point to or None)."""
    found = [(gettext("Keep a copy of the letter, and write down the date you send it."), None),
             (gettext("If the platform has its own reporting form, use it too."), None)] \
        if letter else []
    found.append((gettext("Do not attach the image or video: the web address is enough."), None))
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
    image_age = matching.image_age(answers)
    back = hidden_inputs(hidden + [("step", last_step), ("nav", "next")])
    if law.kind == "routes":        # no letter to write: where to ask, and the regulator
        items = advice(answers, answers.where, letter=False)
        return render_template("journey/removal_routes.html", law=law, switch_fields=back,
                               back_fields=back, advice=list(_advice_html(items)))
    details = form_class(law, image_age)(posted)
    nav = posted.get("nav")
    context = dict(law=law, hidden=hidden_inputs(hidden), switch_fields=back, back_fields=back,
                   may_stay_anonymous=isinstance(details, AnonymousNoticeForm))
    if nav not in ("letter", "download") or not details.validate():
        return render_template("journey/removal_form.html", form=details, **context)
    found = letters(law, details.data, image_age)
    items = advice(answers, answers.where)
    if nav == "download":
        response = current_app.response_class(as_text(found, items),
                                               mimetype="text/plain")
        response.headers["Content-Disposition"] = 'attachment; filename="removal-request.txt"'
        return response
    kept = hidden_inputs([(name, details[name].data or "") for name in details.data])
    return render_template("journey/removal_letter.html", letters=found, details=kept,
                           advice=list(_advice_html(items)), **context)
