"""The checks that keep facts honest: where they come from, what a law label may say,
whether a deadline can be acted on, and whether a line that says "call" has a number.

Each check appends `Problem`s; none of them raises. content/README.md explains every
rule in words a maintainer can follow.
"""
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

# Hosts whose pages are news, press releases or copies of documents. A fact resting on
# one is a secondary source, and a visitor is never sent to one to make contact.
NEWS_HOSTS = frozenset("""
    abc.net.au apnews.com avvenire.it b1tv.ro bbc.co.uk bbc.com cnn.com cyprus-mail.com
    dn.pt editorialmic.com einpresswire.com euroweeklynews.com fr.metrotime.be
    in-cyprus.philenews.com independent.com.mt independent.ie irishtimes.com kauno.diena.lt
    knack.be kristeligt-dagblad.dk lequotidien.lu lessentiel.lu luxtoday.lu maltatoday.com.mt
    mbl.is moneytalk.knack.be mtvuutiset.fi newsbeast.gr nytimes.com ots.at paperjam.lu
    presseportal.ch pressreader.com reuters.com rtbf.be rte.ie sabado.pt sbs.com.au
    slovenskenovice.si srf.ch sttinfo.fi telecinco.es telefonino.net tecnicadellascuola.it
    tg24.sky.it theguardian.com timesofmalta.com upday.com utroruse.com varna24.bg vesti.bg
    visir.is vn.at watson.ch wbbjtv.com wort.lu xataka.com yle.fi zdarsky.denik.cz
    zentralplus.ch
""".split())

# Hosts that keep copies of other people's documents: never an original source.
COPY_HOSTS = frozenset("""
    docest.com docslib.org dokumen.tips scribd.com studylib.net trantor.is yumpu.com
""".split())

# Path words that mark a news item, a press release, a blog post or a test page.
NEWS_PATH = re.compile(
    r"/(news|nieuws|nachrichten|aktuelles|actualites?|noticias|notizie|uutiset|nyheter|"
    r"nyheder|press|press-releases?|pressreleases?|pressemitteilungen?|media-releases?|"
    r"communiques?|story|stories|blog|blogs)(/|$|[-_.])", re.I)
TEST_PATH = re.compile(r"/(test|testing|staging|sandbox|demo)(/|$)", re.I)

CONTACT_FIELDS = ("url", "chat", "web_form", "app")

# A listing that calls itself a phone line. "Hotline" is left out on purpose: the
# national hotlines for reporting material online are mostly web forms.
PHONE_LINE = re.compile(
    r"\b(help ?line|phone ?line|telephone|support line|advice line|crisis line|"
    r"information line|info line|helpline|freephone|call (us|free|for free|any ?time)|"
    r"24/7 line|listening line|phone counselling)\b", re.I)

# A summary that says the law does not name these images cannot carry `explicit`.
DOES_NOT_NAME = re.compile(
    r"\b(do(es)?\s+not|doesn't|don't|never)\s+(yet\s+)?"
    r"(name|mention|refer\s+to|address|single\s+out)\b[^.]{0,60}\b(ai|artificial|"
    r"computer|generat|synthetic|deepfake|non-existent)"
    r"|\b(ai|artificial intelligence|computer-generated|deepfakes?)\s+(is|are)\s+(still\s+)?"
    r"not\s+(named|mentioned|referred\s+to)", re.I)

# A source page older than this is flagged by `content stale`.
OLD_SOURCE_YEARS = 3


def host(url):
    name = (urlsplit(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def _on(hosts, url):
    name = host(url)
    return any(name == h or name.endswith("." + h) for h in hosts)


def is_news_or_copy(url):
    """True for a news article, press release, blog post, document copy or test page."""
    path = urlsplit(url).path
    return (_on(NEWS_HOSTS, url) or _on(COPY_HOSTS, url) or bool(NEWS_PATH.search(path))
            or bool(TEST_PATH.search(path)))


def check_provenance(add, where, block, today):
    """`block` is the file's data for one sourced fact (a listing or a section)."""
    prefix = f"{where}." if where else ""
    source, kind = block["source"], block["source_kind"]
    if kind != "secondary" and (_on(NEWS_HOSTS, source) or _on(COPY_HOSTS, source)):
        add(f"{prefix}source_kind", f"{host(source)} is news or a copy of a document: "
                                    "find the official page, or say source_kind: secondary")
    if "source_date" in block:
        shown = date.fromisoformat(block["source_date"])
        if shown > date.fromisoformat(block["assured_date"]):
            add(f"{prefix}source_date", "is after assured_date: the page cannot be dated "
                                        "later than the day it was read")
        elif shown > today:
            add(f"{prefix}source_date", f"{shown} is in the future")


def check_contacts(add, data):
    """A visitor is sent only to the service's own pages or an official page."""
    for name in CONTACT_FIELDS:
        url = data.get(name)
        if url and is_news_or_copy(url):
            add(name, f"{url} looks like a news article, press release, copy or test page: "
                      "use the service's own page or an official one")


def check_phone_line(add, data, has_phone):
    """A listing that presents itself as a phone line must give its number."""
    if has_phone or data["kind"] == "hotline":
        return
    said = " ".join((data["name"], data["description"].get("en", "")))
    match = PHONE_LINE.search(said)
    if match:
        add("phones", f"says it is a phone line ({match.group(0)!r}) but has no number: add "
                      "the number from its source, or describe how to reach it instead")


def derived_ruling(provisions, today):
    """The label that the provisions in force on `today` support."""
    in_force = {p["reach"] for p in provisions if date.fromisoformat(p["in_force"]) <= today}
    for reach, ruling in (("names-ai", "explicit"), ("general", "general"),
                          ("real-only", "not_covered")):
        if reach in in_force:
            return ruling
    return "unclear"


def check_law(add, law, today):
    label, expected = law["ai_images"], derived_ruling(law["provisions"], today)
    if label != expected:
        add("law.ai_images", f"is {label!r}, but the provisions in force on {today} make it "
                             f"{expected!r} (see content/README.md, 'The law')")
    if label == "explicit" and DOES_NOT_NAME.search(law["summary"]["en"]):
        add("law.summary.en", "says the law does not name these images, but ai_images is "
                              "'explicit'")
    for i, change in enumerate(law.get("pending", ())):
        if change["status"] == "passed" and "in_force" not in change:
            add(f"law.pending.{i}.in_force", "a passed change needs the date it applies from")
        elif "in_force" in change and date.fromisoformat(change["in_force"]) <= today:
            add(f"law.pending.{i}", "applies already: move it to provisions")


def check_compensation(add, compensation, warn):
    starts = compensation["deadline_starts"]
    for alone in ("none", "not-stated"):
        if alone in starts and len(starts) > 1:
            add("compensation.deadline_starts", f"{alone!r} stands alone")
    if "not-stated" in starts:
        warn("compensation.deadline_starts", "the official pages read do not say when the "
                                             "time limit starts: find a page that does")
    if compensation["children"] == "not-stated":
        warn("compensation.children", "the official pages read give no rule for people who "
                                      "were children: find a page that does")


@dataclass(frozen=True)
class SourceAge:
    """A fact whose source page is dated long ago."""
    where: str
    source: str
    source_date: date


def old_sources(content, today):
    """Facts whose source page itself is dated more than OLD_SOURCE_YEARS years ago."""
    try:
        cutoff = today.replace(year=today.year - OLD_SOURCE_YEARS)
    except ValueError:   # 29 February
        cutoff = today.replace(year=today.year - OLD_SOURCE_YEARS, day=28)
    found = []
    for item in content.listings.values():
        if item.source_date and item.source_date < cutoff:
            found.append((item.service_areas[0], item.maintainer or "no maintainer yet",
                          SourceAge(item.id, item.source, item.source_date)))
    for j in content.jurisdictions.values():
        for name in ("emergency", "compensation", "law"):
            block = getattr(j, name)
            if block is not None and block.source_date and block.source_date < cutoff:
                found.append((j.code, "jurisdiction facts",
                              SourceAge(name, block.source, block.source_date)))
        for absence in j.absent:
            if absence.source_date and absence.source_date < cutoff:
                found.append((j.code, "jurisdiction facts",
                              SourceAge(f"absent {absence.kind}", absence.source,
                                        absence.source_date)))
    return found
