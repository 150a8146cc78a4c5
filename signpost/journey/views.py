"""The visitor's journey: start page, one question per page, then results.

Answers travel only in the body of each post, as hidden fields. URLs stay
neutral, nothing is written down, and every page here is marked no-store.
"""
from datetime import date
from urllib.parse import parse_qsl

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from .. import flow, matching, reports
from ..current import catalogue, suggested_country
from ..codes import ANYWHERE
from ..i18n import lang_prefixed
from ..removal_letters import law_for
from ..routing import route
from ..templating import place_name
from ..templating.rendering import hidden_inputs
from ..voice import gettext
from . import removal, results_page
from .forms import journey_form

root_bp = Blueprint("root", __name__)
bp = lang_prefixed(Blueprint("journey", __name__, url_prefix="/<lang>"))


@root_bp.get("/")
def choose_language():
    locales = current_app.extensions["locales"]
    best = request.accept_languages.best_match(list(locales),
                                               default=current_app.config["DEFAULT_LOCALE"])
    response = redirect(url_for("journey.start", lang=best), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response




@root_bp.get("/robots.txt")
def robots():
    return current_app.response_class(
        "User-agent: *\nDisallow: /maintain/\nDisallow: /*/maintain/\n", mimetype="text/plain")


@bp.before_request
def may_suggest_a_country():
    g.use_suggestion = True


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _where_choices():
    """Countries by name, with their regions grouped under them, for "Where are you?".

    WTForms renders {group label: [(value, label)]} as optgroups.
    """
    cat = catalogue()
    by_name = sorted(cat.countries(), key=lambda code: place_name(code).casefold())
    plain = [(code, place_name(code)) for code in by_name if not cat.regions_of(code)]
    choices = {"": [("", gettext("Choose a country"))] + plain}
    for code in by_name:
        regions = sorted(((r.code, place_name(r.code)) for r in cat.regions_of(code)),
                         key=lambda choice: choice[1].casefold())
        if regions:
            choices[place_name(code)] = [(code, place_name(code))] + regions
    choices[gettext("Somewhere else")] = [(ANYWHERE, gettext("My country is not listed"))]
    return choices


def _place_codes():
    return catalogue().place_codes


def _speak_to(answers):
    """A child, or someone who has not yet said who they are, is spoken to as a teenager."""
    g.young = answers.who in (None, "child")


def _render_step(step, answers, error=None):
    _speak_to(answers)
    if step == "urgent":
        return _render_urgent(answers)
    if step == "where" and not answers.where and suggested_country():
        answers = answers.with_answer("where", suggested_country())
    form = journey_form(answers, step, _where_choices(), error)
    return render_template(
        "journey/question.html", form=form, step=step, answers=answers,
        position=flow.position(answers, step), hidden=_hidden(answers, step),
        young=answers.is_young, **_switcher(answers, step, "stay"))


def _switcher(answers, step, nav):
    """What the language switcher posts to show this same step in another language."""
    return {"switch_fields": hidden_inputs(_hidden(answers, None) + [("step", step),
                                                                      ("nav", nav)])}


def _hidden(answers, step):
    """(name, value) pairs for every answer except the one on this page."""
    pairs = []
    for name in flow.QUESTIONS:
        if name == step:
            continue
        value = answers.get(name)
        for item in (value if isinstance(value, tuple) else (value,)):
            if item:
                pairs.append((name, item))
    return pairs


def _render_urgent(answers):
    cat = catalogue()
    code = answers.where or suggested_country()
    g.page_country = code[:2] if code and code != ANYWHERE else None
    emergency = cat.emergency_for(code) if code and code != ANYWHERE else None
    helplines = matching.child_helplines(cat.listings_for(code), cat.area_chain(code)) \
        if code else []
    # Without a country: a choice of country, and every country's numbers by name.
    everywhere = [] if emergency else [
        (c, cat.emergency_for(c),
         next(iter(matching.child_helplines(cat.listings_for(c), cat.area_chain(c))), None))
        for c in sorted(cat.countries(), key=lambda c: place_name(c).casefold())]
    return render_template("journey/urgent.html", answers=answers, country=code,
                           emergency=emergency, helplines=helplines[:2], everywhere=everywhere,
                           where_choices=_where_choices() if everywhere else None,
                           hidden=_hidden(answers, None),
                           hidden_but_where=_hidden(answers, "where"),
                           young=answers.is_young, **_switcher(answers, "urgent", "stay"))


def _route(answers):
    _speak_to(answers)
    found = route(answers, catalogue())
    g.page_country = found.place[:2] if found.place != ANYWHERE else None
    return found


def render_results(answers):
    """The results page for complete answers, as bytes: the view's, and the one
    journey/ahead.py answers before Flask builds a request."""
    last_step = flow.steps_for(answers)[-1]
    hidden = _hidden(answers, None)
    return results_page.page(_route(answers), answers, hidden,
                             [pair for pair in hidden if pair[0] != "where"], last_step)


@bp.post("/results/download")
def download():
    """The same results as a file the visitor keeps: inline styles, nothing fetched,
    nothing stored. Incomplete answers go back to the questions."""
    answers, _ = flow.read_answers(_posted_form().to_dict(flat=False), _place_codes())
    gap = flow.first_unanswered(answers)
    if gap:
        return _render_step(gap, answers, flow.REQUIRED)
    found = _route(answers)
    body = results_page.body(results_page.Pieces(standalone=True), found, answers)
    html = render_template("journey/download.html", body=Markup(b"".join(body).decode()),
                           young=answers.is_young, stylesheet=_stylesheet(),
                           today=date.today())
    response = current_app.response_class(html, mimetype="text/html")
    response.headers["Content-Disposition"] = 'attachment; filename="signpost-help.html"'
    return response


def _stylesheet():
    with current_app.open_resource("static/signpost.css", "r", encoding="utf-8") as f:
        return Markup(f.read())


@bp.get("/")
def start():
    code = suggested_country()
    g.page_country = code
    g.young = True
    return render_template("journey/start.html", country=code)


# The only names our forms post; anything else is not from our pages.
FORM_NAMES = frozenset(flow.QUESTIONS) | {"step", "nav", "report", "page"}
MAX_FIELDS = 100        # every answer at once is fewer than 20


def read_fields(raw, mimetype, names=FORM_NAMES):
    """A posted body as {name: [values]}, or None for anything but a small, clean,
    UTF-8 form of ours, with no name but `names`."""
    if raw and mimetype != "application/x-www-form-urlencoded":
        return None
    try:    # strict: an escape that is not UTF-8 is refused, never replaced
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict",
                          max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        return None
    fields = {}
    for name, value in pairs:
        fields.setdefault(name, []).append(value)
    return None if fields.keys() - names else fields


def read_form(raw, mimetype, names=FORM_NAMES):
    """The same, as the MultiDict that WTForms reads."""
    fields = read_fields(raw, mimetype, names)
    return None if fields is None else MultiDict(fields)


def _posted_form(names=FORM_NAMES):
    """The posted form, or 400."""
    form = read_form(request.get_data(cache=True), request.mimetype, names)  # too long: 413
    if form is None:
        abort(400)
    return form


@bp.route("/questions", methods=["GET", "POST"])
def questions():
    if request.method == "GET":
        return _render_step("danger", flow.Answers())
    step, answers, error = flow.after_post(_posted_form().to_dict(flat=False), _place_codes())
    if step is None:
        return render_results(answers)
    return _render_step(step, answers, error)


@bp.post("/report")
def report():
    """A visitor flags a listing. Only the listing, the problem and the day are counted;
    thanks are shown on the page the visitor was on."""
    form = _posted_form()
    found = reports.parse(form.get("report"), catalogue().listings)
    status = 200
    if found is None:
        g.report_notice, status = "unreadable", 400
    else:
        try:
            current_app.extensions["reports"].add(*found)
            g.report_notice = "thanks"
        except reports.ReportError:
            current_app.logger.warning("a problem report could not be saved")
            g.report_notice, status = "failed", 503
    answers, _ = flow.read_answers(form.to_dict(flat=False), _place_codes())
    if answers.where and not flow.first_unanswered(answers):
        return render_results(answers), status
    page = _directory_page(form.get("page"))
    if page is None and found is not None:
        page = _directory_page(url_for("directory.listing", listing_id=found[0]))
    return (page if page is not None else start()), status


def _directory_page(path):
    """The directory page at `path` in this language, rendered again; None for any other."""
    try:
        endpoint, values = current_app.url_map.bind("localhost").match(path or "", "GET")
        if not endpoint.startswith("directory.") or values.pop("lang", None) != g.lang:
            return None
        return current_app.view_functions[endpoint](**values)
    except HTTPException:       # no such page, or one that redirects: not a page to show
        return None


@bp.post("/remove-request")
def remove_request():
    """A request to a platform to remove an image, written from what the visitor types.
    It is made from this post and forgotten with the response: nothing is kept."""
    form = _posted_form(FORM_NAMES | removal.FIELD_NAMES)
    answers, _ = flow.read_answers(form.to_dict(flat=False), _place_codes())
    gap = flow.first_unanswered(answers)
    if gap:
        return _render_step(gap, answers, flow.REQUIRED)
    law = law_for(answers.where)
    if law is None:         # no checked law here: the results offer no letter either
        abort(404)
    _speak_to(answers)
    g.page_country = answers.where[:2]
    last_step = flow.steps_for(answers)[-1]
    return removal.respond(form, law, answers, _hidden(answers, None), last_step)
