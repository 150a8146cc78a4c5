"""The maintainers' forms. Unlike the public ones these sit behind a sign-in and
change things, so every one carries a CSRF token (Flask-WTF)."""
from datetime import date
from functools import cache

from babel import Locale
from flask_babel import get_locale
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import (BooleanField, IntegerField, PasswordField, RadioField, SelectField,
                     SelectMultipleField, StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from ..codes import IMAGE_AGES, KINDS, ROLES, SERVICES, SITUATIONS, WEEKDAYS
from .models import ROLES as ACCOUNT_ROLES
from .words import lazy_t, t

TRISTATE = [("", lazy_t("Not stated by the source")), ("yes", lazy_t("Yes")),
            ("no", lazy_t("No"))]
SOURCE_KIND_CHOICES = [("own", lazy_t("The service's own website")),
                       ("official", lazy_t("An official page (government, regulator, court, "
                                           "police, e-Justice, INHOPE, Child Helpline "
                                           "International)")),
                       ("secondary", lazy_t("A secondary source (news, a directory, a law firm)"))]
SOURCE_DATE = [Optional(), Regexp(r"^\d{4}-\d{2}-\d{2}$",
                                  message=lazy_t("A date like 2026-03-31."))]
SOURCE_DATE_LABEL = lazy_t("The date the page itself shows, if it shows one (YYYY-MM-DD)")


@cache
def listing_form(languages):
    """The listing form with a row per weekday and, for each of `languages` (the site's,
    as content files write them: de, pt_BR), its own description and notes fields."""
    fields = {f"hours_{day}": StringField(_day_label(index), validators=HOURS)
              for index, day in enumerate(WEEKDAYS)}
    for code in languages:
        fields[f"description_{code}"] = TextAreaField(
            _in_language("Description in %(language)s", code), validators=[Optional()])
        fields[f"notes_{code}"] = TextAreaField(_in_language("Notes in %(language)s", code),
                                                validators=[Optional()])
    return type("LanguageListingForm", (ListingForm,), fields)


def _day_label(index):
    """The weekday's name from CLDR, in the page's language (0 is Monday)."""
    return LazyString(lambda: t("%(day)s (like 09:00-17:00)",
                                day=get_locale().days["format"]["wide"][index]))


def _in_language(text, code):
    return LazyString(lambda: t(text, language=Locale.parse(code).get_display_name(get_locale())))


# Written out for the message catalogue; _in_language looks them up.
_ = (lazy_t("Description in %(language)s"), lazy_t("Notes in %(language)s"))


def _languages_of(form):
    return [name[len("description_"):] for name in form._fields
            if name.startswith("description_") and name != "description_en"]


class LoginForm(FlaskForm):
    username = StringField(lazy_t("Username"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(lazy_t("Password"), validators=[DataRequired(), Length(max=200)])
    code = StringField(lazy_t("Code from your authenticator app (if you set one up)"),
                       validators=[Optional(), Regexp(r"^\d{6}$", message=lazy_t("Six digits."))])


HOURS_MODES = [("website", lazy_t("Not given: the website says when")),
               ("24/7", lazy_t("Open 24/7")), ("hours", lazy_t("The hours below"))]
HOURS = [Optional(), Regexp(r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$",
                            message=lazy_t("Like 09:00-17:00; leave empty when closed."))]


class ListingForm(FlaskForm):
    listing_id = StringField(lazy_t("Identifier (file name)"), validators=[
        DataRequired(), Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$",
                               message=lazy_t("Lower-case letters, digits and hyphens, "
                                              "like de-example."))])
    name = StringField(lazy_t("Name"), validators=[DataRequired(), Length(min=2, max=300)])
    description_en = TextAreaField(lazy_t("Description in English (one or two calm sentences)"),
                                   validators=[DataRequired()])
    url = StringField(lazy_t("Web page"), validators=[DataRequired()])
    kind = SelectField(lazy_t("Kind of route"), choices=[(k, k) for k in KINDS])
    services = SelectMultipleField(lazy_t("What it does"), choices=[(s, s) for s in SERVICES])
    roles = SelectMultipleField(lazy_t("Who it serves"), choices=[(r, r) for r in ROLES])
    situations = SelectMultipleField(
        lazy_t("What happened, for the help it gives (none chosen: any)"),
        choices=[(x, x) for x in SITUATIONS])
    minimum_age = IntegerField(lazy_t("Youngest age it serves"),
                               validators=[Optional(), NumberRange(0, 120)])
    maximum_age = IntegerField(lazy_t("Oldest age it serves"),
                               validators=[Optional(), NumberRange(0, 120)])
    image_ages = SelectMultipleField(
        lazy_t("For takedown tools: the age of the person in the images (none chosen: any)"),
        choices=[(x, x) for x in IMAGE_AGES])
    service_areas = StringField(
        lazy_t("Jurisdiction codes, separated by spaces (e.g. DE, GB-SCT, INT)"),
        validators=[DataRequired()])
    phones = TextAreaField(
        lazy_t("Phone numbers, one per line as \"+49 800 1110333 | voice | what it is for\""),
        validators=[Optional()])
    chat = StringField(lazy_t("Chat page"), validators=[Optional()])
    web_form = StringField(lazy_t("Online form page"), validators=[Optional()])
    email = StringField(lazy_t("E-mail"), validators=[Optional()])
    app = StringField(lazy_t("App page"), validators=[Optional()])
    free = SelectField(lazy_t("Free"), choices=TRISTATE)
    anonymous = SelectField(lazy_t("Anonymous"), choices=TRISTATE)
    confidential = SelectField(lazy_t("Confidential"), choices=TRISTATE)
    languages = StringField(lazy_t("Languages served, as codes separated by spaces"),
                            validators=[Optional()])
    notes_en = TextAreaField(lazy_t("Notes in English"), validators=[Optional()])
    hours_mode = RadioField(lazy_t("Opening hours"), default="website", choices=HOURS_MODES)
    timezone = StringField(lazy_t("Time zone of the hours (like Europe/Berlin)"),
                           validators=[Optional()])
    source = StringField(lazy_t("Official source page for these facts"),
                         validators=[DataRequired()])
    source_kind = SelectField(lazy_t("What kind of page it is"), choices=SOURCE_KIND_CHOICES)
    source_date = StringField(SOURCE_DATE_LABEL, validators=SOURCE_DATE)
    other_sources = TextAreaField(lazy_t("Other official pages used, one per line"),
                                  validators=[Optional()])
    reason = TextAreaField(lazy_t("Why this change (shown in the public change log)"),
                           validators=[DataRequired(), Length(max=1000)])


class CheckedForm(FlaskForm):
    source = StringField(lazy_t("The official page you checked it against"),
                         validators=[DataRequired()])
    source_kind = SelectField(lazy_t("What kind of page it is"), choices=SOURCE_KIND_CHOICES)
    source_date = StringField(SOURCE_DATE_LABEL, validators=SOURCE_DATE)
    reason = TextAreaField(lazy_t("What you checked"),
                           validators=[DataRequired(), Length(max=1000)])


class StillCorrectForm(FlaskForm):
    """One step from the "check these next" list: the listing's own source, looked at."""
    looked = BooleanField(lazy_t("I looked at the source and the listing is still correct"),
                          validators=[DataRequired()])


class RetireForm(FlaskForm):
    reason = TextAreaField(lazy_t("Why it should no longer be shown"),
                           validators=[DataRequired(), Length(max=1000)])


class ReviewForm(FlaskForm):
    note = TextAreaField(lazy_t("Note (optional)"), validators=[Optional(), Length(max=1000)])


class AccountForm(FlaskForm):
    username = StringField(lazy_t("Username"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(lazy_t("Password (at least 12 characters)"),
                             validators=[DataRequired()])
    role = SelectField(lazy_t("Role"), choices=[(r, r) for r in ACCOUNT_ROLES])
    organisation = StringField(lazy_t("Organisation"), validators=[DataRequired(), Length(max=200)])
    scopes = StringField(lazy_t("May edit: listing ids or jurisdiction codes, separated by spaces"),
                         validators=[Optional()])
    public_name = StringField(
        lazy_t("Name shown in public change logs (leave empty to show only the organisation)"),
        validators=[Optional(), Length(max=120)])
    totp = BooleanField(lazy_t("Set up a second factor (authenticator app)"))


def data_from_form(form, base=None):
    """The listing as the content file will hold it."""
    data = dict(base or {})
    description = _texts(form, "description", (base or {}).get("description", {}))
    data.update(name=form.name.data.strip(), description=description, url=form.url.data.strip(),
                kind=form.kind.data, services=list(form.services.data),
                service_areas=form.service_areas.data.replace(",", " ").split(),
                assured_date=date.today().isoformat())
    provenance(data, form)
    serves = dict((base or {}).get("serves", {}), roles=list(form.roles.data))
    for name in ("situations", "image_ages"):
        _set(serves, name, list(form[name].data))
    for name in ("minimum_age", "maximum_age"):
        _set(serves, name, form[name].data)
    data["serves"] = serves
    _set(data, "schedules", _schedule(form, (base or {}).get("schedules", {})))
    phones = []
    for line in (form.phones.data or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if parts and parts[0]:
            phone = {"number": parts[0],
                     "type": parts[1] if len(parts) > 1 and parts[1] else "voice"}
            if len(parts) > 2 and parts[2]:
                phone["description"] = {"en": parts[2]}
            phones.append(phone)
    _set(data, "phones", phones)
    for name in ("chat", "web_form", "email", "app"):
        _set(data, name, (form[name].data or "").strip())
    for name in ("free", "anonymous", "confidential"):
        _set(data, name, {"yes": True, "no": False}.get(form[name].data))
    _set(data, "languages", (form.languages.data or "").replace(",", " ").split())
    _set(data, "notes", _texts(form, "notes", (base or {}).get("notes", {})))
    _set(data, "other_sources", [u.strip() for u in (form.other_sources.data or "").splitlines()
                                 if u.strip()])
    return data


def _texts(form, prefix, before):
    """{language: text} from one field per language; languages the form lacks are kept."""
    texts = dict(before)
    for code in ["en"] + _languages_of(form):
        _set(texts, code, (form[f"{prefix}_{code}"].data or "").strip())
    return texts


def _schedule(form, before):
    """The `schedules` block: none ("see the website"), 24/7, or the days grouped by hours."""
    if form.hours_mode.data == "website":
        return None
    schedule = {"timezone": (form.timezone.data or "").strip()}
    if form.hours_mode.data == "24/7":
        schedule["open_24_7"] = True
    else:
        groups = {}
        for day in WEEKDAYS:
            value = (form[f"hours_{day}"].data or "").strip()
            if value:
                groups.setdefault(tuple(value.split("-")), []).append(day)
        schedule["hours"] = [{"byday": days, "opens_at": opens, "closes_at": closes}
                             for (opens, closes), days in groups.items()]
    _set(schedule, "note", before.get("note"))
    return schedule


def provenance(data, form):
    """Where the facts came from, as the form gives it; read today."""
    data.update(source=form.source.data.strip(), source_kind=form.source_kind.data,
                assured_date=date.today().isoformat())
    _set(data, "source_date", (form.source_date.data or "").strip())
    return data


def _set(data, key, value):
    if value in (None, "", [], {}):
        data.pop(key, None)
    else:
        data[key] = value


def fill_form(form, listing_id, data):
    form.listing_id.data = listing_id
    form.name.data = data.get("name", "")
    for code in ["en"] + _languages_of(form):
        form[f"description_{code}"].data = data.get("description", {}).get(code, "")
        form[f"notes_{code}"].data = data.get("notes", {}).get(code, "")
    serves = data.get("serves", {})
    for name in ("situations", "image_ages"):
        form[name].data = [x for x in serves.get(name, []) if x != "any"]
    for name in ("minimum_age", "maximum_age"):
        form[name].data = serves.get(name)
    schedule = data.get("schedules") or {}
    form.hours_mode.data = ("24/7" if schedule.get("open_24_7") else
                            "hours" if schedule.get("hours") else "website")
    form.timezone.data = schedule.get("timezone", "")
    for hours in schedule.get("hours", []):
        for day in hours["byday"]:
            form[f"hours_{day}"].data = f"{hours['opens_at']}-{hours['closes_at']}"
    form.url.data = data.get("url", "")
    form.kind.data = data.get("kind", "other")
    form.services.data = data.get("services", [])
    form.roles.data = data.get("serves", {}).get("roles", [])
    form.service_areas.data = " ".join(data.get("service_areas", []))
    form.phones.data = "\n".join(
        " | ".join([p["number"], p.get("type", "voice"), p.get("description", {}).get("en", "")])
        for p in data.get("phones", []))
    for name in ("chat", "web_form", "email", "app"):
        form[name].data = data.get(name, "")
    for name in ("free", "anonymous", "confidential"):
        form[name].data = {True: "yes", False: "no"}.get(data.get(name), "")
    form.languages.data = " ".join(data.get("languages", []))
    form.source.data = data.get("source", "")
    form.source_kind.data = data.get("source_kind", "own")
    form.source_date.data = data.get("source_date", "")
    form.other_sources.data = "\n".join(data.get("other_sources", []))


class LanguageForm(FlaskForm):
    """The maintainers' pages in another language: the CSRF token is all it checks."""
