"""Validated content as plain, immutable objects; what the rest of signpost reads."""
from dataclasses import asdict, dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from ..codes import ANYWHERE


# Worked out when the content is loaded, not written in it: left out of the open data.
DERIVED = frozenset({"zone", "national", "international"})


def as_data(model):
    """A model as plain data, as the content files give it."""
    return asdict(model, dict_factory=lambda pairs: {k: v for k, v in pairs
                                                     if k not in DERIVED})


def localised(texts, locale):
    """Pick `locale`'s text from {lang: text}; English when it is missing.

    Returns (text, lang) so a page can say when it fell back to English.
    """
    if not texts:
        return None, None
    language = locale.split("_")[0]
    for key in (locale, language):
        if key in texts:
            return texts[key], key
    return texts.get("en"), "en"


@dataclass(frozen=True)
class Content:
    jurisdictions: dict       # {code: Jurisdiction}
    listings: dict            # {id: Listing}
    documents: dict           # the file data they were built from, with translations


@dataclass(frozen=True)
class Phone:
    number: str            # E.164 ("+448001111") or a short number ("116111")
    region: str            # the country the number belongs to
    type: str = "voice"    # voice, or text for SMS
    description: dict = field(default_factory=dict)
    written: str = ""      # as the content file wrote it, for showing short numbers
    # Both ways of writing a full number, worked out once, when the content is built.
    # A short number is shown as the content file writes it.
    national: str = field(default="", compare=False)
    international: str = field(default="", compare=False)

    def __post_init__(self):
        shown = self.written or self.number
        for name in ("national", "international"):
            if not getattr(self, name):
                object.__setattr__(self, name, shown)

    @property
    def is_short(self):
        return not self.number.startswith("+")


@dataclass(frozen=True)
class Hours:
    byday: tuple
    opens_at: str
    closes_at: str


@dataclass(frozen=True)
class Schedule:
    timezone: str
    open_24_7: bool = False
    hours: tuple = ()
    note: dict = field(default_factory=dict)
    zone: ZoneInfo = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        # Looked up once per load: a request never touches the time-zone cache.
        object.__setattr__(self, "zone", ZoneInfo(self.timezone))


@dataclass(frozen=True)
class Listing:
    id: str
    name: str
    kind: str
    description: dict
    url: str
    services: tuple
    roles: tuple
    situations: tuple          # empty means any situation
    service_areas: tuple
    source: str
    assured_date: date
    source_kind: str = "official"
    source_date: date = None   # the date the source page itself shows, if it shows one
    minimum_age: int = None
    maximum_age: int = None
    image_ages: tuple = ()     # empty: any; else "under-18" and/or "adult"
    phones: tuple = ()
    chat: str = None
    web_form: str = None
    email: str = None
    app: str = None
    schedule: Schedule = None
    free: bool = None
    anonymous: bool = None
    confidential: bool = None
    languages: tuple = ()
    notes: dict = field(default_factory=dict)
    other_sources: tuple = ()
    history: tuple = ()        # the public change log, newest last
    maintainer: str = None

    @property
    def applies_anywhere(self):
        return ANYWHERE in self.service_areas


@dataclass(frozen=True)
class Sourced:
    """A block of facts about a jurisdiction and where they came from."""
    source: str
    assured_date: date
    other_sources: tuple = ()
    source_kind: str = "official"   # official, own (the service's own site) or secondary
    source_date: date = None        # the date the source page itself shows, if any


@dataclass(frozen=True)
class Emergency(Sourced):
    phones: tuple = ()
    non_emergency: tuple = ()


@dataclass(frozen=True)
class Compensation(Sourced):
    authority: str = ""
    url: str = ""
    summary: dict = field(default_factory=dict)
    deadline: dict = field(default_factory=dict)
    deadline_starts: tuple = ()     # offence, report, knowledge, judgment, majority, none
    children: str = "same"          # the rule for people who were children at the time
    covers: dict = field(default_factory=dict)
    how_to_apply: dict = field(default_factory=dict)
    requirements: dict = field(default_factory=dict)
    restitution: dict = field(default_factory=dict)
    civil_claim: dict = field(default_factory=dict)
    cross_border: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Absence(Sourced):
    """A route that does not exist in a jurisdiction, as an official source says."""
    kind: str = "other"
    note: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Provision:
    """One provision of a law, where to read it, since when it applies and what it covers."""
    title: str
    url: str
    in_force: date
    reach: str                # names-ai, general, real-only or unclear
    in_force_at_least: bool = False   # in force from then at the latest; maybe earlier


@dataclass(frozen=True)
class PendingChange:
    """A bill or adopted change that does not apply yet."""
    title: str
    status: str               # proposed, in-parliament or passed
    date: date                # when it reached that status
    url: str = None
    in_force: date = None     # for a passed change, when it will apply
    note: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Law(Sourced):
    ai_images: str = "unclear"
    summary: dict = field(default_factory=dict)
    provisions: tuple = ()
    pending: tuple = ()


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    timezone: str
    languages: tuple
    parent: str = None
    name: dict = field(default_factory=dict)
    regions: tuple = ()
    emergency: Emergency = None
    compensation: Compensation = None
    law: Law = None
    absent: tuple = ()

    @property
    def country(self):
        """The ISO country this jurisdiction is in (GB for GB-SCT); None for INT."""
        return None if self.code == ANYWHERE else self.code[:2]
