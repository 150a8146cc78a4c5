"""The questions a visitor answers, and which one comes next. Pure: no Flask here.

Answers are codes. They travel in the form the visitor posts and nowhere else.
"""
from dataclasses import dataclass, replace

from .codes import NEEDS, ROLES, SITUATIONS

UNSAID = "unsaid"
DANGER_ANSWERS = ("yes", "no")
WHAT_ANSWERS = SITUATIONS + (UNSAID,)

# "urgent" is not a question: it shows emergency help when someone is in danger.
STEPS = ("danger", "urgent", "who", "what", "where", "need")
QUESTIONS = tuple(step for step in STEPS if step != "urgent")
MULTIPLE = frozenset({"what", "need"})

# People with these roles are not asked what happened or what would help:
# the help for them does not depend on it.
SKIP = {
    "worried": {"what", "need"},
    "bystander": {"what", "need"},
}

# Error codes; templates turn them into words.
REQUIRED = "required"
INVALID = "invalid"


@dataclass(frozen=True)
class Answers:
    danger: str = None
    who: str = None
    what: tuple = ()
    where: str = None
    need: tuple = ()
    # Not asked on the pages, where it follows from who the help is for; the route API
    # may give it (codes.IMAGE_AGES).
    image_age: str = None

    def get(self, step):
        return getattr(self, step, None)

    def with_answer(self, step, value):
        return replace(self, **{step: value})

    @property
    def is_young(self):
        """True on the under-18 path, which uses simpler words."""
        return self.who == "child"


def steps_for(answers):
    """The steps this visitor goes through, in order."""
    skipped = SKIP.get(answers.who, set())
    if answers.danger != "yes":
        skipped = skipped | {"urgent"}
    return tuple(step for step in STEPS if step not in skipped)


CHOICES = {"danger": DANGER_ANSWERS, "who": ROLES, "what": WHAT_ANSWERS, "need": NEEDS}


def choices_for(step, places=()):
    return tuple(places) if step == "where" else CHOICES.get(step, ())


def check(step, values, places=()):
    """Check the raw values posted for one question.

    Returns (answer, error): the answer as stored in Answers, or an error code.
    """
    allowed = choices_for(step, places)
    values = [v for v in values if v != ""]
    if not values:
        return (() if step in MULTIPLE else None), REQUIRED
    if any(v not in allowed for v in values):
        return (() if step in MULTIPLE else None), INVALID
    if step in MULTIPLE:
        unique = tuple(dict.fromkeys(values))
        return unique, None
    if len(values) > 1:
        return None, INVALID
    return values[0], None


def read_answers(form, places=()):
    """Read every answer from a posted form (a mapping of name -> list of values).

    Returns (answers, errors) where errors maps a question to its error code,
    for questions that were posted with a bad value. Missing ones are simply None.
    """
    given, errors = {}, {}
    for step in QUESTIONS:
        values = form.get(step, [])
        if not values:
            continue
        value, error = check(step, values, places)
        if error:
            errors[step] = error
        else:
            given[step] = value
    return Answers(**given), errors


def first_unanswered(answers, upto=None):
    """The first question on this visitor's path that has no answer, before `upto`."""
    for step in steps_for(answers):
        if step == upto:
            return None
        if step in QUESTIONS and not answers.get(step):
            return step
    return None


def next_step(answers, step):
    """The step after `step`, or None when it is time for the results."""
    steps = steps_for(answers)
    if step not in steps:
        return steps[0]
    position = steps.index(step)
    return steps[position + 1] if position + 1 < len(steps) else None


def previous_step(answers, step):
    """The step before `step`, or None on the first one."""
    steps = steps_for(answers)
    if step not in steps:
        return None
    position = steps.index(step)
    return steps[position - 1] if position > 0 else None


def position(answers, step):
    """(number, total) of questions, for "Question 2 of 5"."""
    questions = [s for s in steps_for(answers) if s in QUESTIONS]
    if step not in questions:
        return None
    return questions.index(step) + 1, len(questions)


def after_post(form, places=()):
    """Where a posted question page leads: (step, answers, error), with step None for the
    results. `form` maps each posted name to its list of values."""
    answers, bad = read_answers(form, places)
    step = next(iter(form.get("step", ())), None)
    if step not in STEPS:
        step = "danger"
    nav = next(iter(form.get("nav", ())), "next")
    if nav == "back":
        return previous_step(answers, step) or "danger", answers, None
    if nav == "stay":
        return step, answers, None
    if step in QUESTIONS and not answers.get(step):
        # read_answers kept every good answer; an empty one is missing or bad.
        value, error = check(step, form.get(step, []), places)
        return step, answers.with_answer(step, value), error
    following = next_step(answers, step)
    gap = first_unanswered(answers, upto=following)
    if gap:
        return gap, answers, bad.get(gap, REQUIRED)
    return following, answers, None
