"""Maintainers' commands."""
from signpost import create_app
from tests.conftest import make_config
from tests.content_factory import LISTING, write, write_content


def runner_for(tmp_path, geoip_file):
    root = write_content(tmp_path / "content")
    config = make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root)
    return root, create_app(config).test_cli_runner()


def test_check_passes_on_good_content(tmp_path, geoip_file):
    _, runner = runner_for(tmp_path, geoip_file)
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0
    assert "0 errors" in result.output


def test_check_names_file_field_and_problem_and_fails(tmp_path, geoip_file):
    root, runner = runner_for(tmp_path, geoip_file)
    write(root / "listings" / "gb-bad.yaml", dict(LISTING, assured_date="2099-01-01"))
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert "gb-bad.yaml: assured_date: error: 2099-01-01 is in the future" in result.output


def test_build_refuses_bad_content(tmp_path, geoip_file):
    root, runner = runner_for(tmp_path, geoip_file)
    assert runner.invoke(args=["content", "build"]).exit_code == 0
    write(root / "listings" / "gb-bad.yaml", dict(LISTING, service_areas=["XX"]))
    result = runner.invoke(args=["content", "build"])
    assert result.exit_code == 1
    assert "still holds the last good content" in result.output


def test_stale_lists_old_listings(tmp_path, geoip_file):
    root, runner = runner_for(tmp_path, geoip_file)
    write(root / "listings" / "gb-old.yaml", dict(LISTING, name="Old Line",
                                                  assured_date="2020-05-01",
                                                  maintainer="Example Network"))
    result = runner.invoke(args=["content", "stale"])
    assert "GB\n  Example Network\n    gb-old (checked 2020-05-01)" in result.output
    assert runner.invoke(args=["content", "stale", "--days", "100000"]).output.startswith(
        "Nothing older")


def test_coverage_shows_present_none_and_missing(tmp_path, geoip_file):
    import copy

    from tests.content_factory import JURISDICTIONS
    jurisdictions = copy.deepcopy(JURISDICTIONS)
    jurisdictions["GB"]["absent"] = [{"kind": "victim-helpline", "note": {"en": "None here."},
                                      "source": "https://example.org/none",
                                      "source_kind": "official",
                                      "assured_date": "2026-01-01"}]
    root = write_content(tmp_path / "content", jurisdictions=jurisdictions)
    config = make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root)
    result = create_app(config).test_cli_runner().invoke(args=["content", "coverage"])
    assert result.exit_code == 0
    gb = ("\n" + result.output).split("\nGB\n", 1)[1].split("\nNO\n", 1)[0]
    assert "present: child-helpline (1), emergency (1)" in gb
    assert "none exists: victim-helpline (source: https://example.org/none)" in gb
    assert "missing: hotline, police" in gb
    assert "GB-SCT" in gb and "from its country: emergency" in gb


def test_links_reports_dead_moved_and_unreachable_without_failing(tmp_path, geoip_file):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Pages(BaseHTTPRequestHandler):
        def do_HEAD(self):
            codes = {"/ok": 200, "/moved": 301, "/gone": 404}
            self.send_response(codes.get(self.path, 500))
            if self.path == "/moved":
                self.send_header("Location", "/ok")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    listing = dict(LISTING, url=f"{base}/ok", chat=f"{base}/moved", web_form=f"{base}/gone",
                   app="https://unreachable.invalid/app")
    root = write_content(tmp_path / "content", listings={"gb-example": listing})
    config = make_config(tmp_path / "db.sqlite", geoip_file, CONTENT_DIR=root)
    result = create_app(config).test_cli_runner().invoke(
        args=["content", "links", "--timeout", "3"])
    server.shutdown()
    assert result.exit_code == 0
    assert f"not-https: {base}/ok" in result.output
    assert f"moved: {base}/moved (301 to /ok)" in result.output
    assert f"dead: {base}/gone (404)" in result.output
    assert "unreachable: https://unreachable.invalid/app" in result.output
