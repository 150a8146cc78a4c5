"""Error pages: a calm explanation, the quick exit and the emergency line, never a traceback."""
import logging

from flask import g, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from .content.index import DatabaseError

log = logging.getLogger(__name__)

# Statuses with a page of their own; others use the general one.
PAGES = {400, 403, 404, 405, 413, 503}


def _render(status):
    if g.get("lang") not in _locales():
        # An unknown page under a known language prefix still speaks that language.
        prefix = request.path.strip("/").split("/", 1)[0]
        g.lang = prefix if prefix in _locales() else \
            request.accept_languages.best_match(list(_locales()), default="en")
    template = f"errors/{status}.html" if status in PAGES else "errors/other.html"
    return render_template(template, status=status), status


def _locales():
    from flask import current_app
    return current_app.extensions["locales"]


def init_app(app):
    @app.errorhandler(HTTPException)
    def http_error(error):
        body, status = _render(error.code or 500)
        headers = {}
        if status == 405 and getattr(error, "valid_methods", None):
            headers["Allow"] = ", ".join(error.valid_methods)
        return body, status, headers

    @app.errorhandler(DatabaseError)
    def not_built(error):
        log.error("content database unavailable: %s", error)
        return _render(503)

    @app.errorhandler(UnicodeError)
    def bad_encoding(error):
        return _render(400)

    @app.errorhandler(Exception)
    def unexpected(error):
        if isinstance(error, HTTPException):
            return http_error(error)
        log.exception("unexpected error on %s", request.path)
        try:
            return _render(500)
        except Exception:  # the error page itself failed: plain text, still no traceback
            log.exception("error page failed")
            return InternalServerError.description, 500, {"Content-Type": "text/plain"}
