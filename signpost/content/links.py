"""Check every web address in the content: dead, moved, or not https.

Bounded in time and in how many run at once. A network failure is reported like any
other finding; it never stops the check or fails a build.
"""
import http.client
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

USER_AGENT = "signpost-link-check"


@dataclass(frozen=True)
class Finding:
    url: str
    where: tuple          # the files and fields that use it
    status: str           # ok, moved, dead, not-https, unreachable
    detail: str = ""


def urls_in(content):
    """{url: [where it is used]} for listings and jurisdiction facts."""
    found = {}

    def add(url, where):
        if url:
            found.setdefault(url, []).append(where)

    for item in content.listings.values():
        for name in ("url", "chat", "web_form", "app", "source"):
            add(getattr(item, name), f"{item.id}.{name}")
        for url in item.other_sources:
            add(url, f"{item.id}.other_sources")
    for j in content.jurisdictions.values():
        for name, block in sourced_blocks(j):
            add(block.source, f"{j.code}.{name}.source")
            for url in block.other_sources:
                add(url, f"{j.code}.{name}.other_sources")
        if j.compensation is not None:
            add(j.compensation.url, f"{j.code}.compensation.url")
        if j.law is not None:
            for provision in j.law.provisions:
                add(provision.url, f"{j.code}.law.provisions")
            for change in j.law.pending:
                add(change.url, f"{j.code}.law.pending")
    return found


def sourced_blocks(j):
    """(name, block) for each sourced section of a jurisdiction, absences included."""
    found = [(name, getattr(j, name)) for name in ("emergency", "compensation", "law")
             if getattr(j, name) is not None]
    return found + [(f"absent.{i}", a) for i, a in enumerate(j.absent)]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_url(url, timeout=10.0, opener=None):
    """(status, detail) for one address; never raises."""
    opener = opener or urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            code = response.status
    except urllib.error.HTTPError as error:
        code = error.code
        if code in (301, 302, 303, 307, 308):
            return "moved", f"{code} to {error.headers.get('Location', '?')}"
        if code in (403, 405, 429):      # some sites refuse HEAD or robots: not proof it is dead
            return "ok", f"{code} (answered, but refused a plain check)"
        return "dead", str(code)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        return "unreachable", str(getattr(error, "reason", error))[:120]
    return ("not-https", str(code)) if url.startswith("http://") else ("ok", str(code))


def check_all(content, workers=8, timeout=10.0):
    used = urls_in(content)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda url: (url, check_url(url, timeout)), sorted(used))
        return [Finding(url, tuple(used[url]), status, detail) for url, (status, detail) in results]
