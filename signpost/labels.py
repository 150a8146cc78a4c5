"""Words for the codes in content files: how a law treats AI-made images, where a fact
comes from, when a time limit starts. Content speaks in codes; pages speak in these."""
from babel import Locale
from babel.lists import format_list
from flask_babel import format_date, get_locale

from .voice import gettext
from .voice import lazy_gettext as _l

RULINGS = {
    "explicit": _l("Yes. A law names these images directly."),
    "general": _l("Yes, under the general law on sexual images of children, as we read it."),
    "not_covered": _l("Not as far as we can tell: the law covers images of real children."),
    "unclear": _l("The law is not clear on this."),
}

# Shorter, for the table that compares every place.
SHORT_RULINGS = {
    "explicit": _l("Yes, named in the law"),
    "general": _l("Yes, under the general law"),
    "not_covered": _l("Real children only"),
    "unclear": _l("Not clear"),
}

REACH = {
    "names-ai": _l("names AI-made or computer-made images"),
    "general": _l("covers them through a general definition"),
    "real-only": _l("covers images of real children"),
    "unclear": _l("unclear for AI-made images"),
}

SOURCE_KINDS = {
    "official": _l("Source: an official page"),
    "own": _l("Source: the service's own website"),
    "secondary": _l("Source: a secondary source (news, a directory or a law firm), "
                    "not an official page"),
}

DEADLINE_STARTS = {
    "offence": _l("the date it happened"),
    "report": _l("the report to the police"),
    "knowledge": _l("when you found out about the harm"),
    "judgment": _l("the final court decision"),
    "majority": _l("your 18th birthday"),
}

CHILD_RULES = {
    "from-majority": _l("If you were under 18 at the time, the time limit starts on your "
                        "18th birthday or later."),
    "extended": _l("If you were under 18 at the time, you have longer. The time limit above "
                   "says how long."),
    "no-limit": _l("If you were under 18 at the time, there is no time limit."),
    "discretion": _l("If you were under 18 at the time, a late claim can still be accepted. "
                     "Ask the scheme."),
    "same": _l("The official pages give no special rule for people who were under 18 at the "
               "time."),
    "not-stated": _l("The official pages we read say nothing about people who were under 18 "
                     "at the time. Ask the scheme."),
}


def ruling(code):
    return RULINGS.get(code, "")


def short_ruling(code):
    return SHORT_RULINGS.get(code, "")


def reach(code):
    return REACH.get(code, "")


def source_kind(code):
    return SOURCE_KINDS.get(code, SOURCE_KINDS["official"])


def deadline_start(codes):
    """ "The time counts from: the final court decision or your 18th birthday." """
    if "none" in codes:
        return gettext("There is no fixed time limit.")
    if "not-stated" in codes:
        return gettext("The official pages we read do not say when the time starts. Ask the "
                       "scheme.")
    names = [str(DEADLINE_STARTS[code]) for code in codes if code in DEADLINE_STARTS]
    if not names:
        return ""
    return gettext("The time counts from: %(start)s.", start=_either(names))


def _either(names):
    """ "a, b or c" in the page's language: CLDR's list pattern, or the catalogue's where
    CLDR has none of its own for the language (Maltese, for example)."""
    locale = get_locale()
    if len(names) > 1 and locale.language != "en" and (
            dict(locale.list_patterns["or"]) == dict(Locale("en").list_patterns["or"])):
        return gettext("%(start)s or %(last)s", start=", ".join(names[:-1]), last=names[-1])
    return format_list(names, style="or", locale=locale)


def child_rule(code):
    return CHILD_RULES.get(code, "")


def pending_status(change):
    """Where a change to the law stands, with its dates."""
    when = format_date(change.date, "long")
    if change.status == "proposed":
        return gettext("Proposed on %(date)s.", date=when)
    if change.status == "in-parliament":
        return gettext("Before parliament since %(date)s.", date=when)
    if change.status == "agreed":
        return gettext("Agreed on %(date)s; not yet formally adopted.", date=when)
    if change.in_force:
        return gettext("Passed on %(date)s; applies from %(in_force)s.", date=when,
                       in_force=format_date(change.in_force, "long"))
    return gettext("Passed on %(date)s.", date=when)


def init_app(app):
    app.jinja_env.globals.update(
        ruling_text=ruling, short_ruling=short_ruling, reach_text=reach,
        source_kind_text=source_kind, deadline_start_text=deadline_start,
        child_rule_text=child_rule, pending_status=pending_status, advice=advice)


KIND_NAMES = {
    "hotline": _l("hotline for reporting abuse images online"),
    "police": _l("police"),
    "child-helpline": _l("helpline for children and young people"),
    "parent-helpline": _l("helpline for parents and carers"),
    "survivor-support": _l("support for survivors of sexual abuse"),
    "victim-helpline": _l("support for victims of crime"),
    "takedown": _l("getting images taken down"),
    "prevention": _l("help for people worried about their own thoughts"),
    "compensation": _l("compensation"),
    "legal-help": _l("legal help"),
    "other": _l("other help"),
}


def kind_name(code):
    return KIND_NAMES.get(code, "")


# What each person reads before the help: a title and a few short points. The child's
# words speak to a teenager; the evidence advice appears wherever keeping evidence matters.
_KEEP_CHAT = _l("Keep the chat and write down usernames, links and dates.")
_NO_COPIES = _l("Do not copy, save or forward the images, not even to report them. "
                "Send the link instead.")
ADVICE = {
    "child": (_l("You are not in trouble because of pictures of you"), (
        _l("What happened is not your fault."),
        _l("Do not forward the picture to anyone, not even to report it."),
        _l("The services below can help get it taken down. Take It Down works without you "
           "sending the picture to anyone."),
        _l("Keep the chat for now. You can block the person after."),
        _l("Tell an adult you trust."),
        _l("If you already paid or sent more, stop now. It is still not your fault."))),
    "parent": (_l("How to help your child"), (
        _l("Stay calm and tell your child it is not their fault. Do not blame them."),
        _l("Do not take their phone away as a punishment. They may stop telling you things."),
        _KEEP_CHAT, _NO_COPIES,
        _l("This is hard for you too. The lines below also support parents."))),
    "bystander": (_l("If you found abuse images online"), (
        _l("Do not download, screenshot or share them. That can be a crime, even when you "
           "mean well."),
        _l("Copy only the link, and report it to the hotline below. You can do it without "
           "giving your name."),
        _l("Then close the page."))),
    "survivor": (_l("What happened was not your fault"), (
        _l("Images made when you were under 18 can be taken down, whatever your age now."),
        _l("Keep messages and links, and write down dates. Do not copy or forward the images "
           "themselves."),
        _l("You can take your time. The services below support adults who were harmed as "
           "children."))),
    "professional": (_l("Acting for a child"), (
        _l("Follow your organisation's safeguarding procedure, and tell the child what you "
           "will do next."),
        _KEEP_CHAT, _NO_COPIES)),
    "worried": (_l("You can get help before anyone is harmed"), (
        _l("The services below are confidential. You do not have to give your name."),
        _l("If you have viewed abuse images, stop now and do not share them."))),
}


def advice(role):
    return ADVICE.get(role)
