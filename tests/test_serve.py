"""`signpost serve` as a visitor meets it: gunicorn, and no client address in anything it writes."""
import http.client
import os
import socket
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest

from tests.content_factory import LISTING, write, write_content
from tests.test_privacy import LETTER_SECRETS

CLIENT_ADDRESS = "127.0.0.3"          # a loopback address of its own, to look for in the logs
FORWARDED = "198.51.100.23"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(tmp_path, geoip_file, content_dir=None, name="server", **settings):
    port = free_port()
    env = dict(os.environ,
               SIGNPOST_DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite'}",
               SIGNPOST_GEOIP_DATABASE=str(geoip_file),
               SIGNPOST_PAGES_FILE="")     # rendering every page ahead of time is tested once
    env.update(settings)
    if content_dir:
        env["SIGNPOST_CONTENT_DIR"] = str(content_dir)
    log = open(tmp_path / f"{name}.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "signpost.serve", "serve", "--port", str(port), "--workers", "1"],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process, port, tmp_path / f"{name}.log"


def request(port, path, method="GET", body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                            source_address=(CLIENT_ADDRESS, 0))
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def wait_until_up(process, port, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if process.poll() is not None:
            return False
        try:
            request(port, "/en/")
            return True
        except OSError:
            time.sleep(0.1)
    return False


@pytest.fixture
def server(tmp_path, geoip_file):
    process, port, log = start(tmp_path, geoip_file)
    try:
        assert wait_until_up(process, port), log.read_text()
        yield port, log, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_builds_the_database_and_serves(server):
    port, log, folder = server
    response, body = request(port, "/en/directory/GB")
    assert response.status == 200
    assert b"Childline" in body
    assert (folder / "site.sqlite").exists()
    assert response.getheader("Set-Cookie") is None


def test_no_client_address_in_anything_the_server_writes(server):
    port, log, folder = server
    headers = {"X-Forwarded-For": FORWARDED, "X-Real-IP": FORWARDED, "User-Agent": "probe"}
    request(port, "/en/", headers=headers)
    request(port, "/en/questions", "POST", "step=danger&danger=yes&nav=next",
            dict(headers, **{"Content-Type": "application/x-www-form-urlencoded"}))
    request(port, "/en/nowhere?secret=1", headers=headers)
    reported, _ = request(port, "/en/report", "POST", "report=gb-childline%3Ahours",
                          dict(headers, **{"Content-Type": "application/x-www-form-urlencoded"}))
    assert reported.status == 200 and reported.getheader("Set-Cookie") is None
    with socket.create_connection(("127.0.0.1", port), source_address=(CLIENT_ADDRESS, 0)) as s:
        s.sendall(b"NONSENSE \x00\x01 HTTP/9.9\r\n\r\n")   # a broken request: error log
        s.recv(1024)
    time.sleep(0.5)
    written = log.read_text(errors="replace")
    for other in folder.iterdir():
        if other.is_file() and other.suffix != ".sqlite":
            written += other.read_text(errors="replace")
    assert '"GET /en/' in written, "the access log is on, without addresses"
    assert CLIENT_ADDRESS not in written
    assert FORWARDED not in written
    assert "secret" not in written
    assert (folder / "reports.sqlite").exists(), "the report was counted"
    for database in folder.glob("*.sqlite"):
        for address in (CLIENT_ADDRESS, FORWARDED):
            assert address.encode() not in database.read_bytes(), database.name


def test_a_removal_letter_leaves_nothing_in_the_logs_or_files(server):
    """The access log and every file the server writes, its databases included."""
    port, log, folder = server
    posted = dict(LETTER_SECRETS, danger="no", who="parent", what="shared", where="US-CA",
                  need="everything", step="need", sender="for")
    for where, nav in (("US-CA", "letter"), ("US-CA", "download"), ("FR", "letter")):
        response, body = request(port, "/en/remove-request", "POST",
                                 urlencode(dict(posted, where=where, nav=nav)),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status == 200 and LETTER_SECRETS["platform"].encode() in body
    time.sleep(0.5)
    assert b'"POST /en/remove-request' in log.read_bytes(), "the access log is on"
    for path in (p for p in folder.rglob("*") if p.is_file()):
        for secret in LETTER_SECRETS.values():
            assert secret.encode() not in path.read_bytes(), path.name


def test_serve_refuses_to_start_on_bad_content(tmp_path, geoip_file):
    root = write_content(tmp_path / "content")
    write(root / "listings" / "gb-bad.yaml", dict(LISTING, phones=[{"number": "+44 1"}]))
    process, port, log = start(tmp_path, geoip_file, content_dir=root)
    assert process.wait(timeout=30) == 1
    output = log.read_text()
    assert "will not start" in output and "gb-bad.yaml" in output


def test_start_up_rebuilds_only_when_the_files_changed(tmp_path):
    import pytest as _pytest

    from signpost.config import Config
    from signpost.content.loader import ContentError
    from signpost.serve import prepare
    root = write_content(tmp_path / "content")
    database = tmp_path / "site.sqlite"
    config = Config(CONTENT_DIR=root, DATABASE_URL=f"sqlite:///{database}")
    prepare(config)
    built = database.stat().st_mtime_ns
    prepare(config)
    assert database.stat().st_mtime_ns == built, "unchanged files: no rebuild"
    write(root / "listings" / "gb-other.yaml", dict(LISTING, name="Another Helpline"))
    prepare(config)
    assert database.stat().st_mtime_ns != built, "changed files: rebuilt"
    write(root / "listings" / "gb-bad.yaml", dict(LISTING, assured_date="2999-01-01"))
    with _pytest.raises(ContentError):
        prepare(config)


def _slow_client(port, with_body):
    """A connection that starts a request and never finishes it."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    if with_body:
        s.sendall(b"POST /en/questions HTTP/1.1\r\nHost: localhost\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: 200\r\n\r\ndanger=no&")
    else:
        s.sendall(b"GET /en/ HTTP/1.1\r\nHost: local")
    return s


def test_slow_clients_cannot_stall_the_site(server):
    port, log, folder = server
    slow = [_slow_client(port, with_body=i % 2 == 0) for i in range(50)]
    try:
        started = time.monotonic()
        response, _ = request(port, "/en/directory/")
        assert response.status == 200
        assert time.monotonic() - started < 1.0
    finally:
        for s in slow:
            s.close()


def test_a_short_body_gets_a_400_in_seconds(server):
    port, log, folder = server
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    try:
        started = time.monotonic()
        s.sendall(b"POST /en/questions HTTP/1.1\r\nHost: localhost\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: 100\r\n\r\ndanger=no")
        answer = s.recv(200)
        assert answer.startswith(b"HTTP/1.1 400")
        assert time.monotonic() - started < 5      # the body deadline is 3 s
    finally:
        s.close()


def test_a_body_that_arrives_after_its_headers_is_read_whole(server):
    """A body that was not read with the headers is waited for, within the deadline."""
    port, log, folder = server
    body = b"danger=yes&step=danger&nav=next"
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    try:
        s.sendall(b"POST /en/questions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body[:7])
        time.sleep(0.5)
        s.sendall(body[7:])
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        assert b'name="danger" value="yes"' in answer     # the whole answer was read
    finally:
        s.close()
