"""Read every fact's source page again and report the phone numbers and web domains
that are no longer on it.

A number that has gone from its own source page is the first sign that a listing is
wrong. Like `content links`, this is bounded in time and in how many pages are read at
once, and a page that cannot be read is reported, never fatal.
"""
import html
import re
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers

from .links import USER_AGENT, sourced_blocks

MAX_PAGE_BYTES = 5_000_000
# Whatever may stand between the digits of one number as a page writes it.
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[\s\u00a0\u202f.\-\u2010\u2011\u2013/()]+(?=\d)")
_SHORT_SEPARATOR = r"[\s\u00a0\u202f.\-]?"


@dataclass(frozen=True)
class Fact:
    """One number or domain and the pages it should appear on."""
    jurisdiction: str
    maintainer: str
    where: str              # e.g. gb-childline.phones.0, GB.emergency.phones.1
    kind: str               # phone or domain
    value: str              # as a maintainer would recognise it
    sources: tuple


@dataclass(frozen=True)
class Finding:
    fact: Fact
    status: str             # found, missing or unreadable
    detail: str = ""


def _host(url):
    name = (urlsplit(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def facts_in(content):
    """Every phone number and contact domain in the content, with its source pages."""
    found = []
    for item in content.listings.values():
        area = item.service_areas[0]
        who = item.maintainer or "no maintainer yet"
        sources = (item.source, *item.other_sources)
        for i, phone in enumerate(item.phones):
            found.append(Fact(area, who, f"{item.id}.phones.{i}", "phone", phone.number, sources))
        domains = {_host(u) for u in (item.url, item.web_form, item.chat, item.app) if u}
        if item.email:
            domains.add(item.email.rsplit("@", 1)[1].lower())
        for domain in sorted(domains - {""}):
            found.append(Fact(area, who, f"{item.id}.domain", "domain", domain, sources))
    for j in content.jurisdictions.values():
        for name, block in sourced_blocks(j):
            sources = (block.source, *block.other_sources)
            phones = [*getattr(block, "phones", ()), *getattr(block, "non_emergency", ())]
            for i, phone in enumerate(phones):
                found.append(Fact(j.code, "jurisdiction facts", f"{j.code}.{name}.phones.{i}",
                                  "phone", phone.number, sources))
            if getattr(block, "url", None):
                found.append(Fact(j.code, "jurisdiction facts", f"{j.code}.{name}.url",
                                  "domain", _host(block.url), sources))
    return found


def page_text(raw, charset=None):
    """A page's text with entities decoded; links stay in, so tel: and href count."""
    return html.unescape(raw.decode(charset or "utf-8", errors="replace"))


def phone_on_page(number, text):
    """Whether a stored number (E.164 or a short number's digits) is written on the page,
    in any of the ways people write it: spaces, dots, dashes, brackets, +44 (0) …"""
    if not number.startswith("+"):
        digits = _SHORT_SEPARATOR.join(number)
        return re.search(rf"(?<![\d+]){digits}(?!\d)", text) is not None
    parsed = phonenumbers.parse(number, None)
    national = phonenumbers.national_significant_number(parsed)
    return national in _BETWEEN_DIGITS.sub("", text)


def domain_on_page(domain, page_url, text):
    """The page is on that domain, or names or links to it."""
    page_host = _host(page_url)
    if page_host == domain or page_host.endswith("." + domain) or domain.endswith("." + page_host):
        return True
    return domain in text.lower()


def fetch(url, timeout=10.0):
    """(text, None) or (None, why it could not be read); never raises."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "text/plain", "application/xhtml+xml"):
                return None, f"not a web page ({kind})"
            raw = response.read(MAX_PAGE_BYTES + 1)
            if len(raw) > MAX_PAGE_BYTES:
                return None, "page too large"
            return page_text(raw, response.headers.get_content_charset()), None
    except urllib.error.HTTPError as error:
        return None, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:120]


def check(fact, pages):
    """A fact is found when it is on any of its source pages."""
    unread = []
    for url in fact.sources:
        text, problem = pages[url]
        if text is None:
            unread.append(f"{url}: {problem}")
            continue
        if fact.kind == "phone" and phone_on_page(fact.value, text):
            return Finding(fact, "found")
        if fact.kind == "domain" and domain_on_page(fact.value, url, text):
            return Finding(fact, "found")
    if len(unread) == len(fact.sources):
        return Finding(fact, "unreadable", "; ".join(unread))
    read = [url for url in fact.sources if pages[url][0] is not None]
    return Finding(fact, "missing", f"not on {', '.join(read)}")


def verify(content, workers=8, timeout=10.0, fetcher=fetch):
    facts = facts_in(content)
    urls = sorted({url for fact in facts for url in fact.sources})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pages = dict(zip(urls, pool.map(lambda url: fetcher(url, timeout), urls)))
    return [check(fact, pages) for fact in facts]


def report(findings):
    """Counts, and what needs a look grouped by jurisdiction and maintainer."""
    counts = defaultdict(int)
    grouped = defaultdict(lambda: defaultdict(list))
    for finding in findings:
        counts[finding.status] += 1
        if finding.status != "found":
            fact = finding.fact
            grouped[fact.jurisdiction][fact.maintainer].append(
                {"where": fact.where, "kind": fact.kind, "value": fact.value,
                 "status": finding.status, "detail": finding.detail,
                 "sources": list(fact.sources)})
    return {"checked": len(findings), **{s: counts[s] for s in ("found", "missing", "unreadable")},
            "jurisdictions": {code: dict(grouped[code]) for code in sorted(grouped)}}
