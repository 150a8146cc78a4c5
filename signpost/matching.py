"""Which listings help this visitor, grouped and ordered. Pure: no Flask here."""
from dataclasses import dataclass
from typing import NamedTuple

from .flow import UNSAID

# The result groups, most urgent first, and the services each one shows.
GROUPS = ("remove", "report", "talk", "rights", "prevention")
GROUP_SERVICES = {
    "remove": ("remove",),
    "report": ("report",),
    "talk": ("talk",),
    "rights": ("compensation", "legal"),
    "prevention": ("prevention",),
}

# What each "what would help" answer asks for.
NEED_GROUPS = {
    "remove": ("remove",),
    "report": ("report",),
    "talk": ("talk",),
    "compensation": ("rights",),
    "law": ("rights",),
}

# Groups a role always sees, whatever else was asked for.
ROLE_GROUPS = {
    "child": ("talk",),
    "survivor": ("talk",),
    "parent": ("talk",),
}

# Roles that are not asked what would help get these groups.
FIXED_GROUPS = {
    "worried": ("prevention", "talk"),
    "bystander": ("report", "talk"),
}

# Roles to whom prevention services also speak (e.g. a parent worried about a child's behaviour).
PREVENTION_ROLES = ("worried", "parent", "professional")

# How old the person in the images is, by who the help is for. Every role here is about
# images made when someone was a child (the survivor's "it happened when I was a child"
# included), so no extra question is needed; "worried" has no images to take down.
IMAGE_AGE_BY_ROLE = {"child": "under-18", "survivor": "under-18", "parent": "under-18",
                     "bystander": "under-18", "professional": "under-18", "worried": None}

# Within a group, these kinds come first: the national hotline for abuse images before a
# general police tip line, the takedown tools before everything else.
KIND_ORDER = {"report": ("hotline",), "remove": ("takedown", "hotline")}


@dataclass(frozen=True)
class Group:
    name: str
    listings: tuple
    also: tuple = ()       # listings shown in an earlier group that serve this one too


@dataclass(frozen=True)
class Results:
    urgent: bool
    groups: tuple          # only groups that hold help
    missing: tuple = ()    # groups wanted but with nothing here

    def group(self, name):
        return next((g for g in self.groups if g.name == name), None)


def image_age(answers):
    """The age of the person in the images: as given, or from who the help is for."""
    return answers.image_age or IMAGE_AGE_BY_ROLE.get(answers.who)


def wanted_groups(answers):
    """The groups to show, most urgent first."""
    if answers.who in FIXED_GROUPS:
        return list(FIXED_GROUPS[answers.who])    # already in their order of urgency
    if not answers.need or "everything" in answers.need:
        wanted = set(GROUPS)
        if answers.who not in PREVENTION_ROLES:
            wanted.discard("prevention")
    else:
        wanted = {group for need in answers.need for group in NEED_GROUPS.get(need, ())}
        wanted |= set(ROLE_GROUPS.get(answers.who, ()))
    return [group for group in GROUPS if group in wanted]


def _fits(listing, who, age):
    # Situations only rank listings: hiding a service because its page does not
    # name this situation could hide the help someone needs.
    return who in listing.roles and (
        not listing.image_ages or age is None or age in listing.image_ages)


def area_rank(listing, area_chain):
    """0 for the visitor's own area, higher for wider ones (its country, anywhere)."""
    return min((area_chain.index(a) for a in listing.service_areas if a in area_chain),
               default=len(area_chain))


def place(listings, groups):
    """{group: listings}: each listing once, in the first of `groups` it serves, in order."""
    placed = {group: [] for group in groups}
    for listing in listings:
        for group in groups:
            if serves(listing, group):
                placed[group].append(listing)
                break
    return placed


def kind_rank(listing, group):
    """0 for the national hotline in "report it" (a local takedown tool in "remove"),
    higher for everything else, which keeps its order."""
    first = KIND_ORDER.get(group, ())
    if listing.kind in first and not listing.applies_anywhere:
        return first.index(listing.kind)
    return len(first)


def serves(listing, group):
    return not _GROUP_SERVICE_SETS[group].isdisjoint(listing.services)


_GROUP_SERVICE_SETS = {group: frozenset(services) for group, services in GROUP_SERVICES.items()}


class Ranked(NamedTuple):
    """A listing that applies in a place, with what matching asks of it worked out once."""
    listing: object
    area: int               # area_rank in the place
    groups: frozenset       # the groups it serves


def rank(listings, area_chain):
    """The listings that apply in a place, in the order matching starts from: nearest
    area first, then those made for fewer people (more specific), then by name. It
    depends on the content alone, so the catalogue ranks each place once, as it loads."""
    ranked = [Ranked(x, area_rank(x, area_chain),
                     frozenset(group for group in GROUPS if serves(x, group)))
              for x in listings]
    ranked.sort(key=lambda r: (r.area, len(r.listing.roles), r.listing.name.casefold()))
    return tuple(ranked)


def match(answers, ranked, has_rights_facts=False):
    """Group the listings that fit these answers, each listing once, best first.

    `ranked` are the listings that apply in the visitor's area, as `rank` orders them.
    A group is kept only when it holds help; `has_rights_facts` (a compensation scheme
    or law note for the place) is help for "rights" even without a listing.
    """
    groups = wanted_groups(answers)
    told, age = set(answers.what) - {UNSAID}, image_age(answers)
    fitting = [r for r in ranked if _fits(r.listing, answers.who, age)]
    if told:    # within its area, a listing that names what happened comes first
        fitting.sort(key=lambda r: (r.area, -len(told.intersection(r.listing.situations))))
    placed = {group: [] for group in groups}
    for r in fitting:       # each in the first of the wanted groups it serves
        first = next((group for group in groups if group in r.groups), None)
        if first is not None:
            placed[first].append(r.listing)
    shown, missing = [], []
    for name in groups:
        items = placed[name]
        if name in KIND_ORDER:
            items.sort(key=lambda x: kind_rank(x, name))    # stable: the rank is kept
        also = () if items else tuple(r.listing for r in fitting if name in r.groups)
        if items or also or (name == "rights" and has_rights_facts):
            shown.append(Group(name, tuple(items), also))
        else:
            missing.append(name)
    return Results(urgent=answers.danger == "yes", groups=tuple(shown), missing=tuple(missing))


def child_helplines(listings, area_chain):
    """Listings to show at once when a child may be in danger: phone lines for children."""
    found = [x for x in listings
             if "talk" in x.services and "child" in x.roles and x.phones]
    return sorted(found, key=lambda x: (area_rank(x, area_chain), x.name.casefold()))

