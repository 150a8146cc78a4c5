"""What keeps a visit private: response headers, and logs that never hold an address."""
import ipaddress
import logging
import re
from urllib.parse import quote, urlsplit

from gunicorn.glogging import Logger as GunicornLogger

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "img-src 'self'",
    "style-src 'self'",
    "script-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class PrivateHeaders:
    """Every response leaves with the headers above, unless the view set its own, and
    with a relative Location. Done on the header list as the response starts: it covers
    every response, error pages too, and costs less than a hook per request."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _ in headers}
            headers.extend(item for item in _HEADER_ITEMS if item[0].lower() not in present)
            if "location" in present:
                headers[:] = [(name, relative_location(value) if name.lower() == "location"
                               else value) for name, value in headers]
            return start_response(status, headers, exc_info)
        return self.app(environ, start)


_HEADER_ITEMS = tuple(HEADERS.items())


def relative_location(location):
    """A redirect names a path, never a host: the Host header a request sent cannot steer
    a visitor elsewhere (Werkzeug builds a slash redirect from it)."""
    parts = urlsplit(location)
    if parts.scheme or parts.netloc:
        return parts._replace(scheme="", netloc="").geturl() or "/"
    return location


# What a path may keep as it is in a log line; everything else is percent-encoded, so a
# request cannot write a line break, a NUL or a quote into the access log.
_LOG_SAFE = "/-._~!$&'()*+,;=:@"


def loggable_path(path):
    return quote(path.encode("latin-1", "replace"), safe=_LOG_SAFE)


# Anything shaped like an IPv4 or IPv6 address; only real addresses are removed,
# so clock times such as 22:03:01 survive.
_CANDIDATE = re.compile(r"[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?:%\w+)?")


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _remove_address(match):
    text = match.group(0)
    core = text.split("%")[0]
    candidates = (core, core.strip(".:"), core.rsplit(":", 1)[0])   # the last: "1.2.3.4:5678"
    return "[address removed]" if any(map(_is_address, candidates)) else text


def redact(text):
    return _CANDIDATE.sub(_remove_address, text)


class RedactAddresses(logging.Filter):
    """Scrub anything that looks like an IP address from every log line."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class PrivateGunicornLogger(GunicornLogger):
    """gunicorn's logger with no client address in the access log or the error log."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(RedactAddresses())
            for handler in log.handlers:
                handler.addFilter(RedactAddresses())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("h", "{x-forwarded-for}i", "{x-real-ip}i", "{forwarded}i"):
            atoms[key] = "-"
        # The path only: a query string or a referrer could say something about the visitor.
        atoms["r"] = f"{atoms.get('m', '-')} {loggable_path(environ.get('PATH_INFO', '-'))}"
        for key in ("q", "f", "a"):
            atoms[key] = "-"
        return atoms


# Method, path, status, size, time: nothing about who asked.
ACCESS_LOG_FORMAT = '%(t)s "%(r)s" %(s)s %(B)s %(M)sms'
