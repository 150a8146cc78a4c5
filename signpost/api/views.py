"""The read-only JSON API: the content for other tools, and the HSDS 3.0 feed.

Any site may read it (CORS *). It sets no cookie, reads nothing about the caller, and every
answer depends on its URL alone, so shared caches may keep it. Errors are JSON too.
"""
import json
import logging
from datetime import date

from flask import Blueprint, abort, current_app, request, url_for
from flask_babel import force_locale
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from . import OPENAPI
from ..content import hsds, lawdata
from ..content.index import DatabaseError
from ..content.models import as_data
from ..current import catalogue
from ..templating import place_name
from .route import RouteError, read_request, respond

bp = Blueprint("api", __name__, url_prefix="/api/v1")
log = logging.getLogger(__name__)

HEADERS = {"Access-Control-Allow-Origin": "*",
           "Cross-Origin-Resource-Policy": "cross-origin"}   # before privacy's same-origin
FACTS = ("emergency", "compensation", "law")


def _as_json(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _json(data, status=200):
    body = json.dumps(data, ensure_ascii=False, default=_as_json)
    return current_app.response_class(body, status=status, mimetype="application/json")


def _api_headers(response):
    response.headers.update(HEADERS)
    cacheable = response.status_code == 200 and request.method == "GET"
    response.headers["Cache-Control"] = "public, max-age=300" if cacheable else "no-store"
    return response


bp.after_request(_api_headers)


@bp.errorhandler(HTTPException)
def http_error(error):
    response = _json({"error": error.description, "status": error.code}, error.code)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


@bp.errorhandler(DatabaseError)
def not_built(error):
    log.error("content database unavailable: %s", error)
    return _json({"error": "The content is not available just now.", "status": 503}, 503)


@bp.errorhandler(Exception)
def unexpected(error):
    log.exception("unexpected error on %s", request.path)
    return _json({"error": "Something went wrong.", "status": 500}, 500)


@bp.before_app_request
def routing_error_as_json():
    """Flask matches a URL before it knows the blueprint, so a wrong path or method under
    /api/v1/ would get the site's HTML error page (errors.py): answer those in JSON here."""
    error = request.routing_exception
    inside = request.path == bp.url_prefix or request.path.startswith(bp.url_prefix + "/")
    if inside and isinstance(error, (NotFound, MethodNotAllowed)):
        if isinstance(error, NotFound):
            error = NotFound("No such API route: see /api/v1/openapi.json.")
        return _api_headers(http_error(error))
    return None


def _jurisdiction_or_404(code):
    j = catalogue().jurisdiction(code.upper())
    if j is None:
        abort(404, description=f"No jurisdiction {code!r}.")
    return j


def _names(code):
    """The place's name in every language of the site, as its pages show it."""
    names = {}
    for lang, site in current_app.extensions["locales"].items():
        with force_locale(site.babel_id):
            names[lang] = place_name(code)
    return names


def _links(code):
    lang = current_app.config["DEFAULT_LOCALE"]
    return {"self": url_for("api.jurisdiction", code=code),
            "listings": url_for("api.jurisdiction_listings", code=code),
            "directory": url_for("directory.jurisdiction", lang=lang, code=code),
            "law": url_for("directory.law", lang=lang, code=code)}


def _summary(j):
    return {"code": j.code, "parent": j.parent, "names": _names(j.code),
            "regions": list(j.regions), "links": _links(j.code)}


def _fact(j, name):
    """The facts that apply in j, its own or its country's, saying whose they are."""
    block = getattr(catalogue(), f"{name}_for")(j.code)
    if block is None:
        return None
    return {**as_data(block), "stated_in": j.code if block is getattr(j, name) else j.parent}


def _page(records):
    """All records in one HSDS 3.0 API Page."""
    return {"total_items": len(records), "total_pages": 1, "page_number": 1,
            "size": len(records), "first_page": True, "last_page": True,
            "empty": not records, "contents": records}


@bp.get("/jurisdictions")
def jurisdictions():
    cat = catalogue()
    return _json({"jurisdictions": [_summary(cat.jurisdictions[code])
                                    for code in sorted(cat.jurisdictions)]})


@bp.get("/jurisdictions/<code>")
def jurisdiction(code):
    j = _jurisdiction_or_404(code)
    return _json({**_summary(j), "timezone": j.timezone, "languages": list(j.languages),
                  "absent": [as_data(a) for a in j.absent],
                  **{name: _fact(j, name) for name in FACTS}})


@bp.get("/jurisdictions/<code>/listings")
def jurisdiction_listings(code):
    j = _jurisdiction_or_404(code)
    return _json({"jurisdiction": j.code,
                  "listings": [as_data(item) for item in catalogue().listings_in(j.code)]})


@bp.get("/listings/<listing_id>")
def listing(listing_id):
    item = catalogue().listings.get(listing_id)
    if item is None:
        abort(404, description=f"No listing {listing_id!r}.")
    return _json(as_data(item))


@bp.get("/law")
def law():
    return _json({"licence": lawdata.LICENCE,
                  "jurisdictions": [lawdata.as_dict(r, _names(r.code))
                                    for r in lawdata.records(catalogue())]})


@bp.get("/law.csv")
def law_csv():
    return current_app.response_class(lawdata.as_csv(lawdata.records(catalogue())),
                                      mimetype="text/csv")


@bp.get("/hsds/services")
def hsds_services():
    return _json(_page(hsds.services(catalogue(), date.today())))


@bp.get("/hsds/organizations")
def hsds_organizations():
    return _json(_page(hsds.organizations(catalogue())))


@bp.route("/route", methods=["POST", "OPTIONS"])
def route():
    """The help for a person's answers, as the results page gives it. The body is read
    here and forgotten: nothing of it is logged or kept."""
    if request.method == "OPTIONS":         # a browser asking whether it may post JSON
        response = current_app.response_class(status=204)
        response.headers.update({"Access-Control-Allow-Methods": "POST",
                                 "Access-Control-Allow-Headers": "Content-Type",
                                 "Access-Control-Max-Age": "86400"})
        return response
    cat = catalogue()
    locales = current_app.extensions["locales"]
    try:
        answers, language = read_request(request.get_json(silent=True), cat.place_codes,
                                         list(locales))
    except RouteError as error:
        return _json(error.as_data(), 400)
    return _json(respond(answers, locales[language], cat,
                         lambda listing_id: url_for("directory.listing", lang=language,
                                                    listing_id=listing_id)))


@bp.get("/openapi.json")
def openapi():
    return _json(OPENAPI)
