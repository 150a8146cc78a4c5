"""Checking content: every problem a maintainer must fix, and nothing else.

`check(documents, today)` is pure: the documents and the date in, the problems out. It
never builds anything. Every problem names the file, the field and what is wrong, so that
a maintainer who is not a programmer can fix it.
"""
import re
import zoneinfo
from datetime import date, timedelta

import phonenumbers
import pycountry
from jsonschema import Draft202012Validator
from phonenumbers import shortnumberinfo

from ..codes import ANYWHERE, EU_EEA, EUROPEAN_116_NUMBERS, EXTRA_REGION_CODES
from . import rules, schema
from .files import Problem, dates_as_text, file_path

LISTING_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER = timedelta(days=365)

_VALIDATORS = {
    kind: Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for kind, s in (("listings", schema.LISTING), ("jurisdictions", schema.JURISDICTION))
}


def check(documents, today=None, root="content"):
    """Every problem in `documents` ({"jurisdictions": {code: data}, "listings": {id: data}}),
    as of `today`. `root` only names the files in the messages."""
    today = today or date.today()
    problems = []
    valid = {kind: {key: data for key, data in items.items()
                    if not _schema_problems(file_path(root, kind, key), kind, data, problems)}
             for kind, items in documents.items()}
    for code, data in valid["jurisdictions"].items():
        _jurisdiction(Reporter(file_path(root, "jurisdictions", code), problems), code, data,
                      today)
    _check_regions(valid["jurisdictions"], problems, root)
    for key, data in valid["listings"].items():
        _listing(Reporter(file_path(root, "listings", key), problems), key, data,
                 valid["jurisdictions"], today)
    if not documents["jurisdictions"]:
        problems.append(Problem(str(file_path(root, "jurisdictions", "*").parent), "",
                                "no jurisdiction files found"))
    _check_duplicates(valid["listings"], problems, root)
    return problems


def check_listing(listing_id, data, jurisdictions, today=None):
    """The errors `content check` finds in one listing given as data (a form)."""
    problems = []
    path = f"{listing_id}.yaml"
    if not _schema_problems(path, "listings", dates_as_text(data), problems):
        _listing(Reporter(path, problems), listing_id, dates_as_text(data), jurisdictions,
                 today or date.today())
    return [p for p in problems if p.is_error]


class Reporter:
    """Problems for one file: `error(field, message)` and `warn(field, message)`."""

    def __init__(self, path, problems):
        self.path, self.problems = str(path), problems

    def error(self, field, message):
        self.problems.append(Problem(self.path, field, message))

    def warn(self, field, message):
        self.problems.append(Problem(self.path, field, message, is_error=False))


def _schema_problems(path, kind, data, problems):
    errors = sorted(_VALIDATORS[kind].iter_errors(data), key=lambda e: list(e.path))
    for error in errors:
        problems.append(Problem(str(path), ".".join(str(p) for p in error.path), error.message))
    return bool(errors)


def _date(report, where, value, today):
    day = date.fromisoformat(value)
    if day > today:
        report.error(where, f"{value} is in the future")
    elif today - day > STALE_AFTER:
        report.warn(where, f"not checked since {value}: please check it against its source")


def _phone(report, where, raw, region):
    """A number must be valid in full (+country) form, or a short number of its country."""
    number = raw["number"]
    try:
        if number.startswith("+"):
            if not phonenumbers.is_valid_number(phonenumbers.parse(number, None)):
                raise ValueError
        else:
            if region is None:
                raise ValueError
            parsed = phonenumbers.parse(number, region)
            digits = phonenumbers.national_significant_number(parsed)
            harmonised = region in EU_EEA and digits in EUROPEAN_116_NUMBERS
            vouched = "short_number_source" in raw and re.fullmatch(r"\d{3,6}", digits)
            if not (harmonised or vouched
                    or shortnumberinfo.is_valid_short_number_for_region(parsed, region)):
                raise ValueError
    except (phonenumbers.NumberParseException, ValueError):
        hint = f" for {region}" if region else " (use the +country form here)"
        report.error(where, f"{number!r} is not a valid phone number{hint}")


def _timezone(report, where, name):
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        report.error(where, f"{name!r} is not a known time zone (use a name like Europe/Berlin)")


def _sourced(report, where, block, today):
    rules.check_provenance(report.error, where, block, today)
    _date(report, f"{where}.assured_date" if where else "assured_date", block["assured_date"],
          today)


def _check_code(report, data):
    """Countries and regions must be real ISO 3166 codes (INT: anywhere)."""
    code = data["code"]
    if code == ANYWHERE:
        return
    if "-" in code:
        if not (code in EXTRA_REGION_CODES or pycountry.subdivisions.get(code=code)):
            report.error("code", f"{code!r} is not an ISO 3166-2 region code")
        if data.get("parent") != code[:2]:
            report.error("parent", f"a region's parent must be {code[:2]!r}")
    elif pycountry.countries.get(alpha_2=code) is None:
        report.error("code", f"{code!r} is not an ISO 3166-1 country code")


def _jurisdiction(report, stem, data, today):
    code = data["code"]
    if code != stem:
        report.error("code", f"{code!r} must match the file name {stem!r}")
    _timezone(report, "timezone", data["timezone"])
    country = None if code == ANYWHERE else code[:2]
    if "emergency" in data:
        e = data["emergency"]
        for group in ("phones", "non_emergency"):
            for i, raw in enumerate(e.get(group, ())):
                _phone(report, f"emergency.{group}.{i}.number", raw, country)
        _sourced(report, "emergency", e, today)
    elif "parent" not in data and code != ANYWHERE:
        report.error("emergency", "a country needs its emergency numbers")
    if "compensation" in data:
        rules.check_compensation(report.error, data["compensation"], report.warn)
        _sourced(report, "compensation", data["compensation"], today)
    if "law" in data:
        rules.check_law(report.error, data["law"], today)
        _sourced(report, "law", data["law"], today)
    for i, absence in enumerate(data.get("absent", ())):
        _sourced(report, f"absent.{i}", absence, today)
    _check_code(report, data)
    if ("parent" in data or code == ANYWHERE) and "name" not in data:
        report.error("name", "a region needs its name, at least in English")


def _listing(report, key, data, jurisdictions, today):
    if not LISTING_ID.match(key):
        report.error("", "the file name must be lower-case letters, digits and hyphens, "
                         "like gb-childline.yaml")
    for i, code in enumerate(data["service_areas"]):
        if code not in jurisdictions:
            report.error(f"service_areas.{i}", f"{code!r} is not a known jurisdiction")
    first_area = data["service_areas"][0]
    country = None if first_area == ANYWHERE else first_area[:2]
    for i, raw in enumerate(data.get("phones", ())):
        _phone(report, f"phones.{i}.number", raw, country)
    if not (data.get("phones") or any(k in data for k in ("chat", "web_form", "email", "app"))):
        report.error("phones", "a listing needs at least one way to reach it: "
                               "phones, chat, web_form, email or app")
    rules.check_contacts(report.error, data)
    rules.check_phone_line(report.error, data, bool(data.get("phones")))
    _sourced(report, "", data, today)
    serves = data["serves"]
    low, high = serves.get("minimum_age"), serves.get("maximum_age")
    if low is not None and high is not None and low > high:
        report.error("serves.minimum_age", "is above serves.maximum_age")
    if data.get("schedules"):
        _timezone(report, "schedules.timezone", data["schedules"]["timezone"])


def _check_regions(jurisdictions, problems, root):
    for code, data in jurisdictions.items():
        report = Reporter(file_path(root, "jurisdictions", code), problems)
        for i, region in enumerate(data.get("regions", ())):
            child = jurisdictions.get(region)
            if child is None or child.get("parent") != code:
                report.error(f"regions.{i}", f"{region!r} needs its own file with parent: {code}")
        parent = data.get("parent")
        if parent and code not in jurisdictions.get(parent, {}).get("regions", ()):
            report.error("parent", f"{parent!r} must exist and list {code!r} in regions")


def _check_duplicates(listings, problems, root):
    """Two files for one service: the same name in the same place."""
    seen = {}
    for key, data in listings.items():
        for area in data["service_areas"]:
            name = (data["name"].casefold(), area)
            if name in seen:
                problems.append(Problem(str(file_path(root, "listings", key)), "name",
                                        f"duplicate of {seen[name]}.yaml ({data['name']}, "
                                        f"{area})"))
            else:
                seen[name] = key
