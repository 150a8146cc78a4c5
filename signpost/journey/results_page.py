"""The results page, put together from pieces instead of rendered whole.

Each piece is a macro of journey/_results_pieces.html, or a part of the page's frame,
and depends on the language, the voice and a short key: a place, a group, a listing.
`content build` renders every piece for every key (`pieces_to_render`), so a results
page is a join of strings with the answers filled in, and no template runs for the
request. Without a file of pieces each one is rendered for the request, and the page
is the same (tests/test_prerendered.py).
"""
from itertools import combinations

from flask import g, has_request_context, render_template
from markupsafe import Markup, escape

from .. import labels
from ..codes import ANYWHERE, ROLES
from ..current import suggested_country
from ..first_steps import Step, police_step
from ..matching import FIXED_GROUPS, GROUPS
from ..prerendered import ELSEWHERE, phone_country
from ..removal_letters import law_for
from ..templating.rendering import Held, hidden_input, hidden_inputs
from ..templating.formatting import open_now
from ..templating.steps import LISTING_STEP_KINDS

TEMPLATE = "journey/_results_pieces.html"
FRAME = "journey/results.html"
HOLE = "\x00hole\x00"           # where the request's own words go into a piece
HOLE_BYTES = HOLE.encode()
NOTICES = (None, "thanks", "failed", "unreadable")     # g.report_notice

# Cards shown at once in each results group; the rest wait behind a disclosure, so the
# page stays within a few phone screens.
CARDS_SHOWN = {"remove": 3, "report": 1, "talk": 1, "rights": 1, "prevention": 1}


def _country_of(place):
    return None if place == ANYWHERE else place[:2]


def _here(place, ask):
    return ask(place) if place != ANYWHERE else None


# name -> (key -> the macro's arguments, given the Pieces; key -> the country whose
# numbers the piece shows in national form). Other pieces take their key as it is.
ARGUMENTS = {
    "heading": (lambda p: (p.young,), None),
    "police_step": (lambda p, place: (police_step(p.catalogue.emergency_for(place)), p.young),
                    _country_of),
    "listing_step": (lambda p, kind, who: (Step(kind), who, p.young, Markup(HOLE)), None),
    "contact": (lambda p, listing_id, country: (p.catalogue.listings[listing_id],
                                                Markup(HOLE)),
                lambda listing_id, country: country),
    "emergency": (lambda p, place: (place, _here(place, p.catalogue.emergency_for)),
                  _country_of),
    "regions_end": (lambda p, place: (p.catalogue.regions_of(place),), None),
    "advice": (lambda p, who: (labels.advice(who),), None),
    "group_start": (lambda p, name: (name, p.young), None),
    "also": (lambda p, listing_id: (p.catalogue.listings[listing_id],), None),
    "rights": (lambda p, place: (place, _here(place, p.catalogue.compensation_for),
                                 _here(place, p.catalogue.law_for), p.young, p.standalone),
               _country_of),
    "missing_start": (lambda p, names: (names, p.young), None),
}


class NotHeld(LookupError):
    """A piece is not in the file, and there is no request to render it for."""


class Pieces(Held):
    """The pieces in this request's language and voice: from the content build's file
    where it holds them, else rendered now. Nothing rendered now is kept. A download
    (`standalone`) has its own form of the cards and of the rights note."""

    def __call__(self, name, *key):
        found = None if self.standalone and name == "rights" else self.piece(name, key)
        return found if found is not None else self.render(name, key)

    def render(self, name, key):
        self.may_render(name)
        make_arguments = ARGUMENTS.get(name, (lambda p, *key: key, None))[0]
        return self.render_macro(TEMPLATE, name, *make_arguments(self, *key))

    @staticmethod
    def may_render(name):
        """Rendering needs a request's language and catalogues; a page put together
        before Flask builds one (journey/ahead.py) has none."""
        if not has_request_context():
            raise NotHeld(name)


def _card(pieces, item):
    return pieces.card_parts(item, compact=not pieces.standalone)


def _steps(pieces, place, steps, who):
    yield pieces("steps_start")
    for step in steps:
        if step.kind == "police":
            yield pieces("police_step", place)
            continue
        words = pieces("listing_step", step.kind, who if who == "parent" else None)
        yield bytes(words).replace(HOLE_BYTES, str(escape(step.listing.name)).encode())
        contact = pieces("contact", step.listing.id,
                         phone_country(step.listing, pieces.page_country))
        badge = pieces.badge(open_now(step.listing, pieces.now))
        yield bytes(contact).replace(HOLE_BYTES, badge)
        yield pieces("listing_step_end")
    yield pieces("steps_end")


def body(pieces, found, answers, region_fields=None):
    """The results themselves, as UTF-8 bytes: shared by the page and its download,
    which has no form to choose a region (`region_fields`, the form's hidden inputs)."""
    place, results = found.place, found.results
    if found.steps:
        yield from _steps(pieces, place, found.steps, answers.who)
    elif results.urgent:
        yield pieces("emergency", place)
    yield pieces("lead", place)
    if region_fields is not None and place != ANYWHERE and pieces.catalogue.regions_of(place):
        yield pieces("regions_start")
        yield region_fields
        yield pieces("regions_end", place)
    yield pieces("advice", answers.who)
    for group in results.groups:
        yield pieces("group_start", group.name)
        # The scheme's own note stands for compensation listings; they wait below it.
        limit = 0 if group.name == "rights" and found.compensation else \
            CARDS_SHOWN.get(group.name, 2)
        shown = group.listings if pieces.standalone else group.listings[:limit]
        for item in shown:
            yield from _card(pieces, item)
        others = group.listings[len(shown):]
        if others:
            yield pieces("more_start", len(others))
            for item in others:
                yield from _card(pieces, item)
            yield pieces("more_end")
        yield from (pieces("also", item.id) for item in group.also)
        if group.name == "remove" and not pieces.standalone and law_for(place):
            yield pieces("removal_button")      # the letter needs the site: not in a download
        if group.name == "report":
            yield pieces("reporting")
        if group.name == "rights":
            yield pieces("rights", place)
        yield pieces("group_end")
    if results.missing:
        yield pieces("missing_start", tuple(results.missing))
        yield pieces("missing_end", place)


def page(found, answers, hidden, hidden_but_where, last_step):
    """The whole results page, as UTF-8 bytes. `hidden` are the answers as (name, value)
    pairs; the forms on the page carry them, so nothing goes in a URL."""
    pieces = Pieces()
    fields = {pair: hidden_input(*pair).encode() for pair in hidden}
    answer_fields = b"".join(fields.values())
    but_where = b"".join(fields[pair] for pair in hidden_but_where)
    step_field = _fields([("step", last_step)])
    main = [pieces("heading"),
            *body(pieces, found, answers, but_where + step_field + NEXT),
            pieces("keep_start"), answer_fields, pieces("keep_end"),
            answer_fields, step_field, pieces("change_end")]
    switch = answer_fields + step_field + NEXT
    frame = _held_frame(pieces)
    if frame is None:
        pieces.may_render("frame")
        return render_template(FRAME, switch_fields=Markup(switch.decode()),
                               main=Markup(b"".join(main).decode())).encode()
    return b"".join((frame[0], switch, frame[1], *main, frame[2]))


def _fields(pairs):
    return hidden_inputs(pairs).encode()


NEXT = _fields([("nav", "next")])


def _held_frame(pieces):
    """The page around the results, in three parts: before the language switcher's
    hidden fields, between them and the results, and after the results."""
    footer_country = pieces.page_country or suggested_country()
    parts = (pieces.piece("frame_top", ()),
             pieces.piece("frame_middle", (g.get("report_notice"),)),
             pieces.piece("frame_bottom", (footer_country,)))
    return None if None in parts else parts


def _frame_parts():
    top, middle, bottom = render_template(
        FRAME, switch_fields=Markup(HOLE), main=Markup(HOLE)).split(HOLE)
    return top, middle, bottom


def pieces_to_render(catalogue):
    """(page country, notice, render) for every piece of every results page. In a
    request context with the language and voice set, and g.page_country and
    g.report_notice as given, `render()` gives {(name, key): text}."""
    def one(name, *key):
        country = ARGUMENTS.get(name, (None, None))[1]
        return (country(*key) if country else None, None,
                lambda: {(name, key): Pieces().render(name, key).decode()})

    places = list(catalogue.jurisdictions) + [ANYWHERE]
    for name in ("steps_start", "listing_step_end", "steps_end", "regions_start",
                 "more_end", "reporting", "group_end", "keep_start", "keep_end", "change_end",
                 "heading"):
        yield one(name)
    for place in places:
        yield from (one(name, place) for name in ("lead", "missing_end", "rights", "emergency"))
        if place != ANYWHERE and police_step(catalogue.emergency_for(place)):
            yield one("police_step", place)
        if place != ANYWHERE and catalogue.regions_of(place):
            yield one("regions_end", place)
    for kind in LISTING_STEP_KINDS:
        yield from (one("listing_step", kind, who) for who in (None, "parent"))
    yield from (one("advice", who) for who in ROLES + (None,))
    yield from (one("group_start", name) for name in GROUPS)
    if any(law_for(place) for place in places):
        yield one("removal_button")
    for order in {GROUPS, *(tuple(groups) for groups in FIXED_GROUPS.values())}:
        for size in range(1, len(order) + 1):
            yield from (one("missing_start", names) for names in combinations(order, size))
    most = max(len(catalogue.listings_for(place)) for place in places)
    yield from (one("more_start", count) for count in range(1, most + 1))
    for listing_id, item in catalogue.listings.items():
        yield one("also", listing_id)
        for country in {p.region for p in item.phones} | {ELSEWHERE}:
            yield one("contact", listing_id, country)
    # The frame: its top and middle do not depend on the country, its bottom does.
    for notice in NOTICES:
        yield None, notice, lambda notice=notice: _frame_pieces(top=notice is None,
                                                                 middle=(notice,))
    for country in catalogue.countries():
        yield country, None, lambda country=country: _frame_pieces(bottom=(country,))


def _frame_pieces(top=False, middle=None, bottom=None):
    top_part, middle_part, bottom_part = _frame_parts()
    found = {("frame_top", ()): top_part} if top else {}
    if middle is not None:
        found[("frame_middle", middle)] = middle_part
    if bottom is not None or top:
        found[("frame_bottom", bottom or (None,))] = bottom_part
    return found
