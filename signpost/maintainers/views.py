"""The maintainers' area (/<lang>/maintain/): NGO staff propose changes, a second person
reviews them. Off unless enabled; the only place signpost ever sets a cookie."""
import difflib
from datetime import date, timedelta
from functools import wraps

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   session, url_for)
from sqlalchemy import select

from .. import reports
from ..content import verify_report
from ..current import catalogue
from ..i18n import lang_prefixed
from . import accounts, workflow
from .forms import (AccountForm, CheckedForm, LanguageForm, LoginForm, RetireForm, ReviewForm,
                    StillCorrectForm, data_from_form, fill_form, listing_form, provenance)
from .models import PENDING, Account, AuditEvent, Proposal
from . import words
from .words import lazy_t, t

bp = lang_prefixed(Blueprint("maintain", __name__, url_prefix="/<lang>/maintain"))
# Addresses from before the language was in the URL.
legacy_bp = Blueprint("maintain_legacy", __name__)

MESSAGES = {
    "forbidden": lazy_t("That is outside what your account may do. The attempt was recorded."),
    "own-change": lazy_t("Every change needs a second person: you cannot review your own "
                         "proposal."),
    "decided": lazy_t("Someone has already decided on this proposal."),
    "stale": lazy_t("The listing changed since this was proposed. Please propose the change "
                    "again."),
    "invalid": lazy_t("The change does not pass the content checks:"),
    "exists": lazy_t("A listing with that identifier already exists."),
    "missing": lazy_t("There is no such listing."),
    "reason": lazy_t("Please say why."),
    "database": lazy_t("The content database could not be updated, so nothing was changed. "
                       "Please try again in a moment."),
}


def db():
    if "maintain_db" not in g:
        g.maintain_db = current_app.extensions["maintain_sessions"]()
    return g.maintain_db


@bp.teardown_app_request
def close_db(exc):
    store = g.pop("maintain_db", None)
    if store is not None:
        store.close()


@bp.before_request
def load_account():
    account_id = session.get("account_id")
    g.account = db().get(Account, account_id) if account_id else None
    # The cookie alone is not enough: logging out, a new password or a disabled account
    # raises the account's epoch, and every older session ends.
    if g.account is not None and (not g.account.active
                                  or session.get("epoch") != g.account.session_epoch):
        session.clear()
        g.account = None


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def signed_in(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if g.account is None:
            return redirect(url_for("maintain.login"))
        return view(*args, **kwargs)
    return wrapper


def refuse(what):
    workflow.record(db(), g.account, "refused", what)
    db().commit()
    abort(403)


def _fail(error):
    flash(str(MESSAGES.get(error.reason, error.reason)))
    for problem in error.problems:
        flash(f"{problem.field or 'listing'}: {problem.message}" if hasattr(problem, "field")
              else str(problem))
    if error.reason == "forbidden":
        abort(403)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        account = accounts.authenticate(db(), form.username.data, form.password.data,
                                        form.code.data)
        if account is not None:
            session.clear()
            session["account_id"], session["epoch"] = account.id, account.session_epoch
            return redirect(url_for("maintain.dashboard"))
        flash(t("That username, password or code did not work. After several tries an "
                "account waits 15 minutes."))
    return render_template("maintain/login.html", form=form)


@bp.post("/language")
def language():
    """The same page in another language. The session cookie belongs to one language's
    path, so a signed-in maintainer's session is carried to the other one here."""
    form = LanguageForm()
    target = request.form.get("to")
    here = f"/{g.lang}/maintain/"
    back = request.form.get("back") or here
    if (not form.validate_on_submit() or target not in current_app.extensions["locales"]
            or not back.startswith(here)):
        return redirect(url_for("maintain.dashboard"))
    response = redirect(f"/{target}/maintain/" + back[len(here):])
    if g.account is not None:
        # The same cookie the session interface writes, with the other language's path.
        app, interface = current_app._get_current_object(), current_app.session_interface
        response.set_cookie(
            interface.get_cookie_name(app),
            interface.get_signing_serializer(app).dumps(dict(session)),
            path=f"/{target}/maintain", domain=interface.get_cookie_domain(app),
            secure=interface.get_cookie_secure(app), httponly=interface.get_cookie_httponly(app),
            samesite=interface.get_cookie_samesite(app),
            expires=interface.get_expiration_time(app, session))
    return response


@legacy_bp.route("/maintain/", defaults={"rest": ""}, methods=["GET", "POST"])
@legacy_bp.route("/maintain/<path:rest>", methods=["GET", "POST"])
def without_language(rest):
    best = request.accept_languages.best_match(list(current_app.extensions["locales"]),
                                               default=current_app.config["DEFAULT_LOCALE"])
    return redirect(f"/{best}/maintain/{rest}", code=308)


@bp.post("/logout")
def logout():
    if g.account is not None:
        accounts.end_sessions(db(), g.account)
    session.clear()
    return redirect(url_for("maintain.login"))


@bp.get("/")
@signed_in
def dashboard():
    mine = _mine(catalogue())
    cutoff = date.today() - timedelta(days=365)
    waiting = [p for p in db().scalars(select(Proposal).where(Proposal.status == PENDING)
                                       .order_by(Proposal.created_at))
               if _may_see(p)]
    return render_template("maintain/dashboard.html", mine=sorted(mine, key=lambda x: x.id),
                           stale=[x for x in mine if x.assured_date < cutoff], waiting=waiting,
                           can_review=g.account.role in ("reviewer", "admin"),
                           **_flagged({x.id: x for x in mine}))


def _mine(cat):
    """The listings the signed-in account may change."""
    return [x for x in cat.listings.values() if g.account.may_edit(x.id, x.service_areas)]


def _flagged(mine):
    """The listings visitors flagged in the last 30 days, most reports first, each with
    what the last `content verify --save` found on its source pages."""
    try:
        counts = current_app.extensions["reports"].counts(since_days=30)
    except reports.ReportError:
        counts, unavailable = {}, True
    else:
        unavailable = False
    saved = verify_report.read(current_app.config["VERIFY_REPORT"])
    flagged = sorted((listing_id for listing_id in counts if listing_id in mine),
                     key=lambda listing_id: (-sum(counts[listing_id].values()), listing_id))
    return {"flagged": [(mine[i], counts[i], saved.findings_for(i)) for i in flagged],
            "reports_unavailable": unavailable, "verified_on": saved.made_on}


def _may_see(proposal):
    """Reviewers see every proposal; an editor their own and those in their scope."""
    if g.account.role in ("reviewer", "admin") or proposal.author_id == g.account.id:
        return True
    if proposal.action == workflow.FACT_CHECKED:
        return g.account.may_check_facts(proposal.listing_id)
    current = workflow.read_listing(current_app.config["CONTENT_DIR"], proposal.listing_id)
    return g.account.may_edit(proposal.listing_id, (current or {}).get("service_areas", []),
                              (proposal.data or {}).get("service_areas"))


def _diff(listing_id, before, after):
    return "".join(difflib.unified_diff(
        workflow.as_yaml(before).splitlines(True) if before else [],
        workflow.as_yaml(after).splitlines(True) if after else [],
        f"{listing_id}.yaml (now)", f"{listing_id}.yaml (proposed)"))


def _propose_listing(listing_id, action):
    content_dir = current_app.config["CONTENT_DIR"]
    current = workflow.read_listing(content_dir, listing_id) if listing_id else None
    if action == "edit" and current is None:
        abort(404)
    if current is not None and not g.account.may_edit(listing_id, current["service_areas"]):
        refuse(f"{action} {listing_id}: outside the account's scope")
    form = listing_form(tuple(locale.babel_id for code, locale in
                              current_app.extensions["locales"].items() if code != "en"))()
    if request.method == "GET":
        if current is not None:
            fill_form(form, listing_id, current)
        return render_template("maintain/listing.html", form=form, action=action, diff=None)
    if not form.validate_on_submit():
        return render_template("maintain/listing.html", form=form, action=action, diff=None)
    listing_id = listing_id or form.listing_id.data
    proposed = data_from_form(form, current)
    if "submit" not in request.form:      # the first post shows the change, nothing is saved
        return render_template("maintain/listing.html", form=form, action=action,
                               diff=_diff(listing_id, current, proposed))
    try:
        proposal = workflow.propose(db(), g.account, content_dir, catalogue().jurisdictions,
                                    listing_id, action, proposed, form.reason.data)
    except workflow.WorkflowError as error:
        _fail(error)
        return render_template("maintain/listing.html", form=form, action=action,
                               diff=_diff(listing_id, current, proposed))
    flash(t("Thank you. Your change waits for a second person to review it."))
    return redirect(url_for("maintain.proposal", proposal_id=proposal.id))


@bp.route("/listings/<listing_id>/edit", methods=["GET", "POST"])
@signed_in
def edit(listing_id):
    return _propose_listing(listing_id, "edit")


@bp.route("/listings/new", methods=["GET", "POST"])
@signed_in
def new():
    return _propose_listing(None, "add")


@bp.route("/listings/<listing_id>/<action>", methods=["GET", "POST"])
@signed_in
def small_change(listing_id, action):
    if action not in ("checked", "retire"):
        abort(404)
    content_dir = current_app.config["CONTENT_DIR"]
    current = workflow.read_listing(content_dir, listing_id)
    if current is None:
        abort(404)
    form = CheckedForm() if action == "checked" else RetireForm()
    if action == "checked" and request.method == "GET":
        form.source.data = current.get("source", "")
        form.source_kind.data = current.get("source_kind", "own")
    if form.validate_on_submit():
        data = None
        if action == "checked":
            data = provenance(dict(current), form)
        try:
            proposal = workflow.propose(db(), g.account, content_dir, catalogue().jurisdictions,
                                        listing_id, action, data, form.reason.data)
        except workflow.WorkflowError as error:
            _fail(error)
        else:
            flash(t("Thank you. Your change waits for a second person to review it."))
            return redirect(url_for("maintain.proposal", proposal_id=proposal.id))
    return render_template("maintain/small_change.html", form=form, action=action,
                           listing_id=listing_id, current=current)


@bp.get("/check")
@signed_in
def check_next():
    """The yearly re-check: the listings in one's scope, the longest unchecked first."""
    cat = catalogue()
    mine = _mine(cat)
    facts = [(j.code, name, block) for j in cat.jurisdictions.values()
             if g.account.may_check_facts(j.code) for name in workflow.FACT_BLOCKS
             for block in [getattr(j, name)] if block is not None]
    return render_template("maintain/check_next.html",
                           listings=sorted(mine, key=lambda x: (x.assured_date, x.id)),
                           facts=sorted(facts, key=lambda f: (f[2].assured_date, f[0], f[1])),
                           form=StillCorrectForm())


@bp.post("/check/facts/<code>/<block>")
@signed_in
def facts_still_correct(code, block):
    """"Still correct" for a jurisdiction's emergency numbers, compensation or law."""
    form = StillCorrectForm()
    if not form.validate_on_submit():
        flash(t("Please tick the box to say you looked at the source."))
        return redirect(url_for("maintain.check_next"))
    jurisdiction = catalogue().jurisdiction(code)
    found = getattr(jurisdiction, block) if jurisdiction and block in workflow.FACT_BLOCKS \
        else None
    if found is None:
        abort(404)
    try:
        workflow.propose_facts_checked(db(), g.account, current_app.config["CONTENT_DIR"],
                                       code, block, t("Still correct: looked at %(source)s",
                                                      source=found.source))
    except workflow.WorkflowError as error:
        _fail(error)
        return redirect(url_for("maintain.check_next"))
    flash(t("Thank you. %(listing)s waits for a second person to confirm it.",
            listing=f"{code}: {words.name(block)}"))
    return redirect(url_for("maintain.check_next"))


@bp.post("/check/<listing_id>")
@signed_in
def still_correct(listing_id):
    """"Still correct", in one step: the listing's source, looked at today."""
    content_dir = current_app.config["CONTENT_DIR"]
    current = workflow.read_listing(content_dir, listing_id) or abort(404)
    form = StillCorrectForm()
    if not form.validate_on_submit():
        flash(t("Please tick the box to say you looked at the source."))
        return redirect(url_for("maintain.check_next"))
    data = dict(current, assured_date=date.today().isoformat())
    try:
        proposal = workflow.propose(db(), g.account, content_dir, catalogue().jurisdictions,
                                    listing_id, "checked", data,
                                    t("Still correct: looked at %(source)s",
                                      source=current["source"]))
    except workflow.WorkflowError as error:
        _fail(error)
        return redirect(url_for("maintain.check_next"))
    flash(t("Thank you. %(listing)s waits for a second person to confirm it.",
            listing=listing_id))
    return redirect(url_for("maintain.check_next"))


@bp.route("/proposals/<int:proposal_id>", methods=["GET", "POST"])
@signed_in
def proposal(proposal_id):
    item = db().get(Proposal, proposal_id) or abort(404)
    if not _may_see(item):
        abort(404)      # not even whether it exists
    content_dir = current_app.config["CONTENT_DIR"]
    before = workflow.read_target(content_dir, item)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            if "approve" in request.form:
                workflow.approve(db(), item, g.account, content_dir,
                                 current_app.config["DATABASE_URL"], form.note.data or "")
                flash(t("Approved. The public pages show it within a few seconds."))
            else:
                workflow.reject(db(), item, g.account, form.note.data or "")
                flash(t("Rejected."))
            return redirect(url_for("maintain.dashboard"))
        except workflow.WorkflowError as error:
            _fail(error)
    after = item.data if item.action != "retire" else None
    return render_template("maintain/proposal.html", item=item, form=form,
                           diff=_diff(item.listing_id, before, after))


@bp.route("/accounts", methods=["GET", "POST"])
@signed_in
def manage_accounts():
    if g.account.role != "admin":
        refuse("account management: not an administrator")
    form = AccountForm()
    secret = None
    if form.validate_on_submit():
        try:
            created = accounts.create(db(), form.username.data, form.password.data,
                                      form.role.data, form.organisation.data,
                                      form.scopes.data.replace(",", " ").split(),
                                      form.public_name.data or None, form.totp.data)
        except ValueError as error:
            flash(str(error))
        else:
            workflow.record(db(), g.account, "account", f"created {created.username}")
            db().commit()
            secret = created.new_totp_secret
            flash(t("Account %(name)s created.", name=created.username))
    people = db().scalars(select(Account).order_by(Account.username)).all()
    events = db().scalars(select(AuditEvent).order_by(AuditEvent.at.desc()).limit(50)).all()
    return render_template("maintain/accounts.html", form=form, people=people, events=events,
                           secret=secret)
