"""Content from its files, in three steps: read, check, build.

`files.read` parses the YAML, `check.check` finds every problem, and `build.build` makes
the model objects from what passed, with the texts' translations merged in.
"""
from pathlib import Path

from . import translations
from .build import build
from .check import check, check_listing     # noqa: F401  (the maintainers' checks)
from .files import Problem, file_path, history, read
from .models import Content                 # noqa: F401


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load(root, today=None, translations_dir=None, translate=True):
    """Read, check and build everything under `root`; return (Content, problems).

    Texts get their translations from the content catalogues (by default in
    translations/content/ beside `root`). Content holds only the files without errors;
    a caller must refuse to serve it when any problem is an error.
    """
    root = Path(root)
    documents, problems = read(root)
    problems += check(documents, today, root)
    changes = history(root, problems)
    failed = {p.path for p in problems if p.is_error}
    lookups = translations.lookups(translations_dir or translations.beside(root)) \
        if translate else {}
    passed = {kind: {key: translations.merge(data, key, lookups)
                     for key, data in items.items()
                     if str(file_path(root, kind, key)) not in failed}
              for kind, items in documents.items()}
    for key, entries in changes.items():
        if key in passed["listings"]:
            passed["listings"][key] = dict(passed["listings"][key], history=entries)
    return build(passed), problems


def load_valid(root, today=None, translate=True):
    """Like load(), but raise ContentError when anything is wrong."""
    content, problems = load(root, today, translate=translate)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return content
