"""Results pages answered before Flask builds a request.

A results page is pieces from the pages file joined together (results_page.py), which
costs less than Flask's request, routing, hooks and response objects do. So a posted
question page that leads to the results is answered here, by the same functions the
view calls (flow.after_post, views.render_results); anything else, and any page a piece
of which is not in the file, goes on to the application. It sits inside WholeBody, which
has read the body, and PrivateHeaders, which adds the same headers to every response.
"""
from io import BytesIO

from flask import g

from .. import flow
from ..bodies import SHORT
from ..codes import ANYWHERE
from ..content.index import DatabaseError
from .results_page import NotHeld
from .views import read_fields, render_results

# The headers Flask and the journey's hooks give a results page (tests/test_prerendered.py).
HEADERS = (("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"))


class ResultsAhead:
    def __init__(self, app, wsgi_app):
        self.app, self.wsgi_app = app, wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "POST" and not environ.get(SHORT):
            page = self._results(environ)
            if page is not None:
                start_response("200 OK", [*HEADERS, ("Content-Length", str(len(page)))])
                return [page]
        return self.wsgi_app(environ, start_response)

    def _results(self, environ):
        lang = _questions_language(environ.get("PATH_INFO", ""))
        if (lang not in self.app.extensions["locales"] or environ.get("QUERY_STRING")
                or not self.app.extensions["prerendered"].pages):
            return None
        raw = self._whole_body(environ)
        content_type = environ.get("CONTENT_TYPE", "").partition(";")[0].strip().lower()
        form = read_fields(raw, content_type) if raw else None
        if form is None:
            return None     # the application answers, with its 400 page where it is bad
        with self.app.app_context():
            try:
                catalogue = self.app.extensions["catalogue"].get()
                step, answers, _ = flow.after_post(form, catalogue.place_codes)
                if step is not None:
                    return None
                g.lang, g.suggested_country = lang, None
                if answers.where == ANYWHERE:   # the only results whose footer shows it
                    code = self.app.extensions["geo"].suggest(environ.get("REMOTE_ADDR"))
                    g.suggested_country = code if code in catalogue.jurisdictions else None
                return render_results(answers)
            except (NotHeld, DatabaseError):
                return None

    def _whole_body(self, environ):
        """The body WholeBody read, if it is all there and within the limit."""
        body = environ.get("wsgi.input")
        raw = body.getvalue() if isinstance(body, BytesIO) else None
        if raw is None or len(raw) > self.app.config["MAX_CONTENT_LENGTH"] \
                or environ.get("CONTENT_LENGTH") != str(len(raw)):
            return None
        return raw


def _questions_language(path):
    """"en" for /en/questions, else None."""
    parts = path.split("/")
    return parts[1] if len(parts) == 3 and not parts[0] and parts[2] == "questions" else None
