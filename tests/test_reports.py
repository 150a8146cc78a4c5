"""Visitors flag a listing that seems wrong: fixed choices, thanks on the same page, only
counts per listing, problem and day kept, storage bounded, nothing about the visitor."""
import logging
import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import create_engine, func, select
from werkzeug.datastructures import MultiDict

from signpost import create_app, reports
from signpost.content import index, verify_report
from signpost.maintainers import accounts
from signpost.reports import KEEP_DAYS, MAX_COUNT, PROBLEMS, Reports, problem_report
from tests.conftest import make_config
from tests.content_factory import write_content
from tests.pages import check_page, journey_form
from tests.test_journey import walk
from tests.test_maintainers import PASSWORD, csrf

ADDRESS = "81.2.69.160"
FORWARDED = "193.99.144.85"


@pytest.fixture
def site(built_database, geoip_file, tmp_path):
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    app = create_app(make_config(built_database, geoip_file, REPORTS_DATABASE_URL=url))
    return app, tmp_path / "reports.sqlite"


def buttons(response):
    """(formaction, value, label) of every report button on the page."""
    html = response.get_data(as_text=True)
    return [(action, value, unescape(label)) for action, value, label in re.findall(
        r'<button type="submit" form="journey" formaction="([^"]+)" name="report" '
        r'value="([^"]+)" class="link-button">([^<]+)</button>', html)]


def press(client, response, value, environ=None):
    """Press a card's report button, as a browser posts it with the page's form#journey."""
    action, hidden = journey_form(response)
    formaction = next(a for a, v, _ in buttons(response) if v == value)
    return client.post(formaction, data=MultiDict(hidden + [("report", value)]),
                       environ_base=environ or {})


def rows(path):
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        return connection.execute(select(problem_report)).all()


# The pure parts

def test_only_a_known_listing_and_a_fixed_problem_are_accepted():
    ids = {"gb-childline"}
    assert reports.parse("gb-childline:hours", ids) == ("gb-childline", "hours")
    for value in ("gb-childline:free text", "nobody:hours", "gb-childline", "", None,
                  "gb-childline:hours:extra", ":hours"):
        assert reports.parse(value, ids) is None


def test_counts_stop_at_the_cap_and_old_days_are_forgotten(tmp_path):
    store = Reports(f"sqlite:///{tmp_path / 'r.sqlite'}")
    today = date(2026, 12, 3)
    for _ in range(MAX_COUNT + 50):
        store.add("gb-childline", "number", today)
    assert store.counts(today=today) == {"gb-childline": {"number": MAX_COUNT}}
    for days_ago in range(KEEP_DAYS + 40):
        store.add("gb-childline", "hours", today - timedelta(days=KEEP_DAYS + 40 - days_ago))
    store.add("gb-childline", "hours", today)
    kept = rows(tmp_path / "r.sqlite")
    assert all(row.day >= today - timedelta(days=KEEP_DAYS) for row in kept)
    assert len(kept) <= KEEP_DAYS + 2


# On the site

def test_each_card_offers_fixed_choices_and_thanks_come_on_the_same_results(site):
    app, path = site
    client = app.test_client()
    results = walk(client, who="parent", what=("fake",), where="DE")
    found = buttons(results)
    assert {label for _, _, label in found} <= {str(text) for text in PROBLEMS.values()}
    assert "<textarea" not in results.get_data(as_text=True)
    listing_id = found[0][1].split(":")[0]
    again = press(client, results, f"{listing_id}:hours")
    page = check_page(again)
    html = again.get_data(as_text=True)
    assert "Thank you. The people who keep this listing will check it." in html
    # The same results, the answers still there: the cards and the "change my answers" form.
    assert re.findall(r'id="listing-([^"]+)"', html) == re.findall(
        r'id="listing-([^"]+)"', results.get_data(as_text=True))
    assert journey_form(again) == journey_form(results)
    assert page.h1s == 1
    assert [(r.listing_id, r.problem, r.day, r.count) for r in rows(path)] == [
        (listing_id, "hours", date.today(), 1)]


def test_a_listing_page_thanks_on_the_same_page_and_in_its_language(site):
    app, _ = site
    client = app.test_client()
    page = client.get("/de/listing/de-nummer-gegen-kummer")
    assert buttons(page)
    thanked = press(client, page, "de-nummer-gegen-kummer:closed")
    check_page(thanked, lang="de")
    html = thanked.get_data(as_text=True)
    assert "report-notice" in html and "Nummer gegen Kummer" in html
    assert app.extensions["reports"].counts() == {"de-nummer-gegen-kummer": {"closed": 1}}


def test_a_card_without_a_phone_offers_no_number_problem(site):
    app, _ = site
    client = app.test_client()
    listing = next(x for x in _catalogue(app).listings.values() if not x.phones)
    values = [v for _, v, _ in buttons(client.get(f"/en/listing/{listing.id}"))]
    assert values and f"{listing.id}:number" not in values


def test_the_kept_file_has_no_report_buttons(site):
    app, _ = site
    client = app.test_client()
    results = walk(client, who="adult", what=("fake",), where="GB-EAW")
    action, hidden = journey_form(results, "journey")
    download = client.post("/en/results/download", data=MultiDict(hidden))
    assert download.status_code == 200
    assert 'name="report"' not in download.get_data(as_text=True)


def test_a_report_that_cannot_be_read_gets_a_clear_page_and_keeps_nothing(site):
    app, path = site
    client = app.test_client()
    for value in ("nobody:hours", "gb-childline:anything I like", ""):
        response = client.post("/en/report", data={"report": value})
        check_page(response, status=400)
        assert "could not be read" in response.get_data(as_text=True)
    assert client.post("/en/report", data={"report": "gb-childline:hours", "x": "1"}
                       ).status_code == 400
    assert not path.exists() or rows(path) == []


def test_when_the_counts_cannot_be_written_the_visitor_is_told(built_database, geoip_file,
                                                               tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    app = create_app(make_config(built_database, geoip_file,
                                 REPORTS_DATABASE_URL=f"sqlite:///{blocked}/r.sqlite"))
    response = app.test_client().post("/en/report", data={"report": "gb-childline:hours"})
    check_page(response, status=503)
    assert "could not be saved" in response.get_data(as_text=True)


def test_nothing_identifying_is_kept_or_logged(site, caplog):
    app, path = site
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    environ = {"REMOTE_ADDR": ADDRESS, "HTTP_X_FORWARDED_FOR": FORWARDED,
               "HTTP_USER_AGENT": "probe-agent/1.0"}
    results = walk(client, who="child", what=("threats",), where="GB-EAW", environ=environ)
    value = buttons(results)[0][1]
    response = press(client, results, value, environ)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    kept = path.read_bytes()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (ADDRESS, FORWARDED, "probe-agent", "threats"):
        assert secret.encode() not in kept and secret not in logged
    # The day, and nothing finer: the table has no time of day to hold one.
    assert [type(c.type).__name__ for c in problem_report.columns] == [
        "String", "String", "Date", "Integer"]


def test_flooding_leaves_storage_bounded_and_public_content_unchanged(site):
    app, path = site
    client = app.test_client()
    before = client.get("/en/listing/gb-childline").get_data()
    ids = sorted(_catalogue(app).listings)[:5]
    for i in range(1500):
        client.post("/en/report", data={"report": f"{ids[i % 5]}:{list(PROBLEMS)[i % 5]}"})
        client.post("/en/report", data={"report": f"invented-{i}:hours"})
    kept = rows(path)
    assert len(kept) <= len(ids) * len(PROBLEMS)
    assert all(row.listing_id in ids and row.count <= MAX_COUNT for row in kept)
    size = path.stat().st_size
    for i in range(500):
        client.post("/en/report", data={"report": f"{ids[i % 5]}:{list(PROBLEMS)[i % 5]}"})
    assert path.stat().st_size == size
    assert client.get("/en/listing/gb-childline").get_data() == before, \
        "a report never changes what visitors see"


def _catalogue(app):
    with app.app_context():
        return app.extensions["catalogue"].get()


def test_the_count_total_is_the_reports_made(tmp_path):
    store = Reports(f"sqlite:///{tmp_path / 'r.sqlite'}")
    for _ in range(3):
        store.add("gb-childline", "website")
    store.add("gb-childline", "other")
    engine = store.engine()
    with engine.connect() as connection:
        assert connection.execute(select(func.sum(problem_report.c.count))).scalar() == 4
    assert store.counts() == {"gb-childline": {"website": 3, "other": 1}}


def test_a_report_reaches_the_dashboard_first_with_the_source_check_beside_it(tmp_path,
                                                                            geoip_file):
    content = write_content(tmp_path / "content")
    database = tmp_path / "content.sqlite"
    index.build(content, f"sqlite:///{database}")
    app = create_app(make_config(
        database, geoip_file, CONTENT_DIR=content, MAINTAIN_ENABLED=True,
        SECRET_KEY="test-only-" + "x" * 30, MAINTAIN_COOKIE_SECURE=False,
        MAINTAIN_DATABASE_URL=f"sqlite:///{tmp_path / 'maintain.sqlite'}",
        VERIFY_REPORT=tmp_path / "verify.json"))
    with app.extensions["maintain_sessions"]() as session:
        accounts.create(session, "eda", PASSWORD, "editor", "Example Helpline UK", ["GB"])
    verify_report.save({"checked": 1, "found": 0, "missing": 1, "unreadable": 0,
                        "jurisdictions": {"GB": {"Example": [{
                            "where": "gb-example.phones.0", "kind": "phone",
                            "value": "+44 800 1111", "status": "missing",
                            "detail": "not on https://example.org/helpline/contact",
                            "sources": []}]}}}, tmp_path / "verify.json")
    visitor = app.test_client()
    for _ in range(3):
        visitor.post("/en/report", data={"report": "gb-example:number"})
    visitor.post("/en/report", data={"report": "gb-example:hours"})

    client = app.test_client()
    page = client.get("/en/maintain/login")
    client.post("/en/maintain/login", data={"csrf_token": csrf(page), "username": "eda",
                                            "password": PASSWORD})
    html = client.get("/en/maintain/").get_data(as_text=True)
    flagged = html.index("Flagged by visitors")
    assert flagged < html.index("Waiting for review")
    section = html[flagged:html.index("Waiting for review")]
    assert "gb-example" in section
    assert "The number does not work: 3" in section and "The hours are wrong: 1" in section
    assert "+44 800 1111 is not found on its source" in section
