"""A static mirror: every page that depends only on its URL, written as files.

nginx serves it when the application does not answer (deploy/nginx.conf) or on its
own in a spike (deploy/nginx-static.conf), as GOV.UK keeps a mirror of its pages.
A page that needs a visitor's answers (the questions, results, search) is not in it.
"""
import contextvars
import shutil
from pathlib import Path

# Pages that need nothing but their URL, in every language.
LANGUAGE_PAGES = ("", "directory/", "law/", "safety", "about")
API_PAGES = ("/api/v1/jurisdictions", "/api/v1/law", "/api/v1/law.csv",
             "/api/v1/openapi.json", "/api/v1/hsds/organizations", "/api/v1/hsds/services")


def paths(catalogue, locale_codes):
    """Every URL the mirror holds."""
    yield "/robots.txt"
    for lang in locale_codes:
        for page in LANGUAGE_PAGES:
            yield f"/{lang}/{page}"
        for code in sorted(catalogue.jurisdictions):
            yield f"/{lang}/directory/{code}"
            yield f"/{lang}/law/{code}"
        for listing_id in sorted(catalogue.listings):
            yield f"/{lang}/listing/{listing_id}"
    yield from API_PAGES
    for code in sorted(catalogue.jurisdictions):
        yield f"/api/v1/jurisdictions/{code}"
        yield f"/api/v1/jurisdictions/{code}/listings"
    for listing_id in sorted(catalogue.listings):
        yield f"/api/v1/listings/{listing_id}"


def file_for(path, mimetype):
    """Where a URL's bytes go: a folder's page is its index.html; an HTML page gets
    .html and JSON gets .json unless the URL already names its type (nginx's
    try_files finds them again)."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        return relative + "index.html"
    if "." in relative.rsplit("/", 1)[-1]:
        return relative
    return relative + (".json" if mimetype == "application/json" else ".html")


def responses(app, catalogue, languages=None):
    """(path, response) for every URL the mirror holds, in every language or in these."""
    # A fresh context: inside a command's app context every request would share one `g`,
    # and with it the first page's language.
    return contextvars.Context().run(_responses, app, catalogue,
                                     list(languages or app.extensions["locales"]))


def _responses(app, catalogue, languages):
    client = app.test_client()
    return [(path, client.get(path)) for path in paths(catalogue, languages)]


def export(app, target):
    """Write the mirror into `target`; returns (pages written, URLs left out)."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    with app.app_context():
        catalogue = app.extensions["catalogue"].get()
    written, skipped = 0, []
    for path, response in responses(app, catalogue):
        if response.status_code != 200:
            skipped.append((path, response.status_code))   # e.g. a region without a law
            continue
        destination = target / file_for(path, response.mimetype)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(response.get_data())
        written += 1
    shutil.copytree(Path(app.static_folder), target / "static", dirs_exist_ok=True)
    return written, skipped
