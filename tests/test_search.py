"""The directory search: words in the visitor's language, accents ignored, every word must
match; bad or empty input gets a clear message. Pure search tested without Flask."""
from datetime import date

import pytest

from signpost.content.models import Listing
from signpost.search import MAX_RESULTS, fold, search


def listing(id, name, text, kind="child-helpline", place="Germany DE"):
    return Listing(id=id, name=name, kind=kind, description={"en": text},
                   url="https://example.org/", services=("talk",), roles=("child",),
                   situations=(), service_areas=("DE",), source="https://example.org/",
                   assured_date=date(2026, 1, 1))


LISTINGS = [listing("a", "Nummer gegen Kummer", "Free help for children by phone."),
            listing("b", "Écoute Enfants", "A line for children in Belgium.", place="Belgium BE"),
            listing("c", "Onlinewache", "Report a crime to the police online.", kind="police")]


def fields(item):
    return {"name": item.name, "text": item.description["en"],
            "kind": item.kind.replace("-", " "), "place": "Germany DE"}


@pytest.mark.parametrize("query, expected", [
    ("kummer", ["a"]),
    ("ecoute", ["b"]),                   # accents do not matter
    ("children", ["b", "a"]),            # both match; alphabetical when the score ties
    ("police germany", ["c"]),           # kind and place
    ("children police", []),             # every word must match
    ("   ", []),
    ("!!", []),
])
def test_search(query, expected):
    assert [x.id for x in search(LISTINGS, query, fields)] == expected


def test_a_match_in_the_name_ranks_first():
    named = listing("d", "Children First", "A line.")
    assert [x.id for x in search(LISTINGS + [named], "children", fields)][0] == "d"


def test_results_are_capped():
    many = [listing(str(i), f"Line {i}", "Children help.") for i in range(MAX_RESULTS + 5)]
    assert len(search(many, "children", fields)) == MAX_RESULTS


def test_fold():
    assert fold("Ça Sûre ÄÖÜ") == "ca sure aou"


def test_search_page_in_the_visitors_language(client):
    response = client.post("/de/search", data={"q": "Kinder"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Nummer gegen Kummer" in html


@pytest.mark.parametrize("q, message", [("", "Type a word or two"), ("x" * 201, "fewer words")])
def test_bad_or_empty_input_gets_a_clear_message(client, q, message):
    response = client.post("/en/search", data={"q": q})
    assert response.status_code == 200 and message in response.get_data(as_text=True)


def test_no_match_says_so(client):
    response = client.post("/en/search", data={"q": "zzzyyyxxx"})
    assert "We found no service with those words" in response.get_data(as_text=True)
