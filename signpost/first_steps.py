""""What to do now": at most four steps made for this person, each naming one contact
from the results below. Pure: a table of plans, and selectors over the matched groups.
"""
from dataclasses import dataclass

from .flow import UNSAID

MAX_STEPS = 4

# What happened, as the plans see it: threats first, then images, then contact.
SITUATION_KEYS = (("threats", ("threats",)), ("images", ("shared", "fake")),
                  ("contact", ("grooming", "livestream")), ("offline", ("offline",)))

# role -> situation key -> the kinds of step, in order. "*" is any situation.
PLANS = {
    "child": {"threats": ("stop", "remove", "talk", "police"),
              "images": ("remove", "talk", "report", "police"),
              "contact": ("talk", "report", "police"),
              "offline": ("talk", "police"),
              UNSAID: ("talk", "remove", "report", "police")},
    "parent": {"threats": ("stop", "remove", "talk", "police"),
               "images": ("remove", "report", "talk", "police"),
               "contact": ("report", "talk", "police"),
               "offline": ("police", "talk"),
               UNSAID: ("report", "remove", "talk", "police")},
    "survivor": {"threats": ("stop", "remove", "talk", "rights"),
                 "images": ("remove", "talk", "report", "rights"),
                 "*": ("talk", "report", "rights")},
    "professional": {"threats": ("stop", "remove", "talk", "police"),
                     "*": ("report", "remove", "talk", "police")},
    "bystander": {"*": ("report-material", "talk")},
    "worried": {"*": ("prevention", "talk")},
}

# What a step's contact must offer, and which kinds of listing it prefers: it is chosen
# among the listings the page shows, in the order they are shown.
SOURCES = {
    "stop": (("report",), ("police", "hotline")),
    "remove": (("remove",), ("takedown", "hotline")),
    "report": (("report",), ("hotline", "police")),
    "report-material": (("report",), ("hotline", "police")),
    "rights": (("compensation", "legal"), ("compensation", "legal-help")),
    "prevention": (("prevention",), ("prevention",)),
}
TALK_KINDS = {
    "child": ("child-helpline",),
    "parent": ("parent-helpline", "child-helpline", "victim-helpline"),
    "survivor": ("survivor-support", "victim-helpline"),
    "professional": ("child-helpline", "parent-helpline"),
    "worried": ("prevention",),
}


@dataclass(frozen=True)
class Step:
    kind: str
    listing: object = None        # a Listing from the results, or None for "police"
    phones: tuple = ()            # for "police": (non-emergency or None, emergency)


def situation_key(answers):
    told = set(answers.what) - {UNSAID}
    for key, situations in SITUATION_KEYS:
        if told & set(situations):
            return key
    return UNSAID


def plan(answers):
    """The kinds of step for these answers, most urgent first."""
    plans = PLANS.get(answers.who, {})
    kinds = plans.get(situation_key(answers)) or plans.get("*") or ()
    if answers.danger == "yes" and "police" in kinds:
        kinds = ("police",) + tuple(k for k in kinds if k != "police")
    return kinds


def _pick(candidates, kinds, used, told):
    """The first unused candidate of the most wanted kind; among those, one that names
    what happened (CEOP for threats before a general police line)."""
    fresh = [x for x in candidates if x.id not in used]
    for kind in kinds:
        of_kind = [x for x in fresh if x.kind == kind]
        if of_kind:
            return max(of_kind, key=lambda x: len(told.intersection(x.situations)))
    return fresh[0] if fresh else None


def police_step(emergency):
    """The step to call the police, from a place's emergency numbers; None without them."""
    if emergency is None or not emergency.phones:
        return None
    other = emergency.non_emergency[0] if emergency.non_emergency else None
    return Step("police", phones=(other, emergency.phones[0]))


def first_steps(answers, results, emergency=None):
    """Up to MAX_STEPS steps, each with one contact shown on the page; none invented."""
    shown = list({x.id: x for group in results.groups
                  for x in group.listings + group.also}.values())
    steps, used, told = [], set(), set(answers.what) - {UNSAID}
    for kind in plan(answers):
        if kind == "police":
            step = police_step(emergency)
        else:
            services, kinds = SOURCES.get(kind, (("talk",), TALK_KINDS.get(answers.who, ())))
            services = frozenset(services)
            candidates = [x for x in shown if not services.isdisjoint(x.services)]
            listing = _pick(candidates, kinds, used, told)
            step = Step(kind, listing) if listing else None
        if step is not None:
            steps.append(step)
            if step.listing is not None:
                used.add(step.listing.id)
        if len(steps) == MAX_STEPS:
            break
    return tuple(steps)
