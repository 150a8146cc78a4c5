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


def add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return relative_location(response)


def relative_location(response):
    """A redirect names a path, never a host: the Host header a request sent cannot steer
    a visitor elsewhere (Werkzeug builds a slash redirect from it)."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.scheme or parts.netloc:
            response.headers["Location"] = parts._replace(scheme="", netloc="").geturl() or "/"
    return response


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
