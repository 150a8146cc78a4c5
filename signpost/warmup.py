"""Everything signpost keeps in memory is loaded before the first visitor arrives.

A cache that a request fills, reorders or evicts lets the time a page takes tell what
earlier visitors asked. So pages are rendered for every request, and whatever the
libraries load lazily (templates, catalogues, CLDR data, date patterns, region names)
is loaded here, at start-up, for every language the site speaks. What depends on the
content (phone formats, time zones) is worked out when a content build is loaded.
"""
import gettext

import pycountry
from babel.core import get_global
from flask import g
from flask_babel import get_translations

from .content.index import DatabaseError
from .reports import ReportError

# Pages whose rendering touches every kind of language data: dates, clock times, time
# zone names, lists, plurals and region names.
WARM_PAGES = (("GET", "/{lang}/", None),
              ("POST", "/{lang}/questions",
               "danger=no&who=child&what=threats&where=GB-EAW&need=everything"
               "&step=need&nav=next"),
              ("GET", "/{lang}/directory/CA-QC", None),
              ("GET", "/{lang}/law/DE", None))


def subdivision_names(languages):
    """{language: ISO 3166-2 names translated}, from the iso-codes data pycountry ships."""
    return {language: gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                          languages=[language], fallback=True)
            for language in languages}


def warm(app):
    locales = list(app.extensions["locales"].values())
    env = app.jinja_env
    for name in env.list_templates():
        env.get_template(name)
    get_global("zone_aliases")          # loads all of CLDR's global data at once
    pycountry.subdivisions.get(code="GB-ENG")
    try:
        app.extensions["reports"].engine()  # so the first report is no slower than the next
    except ReportError:
        app.logger.warning("visitors' problem reports cannot be counted: no database")
    try:
        app.extensions["catalogue"].get()
    except DatabaseError:
        return          # nothing to serve yet: the error page needs no warming
    client = app.test_client()
    for locale in locales:
        with app.test_request_context(f"/{locale.code}/"):
            g.lang = locale.code
            get_translations()
        for method, path, body in WARM_PAGES:
            client.open(path.format(lang=locale.code), method=method, data=body,
                        content_type="application/x-www-form-urlencoded" if body else None)
