"""`content verify` reads every source page again, here from a local server whose pages
keep, change and drop a number, and `content stale` flags old source pages."""
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from signpost import create_app
from signpost.content.verify import phone_on_page
from tests.conftest import make_config
from tests.content_factory import JURISDICTIONS, LISTING, write_content

PAGES = {
    "/kept": "<p>Call us free on <a href='tel:+448001111'>0800 1111</a>.</p>"
             "<a href='https://www.example.org/helpline'>Our website</a>",
    "/kept-spaced": "<p>Ring 0800&nbsp;11&nbsp;11 or +44 (0)800 1111, any time. "
                    "EXAMPLE.ORG</p>",
    "/changed": "<p>Our new number is 0800 2222. Visit example.org.</p>",
    "/dropped": "<p>We now only offer chat at https://chat.example.net/.</p>",
    "/emergency": "<p>In an emergency call 999 or 112.</p>",
}


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):
        body = PAGES.get(self.path)
        if body is None:
            self.send_error(404)
            return
        data = f"<html><body>{body}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def at(server):
    """The invented jurisdictions, with their emergency numbers sourced from the server."""
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    for code in ("GB", "NO"):
        jurisdictions[code]["emergency"]["source"] = f"{server}/emergency"
    return jurisdictions


def run(tmp_path, geoip_file, listings, jurisdictions=None, args=("content", "verify")):
    root = write_content(tmp_path / "content", jurisdictions=jurisdictions, listings=listings)
    config = make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root)
    return create_app(config).test_cli_runner().invoke(args=list(args))


def listing(source, **changes):
    return dict(copy.deepcopy(LISTING), source=source, url="https://example.org/helpline",
                **changes)


def test_verify_reports_changed_and_dropped_numbers_not_kept_ones(server, tmp_path, geoip_file):
    listings = {"gb-kept": listing(f"{server}/kept", name="Kept"),
                "gb-spaced": listing(f"{server}/kept-spaced", name="Spaced"),
                "gb-changed": listing(f"{server}/changed", name="Changed"),
                "gb-dropped": listing(f"{server}/dropped", name="Dropped",
                                      maintainer="Example network"),
                "gb-gone": listing(f"{server}/no-such-page", name="Gone")}
    result = run(tmp_path, geoip_file, listings, at(server), ("content", "verify", "--json"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    gb = report["jurisdictions"]["GB"]
    flagged = {(item["where"], item["status"]) for items in gb.values() for item in items}
    assert ("gb-changed.phones.0", "missing") in flagged
    assert ("gb-dropped.phones.0", "missing") in flagged
    assert ("gb-gone.phones.0", "unreadable") in flagged
    assert not any(where.startswith(("gb-kept.", "gb-spaced.")) for where, _ in flagged)
    assert not any(where.startswith("GB.emergency") for where, _ in flagged)
    assert "NO" not in report["jurisdictions"]
    assert ("gb-changed.domain", "missing") not in flagged    # the page names example.org
    assert ("gb-dropped.domain", "missing") in flagged
    assert "Example network" in gb and "no maintainer yet" in gb
    assert report["missing"] == 3 and report["unreadable"] == 2


def test_verify_prints_a_report_by_jurisdiction_and_maintainer(server, tmp_path, geoip_file):
    result = run(tmp_path, geoip_file, {"gb-changed": listing(f"{server}/changed")}, at(server))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "GB" and lines[1] == "  no maintainer yet"
    assert "gb-changed.phones.0: phone +448001111 missing" in result.output
    assert "1 missing" in lines[-1]


@pytest.mark.parametrize("number, text, found", [
    ("+448001111", "Call 0800 1111 now", True),
    ("+448001111", "Call +44 (0)800-111-1", True),
    ("+18004224453", "Call 1-800-422-4453", True),
    ("+18004224453", "Call 1-800-422-4454", False),
    ("116111", "Ring 116 111, free", True),
    ("116111", "Ring 116 1119", False),
    ("999", "Dial 999", True),
    ("999", "Dial 1999", False),
])
def test_numbers_are_found_however_a_page_writes_them(number, text, found):
    assert phone_on_page(number, text) is found


def test_stale_flags_a_source_page_dated_over_three_years_ago(tmp_path, geoip_file):
    old = dict(LISTING, source_date="2019-05-04")
    result = run(tmp_path, geoip_file, {"gb-example": old}, args=("content", "stale"))
    assert "its source page is dated 2019-05-04" in result.output
    assert result.output.splitlines()[:2] == ["GB", "  no maintainer yet"]
    fresh = dict(LISTING, source_date="2025-05-04", assured_date="2026-01-10")
    result = run(tmp_path, geoip_file, {"gb-example": fresh},
                 args=("content", "stale", "--days", "100000"))
    assert "dated" not in result.output.replace("Nothing older", "")
