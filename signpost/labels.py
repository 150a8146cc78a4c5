"""Words for the codes in content files: how a law treats AI-made images, where a fact
comes from, when a time limit starts. Content speaks in codes; pages speak in these."""
from babel import Locale
from babel.lists import format_list
from flask_babel import format_date, get_locale, gettext
from flask_babel import lazy_gettext as _l

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
        child_rule_text=child_rule, pending_status=pending_status)
