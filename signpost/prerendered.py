"""Pages and listing cards rendered once, when a content build is made, and served as bytes.

Rendering a directory page or a results page's cards for every request is slow, and a
cache that requests fill would let response times tell what earlier visitors asked. So
`content build` renders every page that depends only on its URL (the static mirror's
pages) and every listing card, in every language and both voices, into one file. The
site reads it whole at start-up, before the first visitor; no request adds to it or
reorders it. Where the file is missing, or was made for another build of the content or
another version of the code and catalogues, pages are rendered for each request.
"""
import contextvars
import hashlib
import marshal
import mmap
from pathlib import Path

from flask import g
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from . import mirror
from .config import PROJECT_ROOT

MAGIC = b"signpost-pages-4\n"
OPEN_BADGE = "\x00open-now\x00"      # where a card's "Open now" goes; it changes by the minute
OPEN_BADGE_BYTES = OPEN_BADGE.encode()
OPEN_DETAILS = b'<details class="more" open>'     # a results page shows it closed
# A page is kept with the headers it was rendered with, all but these:
LEFT_OUT_HEADERS = ("Content-Length", "Set-Cookie")     # the first is worked out again


def code_fingerprint(translations_dir):
    """What the rendering depends on besides the content: templates, code, catalogues."""
    digest = hashlib.sha256(MAGIC)
    roots = [(PROJECT_ROOT / "signpost", ("*.py", "*.html", "*.css", "*.svg", "*.yaml")),
             (Path(translations_dir), ("*.mo", "*.po", "*.yaml"))]
    for root, patterns in roots:
        for pattern in patterns:
            for path in sorted(root.rglob(pattern)):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


class Prerendered:
    """The pages and cards of one content build, or nothing. Each index entry gives where
    its bytes lie in `blob`."""

    def __init__(self, content_digest=None, pages=None, cards=None, blob=memoryview(b""),
                 fragments=None):
        self.content_digest = content_digest
        self.pages = pages or {}
        self.cards = cards or {}
        self.fragments = fragments or {}
        self.blob = blob

    def serves(self, catalogue):
        return bool(self.pages) and catalogue.digest == self.content_digest

    def page(self, catalogue, path):
        """(headers, body) of a page rendered at build time, or None."""
        found = self.pages.get(path) if self.serves(catalogue) else None
        if found is None:
            return None
        headers, start, end = found
        return headers, self.blob[start:end].tobytes()

    def card(self, lang, young, listing, page_country):
        """A listing's card as UTF-8 bytes in three parts, for a caller that has checked
        `serves`: before its "Open now" badge, from there to its disclosure's opening
        tag, and from after that tag to the end. A page puts the badge and the tag it
        wants between them, and nothing is copied."""
        found = self.cards.get((lang, young, listing.id, phone_country(listing, page_country)))
        if found is None:
            return None
        start, badge, details, end = found
        blob = self.blob
        return (blob[start:badge], blob[badge + len(OPEN_BADGE_BYTES):details],
                blob[details + len(OPEN_DETAILS):end])

    def piece(self, name, lang, young, key):
        """A fragment's UTF-8 bytes, in place in the file, for a caller that has checked
        `serves`: a page is joined as bytes, so nothing is decoded and encoded again."""
        found = self.fragments.get((name, lang, young, key))
        return None if found is None else self.blob[found[0]:found[1]]

    def fragment(self, catalogue, name, lang, young, key):
        found = self.piece(name, lang, young, key) if self.serves(catalogue) else None
        return None if found is None else str(found, "utf-8")


ELSEWHERE = "~"


def phone_country(listing, page_country):
    """A card shows a number in national form only in the number's own country; so a
    card has one form per country of its numbers, and one for everywhere else."""
    return page_country if any(p.region == page_country for p in listing.phones) else ELSEWHERE


def load(path, fingerprint):
    """The file's pages if it was made by this code, with these catalogues; else none.
    Every byte is read into memory now (MAP_POPULATE), before the first visitor, so no
    request is slower for being the first to ask for a page. The index keeps the offsets
    as written: `blob` starts where the pages do."""
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC or _read_marshal(f) != fingerprint:
                return Prerendered()
            index = _read_marshal(f)
            blob = mmap.mmap(f.fileno(), 0, flags=mmap.MAP_SHARED | POPULATE,
                             prot=mmap.PROT_READ, offset=0)
            start = f.tell()
    except (OSError, EOFError, ValueError, TypeError):
        return Prerendered()
    if not isinstance(index, dict):
        return Prerendered()
    return Prerendered(index["content_digest"], index["pages"], index["cards"],
                       memoryview(blob)[start:], index["fragments"])


def _read_marshal(f):
    size = int.from_bytes(f.read(8), "big")
    return marshal.loads(f.read(size))


def _marshalled(value):
    data = marshal.dumps(value)
    return len(data).to_bytes(8, "big") + data


POPULATE = getattr(mmap, "MAP_POPULATE", 0)


def render(app, catalogue, languages=None):
    """{path: (headers, body)}, {(lang, young, id, phone country): card} and
    {(template, lang, young, key): fragment}."""
    app.extensions["prerendered"] = Prerendered()        # render, never serve, meanwhile
    pages = {}
    languages = list(languages or app.extensions["locales"])
    for path, response in mirror.responses(app, catalogue, languages):
        if response.status_code == 200:
            headers = tuple((k, v) for k, v in response.headers.items()
                            if k not in LEFT_OUT_HEADERS)
            pages[path] = (headers, response.get_data())
    cards, fragments = contextvars.Context().run(_pieces, app, catalogue, languages)
    return pages, cards, fragments


def fragments_of(locale_groups, site_locale):
    """{(template, key): context} for the fragments the question pages ask `fragment()`
    for; the pieces of results pages come from `page_pieces`."""
    return {("journey/_language_buttons.html", ()): {"locale_groups": locale_groups,
                                                     "site_locale": site_locale}}


def _pieces(app, catalogue, languages):
    from .i18n import by_script
    cards, fragments = {}, {}
    macros_module = app.jinja_env.get_template("macros.html").module
    macro = macros_module.listing_card
    locales = app.extensions["locales"]
    for lang in languages:
        for young in (False, True):
            with app.test_request_context(f"/{lang}/"):
                g.lang, g.young = lang, young
                for listing_id, item in catalogue.listings.items():
                    for country in {p.region for p in item.phones} | {ELSEWHERE}:
                        g.page_country = country
                        cards[(lang, young, listing_id, country)] = str(
                            macro(item, "h3", "", False, Markup(OPEN_BADGE)))
                g.page_country = None
                pieces = fragments_of(by_script(locales.values()), locales[lang])
                for (name, key), context in pieces.items():
                    fragments[(name, lang, young, key)] = app.jinja_env.get_template(
                        name).render(**context)
                for is_open in (True, False, None):
                    fragments[("open_badge", lang, young, (is_open,))] = str(
                        macros_module.open_badge(is_open))
                for make in app.extensions["page_pieces"]:
                    for country, notice, render in make(catalogue):
                        g.page_country, g.report_notice = country, notice
                        for (name, key), text in render().items():
                            fragments[(name, lang, young, key)] = text
    return cards, fragments


def save(app, path, languages=None):
    """Render everything for the current build and write it to `path` atomically."""
    with app.app_context():
        catalogue = app.extensions["catalogue"].get()
    pages, cards, fragments = render(app, catalogue, languages)
    chunks, offset, shared = [], 0, {}

    def place(data):
        nonlocal offset
        chunks.append(data)
        offset += len(data)
        return offset - len(data), offset

    index = {"content_digest": catalogue.digest,
             # One object for each distinct set of headers, which marshal then writes once.
             "pages": {p: (shared.setdefault(headers, headers), *place(body))
                       for p, (headers, body) in pages.items()},
             "cards": {key: _card_entry(place, card.encode()) for key, card in cards.items()},
             "fragments": {key: place(text.encode()) for key, text in fragments.items()}}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as f:
        f.write(MAGIC)
        f.write(_marshalled(code_fingerprint(app.config["TRANSLATIONS_DIR"])))
        f.write(_marshalled(index))
        f.writelines(chunks)
    partial.replace(path)
    return len(pages), len(cards), len(fragments)


def _card_entry(place, card):
    """(start, badge, details, end): where `place` puts a card, and where its badge and
    its disclosure's opening tag start (see `Prerendered.card`)."""
    start, end = place(card)
    badge = card.index(OPEN_BADGE_BYTES)
    return start, start + badge, start + card.index(OPEN_DETAILS, badge), end


def ensure(app, catalogue):
    """Render and load the pages if the file does not hold this build's; True if it did."""
    path = app.extensions["pages_path"]
    if not path or app.extensions["prerendered"].serves(catalogue):
        return False
    save(app, path)
    app.extensions["prerendered"] = load(path, code_fingerprint(app.config["TRANSLATIONS_DIR"]))
    return True


class _QuietBytecodeCache(FileSystemBytecodeCache):
    def dump_bytecode(self, bucket):
        try:
            super().dump_bytecode(bucket)
        except OSError:         # a folder it cannot write to: compiled again next start
            pass


def _compiled_templates(folder):
    """Templates compiled once and kept beside the pages, so a start does not parse them
    all again. Jinja checks each against its source before using it."""
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))


def init_app(app, path):
    """`page_pieces`: functions giving, for a catalogue, the pieces of pages that are put
    together for each request: (page country, report notice, render)."""
    app.extensions["pages_path"] = path
    app.extensions["page_pieces"] = []
    if path:
        app.jinja_env.bytecode_cache = _compiled_templates(Path(path).with_suffix(".templates"))
    app.extensions["prerendered"] = Prerendered()
    if path and Path(path).exists():
        app.extensions["prerendered"] = load(
            path, code_fingerprint(app.config["TRANSLATIONS_DIR"]))


class ServedAhead:
    """WSGI middleware: a GET for a page rendered with the content build is answered
    with its bytes and the headers it was rendered with, before Flask is asked; anything
    else goes on to the application. It sits inside ProxyFix, so the address a start
    page's suggested country comes from is the visitor's, read and forgotten."""

    def __init__(self, app, wsgi_app):
        self.app, self.wsgi_app = app, wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and not environ.get("QUERY_STRING"):
            found = self._page(environ)
            if found is not None:
                headers, body = found
                start_response("200 OK", [*headers, ("Content-Length", str(len(body)))])
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
        return self.wsgi_app(environ, start_response)

    def _page(self, environ):
        from .content.index import DatabaseError
        held = self.app.extensions["prerendered"]
        if not held.pages:
            return None
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        try:
            catalogue = self.app.extensions["catalogue"].get()
        except DatabaseError:
            return None
        found = held.page(catalogue, path)
        if found is not None and self._is_start_page(path):
            # The start page was rendered without a suggested country.
            code = self.app.extensions["geo"].suggest(environ.get("REMOTE_ADDR"))
            if code in catalogue.jurisdictions:
                return None
        return found

    def _is_start_page(self, path):
        return path.count("/") == 2 and path.endswith("/") and \
            path[1:-1] in self.app.extensions["locales"]
