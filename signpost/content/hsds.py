"""Open Referral HSDS 3.0 out and in: other directories can reuse signpost's listings, and
services published elsewhere in HSDS can start here as drafts for a person to check.

Export. `export(content, today)` gives {"organizations": [...], "services": [...]}, one of
each per listing; `write_export` writes them as `organizations.json` and `services.json`,
the two lists the HSDS 3.0 API serves (HSDS defines no other JSON file layout: its tabular
form is a CSV data package), so no file per record. Every record validates against the
official compiled schemas. Choices where HSDS has no exact field:

- ids are uuid5(NAMESPACE, a path from the listing id), the same in every export;
- one organization per listing: content names no organisation, and grouping listings by
  web address would guess which services share one;
- text is English only (HSDS 3.0 has no translations); `notes` follow the description
  after a blank line;
- chat, web form and app addresses go to `application_process`, one "Label: URL" line each;
- `schedules`: local times with the UTC offset of the listing's zone on the export day, in
  `timezone` and on `opens_at`/`closes_at`; the IANA name is in `notes`. Open 24/7 is
  every day 00:00 to 23:59. A UTC offset cannot follow daylight saving time;
- `service_areas`: English name, and signpost's jurisdiction code as a text `extent`;
- signpost's codes (kind, services, roles, situations), anonymous/confidential and the
  source pages travel as `attributes` of a "signpost" taxonomy, so an import can read them.

Import. `import_services` checks every record against compiled/service.json (JSON Schema
2020-12: the file names no `$schema`, and the HSDS 3.0 OpenAPI 3.1 document uses that
dialect) and converts nothing unless all pass. Each service becomes a draft listing for
content/drafts/ (a folder the loader never reads), marked for review in `notes`.
"""
import json
import re
import unicodedata
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import yaml
from babel import Locale
from jsonschema import Draft202012Validator

from ..codes import KINDS, ROLES, SERVICES, SITUATIONS, SOURCE_KINDS, WEEKDAYS
from ..config import PACKAGE_DATA
from .models import Hours
from .schema import LISTING

# Never change: every id in every export derives from it.
NAMESPACE = uuid.UUID("d261667f-0d08-483d-befa-d58e4adfd5d8")
ENGLISH = Locale("en")

TAXONOMY = "signpost"
# link_type -> (the codes it may hold, the term's description: short, as every service
# repeats it)
VOCABULARIES = {
    "kind": (KINDS, "The kind of route"),
    "services": (SERVICES, "What it does"),
    "roles": (ROLES, "Who it is for"),
    "situations": (SITUATIONS, "What happened (none: any)"),
    "access": (("anonymous", "confidential"), "value: true or false"),
    "source": (("source", "other_source"), "value: an official page the facts came from"),
    "source_kind": (SOURCE_KINDS, "What kind of page the facts came from"),
}
AREA_DESCRIPTION = ("The extent is signpost's jurisdiction code: ISO 3166-1 or 3166-2, "
                    "GB-EAW for England and Wales, INT for anywhere.")
ROUTES = (("chat", "Chat"), ("web_form", "Online form"), ("app", "App"))
ALWAYS = Hours(WEEKDAYS, "00:00", "23:59")


def schema_path(name):
    """The official compiled HSDS 3.0 schema ("service" or "organization"), bundled in
    signpost/data/ with its licence (CC BY-SA 4.0, Open Referral)."""
    return PACKAGE_DATA / f"hsds-3.0-{name}.json"


def validator(name):
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _compact(record):
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


# ---- export ----------------------------------------------------------------------------

def export(content, today):
    """HSDS records for `content` (a loader Content or a Catalogue), ordered by listing id."""
    return {"organizations": organizations(content), "services": services(content, today)}


def organizations(content):
    return [organization(content.listings[key]) for key in sorted(content.listings)]


def services(content, today):
    return [service(content.listings[key], content.jurisdictions, today)
            for key in sorted(content.listings)]


def write_export(content, out_dir, today=None):
    feed = export(content, today or date.today())
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, records in feed.items():
        text = json.dumps(records, ensure_ascii=False, indent=2)
        (out / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    return feed


def organization(item):
    return {"id": stable_id(item.id, "organization"), "name": item.name,
            "description": item.description["en"], "website": item.url,
            "services": [{"id": stable_id(item.id, "service"), "name": item.name,
                          "status": "active"}]}


def service(item, jurisdictions, today):
    paragraphs = (item.description["en"], item.notes.get("en"))
    return _compact({
        "id": stable_id(item.id, "service"), "organization_id": stable_id(item.id, "organization"),
        "name": item.name, "description": "\n\n".join(filter(None, paragraphs)),
        "url": item.url, "email": item.email, "status": "active",
        "application_process": "\n".join(f"{label}: {getattr(item, name)}"
                                         for name, label in ROUTES if getattr(item, name)),
        "fees_description": "Free" if item.free else None,
        "minimum_age": item.minimum_age, "maximum_age": item.maximum_age,
        "assured_date": item.assured_date.isoformat(),
        "phones": [_compact({"id": stable_id(item.id, "phone", p.number, p.type),
                             "number": p.number, "type": p.type,
                             "description": p.description.get("en")}) for p in item.phones],
        "schedules": _schedules(item, today),
        "service_areas": [{"id": stable_id(item.id, "service_area", code),
                           "name": english_place_name(code, jurisdictions),
                           "description": AREA_DESCRIPTION, "extent": code,
                           "extent_type": "text"} for code in item.service_areas],
        "languages": [{"id": stable_id(item.id, "language", code), "code": code,
                       "name": ENGLISH.languages.get(code, code)} for code in item.languages],
        "attributes": [_attribute(item.id, *triple) for triple in _codes(item)],
    })


def english_place_name(code, jurisdictions):
    j = jurisdictions.get(code)
    return (j.name.get("en") if j and j.name else None) or ENGLISH.territories.get(code, code)


def utc_offset(zone, day):
    """The zone's offset from UTC at noon on `day`, as "+01:00" and as hours (1 or 5.5)."""
    offset = zoneinfo.ZoneInfo(zone).utcoffset(datetime.combine(day, time(12)))
    minutes = int(offset.total_seconds() // 60)
    text = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    hours = minutes / 60
    return text, int(hours) if hours.is_integer() else hours


def _schedules(item, today):
    schedule = item.schedule
    if schedule is None:
        return []
    suffix, hours = utc_offset(schedule.timezone, today)
    notes = (f"Times are local to {schedule.timezone}, UTC{suffix} on {today.isoformat()}; "
             "the offset changes where daylight saving time applies.")
    return [_compact({
        "id": stable_id(item.id, "schedule", ",".join(h.byday), h.opens_at, h.closes_at),
        "freq": "WEEKLY", "byday": ",".join(h.byday), "opens_at": h.opens_at + suffix,
        "closes_at": h.closes_at + suffix, "timezone": hours,
        "description": schedule.note.get("en"), "notes": notes,
    }) for h in (schedule.hours or (ALWAYS,))]


def _codes(item):
    """(link_type, code, value) for each of signpost's own facts HSDS has no field for."""
    yield "kind", item.kind, None
    for name in ("services", "roles", "situations"):
        for code in getattr(item, name):
            yield name, code, None
    for name in ("anonymous", "confidential"):
        if getattr(item, name) is not None:
            yield "access", name, str(getattr(item, name)).lower()
    yield "source", "source", item.source
    yield "source_kind", item.source_kind, None
    for url in item.other_sources:
        yield "source", "other_source", url


def _attribute(listing_id, link_type, code, value):
    """One of signpost's codes; nested in its service, so without link_id."""
    term = {"id": stable_id("term", link_type, code), "code": code, "name": code,
            "description": VOCABULARIES[link_type][1], "taxonomy": TAXONOMY}
    return _compact({"id": stable_id(listing_id, "attribute", link_type, code, value or ""),
                     "link_type": link_type, "value": value, "taxonomy_term": term})


# ---- import ----------------------------------------------------------------------------

CODE = re.compile(LISTING["properties"]["service_areas"]["items"]["pattern"])
LANGUAGE = re.compile(LISTING["properties"]["languages"]["items"]["pattern"])
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d|^24:00")
ZONE = re.compile(r"local to ([A-Za-z]+(?:/[A-Za-z0-9_+-]+)*)")
REVIEW = "NEEDS REVIEW before this file moves to content/listings:"


@dataclass
class ImportResult:
    drafts: dict = field(default_factory=dict)     # draft id -> listing data
    problems: list = field(default_factory=list)   # (record index, or None for the file, text)
    written: list = field(default_factory=list)    # paths of the draft files

    @property
    def ok(self):
        return not self.problems


def import_services(path_or_data, drafts_dir=None, today=None):
    """Check an HSDS services file (a path, or the parsed JSON) and make a draft of each.

    Accepts a list of services, {"services": [...]} or an HSDS API page ({"contents": [...]}).
    When any record is invalid, `problems` names each one and nothing is converted or
    written. Otherwise, with `drafts_dir`, each draft is written there as <id>.yaml;
    an existing file is never overwritten (the new draft gets a numbered id).
    """
    result = ImportResult()
    records = _records(path_or_data, result.problems)
    if records is None:
        return result
    check = validator("service")
    for index, record in enumerate(records):
        for error in sorted(check.iter_errors(record), key=lambda e: list(e.path)):
            where = ".".join(str(part) for part in error.path) or "(record)"
            result.problems.append((index, f"{where}: {error.message[:200]}"))
    if result.problems:
        return result
    today = today or date.today()
    taken = {p.stem for p in Path(drafts_dir).glob("*.yaml")} if drafts_dir else set()
    for record in records:
        data = draft(record, today)
        key = _unique(draft_id(record["name"], data.get("service_areas")), taken)
        taken.add(key)
        result.drafts[key] = data
    if drafts_dir is not None:
        result.written = write_drafts(result.drafts, drafts_dir)
    return result


def _records(path_or_data, problems):
    data = path_or_data
    if isinstance(data, (str, Path)):
        try:
            data = json.loads(Path(data).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problems.append((None, f"cannot be read as JSON: {exc}"))
            return None
    if isinstance(data, dict):
        data = data.get("services", data.get("contents"))
    if not isinstance(data, list):
        problems.append((None, 'expected a list of services, {"services": [...]} '
                               'or an HSDS API page {"contents": [...]}'))
        return None
    return data


def write_drafts(drafts, drafts_dir):
    folder = Path(drafts_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key, data in drafts.items():
        path = folder / f"{key}.yaml"
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        path.write_text("# A draft imported from HSDS: see the note at the end.\n" + text,
                        encoding="utf-8")
        written.append(path)
    return written


def draft_id(name, areas):
    """A listing id such as gb-example-helpline, from the name and the first area."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))[:60].strip("-")
    return "-".join(filter(None, (areas[0].lower() if areas else "", slug or "service")))


def _unique(key, taken):
    number, candidate = 2, key
    while candidate in taken:
        candidate, number = f"{key}-{number}", number + 1
    return candidate


def draft(record, today):
    """A listing in signpost's format from one valid HSDS service: never complete."""
    codes = _signpost_codes(record)
    placeholders = [name for name in ("kind", "services") if not codes.get(name)]
    description, _, notes = (record.get("description") or "").partition("\n\n")
    data = _compact({
        "name": record["name"],
        "description": {"en": description} if description else None,
        "url": record.get("url"),
        "kind": (codes.get("kind") or ["other"])[0],
        "services": codes.get("services") or ["talk"],
        "serves": _compact({"roles": codes.get("roles"), "situations": codes.get("situations"),
                            "minimum_age": _whole(record.get("minimum_age")),
                            "maximum_age": _whole(record.get("maximum_age"))}),
        "service_areas": [a["extent"] for a in record.get("service_areas", ())
                          if a.get("extent_type") == "text" and CODE.match(a.get("extent", ""))],
        "phones": [_compact({"number": p["number"],
                             "type": p.get("type") if p.get("type") in ("voice", "text") else None,
                             "description": {"en": p["description"]} if p.get("description")
                             else None}) for p in record.get("phones", ())],
        **_routes(record.get("application_process") or ""),
        "email": record.get("email"),
        "schedules": _schedule(record.get("schedules") or ()),
        "free": True if (record.get("fees_description") or "").strip(" .").lower() == "free"
        else None,
        **codes.get("access", {}),
        "languages": [lang["code"] for lang in record.get("languages", ())
                      if LANGUAGE.match(lang.get("code") or "")],
        "notes": {"en": notes} if notes else None,
        "source": record.get("url"),
        # Unknown until a person has looked: a draft starts as secondary.
        "source_kind": (codes.get("source_kind") or ["secondary"])[0],
        "other_sources": [url for url in dict.fromkeys(codes.get("sources", ()))
                          if url != record.get("url")],
        "assured_date": today,
    })
    data["notes"] = _review_note(data, placeholders, record, today)   # last in the file
    return data


def _whole(number):
    return int(number) if isinstance(number, (int, float)) and number == int(number) else None


def _signpost_codes(record):
    """kind, services, roles, situations, access and sources from a signpost export."""
    found = {}
    for attribute in record.get("attributes", ()):
        term = attribute.get("taxonomy_term") or {}
        link_type, code = attribute.get("link_type"), term.get("code")
        if term.get("taxonomy") != TAXONOMY or code not in VOCABULARIES.get(link_type, ((),))[0]:
            continue
        if link_type == "access" and attribute.get("value") in ("true", "false"):
            found.setdefault("access", {})[code] = attribute["value"] == "true"
        elif link_type == "source" and attribute.get("value"):
            found.setdefault("sources", []).append(attribute["value"])
        elif link_type not in ("access", "source") and code not in found.get(link_type, ()):
            found.setdefault(link_type, []).append(code)
    return found


def _routes(text):
    labels = {label: name for name, label in ROUTES}
    found = {}
    for line in text.splitlines():
        label, _, url = line.partition(": ")
        if label in labels and url.startswith("https://"):
            found[labels[label]] = url.strip()
    return found


def _schedule(schedules):
    """signpost's `schedules` block, or None when the hours cannot be read exactly."""
    zones = {match.group(1) for match in (ZONE.search(s.get("notes") or "") for s in schedules)
             if match}
    if len(zones) != 1 or not _known_zone(next(iter(zones))):
        return None
    hours = []
    for s in schedules:
        days = (s.get("byday") or "").split(",")
        opens, closes = (s.get("opens_at") or "")[:5], (s.get("closes_at") or "")[:5]
        if s.get("freq") != "WEEKLY" or not set(days) <= set(WEEKDAYS) \
                or not (CLOCK.match(opens) and CLOCK.match(closes)):
            return None
        hours.append({"byday": days, "opens_at": opens, "closes_at": closes})
    note = next((s["description"] for s in schedules if s.get("description")), None)
    always = hours == [{"byday": list(ALWAYS.byday), "opens_at": ALWAYS.opens_at,
                        "closes_at": ALWAYS.closes_at}]
    return _compact({"timezone": zones.pop(), "open_24_7": True if always else None,
                     "hours": None if always else hours, "note": {"en": note} if note else None})


def _known_zone(name):
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _review_note(data, placeholders, record, today):
    """The first line of `notes`: what is a placeholder, what is missing, what to check."""
    missing = [name for name in LISTING["required"] if name not in data and name != "serves"]
    if "roles" not in data.get("serves", {}):
        missing.append("serves.roles")
    if record.get("schedules") and "schedules" not in data:
        missing.append("schedules (the opening hours could not be read exactly)")
    parts = [f"{REVIEW} imported from HSDS service {record['id']} on {today.isoformat()}."]
    if placeholders:
        parts.append(f"{' and '.join(placeholders)} are placeholders.")
    if missing:
        parts.append(f"Add {', '.join(missing)}.")
    parts.append("Check every fact against the official page, set source to that page, "
                 "then delete this line.")
    note = " ".join(parts)
    previous = data.pop("notes", {}).get("en")
    return {"en": f"{note}\n\n{previous}" if previous else note}
