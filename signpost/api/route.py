"""POST /api/v1/route: the journey as an API, for platforms and assistants. Answers in (as
codes), the help for them out, in the requested language. The same functions as the
results page (flow, routing, the step sentences), so the two cannot disagree. The body is
read once and forgotten: never logged, never stored."""
from flask import g
from flask_babel import force_locale

from ..codes import ANYWHERE, IMAGE_AGES
from ..content.models import as_data, localised
from ..flow import SKIP, Answers, check, choices_for
from ..routing import route
from ..templating.formatting import open_now, phone_display
from ..templating.steps import step_sentence
from ..templating.text import group_title, place_name

FIELDS = ("place", "who", "what", "need", "danger", "image_age", "language")


class RouteError(ValueError):
    """A field the caller must fix: its name and the values it may take."""

    def __init__(self, field, message, allowed=None):
        super().__init__(message)
        self.field, self.message, self.allowed = field, message, allowed

    def as_data(self):
        found = {"error": self.message, "field": self.field, "status": 400}
        if self.allowed is not None:
            found["allowed"] = list(self.allowed)
        return found


def read_request(body, places, languages):
    """(Answers, language code) from the posted JSON, or RouteError naming the field."""
    if not isinstance(body, dict):
        raise RouteError(None, "The body must be a JSON object.", FIELDS)
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise RouteError(unknown[0], f"Unknown field {unknown[0]!r}.", FIELDS)
    language = body.get("language", "en")
    if language not in languages:
        raise RouteError("language", "Unknown language.", languages)
    answers = Answers(danger="no")
    for field, step in (("danger", "danger"), ("who", "who"), ("place", "where"),
                        ("what", "what"), ("need", "need")):
        value = body.get(field)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise RouteError(field, f"{field!r} takes codes as strings.",
                             choices_for(step, places))
        answer, error = check(step, values, places)
        if error:
            raise RouteError(field, f"{field!r} is not one of the allowed values.",
                             choices_for(step, places))
        answers = answers.with_answer(step, answer)
    for field, step in (("place", "where"), ("who", "who")):
        if not answers.get(step):
            raise RouteError(field, f"{field!r} is required.", choices_for(step, places))
    skipped = SKIP.get(answers.who, ())     # as on the pages: not asked, so not used
    for step, default in (("what", ("unsaid",)), ("need", ("everything",))):
        if step in skipped:
            answers = answers.with_answer(step, ())
        elif not answers.get(step):
            answers = answers.with_answer(step, default)
    image_age = body.get("image_age")
    if image_age is not None:
        if image_age not in IMAGE_AGES:
            raise RouteError("image_age", "'image_age' is not one of the allowed values.",
                             IMAGE_AGES)
        answers = answers.with_answer("image_age", image_age)
    return answers, language


def in_language(data, babel_id):
    """Every {language: text} in `data` as the one text for this language."""
    if isinstance(data, dict):
        if "en" in data and all(isinstance(v, str) for v in data.values()):
            return localised(data, babel_id)[0]
        return {key: in_language(value, babel_id) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [in_language(value, babel_id) for value in data]
    return data


def _phone(phone, babel_id):
    return {"number": phone.number, "shown": phone_display(phone), "type": phone.type,
            "description": localised(phone.description, babel_id)[0]}


def listing_data(item, babel_id, link):
    description, language = localised(item.description, babel_id)
    return {
        "id": item.id, "name": item.name, "kind": item.kind, "services": list(item.services),
        "description": description, "text_language": language,
        "notes": localised(item.notes, babel_id)[0],
        "phones": [_phone(p, babel_id) for p in item.phones],
        **{name: getattr(item, name) for name in ("url", "web_form", "chat", "email", "app")
           if getattr(item, name)},
        "free": item.free, "anonymous": item.anonymous, "confidential": item.confidential,
        "hours": in_language(as_data(item.schedule), babel_id) if item.schedule else None,
        "open_now": open_now(item) if item.schedule else None,
        "languages": list(item.languages), "source": item.source,
        "source_kind": item.source_kind, "assured_date": item.assured_date, "page": link}


def respond(answers, site_locale, catalogue, listing_url):
    """The route for these answers as plain data, in `site_locale`'s language."""
    babel_id, language = site_locale.babel_id, site_locale.code
    g.lang, g.young = language, answers.is_young
    with force_locale(babel_id):
        found = route(answers, catalogue)
        # Numbers in national form in their own country, as the page shows them.
        g.page_country = found.place[:2] if found.place != ANYWHERE else None
        steps = []
        for step in found.steps:
            if step.kind == "police":
                other, emergency = step.phones
                steps.append({"kind": "police", "text": step_sentence(
                    step, answers.who, answers.is_young,
                    number=phone_display(other) if other else None,
                    emergency=phone_display(emergency))})
            else:
                steps.append({"kind": step.kind, "listing": step.listing.id,
                              "text": step_sentence(step, answers.who, answers.is_young,
                                                    name=step.listing.name)})
        facts = {name: in_language(as_data(block), babel_id) if block else None
                 for name, block in (("emergency", found.emergency),
                                     ("compensation", found.compensation), ("law", found.law))}
        return {
            "language": language,
            "answers": {"place": answers.where, "who": answers.who, "what": list(answers.what),
                        "need": list(answers.need), "danger": answers.danger,
                        "image_age": answers.image_age},
            "place": {"code": found.place,
                      "name": place_name(found.place) if found.place != ANYWHERE else None},
            "urgent": found.results.urgent,
            "steps": steps,
            "groups": [{"name": group.name, "title": str(group_title(group.name,
                                                                      answers.is_young)),
                        "listings": [listing_data(x, babel_id, listing_url(x.id))
                                     for x in group.listings],
                        "also": [x.id for x in group.also]}
                       for group in found.results.groups],
            "missing": list(found.results.missing),
            **facts,
        }
