"""Read content files, check them, and turn them into model objects.

Every problem names the file, the field and what is wrong, so that a
maintainer who is not a programmer can fix it.
"""
import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import phonenumbers
import yaml
from jsonschema import Draft202012Validator
from phonenumbers import shortnumberinfo

import pycountry

from ..codes import ANYWHERE, EU_EEA, EUROPEAN_116_NUMBERS, EXTRA_REGION_CODES
from . import rules, schema, translations
from .models import (Absence, Compensation, Emergency, Hours, Jurisdiction, Law, Listing,
                     PendingChange, Phone, Provision, Schedule)

LISTING_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str
    is_error: bool = True

    def __str__(self):
        kind = "error" if self.is_error else "warning"
        return f"{self.path}: {self.field or '(file)'}: {kind}: {self.message}"


@dataclass(frozen=True)
class Content:
    jurisdictions: dict
    listings: dict
    documents: dict   # the checked file data, {"jurisdictions": {...}, "listings": {...}}


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# libyaml's C parser when it is there: the pure-Python one is ten times slower.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _YamlLoader(_BaseLoader):
    """YAML where only true/false are booleans, so the country code NO stays "NO"."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))

_VALIDATORS = {
    kind: Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for kind, s in (("listing", schema.LISTING), ("jurisdiction", schema.JURISDICTION))
}


def _dates_as_text(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value


def _read(path, kind, problems):
    """Parse one file and check it against the schema; None when it fails."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(str(path), "", f"cannot be read: {exc}".splitlines()[0]))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(str(path), "", "must be a set of `field: value` lines"))
        return None
    data = _dates_as_text(data)
    errors = sorted(_VALIDATORS[kind].iter_errors(data), key=lambda e: list(e.path))
    for error in errors:
        where = ".".join(str(part) for part in error.path)
        problems.append(Problem(str(path), where, error.message))
    return None if errors else data


def _check_date(path, where, value, today, problems):
    day = date.fromisoformat(value)
    if day > today:
        problems.append(Problem(path, where, f"{value} is in the future"))
    elif today - day > STALE_AFTER:
        problems.append(Problem(path, where, f"not checked since {value}: please check it "
                                             "against its source", is_error=False))
    return day


def _phone(path, where, raw, region, problems):
    """Store a number in E.164, or as the digits of a short number for its country."""
    number = raw["number"]
    try:
        if number.startswith("+"):
            parsed = phonenumbers.parse(number, None)
            if not phonenumbers.is_valid_number(parsed):
                raise ValueError
            stored = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            region = phonenumbers.region_code_for_number(parsed) or region
        else:
            if region is None:
                raise ValueError
            parsed = phonenumbers.parse(number, region)
            stored = phonenumbers.national_significant_number(parsed)
            harmonised = region in EU_EEA and stored in EUROPEAN_116_NUMBERS
            vouched = "short_number_source" in raw and re.fullmatch(r"\d{3,6}", stored)
            if not (harmonised or vouched
                    or shortnumberinfo.is_valid_short_number_for_region(parsed, region)):
                raise ValueError
    except (phonenumbers.NumberParseException, ValueError):
        hint = f" for {region}" if region else " (use the +country form here)"
        problems.append(Problem(path, where, f"{number!r} is not a valid phone number{hint}"))
        return None
    return Phone(number=stored, region=region, type=raw.get("type", "voice"),
                 description=raw.get("description", {}), written=number)


def _timezone(path, where, name, problems):
    try:
        zoneinfo.ZoneInfo(name)
        return True
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(path, where, f"{name!r} is not a known time zone "
                                             "(use a name like Europe/Berlin)"))
        return False


COMPENSATION_TEXTS = ("deadline", "covers", "how_to_apply", "requirements", "restitution",
                      "civil_claim", "cross_border")


def _check_code(path, data, problems):
    """Countries and regions must be real ISO 3166 codes (INT: anywhere)."""
    code = data["code"]
    if code == ANYWHERE:
        return
    if "-" in code:
        known = code in EXTRA_REGION_CODES or pycountry.subdivisions.get(code=code)
        if not known:
            problems.append(Problem(path, "code", f"{code!r} is not an ISO 3166-2 region code"))
        if data.get("parent") != code[:2]:
            problems.append(Problem(path, "parent", f"a region's parent must be {code[:2]!r}"))
    elif pycountry.countries.get(alpha_2=code) is None:
        problems.append(Problem(path, "code", f"{code!r} is not an ISO 3166-1 country code"))


def _sourced(p, where, block, today, problems):
    """The provenance of one fact, checked: source, its kind and dates."""
    rules.check_provenance(lambda field, message: problems.append(Problem(p, field, message)),
                           where, block, today)
    day = block.get("source_date")
    return {"source": block["source"], "source_kind": block["source_kind"],
            "source_date": date.fromisoformat(day) if day else None,
            "other_sources": tuple(block.get("other_sources", ())),
            "assured_date": _check_date(p, f"{where}.assured_date" if where else "assured_date",
                                        block["assured_date"], today, problems)}


def _law(p, w, today, problems):
    rules.check_law(lambda field, message: problems.append(Problem(p, field, message)), w, today)
    return Law(**_sourced(p, "law", w, today, problems),
               ai_images=w["ai_images"], summary=w["summary"],
               provisions=tuple(Provision(title=x["title"], url=x["url"], reach=x["reach"],
                                          in_force=date.fromisoformat(x["in_force"]),
                                          in_force_at_least=x.get("in_force_at_least", False))
                                for x in w["provisions"]),
               pending=tuple(PendingChange(
                   title=x["title"], status=x["status"], date=date.fromisoformat(x["date"]),
                   url=x.get("url"), note=x.get("note", {}),
                   in_force=date.fromisoformat(x["in_force"]) if "in_force" in x else None)
                   for x in w.get("pending", ())))


def _jurisdiction(path, data, today, problems):
    p = str(path)
    if data["code"] != path.stem:
        problems.append(Problem(p, "code", f"{data['code']!r} must match the file name "
                                           f"{path.stem!r}"))
    _timezone(p, "timezone", data["timezone"], problems)
    country = None if data["code"] == ANYWHERE else data["code"][:2]
    emergency = compensation = law = None
    if "emergency" in data:
        e = data["emergency"]
        phones = [_phone(p, f"emergency.phones.{i}.number", raw, country, problems)
                  for i, raw in enumerate(e["phones"])]
        other = [_phone(p, f"emergency.non_emergency.{i}.number", raw, country, problems)
                 for i, raw in enumerate(e.get("non_emergency", ()))]
        emergency = Emergency(**_sourced(p, "emergency", e, today, problems),
                              phones=tuple(filter(None, phones)),
                              non_emergency=tuple(filter(None, other)))
    elif "parent" not in data and data["code"] != ANYWHERE:
        problems.append(Problem(p, "emergency", "a country needs its emergency numbers"))
    if "compensation" in data:
        c = data["compensation"]
        rules.check_compensation(lambda f, m: problems.append(Problem(p, f, m)), c,
                                 lambda f, m: problems.append(Problem(p, f, m, False)))
        compensation = Compensation(
            **_sourced(p, "compensation", c, today, problems),
            authority=c["authority"], url=c["url"], summary=c["summary"],
            deadline_starts=tuple(c["deadline_starts"]), children=c["children"],
            **{name: c.get(name, {}) for name in COMPENSATION_TEXTS})
    if "law" in data:
        law = _law(p, data["law"], today, problems)
    absent = tuple(
        Absence(**_sourced(p, f"absent.{i}", a, today, problems), kind=a["kind"], note=a["note"])
        for i, a in enumerate(data.get("absent", ())))
    _check_code(p, data, problems)
    if ("parent" in data or data["code"] == ANYWHERE) and "name" not in data:
        problems.append(Problem(p, "name", "a region needs its name, at least in English"))
    return Jurisdiction(code=data["code"], timezone=data["timezone"],
                        languages=tuple(data["languages"]), parent=data.get("parent"),
                        name=data.get("name", {}), regions=tuple(data.get("regions", ())),
                        emergency=emergency, compensation=compensation, law=law,
                        absent=absent)


def _listing(path, data, jurisdictions, today, problems):
    p = str(path)
    if not LISTING_ID.match(path.stem):
        problems.append(Problem(p, "", "the file name must be lower-case letters, digits "
                                       "and hyphens, like gb-childline.yaml"))
    for i, code in enumerate(data["service_areas"]):
        if code not in jurisdictions:
            problems.append(Problem(p, f"service_areas.{i}", f"{code!r} is not a known "
                                                             "jurisdiction"))
    first_area = data["service_areas"][0]
    country = None if first_area == ANYWHERE else first_area[:2]
    phones = [_phone(p, f"phones.{i}.number", raw, country, problems)
              for i, raw in enumerate(data.get("phones", ()))]
    if not (phones or any(k in data for k in ("chat", "web_form", "email", "app"))):
        problems.append(Problem(p, "phones", "a listing needs at least one way to reach it: "
                                             "phones, chat, web_form, email or app"))

    def add(field, message):
        problems.append(Problem(p, field, message))
    rules.check_contacts(add, data)
    rules.check_phone_line(add, data, bool(data.get("phones")))
    provenance = _sourced(p, "", data, today, problems)
    serves = data["serves"]
    low, high = serves.get("minimum_age"), serves.get("maximum_age")
    if low is not None and high is not None and low > high:
        problems.append(Problem(p, "serves.minimum_age", "is above serves.maximum_age"))
    schedule = None
    s = data.get("schedules")
    if s and _timezone(p, "schedules.timezone", s["timezone"], problems):
        schedule = Schedule(timezone=s["timezone"], open_24_7=s.get("open_24_7", False),
                            hours=tuple(Hours(tuple(h["byday"]), h["opens_at"], h["closes_at"])
                                        for h in s.get("hours", ())),
                            note=s.get("note", {}))
    situations = tuple(s for s in serves.get("situations", ()) if s != "any")
    return Listing(
        id=path.stem, name=data["name"], kind=data["kind"], description=data["description"],
        url=data["url"],
        services=tuple(data["services"]), roles=tuple(serves["roles"]),
        situations=situations, service_areas=tuple(data["service_areas"]),
        source=provenance["source"], assured_date=provenance["assured_date"],
        source_kind=provenance["source_kind"], source_date=provenance["source_date"],
        minimum_age=low, maximum_age=high, image_ages=tuple(serves.get("image_ages", ())),
        phones=tuple(filter(None, phones)),
        chat=data.get("chat"), web_form=data.get("web_form"), email=data.get("email"),
        app=data.get("app"), schedule=schedule, free=data.get("free"),
        anonymous=data.get("anonymous"), confidential=data.get("confidential"),
        languages=tuple(data.get("languages", ())), notes=data.get("notes", {}),
        other_sources=provenance["other_sources"],
        history=tuple(data.get("history", ())), maintainer=data.get("maintainer"))


def _check_regions(jurisdictions, problems, paths):
    for code, j in jurisdictions.items():
        for i, region in enumerate(j.regions):
            child = jurisdictions.get(region)
            if child is None or child.parent != code:
                problems.append(Problem(paths[code], f"regions.{i}",
                                        f"{region!r} needs its own file with parent: {code}"))
        if j.parent and code not in getattr(jurisdictions.get(j.parent), "regions", ()):
            problems.append(Problem(paths[code], "parent",
                                    f"{j.parent!r} must exist and list {code!r} in regions"))


def load(root, today=None, translations_dir=None, translate=True):
    """Read everything under `root`; return (Content, problems).

    Texts get their translations from the content catalogues (by default in
    translations/content/ beside `root`). Content holds only what passed; a caller
    must refuse to serve it when any problem is an error.
    """
    root = Path(root)
    today = today or date.today()
    problems = []
    documents = {"jurisdictions": {}, "listings": {}}
    jurisdictions, paths = {}, {}
    lookups = translations.lookups(translations_dir or translations.beside(root)) \
        if translate else {}
    for path in sorted((root / "jurisdictions").glob("*.yaml")):
        data = _read(path, "jurisdiction", problems)
        if data is not None:
            data = translations.merge(data, data["code"], lookups)
            jurisdictions[data["code"]] = _jurisdiction(path, data, today, problems)
            documents["jurisdictions"][data["code"]] = data
            paths[data["code"]] = str(path)
    _check_regions(jurisdictions, problems, paths)
    listings = {}
    history = _history(root, problems)
    for path in sorted((root / "listings").glob("*.yaml")):
        data = _read(path, "listing", problems)
        if data is not None:
            data = translations.merge(data, path.stem, lookups)
            if path.stem in history:
                data = dict(data, history=history[path.stem])
            listings[path.stem] = _listing(path, data, jurisdictions, today, problems)
            documents["listings"][path.stem] = data
    if not jurisdictions:
        problems.append(Problem(str(root / "jurisdictions"), "", "no jurisdiction files found"))
    _check_duplicates(root, listings, problems)
    return Content(jurisdictions, listings, documents), problems


def _check_duplicates(root, listings, problems):
    """Two files for one service: the same name in the same place, or ids that differ by case."""
    seen = {}
    for item in listings.values():
        for area in item.service_areas:
            key = (item.name.casefold(), area)
            if key in seen:
                problems.append(Problem(str(root / "listings" / f"{item.id}.yaml"), "name",
                                        f"duplicate of {seen[key]}.yaml ({item.name}, {area})"))
            else:
                seen[key] = item.id


def from_documents(documents):
    """Rebuild content from documents that were checked when they were stored."""
    ignored = []
    jurisdictions = {code: _jurisdiction(Path(f"{code}.yaml"), data, date.max, ignored)
                     for code, data in documents["jurisdictions"].items()}
    listings = {key: _listing(Path(f"{key}.yaml"), data, jurisdictions, date.max, ignored)
                for key, data in documents["listings"].items()}
    return Content(jurisdictions, listings, documents)


def check_listing(listing_id, data, jurisdictions, today=None):
    """The same checks `content check` runs, for one listing given as data (a form)."""
    problems = []
    path = Path(f"{listing_id}.yaml")
    if not LISTING_ID.match(listing_id):
        problems.append(Problem(str(path), "", "the identifier must be lower-case letters, "
                                               "digits and hyphens"))
    data = _dates_as_text(data)
    errors = sorted(_VALIDATORS["listing"].iter_errors(data), key=lambda e: list(e.path))
    for error in errors:
        problems.append(Problem(str(path), ".".join(map(str, error.path)), error.message))
    if not errors:
        _listing(path, data, jurisdictions, today or date.today(), problems)
    return [p for p in problems if p.is_error]


def _history(root, problems):
    """Each listing's public change log: content/history/<id>.yaml, a list of changes."""
    found = {}
    for path in sorted((root / "history").glob("*.yaml")):
        try:
            entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(Problem(str(path), "", f"cannot be read: {exc}".splitlines()[0]))
            continue
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            problems.append(Problem(str(path), "", "must be a list of changes"))
            continue
        found[path.stem] = [_dates_as_text(e) for e in entries]
    return found


def load_valid(root, today=None, translate=True):
    """Like load(), but raise ContentError when anything is wrong."""
    content, problems = load(root, today, translate=translate)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return content
