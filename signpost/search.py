"""A plain search of the listings: every word must be found in a listing's name, its
text in the visitor's language (or English), its kind or the places it serves.
Pure: the caller passes the listings and the words to look in."""
import re
import unicodedata

MAX_QUERY = 200
MAX_RESULTS = 30
# Where a word is found decides the order: the name first, the places last.
WEIGHTS = {"name": 4, "kind": 3, "text": 2, "place": 1}


def fold(text):
    """Lower case without accents, so "Kinder" finds "kinder" and "ecoute" finds "écoute"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(query):
    return [w for w in re.split(r"[\W_]+", fold(query)) if len(w) > 1]


def search(listings, query, fields_of):
    """Listings in which every word of `query` is found, best first.

    `fields_of(listing)` gives {"name": …, "text": …, "kind": …, "place": …}: the words
    a visitor may use for it, in their language.
    """
    wanted = words(query)
    if not wanted:
        return []
    found = []
    for listing in listings:
        fields = {name: fold(value) for name, value in fields_of(listing).items()}
        score = 0
        for word in wanted:
            hits = [WEIGHTS[name] for name, value in fields.items() if word in value]
            if not hits:
                break
            score += max(hits)
        else:
            found.append((-score, fold(listing.name), listing))
    return [listing for *_, listing in sorted(found, key=lambda x: x[:2])][:MAX_RESULTS]
