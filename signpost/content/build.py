"""Building content: checked documents into the model objects the site reads.

`build(documents)` is pure and knows no date and no problems: what it is given has
passed `check`. Each listing is built once, and each phone number is parsed once, here,
with both ways of writing it worked out for the pages.
"""
from datetime import date

import phonenumbers

from ..codes import ANYWHERE
from .models import (Absence, Compensation, Content, Emergency, Hours, Jurisdiction, Law,
                     Listing, PendingChange, Phone, Provision, Schedule)

COMPENSATION_TEXTS = ("deadline", "covers", "how_to_apply", "requirements", "restitution",
                      "civil_claim", "cross_border")
_NATIONAL = phonenumbers.PhoneNumberFormat.NATIONAL
_INTERNATIONAL = phonenumbers.PhoneNumberFormat.INTERNATIONAL


def build(documents):
    """Content from checked documents ({"jurisdictions": {...}, "listings": {...}})."""
    jurisdictions = {code: _jurisdiction(data)
                     for code, data in documents["jurisdictions"].items()}
    listings = {key: _listing(key, data) for key, data in documents["listings"].items()}
    return Content(jurisdictions, listings, documents)


def _phone(raw, region):
    """A number in E.164 ("+448001111"), or the digits of a short number of `region`."""
    written = raw["number"]
    extra = {"type": raw.get("type", "voice"), "description": raw.get("description", {}),
             "written": written}
    if written.startswith("+"):
        parsed = phonenumbers.parse(written, None)
        return Phone(number=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                     region=phonenumbers.region_code_for_number(parsed) or region,
                     national=phonenumbers.format_number(parsed, _NATIONAL),
                     international=phonenumbers.format_number(parsed, _INTERNATIONAL), **extra)
    parsed = phonenumbers.parse(written, region)
    return Phone(number=phonenumbers.national_significant_number(parsed), region=region,
                 **extra)


def _day(value):
    return date.fromisoformat(value) if value else None


def _sourced(block):
    return {"source": block["source"], "source_kind": block["source_kind"],
            "source_date": _day(block.get("source_date")),
            "other_sources": tuple(block.get("other_sources", ())),
            "assured_date": _day(block["assured_date"])}


def _law(w):
    return Law(**_sourced(w), ai_images=w["ai_images"], summary=w["summary"],
               provisions=tuple(Provision(title=x["title"], url=x["url"], reach=x["reach"],
                                          in_force=_day(x["in_force"]),
                                          in_force_at_least=x.get("in_force_at_least", False))
                                for x in w["provisions"]),
               pending=tuple(PendingChange(title=x["title"], status=x["status"],
                                           date=_day(x["date"]), url=x.get("url"),
                                           note=x.get("note", {}),
                                           in_force=_day(x.get("in_force")))
                             for x in w.get("pending", ())))


def _jurisdiction(data):
    country = None if data["code"] == ANYWHERE else data["code"][:2]
    emergency = compensation = law = None
    if "emergency" in data:
        e = data["emergency"]
        emergency = Emergency(
            **_sourced(e), phones=tuple(_phone(raw, country) for raw in e["phones"]),
            non_emergency=tuple(_phone(raw, country) for raw in e.get("non_emergency", ())))
    if "compensation" in data:
        c = data["compensation"]
        compensation = Compensation(
            **_sourced(c), authority=c["authority"], url=c["url"], summary=c["summary"],
            deadline_starts=tuple(c["deadline_starts"]), children=c["children"],
            **{name: c.get(name, {}) for name in COMPENSATION_TEXTS})
    if "law" in data:
        law = _law(data["law"])
    return Jurisdiction(
        code=data["code"], timezone=data["timezone"], languages=tuple(data["languages"]),
        parent=data.get("parent"), name=data.get("name", {}),
        regions=tuple(data.get("regions", ())), emergency=emergency,
        compensation=compensation, law=law,
        absent=tuple(Absence(**_sourced(a), kind=a["kind"], note=a["note"])
                     for a in data.get("absent", ())))


def _schedule(s):
    if not s:
        return None
    return Schedule(timezone=s["timezone"], open_24_7=s.get("open_24_7", False),
                    hours=tuple(Hours(tuple(h["byday"]), h["opens_at"], h["closes_at"])
                                for h in s.get("hours", ())),
                    note=s.get("note", {}))


def _listing(key, data):
    first_area = data["service_areas"][0]
    country = None if first_area == ANYWHERE else first_area[:2]
    serves = data["serves"]
    return Listing(
        id=key, name=data["name"], kind=data["kind"], description=data["description"],
        url=data["url"], services=tuple(data["services"]), roles=tuple(serves["roles"]),
        situations=tuple(s for s in serves.get("situations", ()) if s != "any"),
        service_areas=tuple(data["service_areas"]), **_sourced(data),
        minimum_age=serves.get("minimum_age"), maximum_age=serves.get("maximum_age"),
        image_ages=tuple(serves.get("image_ages", ())),
        phones=tuple(_phone(raw, country) for raw in data.get("phones", ())),
        chat=data.get("chat"), web_form=data.get("web_form"), email=data.get("email"),
        app=data.get("app"), schedule=_schedule(data.get("schedules")),
        free=data.get("free"), anonymous=data.get("anonymous"),
        confidential=data.get("confidential"), languages=tuple(data.get("languages", ())),
        notes=data.get("notes", {}), history=tuple(data.get("history", ())),
        maintainer=data.get("maintainer"))
