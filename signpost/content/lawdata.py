"""The law as open data: one record per jurisdiction, for the comparison page, the JSON
API and the CSV file. Pure: a catalogue in, plain records out."""
import csv
import io
from dataclasses import dataclass

from ..codes import ANYWHERE

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "signpost law data, with the address and the date you retrieved it from; "
                   "each record names its own official sources",
}

# The provisions a label rests on have this reach.
RESTS_ON = {"explicit": "names-ai", "general": "general", "not_covered": "real-only"}


@dataclass(frozen=True)
class LawRecord:
    code: str
    parent: str
    law: object            # models.Law, or None where nothing is checked yet
    stated_in: str         # the jurisdiction whose law section this is
    rests_on: tuple        # the provisions in force that decide the label

    @property
    def inherited(self):
        return self.law is not None and self.stated_in != self.code

    @property
    def in_force(self):
        """The earliest date from which the deciding provisions apply."""
        return min((p.in_force for p in self.rests_on), default=None)


def records(catalogue):
    """Every jurisdiction, countries in code order, each followed by its regions, then INT."""
    found = []
    for code in catalogue.countries() + [ANYWHERE]:
        for j in [catalogue.jurisdiction(code), *catalogue.regions_of(code)]:
            found.append(record(catalogue, j))
    return found


def record(catalogue, j):
    law, stated_in = None, None
    owner = j
    while owner is not None:
        if owner.law is not None:
            law, stated_in = owner.law, owner.code
            break
        owner = catalogue.jurisdiction(owner.parent) if owner.parent else None
    rests_on = ()
    if law is not None:
        reach = RESTS_ON.get(law.ai_images)
        rests_on = tuple(p for p in law.provisions if p.reach == reach)
    return LawRecord(j.code, j.parent, law, stated_in, rests_on)


def as_dict(rec, names=None):
    law = rec.law
    data = {"code": rec.code, "parent": rec.parent, "stated_in": rec.stated_in,
            "ai_images": law.ai_images if law else None}
    if names is not None:
        data["names"] = names
    if law is None:
        return data
    return {**data,
            "summary": law.summary,
            "in_force": rec.in_force,
            "rests_on": [p.title for p in rec.rests_on],
            "provisions": [{"title": p.title, "url": p.url, "in_force": p.in_force,
                            "in_force_at_least": p.in_force_at_least, "reach": p.reach}
                           for p in law.provisions],
            "pending": [{"title": c.title, "status": c.status, "date": c.date, "url": c.url,
                         "in_force": c.in_force} for c in law.pending],
            "citations": [p.url for p in law.provisions],
            "source": law.source, "source_kind": law.source_kind,
            "source_date": law.source_date, "other_sources": list(law.other_sources),
            "assured_date": law.assured_date}


CSV_COLUMNS = ("code", "parent", "stated_in", "ai_images", "in_force", "rests_on",
               "provisions", "pending", "summary_en", "citations", "source", "source_kind",
               "source_date", "assured_date")


def as_csv(recs):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in recs:
        law = rec.law
        if law is None:
            writer.writerow([rec.code, rec.parent or "", "", "", *[""] * 10])
            continue
        writer.writerow([
            rec.code, rec.parent or "", rec.stated_in, law.ai_images,
            rec.in_force.isoformat() if rec.in_force else "",
            "; ".join(p.title for p in rec.rests_on),
            "; ".join(f"{p.title} ({p.reach}, in force {p.in_force.isoformat()})"
                      for p in law.provisions),
            "; ".join(f"{c.title} ({c.status} {c.date.isoformat()})" for c in law.pending),
            law.summary.get("en", ""),
            " ".join(p.url for p in law.provisions),
            law.source, law.source_kind,
            law.source_date.isoformat() if law.source_date else "",
            law.assured_date.isoformat()])
    return out.getvalue()
