"""The last `content verify` report, kept in a file so the maintainers' dashboard can show
it beside what visitors flagged, without reading every source page on each request."""
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class SavedReport:
    made_on: date = None
    by_listing: dict = field(default_factory=dict)   # {listing id: [finding, …]}

    def findings_for(self, listing_id):
        return self.by_listing.get(listing_id, [])


def save(result, path, today=None):
    """Write `verify.report(...)`'s result with the day it was made, atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps({"made_on": (today or date.today()).isoformat(), **result},
                                  ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)


def read(path):
    """The saved report, or an empty one when there is none or it cannot be read."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        made_on = date.fromisoformat(raw["made_on"])
        by_listing = {}
        for by_maintainer in raw["jurisdictions"].values():
            for items in by_maintainer.values():
                for item in items:
                    by_listing.setdefault(item["where"].split(".")[0], []).append(item)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return SavedReport()
    return SavedReport(made_on, by_listing)
