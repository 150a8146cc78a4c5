"""The content the site serves, held in memory and refreshed when the database changes."""
import threading
import time

from ..codes import ANYWHERE
from ..matching import rank
from . import index


class Catalogue:
    """Read-only look-ups over one build of the content."""

    def __init__(self, content, digest=None):
        self.digest = digest
        self.jurisdictions = content.jurisdictions
        self.listings = content.listings
        self._by_area = {}
        for item in sorted(content.listings.values(), key=lambda x: x.name.casefold()):
            for code in item.service_areas:
                self._by_area.setdefault(code, []).append(item)
        # Worked out once per build: every results page asks for them.
        self._countries = tuple(sorted(code for code, j in self.jurisdictions.items()
                                       if j.parent is None and code != ANYWHERE))
        self.place_codes = self._countries + tuple(
            r for code in self._countries for r in self.jurisdictions[code].regions) + (ANYWHERE,)
        self._for_place = {code: self._listings_for(code) for code in self.jurisdictions}
        self._ranked = {code: rank(found, self.area_chain(code))
                        for code, found in self._for_place.items()}

    def jurisdiction(self, code):
        return self.jurisdictions.get(code)

    def countries(self):
        """Codes of the top-level jurisdictions a visitor can choose, without INT."""
        return list(self._countries)

    def regions_of(self, code):
        j = self.jurisdictions.get(code)
        return [self.jurisdictions[r] for r in j.regions] if j else []

    def listings_in(self, code):
        """Listings that name `code` itself among their service areas."""
        return list(self._by_area.get(code, ()))

    def area_chain(self, code):
        """The areas whose listings apply in `code`: itself, its country, then anywhere.

        A country chosen without a region gets its nationwide help only; the
        results page then asks for the region, rather than showing every region's.
        """
        j = self.jurisdictions[code]
        if j.parent:
            return (code, j.parent, ANYWHERE)
        return (code, ANYWHERE)

    def listings_for(self, code):
        """The listings that apply in `code`: its own, its country's, then anywhere's."""
        return self._for_place[code]

    def ranked_for(self, code):
        """The listings that apply in `code` in the order matching starts from."""
        return self._ranked[code]

    def _listings_for(self, code):
        seen, found = set(), []
        for area in self.area_chain(code):
            for item in self._by_area.get(area, ()):
                if item.id not in seen:
                    seen.add(item.id)
                    found.append(item)
        return tuple(found)

    def _inherited(self, code, attribute):
        j = self.jurisdictions.get(code)
        while j is not None:
            value = getattr(j, attribute)
            if value is not None:
                return value
            j = self.jurisdictions.get(j.parent) if j.parent else None
        return None

    def emergency_for(self, code):
        return self._inherited(code, "emergency")

    def compensation_for(self, code):
        return self._inherited(code, "compensation")

    def law_for(self, code):
        return self._inherited(code, "law")


class CatalogueSource:
    """Hands each request the newest good catalogue; checks for a rebuild every few seconds."""

    def __init__(self, url, check_every=5.0):
        self._engine = index.make_engine(url)
        self._path = index.sqlite_path(url)   # never let a read create an empty SQLite file
        self._check_every = check_every
        self._lock = threading.Lock()
        self._catalogue = None
        self._checked_at = 0.0

    def _load(self):
        if self._path is not None and not self._path.exists():
            raise index.DatabaseError(f"no content database at {self._path}: "
                                      "run `flask --app signpost content build`")
        digest, content = index.read(self._engine)
        return Catalogue(content, digest)

    def get(self):
        """The current catalogue; raises index.DatabaseError when none was ever built."""
        if self._catalogue is None:
            with self._lock:
                if self._catalogue is None:
                    self._catalogue = self._load()
                    self._checked_at = time.monotonic()
        elif time.monotonic() - self._checked_at >= self._check_every:
            with self._lock:
                self._checked_at = time.monotonic()
                stamp = index.current_digest(self._engine)
                if stamp and stamp != self._catalogue.digest:
                    try:
                        self._catalogue = self._load()
                    except index.DatabaseError:
                        pass   # keep serving the last good catalogue
        return self._catalogue
