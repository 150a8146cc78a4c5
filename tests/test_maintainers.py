"""The NGO side, tried as NGOs would: propose, review by a second person, publish.

Runs against SQLite, and against PostgreSQL too where one is available (CI starts it)."""
import os
import re
import threading

import pytest
import yaml
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from signpost import create_app
from signpost.content import index
from signpost.maintainers import accounts, workflow
from signpost.maintainers.models import AuditEvent, Proposal
from tests.conftest import make_config
from tests.content_factory import LISTING, write_content

POSTGRES = os.environ.get("SIGNPOST_TEST_POSTGRES_URL",
                          "postgresql+psycopg://signpost:signpost@127.0.0.1:5432/signpost_test")
PASSWORD = "correct horse battery staple"


def _postgres_or_skip():
    try:
        engine = create_engine(POSTGRES)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    except OperationalError:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not running: run tests/setup.sh")
        pytest.skip("no PostgreSQL here: run tests/setup.sh")
    return POSTGRES


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request, tmp_path, geoip_file):
    """A maintainers-enabled signpost with invented content, an editor, a second
    editor outside its scope, and a reviewer."""
    url = (f"sqlite:///{tmp_path / 'maintain.sqlite'}" if request.param == "sqlite"
           else _postgres_or_skip())
    content = write_content(tmp_path / "content")
    database = tmp_path / "content.sqlite"
    index.build(content, f"sqlite:///{database}")
    app = create_app(make_config(database, geoip_file, CONTENT_DIR=content, MAINTAIN_ENABLED=True,
                                 SECRET_KEY="test-only-" + "x" * 30, MAINTAIN_DATABASE_URL=url,
                                 MAINTAIN_COOKIE_SECURE=False))
    with app.extensions["maintain_sessions"]() as session:
        accounts.create(session, "eda", PASSWORD, "editor", "Example Helpline UK", ["GB"],
                        public_name="Eda")
        accounts.create(session, "ola", PASSWORD, "editor", "Elsewhere e.V.", ["NO"])
        accounts.create(session, "rui", PASSWORD, "reviewer", "National network")
    app.content_dir = content
    return app


def csrf(response):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                     response.get_data(as_text=True)).group(1)


def sign_in(app, username):
    client = app.test_client()
    page = client.get("/en/maintain/login")
    response = client.post("/en/maintain/login", data={"csrf_token": csrf(page),
                                                    "username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return client


def propose_description(client, words, submit=True, areas="GB"):
    page = client.get("/en/maintain/listings/gb-example/edit")
    form = {"csrf_token": csrf(page), "listing_id": "gb-example", "name": "Example Helpline",
            "description_en": words, "url": "https://example.org/helpline",
            "kind": "child-helpline", "services": "talk", "roles": "child",
            "service_areas": areas, "phones": "+44 800 1111 | voice | Free line",
            "source": "https://example.org/helpline/contact", "source_kind": "own",
            "reason": "New opening words",
            "free": "yes", "anonymous": "", "confidential": ""}
    if submit:
        form["submit"] = "1"
    return client.post("/en/maintain/listings/gb-example/edit", data=form)


def test_one_proposes_a_second_approves_the_public_page_shows_it(site):
    editor = sign_in(site, "eda")
    preview = propose_description(editor, "A calm new description.", submit=False)
    assert "+  en: A calm new description." in preview.get_data(as_text=True)
    sent = propose_description(editor, "A calm new description.")
    assert sent.status_code == 302
    public = site.test_client()
    assert "A calm new description." not in public.get("/en/listing/gb-example").get_data(
        as_text=True), "nothing is public before review"

    reviewer = sign_in(site, "rui")
    proposal = reviewer.get(sent.headers["Location"])
    approved = reviewer.post(sent.headers["Location"], data={"csrf_token": csrf(proposal),
                                                            "approve": "1"})
    assert approved.status_code == 302
    page = public.get("/en/listing/gb-example").get_data(as_text=True)
    assert "A calm new description." in page
    assert "Example Helpline UK (Eda)" in page and "New opening words" in page
    assert "Reviewed by National network." in page
    history = yaml.safe_load((site.content_dir / "history" / "gb-example.yaml").read_text())
    assert history[0]["fields"] == ["assured_date", "description", "phones", "serves",
                                    "service_areas"] or "description" in history[0]["fields"]


def test_an_editor_cannot_approve_their_own_change(site):
    editor = sign_in(site, "eda")
    sent = propose_description(editor, "Mine to approve?")
    proposal = editor.get(sent.headers["Location"])
    assert "Approve and publish" not in proposal.get_data(as_text=True)
    token = csrf(editor.get("/en/maintain/listings/gb-example/edit"))   # any form of theirs
    tried = editor.post(sent.headers["Location"], data={"csrf_token": token, "approve": "1"},
                        follow_redirects=True)
    assert tried.status_code == 403
    with site.extensions["maintain_sessions"]() as session:
        assert session.scalar(select(Proposal.status)) == "pending"
        assert session.scalars(select(AuditEvent.action)).all() == ["refused"]


def test_outside_ones_scope_is_refused_and_recorded(site):
    other = sign_in(site, "ola")
    response = other.get("/en/maintain/listings/gb-example/edit")
    assert response.status_code == 403
    assert 'id="quick-exit"' in response.get_data(as_text=True)
    with site.extensions["maintain_sessions"]() as session:
        assert "outside" in session.scalar(select(AuditEvent.detail))


def test_invalid_change_is_refused_and_nothing_typed_is_lost(site):
    editor = sign_in(site, "eda")
    page = client_page = editor.get("/en/maintain/listings/gb-example/edit")
    response = editor.post("/en/maintain/listings/gb-example/edit", data={
        "csrf_token": csrf(client_page), "listing_id": "gb-example", "name": "Example Helpline",
        "description_en": "Words I typed carefully.", "url": "https://example.org/helpline",
        "kind": "child-helpline", "services": "talk", "roles": "child", "service_areas": "GB",
        "phones": "+44 1 | voice | broken", "source": "https://example.org/helpline/contact",
        "source_kind": "own", "reason": "Typo", "submit": "1", "free": "", "anonymous": "", "confidential": ""})
    html = response.get_data(as_text=True)
    assert "not a valid phone number" in html
    assert "Words I typed carefully." in html
    with site.extensions["maintain_sessions"]() as session:
        assert session.scalar(select(Proposal)) is None
    assert page.status_code == 200


def test_two_reviewers_at_once_apply_a_change_once(site):
    with site.extensions["maintain_sessions"]() as session:
        accounts.create(session, "vic", PASSWORD, "reviewer", "Another network")
    editor = sign_in(site, "eda")
    propose_description(editor, "Approved twice at once?")
    results = []

    def review(username):
        with site.app_context(), site.extensions["maintain_sessions"]() as session:
            from signpost.maintainers.models import Account
            reviewer = session.scalar(select(Account).where(Account.username == username))
            proposal = session.scalar(select(Proposal))
            try:
                workflow.approve(session, proposal, reviewer, site.content_dir,
                                 site.config["DATABASE_URL"])
                results.append("approved")
            except workflow.WorkflowError as error:
                results.append(error.reason)

    threads = [threading.Thread(target=review, args=(name,)) for name in ("rui", "vic")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) in (["approved", "decided"], ["approved", "stale"])
    history = yaml.safe_load((site.content_dir / "history" / "gb-example.yaml").read_text())
    assert len(history) == 1


def test_mark_checked_and_retire(site):
    editor, reviewer = sign_in(site, "eda"), sign_in(site, "rui")
    for action, form in (("checked", {"source": "https://example.org/helpline/contact",
                                      "source_kind": "own",
                                      "reason": "Called them; still right."}),
                         ("retire", {"reason": "The line closed."})):
        page = editor.get(f"/en/maintain/listings/gb-example/{action}")
        sent = editor.post(f"/en/maintain/listings/gb-example/{action}",
                           data=dict(form, csrf_token=csrf(page)))
        proposal = reviewer.get(sent.headers["Location"])
        reviewer.post(sent.headers["Location"], data={"csrf_token": csrf(proposal),
                                                      "approve": "1"})
    assert not (site.content_dir / "listings" / "gb-example.yaml").exists()
    assert (site.content_dir / "retired" / "gb-example.yaml").exists()
    assert site.test_client().get("/en/listing/gb-example").status_code == 404


def test_sessions_only_under_maintain_with_strict_cookies(site, geoip_file, tmp_path):
    client = site.test_client()
    assert "Set-Cookie" not in client.get("/en/").headers
    page = client.get("/en/maintain/login")
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/en/maintain" in cookie
    strict = create_app(make_config(tmp_path / "x.sqlite", geoip_file, MAINTAIN_ENABLED=True,
                                    SECRET_KEY="y" * 32,
                                    MAINTAIN_DATABASE_URL=f"sqlite:///{tmp_path / 'm.sqlite'}"))
    assert "Secure" in strict.test_client().get("/en/maintain/login").headers["Set-Cookie"]


def test_forms_without_csrf_token_do_nothing(site):
    client = site.test_client()
    response = client.post("/en/maintain/login", data={"username": "eda", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get("/en/maintain/").status_code == 302       # still signed out


def test_repeated_wrong_passwords_lock_the_account(site):
    client = site.test_client()
    for _ in range(accounts.LOCK_AFTER):
        page = client.get("/en/maintain/login")
        client.post("/en/maintain/login", data={"csrf_token": csrf(page), "username": "eda",
                                             "password": "wrong wrong wrong"})
    page = client.get("/en/maintain/login")
    response = client.post("/en/maintain/login", data={"csrf_token": csrf(page), "username": "eda",
                                                    "password": PASSWORD})
    assert response.status_code == 200 and "did not work" in response.get_data(as_text=True)


def test_second_factor_is_required_when_set_up(site):
    import pyotp
    with site.extensions["maintain_sessions"]() as session:
        account = accounts.create(session, "tia", PASSWORD, "editor", "Example", ["GB"],
                                  totp=True)
        assert accounts.authenticate(session, "tia", PASSWORD) is None
        code = pyotp.TOTP(account.new_totp_secret).now()
        assert accounts.authenticate(session, "tia", PASSWORD, code) is not None
        assert accounts.authenticate(session, "tia", PASSWORD, code) is None, \
            "a code works once"


def test_second_factor_secrets_are_sealed_at_rest(site):
    with site.extensions["maintain_sessions"]() as session:
        account = accounts.create(session, "tia", PASSWORD, "editor", "Example", ["GB"],
                                  totp=True)
        stored = session.execute(text("select totp_secret from account where username='tia'"))\
            .scalar()
    assert account.new_totp_secret not in stored and stored.startswith("fernet:")


def test_the_maintainers_database_is_private(site, tmp_path):
    path = tmp_path / "maintain.sqlite"
    if path.exists():          # the SQLite run; PostgreSQL keeps its own files
        assert path.stat().st_mode & 0o777 == 0o600


def test_logging_out_ends_the_session_server_side(site):
    editor = sign_in(site, "eda")
    saved = editor.get_cookie("signpost_maintain", path="/en/maintain")
    assert editor.get("/en/maintain/").status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"',
                      editor.get("/en/maintain/").get_data(as_text=True)).group(1)
    editor.post("/en/maintain/logout", data={"csrf_token": token})
    replay = site.test_client()
    replay.set_cookie("signpost_maintain", saved.value, path="/en/maintain")
    assert replay.get("/en/maintain/").status_code == 302, "a saved cookie no longer signs in"


def test_a_new_password_or_a_disabled_account_ends_sessions(site):
    for change in ("password", "disable"):
        name = f"p{change}"
        with site.extensions["maintain_sessions"]() as session:
            accounts.create(session, name, PASSWORD, "editor", "Example", ["GB"])
        client = sign_in(site, name)
        assert client.get("/en/maintain/").status_code == 200
        with site.extensions["maintain_sessions"]() as session:
            account = session.scalar(select(accounts.Account).where(
                accounts.Account.username == name))
            if change == "password":
                accounts.set_password(session, account, PASSWORD + " again")
            else:
                accounts.disable(session, account)
        assert client.get("/en/maintain/").status_code == 302, change


def test_failed_guesses_at_other_names_never_refuse_a_correct_sign_in(site, monkeypatch):
    monkeypatch.setattr(accounts, "MAX_DELAY", 0.01)
    monkeypatch.setattr(accounts, "site_limiter", accounts._SiteLimiter(accounts.SITE_LIMIT))
    with site.extensions["maintain_sessions"]() as session:
        for i in range(50):
            assert accounts.authenticate(session, f"nobody{i}", "wrong wrong wrong") is None
        assert accounts.site_limiter.delay() > 0, "guessing slows down"
        assert accounts.authenticate(session, "rui", PASSWORD) is not None


def test_an_editor_cannot_place_a_listing_outside_their_scope(site):
    editor = sign_in(site, "eda")         # scoped to GB
    for areas in ("GB INT", "GB NO", "NO"):
        response = propose_description(editor, "Wider.", areas=areas)
        assert response.status_code == 403, areas
    with site.extensions["maintain_sessions"]() as session:
        assert session.scalar(select(Proposal)) is None


def test_an_editor_sees_only_proposals_in_their_scope(site):
    sent = propose_description(sign_in(site, "eda"), "A calm new description.")
    other = sign_in(site, "ola")          # scoped to NO
    assert "gb-example" not in other.get("/en/maintain/").get_data(as_text=True)
    assert other.get(sent.headers["Location"]).status_code == 404
    assert "gb-example" in sign_in(site, "rui").get("/en/maintain/").get_data(as_text=True)


def test_bad_account_input_gets_a_clear_message(site):
    with site.extensions["maintain_sessions"]() as session:
        with pytest.raises(ValueError, match="already exists"):
            accounts.create(session, "eda", PASSWORD, "editor", "Example", ["GB"])
        session.rollback()
        account = accounts.create(session, "twice", PASSWORD, "editor", "Example", ["DE", "DE"])
        assert [s.value for s in account.scopes] == ["DE"]


def test_a_failed_database_rebuild_leaves_nothing_changed(site, monkeypatch):
    sent = propose_description(sign_in(site, "eda"), "A calm new description.")
    before = (site.content_dir / "listings" / "gb-example.yaml").read_bytes()

    def broken(*args):
        raise index.DatabaseError("the database went away")
    monkeypatch.setattr(workflow.index, "build", broken)
    reviewer = sign_in(site, "rui")
    page = reviewer.get(sent.headers["Location"])
    answer = reviewer.post(sent.headers["Location"], data={"csrf_token": csrf(page),
                                                          "approve": "1"})
    assert answer.status_code == 200 and "nothing was changed" in answer.get_data(as_text=True)
    assert (site.content_dir / "listings" / "gb-example.yaml").read_bytes() == before
    with site.extensions["maintain_sessions"]() as session:
        assert session.scalar(select(Proposal.status)) == "pending"


def test_weak_passwords_are_refused(site):
    with site.extensions["maintain_sessions"]() as session, pytest.raises(ValueError):
        accounts.create(session, "weak", "short", "editor", "Example")


def test_off_unless_enabled(client):
    assert client.get("/en/maintain/login").status_code == 404


LISTING_KEYS = set(LISTING)


def test_a_reviewer_cannot_approve_their_own_proposal(site):
    with site.extensions["maintain_sessions"]() as session:
        admin = accounts.create(session, "ada", PASSWORD, "admin", "Network admin")
        data = yaml.safe_load((site.content_dir / "listings" / "gb-example.yaml").read_text())
        proposal = workflow.propose(session, admin, site.content_dir, {}, "gb-example", "retire",
                                    None, "Closing")
        with pytest.raises(workflow.WorkflowError) as refused:
            workflow.approve(session, proposal, admin, site.content_dir,
                             site.config["DATABASE_URL"])
        assert refused.value.reason == "own-change"
        assert session.scalar(select(AuditEvent.detail)).startswith("review of own proposal")
        assert data["name"] == "Example Helpline"


def test_the_maintainers_read_listings_as_the_site_does(tmp_path):
    """Norway's code NO is a country, not the boolean false, in the maintainers' area too."""
    (tmp_path / "listings").mkdir()
    (tmp_path / "listings" / "no-example.yaml").write_text(
        "name: Example\nservice_areas: [NO, SE]\nassured_date: 2026-11-01\n")
    data = workflow.read_listing(tmp_path, "no-example")
    assert data["service_areas"] == ["NO", "SE"]
    assert data["assured_date"] == "2026-11-01"


def test_approval_with_an_empty_change_log_file(site):
    (site.content_dir / "history").mkdir(exist_ok=True)
    (site.content_dir / "history" / "gb-example.yaml").write_text("")
    sent = propose_description(sign_in(site, "eda"), "A calm new description.")
    reviewer = sign_in(site, "rui")
    page = reviewer.get(sent.headers["Location"])
    approved = reviewer.post(sent.headers["Location"], data={"csrf_token": csrf(page),
                                                            "approve": "1"})
    assert approved.status_code == 302
    assert "A calm new description." in site.test_client().get(
        "/en/listing/gb-example").get_data(as_text=True)


def test_check_these_next_takes_one_step_for_still_correct(site):
    from datetime import date
    editor = sign_in(site, "eda")
    page = editor.get("/en/maintain/check")
    html = page.get_data(as_text=True)
    assert "gb-example" in html and 'href="https://example.org/helpline/contact"' in html
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    unticked = editor.post("/en/maintain/check/gb-example", data={"csrf_token": token})
    assert unticked.status_code == 302
    editor.post("/en/maintain/check/gb-example", data={"csrf_token": token, "looked": "y"})
    with site.extensions["maintain_sessions"]() as session:
        proposal = session.scalar(select(Proposal))
        assert (proposal.action, proposal.status) == ("checked", "pending")
        assert "example.org/helpline/contact" in proposal.reason
    reviewer = sign_in(site, "rui")
    review = reviewer.get(f"/en/maintain/proposals/{proposal.id}")
    reviewer.post(f"/en/maintain/proposals/{proposal.id}", data={"csrf_token": csrf(review),
                                                             "approve": "1"})
    written = workflow.read_listing(site.content_dir, "gb-example")
    assert written["assured_date"] == date.today().isoformat()
    assert written["description"] == {"en": "An invented helpline for tests."}


def test_a_countrys_facts_are_checked_in_one_step_too_and_only_in_scope(site):
    from datetime import date
    editor = sign_in(site, "eda")            # scoped to GB
    html = editor.get("/en/maintain/check").get_data(as_text=True)
    assert "GB: emergency numbers" in html and 'href="https://example.org/gb"' in html
    assert "NO: emergency numbers" not in html
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    editor.post("/en/maintain/check/facts/GB/emergency", data={"csrf_token": token,
                                                              "looked": "y"})
    other = sign_in(site, "ola")             # scoped to NO
    other_token = re.search(r'name="csrf_token" value="([^"]+)"', other.get(
        "/en/maintain/check").get_data(as_text=True)).group(1)
    refused = other.post("/en/maintain/check/facts/GB/emergency",
                         data={"csrf_token": other_token, "looked": "y"})
    assert refused.status_code == 403
    assert editor.post("/en/maintain/check/facts/GB/nonsense", data={
        "csrf_token": token, "looked": "y"}).status_code == 404
    with site.extensions["maintain_sessions"]() as session:
        proposal = session.scalar(select(Proposal))
        assert (proposal.listing_id, proposal.action) == ("GB", "fact-checked")
    reviewer = sign_in(site, "rui")
    review = reviewer.get(f"/en/maintain/proposals/{proposal.id}")
    assert "assured_date" in review.get_data(as_text=True)
    reviewer.post(f"/en/maintain/proposals/{proposal.id}", data={"csrf_token": csrf(review),
                                                             "approve": "1"})
    written = yaml.safe_load((site.content_dir / "jurisdictions" / "GB.yaml").read_text())
    assert str(written["emergency"]["assured_date"]) == date.today().isoformat()
    assert written["emergency"]["phones"] == [{"number": "999"}]
    assert not (site.content_dir / "history" / "GB.yaml").exists()


def test_hours_and_a_german_description_go_from_the_form_to_the_public_page(site):
    editor = sign_in(site, "eda")
    page = editor.get("/en/maintain/listings/gb-example/edit")
    assert 'name="description_de"' in page.get_data(as_text=True)
    form = {"csrf_token": csrf(page), "listing_id": "gb-example", "name": "Example Helpline",
            "description_en": "An invented helpline for tests.",
            "description_de": "Eine erfundene Beratung für Tests.",
            "url": "https://example.org/helpline", "kind": "child-helpline",
            "services": "talk", "roles": "child", "situations": ["threats"],
            "minimum_age": "11", "maximum_age": "18", "service_areas": "GB",
            "phones": "+44 800 1111 | voice | Free line",
            "hours_mode": "hours", "timezone": "Europe/London",
            **{f"hours_{day}": "09:00-17:00" for day in ("MO", "TU", "WE", "TH", "FR")},
            "hours_SA": "10:00-14:00",
            "source": "https://example.org/helpline/contact", "source_kind": "own",
            "reason": "Hours and German text", "free": "yes", "anonymous": "",
            "confidential": "", "submit": "1"}
    sent = editor.post("/en/maintain/listings/gb-example/edit", data=form)
    assert sent.status_code == 302
    reviewer = sign_in(site, "rui")
    review = reviewer.get(sent.headers["Location"])
    assert "Eine erfundene Beratung" in review.get_data(as_text=True)
    reviewer.post(sent.headers["Location"], data={"csrf_token": csrf(review), "approve": "1"})
    written = workflow.read_listing(site.content_dir, "gb-example")
    assert written["schedules"] == {"timezone": "Europe/London", "hours": [
        {"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00", "closes_at": "17:00"},
        {"byday": ["SA"], "opens_at": "10:00", "closes_at": "14:00"}]}
    assert written["serves"] == {"roles": ["child"], "situations": ["threats"],
                                 "minimum_age": 11, "maximum_age": 18}
    assert written["description"]["en"] == "An invented helpline for tests."
    public = site.test_client().get("/de/listing/gb-example").get_data(as_text=True)
    assert "Eine erfundene Beratung für Tests." in public
    assert "10:00" in public and "14:00" in public
    again = sign_in(site, "eda").get("/en/maintain/listings/gb-example/edit").get_data(as_text=True)
    assert 'value="10:00-14:00"' in again and 'value="Europe/London"' in again
