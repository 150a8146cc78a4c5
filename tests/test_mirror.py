"""The static mirror: every page that depends only on its URL, served by nginx when
signpost does not answer."""
import os
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from signpost import create_app, mirror
from signpost.config import PROJECT_ROOT
from tests.conftest import make_config
from tests.content_factory import write_content
from tests.test_serve import free_port, start, wait_until_up


@pytest.fixture
def small_site(tmp_path, geoip_file):
    root = write_content(tmp_path / "content")
    from signpost.content import index
    index.build(root, f"sqlite:///{tmp_path / 'site.sqlite'}")
    return create_app(make_config(tmp_path / "site.sqlite", geoip_file, CONTENT_DIR=root)), root


@pytest.mark.parametrize("path, mimetype, file", [
    ("/en/", "text/html", "en/index.html"),
    ("/de/directory/GB", "text/html", "de/directory/GB.html"),
    ("/api/v1/jurisdictions", "application/json", "api/v1/jurisdictions.json"),
    ("/api/v1/law.csv", "text/csv", "api/v1/law.csv"),
    ("/robots.txt", "text/plain", "robots.txt"),
])
def test_each_url_has_one_file(path, mimetype, file):
    assert mirror.file_for(path, mimetype) == file


def test_the_mirror_holds_every_language_and_no_answers(small_site, tmp_path):
    app, _ = small_site
    result = app.test_cli_runner().invoke(args=["export", "static", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "m"
    for code in app.extensions["locales"]:
        for page in ("index.html", "directory/index.html", "directory/GB.html",
                     "listing/gb-example.html", "law/index.html", "safety.html"):
            assert (folder / code / page).is_file(), f"{code}/{page}"
    assert (folder / "api/v1/jurisdictions/GB/listings.json").is_file()
    assert (folder / "api/v1/hsds/services.json").is_file()
    assert (folder / "static/signpost.css").is_file()
    assert not list(folder.rglob("questions*")) and not list(folder.rglob("results*"))
    page = (folder / "en/directory/GB.html").read_bytes()
    assert page == app.test_client().get("/en/directory/GB").get_data()


def _nginx_missing():
    if shutil.which("nginx") and shutil.which("openssl"):
        return False
    if os.environ.get("CI"):
        pytest.fail("nginx is missing: run tests/setup.sh")
    pytest.skip("nginx is missing: run tests/setup.sh")


def _front(work, app_port, https_port, mirror_dir):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(work / "key.pem"),
                    "-out", str(work / "cert.pem")], check=True, capture_output=True)
    site = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text()
    for name, value in {"SERVER_NAME": "127.0.0.1", "CERT": work / "cert.pem",
                        "KEY": work / "key.pem", "STATIC": PROJECT_ROOT / "signpost/static",
                        "UPSTREAM": f"127.0.0.1:{app_port}", "MIRROR": mirror_dir,
                        "HTTP_PORT": f"127.0.0.1:{free_port()}",
                        "HTTPS_PORT": f"127.0.0.1:{https_port}",
                        "ACCESS_LOG": work / "access.log", "ERROR_LOG": work / "error.log",
                        "HEADERS": PROJECT_ROOT / "deploy/security-headers.conf"}.items():
        site = site.replace(f"@{name}@", str(value))
    (work / "tmp").mkdir()
    (work / "site.conf").write_text(site)
    # As root, nginx's workers would run as nobody and could not read pytest's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(f"""{user}pid {work}/nginx.pid;
error_log {work}/error.log emerg;
events {{}}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {work}/tmp;
    proxy_temp_path {work}/tmp;
    include {work}/site.conf;
}}
""")
    subprocess.run(["nginx", "-p", str(work), "-c", str(work / "nginx.conf")], check=True)


def _get(port, path):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        with urllib.request.urlopen(f"https://127.0.0.1:{port}{path}", context=context,
                                    timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_with_the_app_stopped_nginx_serves_the_directory_from_the_mirror(small_site,
                                                                          tmp_path, geoip_file):
    _nginx_missing()
    app, root = small_site
    app.test_cli_runner().invoke(args=["export", "static", str(tmp_path / "mirror")])
    process, app_port, log = start(tmp_path, geoip_file, content_dir=root)
    work = tmp_path / "nginx"
    work.mkdir()
    https_port = free_port()
    try:
        assert wait_until_up(process, app_port), log.read_text()
        _front(work, app_port, https_port, tmp_path / "mirror")
        live = _get(https_port, "/en/directory/GB")
        assert live[0] == 200
        process.terminate()
        process.wait(timeout=10)
        time.sleep(0.2)
        for path in ("/en/directory/GB", "/de/directory/", "/en/", "/api/v1/jurisdictions"):
            status, headers, body = _get(https_port, path)
            assert status == 200, path
            assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
            assert "Set-Cookie" not in headers
        assert _get(https_port, "/en/directory/GB")[2] == live[2]
        assert _get(https_port, "/en/questions")[0] == 503     # answers need signpost
    finally:
        if process.poll() is None:
            process.terminate()
        subprocess.run(["nginx", "-p", str(work), "-c", str(work / "nginx.conf"), "-s", "stop"],
                       capture_output=True)
