"""The example nginx front keeps signpost's promises for the files it serves itself."""
import re

from signpost.config import PROJECT_ROOT
from signpost.privacy import HEADERS

DEPLOY = PROJECT_ROOT / "deploy"


def test_static_files_get_the_same_headers_as_pages():
    conf = (DEPLOY / "security-headers.conf").read_text()
    found = dict(re.findall(r'add_header (\S+) "([^"]*)" always;', conf))
    for name in ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                 "X-Frame-Options", "Cross-Origin-Resource-Policy"):
        assert found[name] == HEADERS[name], name
    assert "max-age=63072000" in found["Strict-Transport-Security"]


def test_logs_hold_no_client_address_and_http_goes_to_https():
    conf = (DEPLOY / "nginx.conf").read_text()
    log_format = re.search(r"log_format signpost_private '([^']*)'", conf).group(1)
    for leak in ("$remote_addr", "$http_x_forwarded_for", "$request_uri", "$args",
                 "$http_referer", "$http_user_agent", "$request "):
        assert leak not in log_format + " "
    assert re.findall(r"access_log (\S+) (\S+);", conf) == [("@ACCESS_LOG@",
                                                              "signpost_private")] * 2
    assert "return 301 https://$host$request_uri;" in conf
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
