"""The maintainers' forms. Unlike the public ones these sit behind a sign-in and
change things, so every one carries a CSRF token (Flask-WTF)."""
from datetime import date

from flask_wtf import FlaskForm
from functools import cache

from wtforms import (BooleanField, IntegerField, PasswordField, RadioField, SelectField,
                     SelectMultipleField, StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from ..codes import IMAGE_AGES, KINDS, ROLES, SERVICES, SITUATIONS, WEEKDAYS
from .models import ROLES as ACCOUNT_ROLES

TRISTATE = [("", "Not stated by the source"), ("yes", "Yes"), ("no", "No")]
SOURCE_KIND_CHOICES = [("own", "The service's own website"),
                       ("official", "An official page (government, regulator, court, police, "
                                    "e-Justice, INHOPE, Child Helpline International)"),
                       ("secondary", "A secondary source (news, a directory, a law firm)")]
SOURCE_DATE = [Optional(), Regexp(r"^\d{4}-\d{2}-\d{2}$", message="A date like 2026-03-31.")]


@cache
def listing_form(languages):
    """The listing form with a row per weekday and, for each of `languages` (the site's,
    as content files write them: de, pt_BR), its own description and notes fields."""
    fields = {f"hours_{day}": StringField(f"{name} (like 09:00-17:00)", validators=HOURS)
              for day, name in DAY_NAMES.items()}
    for code in languages:
        fields[f"description_{code}"] = TextAreaField(f"Description in {code}",
                                                      validators=[Optional()])
        fields[f"notes_{code}"] = TextAreaField(f"Notes in {code}", validators=[Optional()])
    return type("LanguageListingForm", (ListingForm,), fields)


def _languages_of(form):
    return [name[len("description_"):] for name in form._fields
            if name.startswith("description_") and name != "description_en"]


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    code = StringField("Code from your authenticator app (if you set one up)",
                       validators=[Optional(), Regexp(r"^\d{6}$", message="Six digits.")])


HOURS_MODES = [("website", "Not given: the website says when"), ("24/7", "Open 24/7"),
               ("hours", "The hours below")]
DAY_NAMES = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                "Saturday", "Sunday")))
HOURS = [Optional(), Regexp(r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$",
                            message="Like 09:00-17:00; leave empty when closed.")]


class ListingForm(FlaskForm):
    listing_id = StringField("Identifier (file name)", validators=[
        DataRequired(), Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$",
                               message="Lower-case letters, digits and hyphens, like de-example.")])
    name = StringField("Name", validators=[DataRequired(), Length(min=2, max=300)])
    description_en = TextAreaField("Description in English (one or two calm sentences)",
                                   validators=[DataRequired()])
    url = StringField("Web page", validators=[DataRequired()])
    kind = SelectField("Kind of route", choices=[(k, k) for k in KINDS])
    services = SelectMultipleField("What it does", choices=[(s, s) for s in SERVICES])
    roles = SelectMultipleField("Who it serves", choices=[(r, r) for r in ROLES])
    situations = SelectMultipleField("What happened, for the help it gives (none chosen: any)",
                                     choices=[(x, x) for x in SITUATIONS])
    minimum_age = IntegerField("Youngest age it serves", validators=[Optional(),
                                                                     NumberRange(0, 120)])
    maximum_age = IntegerField("Oldest age it serves", validators=[Optional(),
                                                                   NumberRange(0, 120)])
    image_ages = SelectMultipleField("For takedown tools: the age of the person in the images "
                                     "(none chosen: any)", choices=[(x, x) for x in IMAGE_AGES])
    service_areas = StringField("Jurisdiction codes, separated by spaces (e.g. DE, GB-SCT, INT)",
                                validators=[DataRequired()])
    phones = TextAreaField("Phone numbers, one per line as \"+49 800 1110333 | voice | "
                           "what it is for\"", validators=[Optional()])
    chat = StringField("Chat page", validators=[Optional()])
    web_form = StringField("Online form page", validators=[Optional()])
    email = StringField("E-mail", validators=[Optional()])
    app = StringField("App page", validators=[Optional()])
    free = SelectField("Free", choices=TRISTATE)
    anonymous = SelectField("Anonymous", choices=TRISTATE)
    confidential = SelectField("Confidential", choices=TRISTATE)
    languages = StringField("Languages served, as codes separated by spaces",
                            validators=[Optional()])
    notes_en = TextAreaField("Notes in English", validators=[Optional()])
    hours_mode = RadioField("Opening hours", default="website", choices=HOURS_MODES)
    timezone = StringField("Time zone of the hours (like Europe/Berlin)",
                           validators=[Optional()])
    source = StringField("Official source page for these facts", validators=[DataRequired()])
    source_kind = SelectField("What kind of page it is", choices=SOURCE_KIND_CHOICES)
    source_date = StringField("The date the page itself shows, if it shows one (YYYY-MM-DD)",
                              validators=SOURCE_DATE)
    other_sources = TextAreaField("Other official pages used, one per line",
                                  validators=[Optional()])
    reason = TextAreaField("Why this change (shown in the public change log)",
                           validators=[DataRequired(), Length(max=1000)])


class CheckedForm(FlaskForm):
    source = StringField("The official page you checked it against",
                         validators=[DataRequired()])
    source_kind = SelectField("What kind of page it is", choices=SOURCE_KIND_CHOICES)
    source_date = StringField("The date the page itself shows, if it shows one (YYYY-MM-DD)",
                              validators=SOURCE_DATE)
    reason = TextAreaField("What you checked", validators=[DataRequired(), Length(max=1000)])


class StillCorrectForm(FlaskForm):
    """One step from the "check these next" list: the listing's own source, looked at."""
    looked = BooleanField("I looked at the source and the listing is still correct",
                          validators=[DataRequired()])


class RetireForm(FlaskForm):
    reason = TextAreaField("Why it should no longer be shown",
                           validators=[DataRequired(), Length(max=1000)])


class ReviewForm(FlaskForm):
    note = TextAreaField("Note (optional)", validators=[Optional(), Length(max=1000)])


class AccountForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password (at least 12 characters)", validators=[DataRequired()])
    role = SelectField("Role", choices=[(r, r) for r in ACCOUNT_ROLES])
    organisation = StringField("Organisation", validators=[DataRequired(), Length(max=200)])
    scopes = StringField("May edit: listing ids or jurisdiction codes, separated by spaces",
                         validators=[Optional()])
    public_name = StringField("Name shown in public change logs (leave empty to show only the "
                              "organisation)", validators=[Optional(), Length(max=120)])
    totp = BooleanField("Set up a second factor (authenticator app)")


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
            phone = {"number": parts[0], "type": parts[1] if len(parts) > 1 and parts[1] else "voice"}
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
