"""Which kinds of route each jurisdiction has: present, none (a sourced fact), or missing."""
from dataclasses import dataclass

from ..codes import ANYWHERE, EXPECTED_KINDS

# Routes that work anywhere count for every country.
ANYWHERE_KINDS = ("takedown",)
FACTS = ("emergency", "compensation", "law")


@dataclass(frozen=True)
class Coverage:
    code: str
    present: dict      # kind -> listing ids, or the jurisdiction block's name
    none: dict         # kind -> the absence (note and source)
    missing: tuple
    inherited: tuple   # facts a region takes from its country


def _listings_by_kind(content, areas):
    found = {}
    for item in content.listings.values():
        if set(item.service_areas) & set(areas):
            found.setdefault(item.kind, []).append(item.id)
    return found


def for_jurisdiction(content, code):
    j = content.jurisdictions[code]
    areas = (code, *j.regions)
    present = _listings_by_kind(content, areas)
    for kind, ids in _listings_by_kind(content, (ANYWHERE,)).items():
        if kind in ANYWHERE_KINDS:
            present.setdefault(kind, []).extend(ids)
    inherited = []
    for fact in FACTS:
        if getattr(j, fact) is not None:
            present.setdefault(fact, []).append(f"{code}.yaml")
        elif j.parent and getattr(content.jurisdictions[j.parent], fact) is not None:
            inherited.append(fact)
    none = {a.kind: a for a in j.absent}
    expected = ("compensation",) if j.parent else EXPECTED_KINDS + FACTS
    missing = tuple(k for k in dict.fromkeys(expected)
                    if k not in present and k not in none and k not in inherited)
    return Coverage(code, present, none, missing, tuple(inherited))


def report(content):
    """Coverage for every country, each followed by its regions; INT is left out."""
    ordered = []
    for code in sorted(c for c, j in content.jurisdictions.items()
                       if j.parent is None and c != ANYWHERE):
        ordered.append(for_jurisdiction(content, code))
        ordered.extend(for_jurisdiction(content, r)
                       for r in sorted(content.jurisdictions[code].regions)
                       if r in content.jurisdictions)
    return ordered
