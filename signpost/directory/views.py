"""Information anyone can read without answering a question: the directory, the law, safety.

These pages depend only on their URL (and the content build), so a shared cache or the
static mirror may keep them.
"""
from babel import Locale
from flask import Blueprint, abort, g, render_template, request

from ..codes import ANYWHERE
from ..content import lawdata
from ..content.models import localised
from ..current import catalogue
from ..i18n import lang_prefixed
from ..labels import KIND_NAMES
from ..matching import GROUPS, place
from ..search import search as find
from ..templating import current_lang, place_name
from .forms import SearchForm

bp = lang_prefixed(Blueprint("directory", __name__, url_prefix="/<lang>"))
ENGLISH = Locale("en")


@bp.after_request
def shareable(response):
    if request.method == "POST":            # a search: the words are the visitor's own
        response.headers["Cache-Control"] = "no-store"
    elif response.status_code == 200:
        response.headers["Cache-Control"] = "public, max-age=300"
    return response


def grouped(listings):
    """Listings under the result groups, each once, in the group of its first service."""
    return [(name, items) for name, items in place(listings, GROUPS).items() if items]


def _jurisdiction_or_404(code):
    j = catalogue().jurisdiction(code.upper()) if code else None
    if j is None:
        abort(404)
    return j


@bp.get("/directory/")
def index():
    cat = catalogue()
    return render_template("directory/index.html", form=SearchForm(),
                           countries=[cat.jurisdiction(c) for c in cat.countries()],
                           regions_of=cat.regions_of)


def _search_fields(listing):
    """What a visitor may type for a listing, in their language and in English."""
    lang = current_lang()
    return {"name": listing.name,
            "text": " ".join(filter(None, (localised(listing.description, lang)[0],
                                           listing.description.get("en")))),
            "kind": f"{KIND_NAMES.get(listing.kind, '')} {listing.kind.replace('-', ' ')}",
            "place": " ".join(f"{place_name(code)} {ENGLISH.territories.get(code[:2], '')} "
                              f"{code}" for code in listing.service_areas)}


@bp.route("/search", methods=["GET", "POST"])
def search():
    """The words arrive in the body of a post and leave with the response."""
    form = SearchForm(request.form if request.method == "POST" else None)
    found = None
    if request.method == "POST" and form.validate():
        found = find(catalogue().listings.values(), form.q.data, _search_fields)
    return render_template("directory/search.html", form=form, found=found)


@bp.get("/directory/<code>")
def jurisdiction(code):
    j = _jurisdiction_or_404(code)
    cat = catalogue()
    g.page_country = j.country
    regions = [(r, grouped(cat.listings_in(r.code))) for r in cat.regions_of(j.code)]
    return render_template(
        "directory/jurisdiction.html", j=j, groups=grouped(cat.listings_in(j.code)),
        regions=regions, parent=cat.jurisdiction(j.parent) if j.parent else None,
        emergency=cat.emergency_for(j.code), compensation=cat.compensation_for(j.code),
        law=cat.law_for(j.code), anywhere=ANYWHERE)


@bp.get("/law/")
def law_index():
    return render_template("directory/law_index.html", rows=[
        {"j": catalogue().jurisdiction(r.code), "law": r.law, "law_from": r.stated_in,
         "inherited": r.inherited, "rests_on": r.rests_on}
        for r in lawdata.records(catalogue()) if r.code != ANYWHERE])


@bp.get("/law/<code>")
def law(code):
    j = _jurisdiction_or_404(code)
    cat = catalogue()
    g.page_country = j.country
    return render_template("directory/law.html", j=j, law=cat.law_for(j.code),
                           compensation=cat.compensation_for(j.code),
                           inherited_law=j.law is None, inherited_compensation=j.compensation is None)


@bp.get("/listing/<listing_id>")
def listing(listing_id):
    item = catalogue().listings.get(listing_id)
    if item is None:
        abort(404)
    g.page_country = None if item.applies_anywhere else item.service_areas[0][:2]
    return render_template("directory/listing.html", item=item)


@bp.get("/safety")
def safety():
    return render_template("directory/safety.html")


@bp.get("/about")
def about():
    return render_template("directory/about.html")
