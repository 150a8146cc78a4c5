"""The sentence for each "What to do now" step (signpost/first_steps.py): with links on
the page, plain in the route API, the same words in both."""
from markupsafe import escape

from ..voice import gettext


def N_(message):        # marks a message for the catalogue; looked up when said
    return message


POLICE_YOUNG = N_("Tell the police on %(number)s. If you are in danger, call %(emergency)s.")
POLICE = N_("Tell the police on %(number)s, or call %(emergency)s if someone is in danger.")
DANGER = N_("If someone is in danger, call %(emergency)s.")
# {kind: (for an adult, for a child)}; "talk" depends on who is asking (below).
SENTENCES = {
    "stop": (N_("Do not pay and do not send anything more. Report the threats to %(name)s."),
             N_("Do not pay and do not send anything more. Tell %(name)s about the threats.")),
    "remove": (N_("Ask %(name)s to get the images taken down."),
               N_("Get the picture taken down with %(name)s. You do not have to send it to "
                  "anyone.")),
    "report": (N_("Report it to %(name)s."), N_("Tell %(name)s what happened.")),
    "report-material": (N_("Do not download or share it. Report the link to %(name)s."),) * 2,
    "rights": (N_("Ask %(name)s about compensation."),) * 2,
    "prevention": (N_("Talk in confidence to %(name)s. They help people stop before anyone "
                      "is harmed."),) * 2,
}
TALK_PARENT = N_("Talk to %(name)s about what to do next, for your child and for you.")
TALK_YOUNG = N_("Talk to %(name)s now. They are there for you.")
TALK = N_("Talk to %(name)s.")
# Every kind of step that names a listing ("police" names numbers instead).
LISTING_STEP_KINDS = tuple(SENTENCES) + ("talk",)


def _say(message, html, **variables):
    text = gettext(message)
    # As Jinja's gettext does: the words are the catalogue's, every value is escaped
    # unless it is already markup (a link).
    return escape(text) % variables if html else text % variables


def step_sentence(step, who, young, name=None, number=None, emergency=None, html=False):
    """One step in the page's language and voice. For "police", `number` (the police's
    non-emergency number, or None) and `emergency`; otherwise `name`, the listing's."""
    if step.kind == "police":
        if number is None:
            return _say(DANGER, html, emergency=emergency)
        return _say(POLICE_YOUNG if young else POLICE, html, number=number,
                    emergency=emergency)
    if step.kind in SENTENCES:
        return _say(SENTENCES[step.kind][bool(young)], html, name=name)
    if who == "parent":
        return _say(TALK_PARENT, html, name=name)
    return _say(TALK_YOUNG if young else TALK, html, name=name)
