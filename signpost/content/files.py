"""Reading content files: YAML as maintainers write it, into plain documents.

One YAML dialect for everything that reads content, the site and the maintainers' area
alike: only true and false are booleans, so the country code NO stays "NO".
"""
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str
    is_error: bool = True

    def __str__(self):
        kind = "error" if self.is_error else "warning"
        return f"{self.path}: {self.field or '(file)'}: {kind}: {self.message}"


# libyaml's C parser when it is there: the pure-Python one is ten times slower.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentYamlLoader(_BaseLoader):
    """YAML where only true/false are booleans, so the country code NO stays "NO"."""


ContentYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def parse(text):
    """A YAML text as content files mean it, with dates as ISO text."""
    return dates_as_text(yaml.load(text, Loader=ContentYamlLoader))


def dates_as_text(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dates_as_text(v) for v in value]
    return value


def file_path(root, kind, key):
    """Where a document lives: content/listings/<id>.yaml, content/jurisdictions/<code>.yaml."""
    return Path(root) / kind / f"{key}.yaml"


def read(root):
    """({"jurisdictions": {code: data}, "listings": {id: data}}, problems) for the files
    under `root`, keyed by file name. A file that cannot be read is a problem, not a
    document."""
    root = Path(root)
    problems = []
    documents = {"jurisdictions": {}, "listings": {}}
    for kind in documents:
        for path in sorted((root / kind).glob("*.yaml")):
            readable, data = _parse_file(path, problems)
            if not readable:
                continue
            if not isinstance(data, dict):
                problems.append(Problem(str(path), "", "must be a set of `field: value` lines"))
                continue
            documents[kind][path.stem] = data
    return documents, problems


def _parse_file(path, problems):
    """(True, data), or (False, None) with the reason added to `problems`."""
    try:
        return True, parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(str(path), "", f"cannot be read: {exc}".splitlines()[0]))
        return False, None


def history(root, problems):
    """Each listing's public change log: content/history/<id>.yaml, a list of changes."""
    found = {}
    for path in sorted((root / "history").glob("*.yaml")):
        readable, entries = _parse_file(path, problems)
        if not readable:
            continue
        entries = entries or []     # an empty file: no changes yet
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            problems.append(Problem(str(path), "", "must be a list of changes"))
            continue
        found[path.stem] = entries
    return found
