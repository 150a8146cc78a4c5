"""The laws a removal request can rest on, read once from signpost/data/removal_letters.yaml.

A letter is only ever written from a law that somebody has read on an official page,
on a day they wrote down: an entry that is not marked `shown`, or lacks an official
source, a date or a subsection for any of its requirements, is kept but never used.
Pure: no Flask here.
"""
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "removal_letters.yaml"

# The parts of a letter signpost knows how to write (signpost/journey/removal.py): a law
# may ask for any of them, and a letter holds exactly the ones its law asks for.
ELEMENTS = ("reasons", "location", "good_faith", "accuracy", "contact", "name_and_email",
            "signature")
# Where to ask when the law gives no letter to write: the platform's reporting tool, its
# way to complain, then the regulator (templates/journey/removal_routes.html).
ROUTES = ("platform", "complain", "ofcom")
# A reference names its subsection: "47 U.S.C. 223a(a)(1)(B)(ii)", "Art. 16(2)(a)", "s.20".
SUBSECTION = re.compile(r"(\(\w+\)|\bs\.\d+)$")


@dataclass(frozen=True)
class Requirement:
    element: str
    reference: str
    summary: str
    not_needed_under_18: bool = False   # the law lets it out for an image of a child


@dataclass(frozen=True)
class LetterLaw:
    id: str
    law: str
    jurisdictions: tuple
    with_regions: bool
    source: str
    source_kind: str
    assured_date: date | None
    shown: bool
    requirements: tuple
    who_may_ask: Requirement | None = None
    source_date: date | None = None      # as content blocks have, for the "Source" line
    other_sources: tuple = ()
    kind: str = "letter"                 # or "routes": where to ask, no letter
    routes: tuple = ()

    def applies_to(self, place):
        country = place.split("-", 1)[0]
        return place in self.jurisdictions or (self.with_regions and country in self.jurisdictions)

    def reference(self, element):
        return next(r.reference for r in self.requirements if r.element == element)

    def asks_for(self, element, image_age=None):
        return any(r.element == element and not (r.not_needed_under_18 and image_age == "under-18")
                   for r in self.requirements)


def problems(law):
    """Why this law may not be used for a letter; nothing when it may."""
    found = []
    if not law.shown:
        found.append("not marked shown")
    if law.source_kind != "official" or not law.source.startswith("https://"):
        found.append("no official source")
    if not isinstance(law.assured_date, date):
        found.append("no date it was checked")
    if law.kind == "routes":
        if set(law.routes) != set(ROUTES):
            found.append(f"routes signpost does not know or that are missing: {law.routes}")
        return found
    if law.kind != "letter":
        found.append(f"no such kind: {law.kind!r}")
    for item in law.requirements + ((law.who_may_ask,) if law.who_may_ask else ()):
        if not SUBSECTION.search(item.reference or ""):
            found.append(f"{item.element}: no subsection in {item.reference!r}")
    unknown = {r.element for r in law.requirements} - set(ELEMENTS)
    if unknown:
        found.append(f"elements signpost cannot write: {sorted(unknown)}")
    if not {"location"} <= {r.element for r in law.requirements}:
        found.append("no requirement says where the content is")
    if law.who_may_ask is None:
        found.append("no reference for who may ask")
    return found


def _requirement(data, element=None):
    return Requirement(element or data.get("element"), data.get("reference"), data.get("summary"),
                       data.get("not_needed_under_18") is True)


def read(path=DATA):
    """Every law in the file, shown or not."""
    with open(path, encoding="utf-8") as f:
        entries = yaml.safe_load(f)
    return tuple(LetterLaw(
        id=entry["id"], law=entry["law"], jurisdictions=tuple(entry["jurisdictions"]),
        with_regions=bool(entry.get("with_regions")), source=entry.get("source", ""),
        source_kind=entry.get("source_kind", ""), assured_date=entry.get("assured_date"),
        shown=entry.get("shown") is True, kind=entry.get("kind", "letter"),
        source_date=entry.get("source_date"),
        routes=tuple(route.get("step") for route in entry.get("routes", ())),
        requirements=tuple(_requirement(r) for r in entry.get("requirements", ())),
        who_may_ask=_requirement(entry["who_may_ask"], "who_may_ask")
        if entry.get("who_may_ask") else None) for entry in entries)


def usable(laws):
    return tuple(law for law in laws if not problems(law))


# Read once at start-up: no request changes what is held.
LAWS = read()
USABLE = usable(LAWS)


def law_for(place, laws=USABLE):
    """The checked law a letter for `place` rests on, or None."""
    return next((law for law in laws if place and law.applies_to(place)), None)
