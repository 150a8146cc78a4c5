"""Nothing a visitor does changes what the server holds: after start-up, no request
fills, reorders or evicts a cache. Otherwise the time a page takes could tell an
attacker what earlier visitors asked."""
import functools
import gettext
import sys
from itertools import product

import babel.dates
import babel.localedata
import pytest
from phonenumbers.phonemetadata import PhoneMetadata

from signpost import create_app
from tests.conftest import ADDRESSES, make_config

PLACES = ("GB-EAW", "DE", "FR", "US-CA", "AU-NSW", "PL", "CA-QC", "INT", "IE", "SE")


@pytest.fixture(scope="module")
def warm_app(built_database, geoip_file):
    return create_app(make_config(built_database, geoip_file, WARM_UP=True))


def held(app):
    """Every cache signpost and its libraries keep, as what it holds and in what order."""
    with app.app_context():
        return _held(app)


def _held(app):
    return {
        "templates": list(app.jinja_env.cache),
        "catalogues": list(app.extensions["babel"].instance.domain_instance.cache),
        "cldr": list(babel.localedata._cache),
        "date patterns": babel.dates._cached_parse_pattern.cache_info().currsize,
        "gettext files": list(gettext._translations),
        "phone metadata": (list(PhoneMetadata._region_metadata),
                           list(PhoneMetadata._short_region_metadata),
                           list(PhoneMetadata._country_code_metadata)),
        "content build": id(app.extensions["catalogue"].get()),
        "extensions": {name: len(value) if isinstance(value, (dict, list, set)) else
                       type(value).__name__ for name, value in app.extensions.items()},
        "signpost's own caches": {
            f"{name}.{attr}": value.cache_info().currsize
            for name, module in list(sys.modules.items()) if name.startswith("signpost")
            for attr, value in vars(module).items()
            if isinstance(value, functools._lru_cache_wrapper)},
    }


def visits(client):
    """Results, urgent pages, questions and the directory, with varied answers, in varied
    languages, from varied countries."""
    for (lang, place), who in zip(product(("en", "de", "ar", "pt-PT", "zh-Hans"), PLACES),
                                  ("child", "parent", "adult", "bystander", "worried") * 20):
        yield client.post(f"/{lang}/questions", data={
            "danger": "no", "who": who, "what": ["fake", "threats"], "where": place,
            "need": "everything", "step": "need", "nav": "next"})
        yield client.post(f"/{lang}/questions", data={"step": "danger", "nav": "next",
                                                     "danger": "yes", "where": place})
        yield client.get(f"/{lang}/directory/{place}")
    for country, address in ADDRESSES.items():
        yield client.get("/fr/", environ_base={"REMOTE_ADDR": address})
        yield client.get("/fr/questions", environ_base={"REMOTE_ADDR": address})
    yield client.post("/en/search", data={"q": "helpline", "where": "DE"})
    for place, lang in (("FR", "fr"), ("US-CA", "es-419"), ("PL", "uk")):
        yield client.post("/api/v1/route", json={"place": place, "who": "survivor",
                                                 "what": ["fake"], "language": lang})
    yield client.post("/de/report", data={"report": "de-nummer-gegen-kummer:hours",
                                          "page": "/de/listing/de-nummer-gegen-kummer"})
    yield client.post("/en/report", data={"danger": "no", "who": "child", "what": "fake",
                                          "where": "GB-EAW", "need": "everything",
                                          "report": "gb-childline:number"})
    yield client.get("/en/listing/does-not-exist")
    letter = {"danger": "no", "who": "parent", "what": "shared", "where": "US-TX",
              "need": "remove", "step": "need", "platform": "Example", "sender": "for",
              "web_address": "https://example.invalid/1", "contact": "a@example.invalid"}
    for lang, nav, where in (("en", "letter", "US-TX"), ("uk", "letter", "US-TX"),
                             ("es-419", "download", "US-TX"), ("ar", "stay", "US-TX"),
                             ("de", "letter", "DE"), ("fr", "download", "FR")):
        yield client.post(f"/{lang}/remove-request", data=dict(letter, nav=nav, where=where))


def test_no_request_changes_what_the_server_holds(warm_app):
    before = held(warm_app)
    statuses = {response.status_code for response in visits(warm_app.test_client())}
    assert statuses <= {200, 404}
    assert held(warm_app) == before


def test_a_cold_server_would_have_changed(built_database, geoip_file):
    """The check above can fail: without the warm-up, the first visits load things."""
    app = create_app(make_config(built_database, geoip_file))
    before = held(app)
    for _ in visits(app.test_client()):
        pass
    assert held(app) != before
