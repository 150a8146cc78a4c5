"""The question forms and their words.

Posting these forms changes nothing on the server and nothing is stored, so they
carry no CSRF token and need no cookie.
"""
from flask_babel import lazy_pgettext
from wtforms import Form, RadioField, SelectField, SelectMultipleField, widgets

from .. import flow
from ..voice import lazy_gettext as _l


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


# Each question: (title, hint) for adults, and simpler words for under-18s.
TITLES = {
    "danger": {"adult": (_l("Is anyone in danger right now?"),
                         _l("For example, someone is hurt, or could be hurt soon.")),
               "young": (_l("Is anyone in danger right now?"),
                         _l("For example, someone is hurt, or could be hurt soon."))},
    "who": {"adult": (_l("Who is the help for?"), _l("Choose the one that fits best.")),
            "young": (_l("Who is the help for?"), _l("Choose the one that fits best."))},
    "what": {"adult": (_l("What has happened?"),
                       _l("Choose all that fit. You do not have to give any details.")),
             "young": (_l("What happened?"),
                       _l("Pick all that fit. You do not need to say more."))},
    "where": {"adult": (_l("Where are you?"),
                        _l("We show the help that works where you live.")),
              "young": (_l("Where do you live?"),
                        _l("We show the help that works where you live."))},
    "need": {"adult": (_l("What would help?"), _l("Choose all that fit.")),
             "young": (_l("What would help you?"), _l("Pick all that fit."))},
}

OPTIONS = {
    "danger": {
        "yes": (lazy_pgettext("answer", "Yes"), None),
        "no": (lazy_pgettext("answer", "No"), None),
    },
    "who": {
        "child": (_l("Me. I am under 18."), None),
        "survivor": (_l("Me. It happened when I was a child."), None),
        "parent": (_l("My child, or a child I look after."), None),
        "bystander": (_l("I found something online."), None),
        "worried": (_l("I am worried about my own thoughts or behaviour."), None),
        "professional": (_l("I work with children, and I am helping a child."), None),
    },
    "what": {
        "shared": (_l("Images were shared without consent"),
                   _l("Someone shared a private picture or video")),
        "fake": (_l("Fake images: made with AI, or edited"),
                 _l("Someone made a fake picture, with AI or an app")),
        "threats": (_l("Threats, or demands for money or more images"),
                    _l("Someone is threatening me, or wants money or more pictures")),
        "grooming": (_l("Grooming or sexual talk, by a person or a chatbot"),
                     _l("A person or a chatbot talked to me about sex")),
        "livestream": (_l("Abuse on a live stream or video call"),
                       _l("Something happened on a live stream or video call")),
        "offline": (_l("Abuse that happened offline"),
                    _l("Something happened in real life, not online")),
        "unsaid": (_l("I would rather not say"), _l("I would rather not say")),
    },
    "need": {
        "remove": (_l("Getting images removed"), _l("Getting pictures taken down")),
        "report": (_l("Reporting it"), _l("Reporting it")),
        "talk": (_l("Talking to someone"), _l("Talking to someone")),
        "compensation": (_l("Compensation"), _l("Money to make up for what happened")),
        "law": (_l("Understanding the law"), _l("What the law says")),
        "everything": (_l("Show me everything"), _l("Show me everything")),
    },
}

ERRORS = {
    ("danger", flow.REQUIRED): _l("Choose yes or no."),
    ("who", flow.REQUIRED): _l("Choose who the help is for."),
    ("what", flow.REQUIRED): _l("Choose at least one, or \u201cI would rather not say\u201d."),
    ("where", flow.REQUIRED): _l("Choose where you are."),
    ("need", flow.REQUIRED): _l("Choose at least one, or \u201cShow me everything\u201d."),
}
INVALID_ANSWER = _l("That answer did not come through. Please choose again.")


def error_message(step, code):
    return ERRORS.get((step, code), INVALID_ANSWER)


def _choices(step, young):
    return [(code, (young and labels[1]) or labels[0])
            for code, labels in OPTIONS[step].items()]


class JourneyForm(Form):
    danger = RadioField(validate_choice=False)
    who = RadioField(validate_choice=False)
    what = MultiCheckboxField(validate_choice=False)
    where = SelectField(validate_choice=False)
    need = MultiCheckboxField(validate_choice=False)


def journey_form(answers, step, places, error=None):
    """A form showing `answers`, with labels that fit the person and an error if any."""
    young = answers.is_young
    form = JourneyForm(data={name: answers.get(name) or None for name in flow.QUESTIONS})
    for name in ("danger", "who", "what", "need"):
        form[name].choices = _choices(name, young)
    form.where.choices = places
    audience = "young" if young else "adult"
    form.title, form.hint = TITLES[step][audience] if step in TITLES else (None, None)
    if error:
        form[step].errors = [error_message(step, error)]
    return form
