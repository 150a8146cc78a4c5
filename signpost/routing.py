"""The journey as one function: answers in, the help for them out. The results page, its
download and the route API all call `route`, so there is one copy of the rules. Pure: no
Flask here."""
from dataclasses import dataclass

from . import first_steps, matching
from .codes import ANYWHERE


@dataclass(frozen=True)
class Route:
    answers: object
    place: str
    results: object          # matching.Results
    steps: tuple             # first_steps.Step, at most four
    emergency: object = None
    compensation: object = None
    law: object = None


def route(answers, catalogue):
    """The help for complete answers (`flow.first_unanswered(answers)` is None)."""
    code = answers.where
    here = code != ANYWHERE
    emergency = catalogue.emergency_for(code) if here else None
    compensation = catalogue.compensation_for(code) if here else None
    law = catalogue.law_for(code) if here else None
    results = matching.match(answers, catalogue.ranked_for(code),
                             has_rights_facts=bool(compensation or law))
    return Route(answers, code, results, first_steps.first_steps(answers, results, emergency),
                 emergency, compensation, law)
