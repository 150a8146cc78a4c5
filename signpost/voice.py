"""One voice per audience. On pages for a child or teenager (and on the pages before a
visitor says who they are) every interface string is looked up first in the context
"young", where languages that have one use the informal "you" (translations/STYLE.md).
Where a catalogue has no young form, the plain translation serves."""
from flask import g, has_request_context
from flask_babel import get_translations
from flask_babel.speaklater import LazyString

YOUNG = "young"


def speaking_to_young():
    return has_request_context() and bool(g.get("young"))


def _lookup(translations, string):
    if speaking_to_young():
        young = getattr(translations, "_catalog", {}).get(f"{YOUNG}\x04{string}")
        if young:
            return young
    return translations.ugettext(string)


def gettext(string, **variables):
    text = _lookup(get_translations(), string)
    return text % variables if variables else text


def ngettext(singular, plural, num, **variables):
    translations = get_translations()
    if speaking_to_young():
        young = getattr(translations, "_catalog", {}).get(
            (f"{YOUNG}\x04{singular}", translations.plural(num)))
        if young:
            return young % dict(variables, num=num)
    return translations.ungettext(singular, plural, num) % dict(variables, num=num)


def lazy_gettext(string, **variables):
    return LazyString(gettext, string, **variables)


def lookup(translations, string):
    """For templates, which format the result themselves."""
    return _lookup(translations, string)
