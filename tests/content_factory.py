"""Small, invented content sets for tests. No real organisation is described here."""
from pathlib import Path

import yaml

JURISDICTIONS = {
    "NO": {"code": "NO", "timezone": "Europe/Oslo", "languages": ["nb"],
           "emergency": {"phones": [{"number": "112"}], "source": "https://example.org/no",
                         "source_kind": "official", "assured_date": "2026-01-10"}},
    "GB": {"code": "GB", "timezone": "Europe/London", "languages": ["en"],
           "regions": ["GB-SCT"],
           "emergency": {"phones": [{"number": "999"}], "source": "https://example.org/gb",
                         "source_kind": "official", "assured_date": "2026-01-10"}},
    "GB-SCT": {"code": "GB-SCT", "parent": "GB", "name": {"en": "Scotland"},
               "timezone": "Europe/London", "languages": ["en"]},
    "INT": {"code": "INT", "name": {"en": "Anywhere"}, "timezone": "UTC", "languages": ["en"]},
}

LISTING = {
    "name": "Example Helpline",
    "description": {"en": "An invented helpline for tests."},
    "url": "https://example.org/helpline",
    "kind": "child-helpline",
    "services": ["talk"],
    "serves": {"roles": ["child"]},
    "service_areas": ["GB"],
    "phones": [{"number": "+44 800 1111"}],
    "source": "https://example.org/helpline/contact",
    "source_kind": "own",
    "assured_date": "2026-01-10",
}


def write_content(root, jurisdictions=None, listings=None):
    root = Path(root)
    (root / "jurisdictions").mkdir(parents=True, exist_ok=True)
    (root / "listings").mkdir(parents=True, exist_ok=True)
    for code, data in (jurisdictions or JURISDICTIONS).items():
        write(root / "jurisdictions" / f"{code}.yaml", data)
    for key, data in (listings if listings is not None else {"gb-example": LISTING}).items():
        write(root / "listings" / f"{key}.yaml", data)
    return root


def write(path, data):
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    Path(path).write_text(text, encoding="utf-8")
