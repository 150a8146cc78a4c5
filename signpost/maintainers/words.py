"""The maintainers' pages in the language of their URL, from their own catalogue
(translations/<locale>/LC_MESSAGES/maintain.po). Every catalogue is read once, when the
area is enabled; a language without one shows the English."""
from babel.support import Translations
from flask import current_app, g, has_request_context
from flask_babel.speaklater import LazyString

DOMAIN = "maintain"


def load(manifest, directory):
    return {code: Translations.load(str(directory), [site.babel_id], DOMAIN)
            for code, site in manifest.items()}


def t(string, **variables):
    found = None
    if has_request_context():
        found = current_app.extensions.get("maintain_words", {}).get(g.get("lang"))
    text = found.ugettext(string) if found is not None else string
    return text % variables if variables else text


def lazy_t(string, **variables):
    return LazyString(t, string, **variables)


# Words the pages show from data (a role, a proposal's action or status), looked up by
# `name`; written out here so the catalogue has them.
NAMES = {
    "editor": lazy_t("editor"), "reviewer": lazy_t("reviewer"), "admin": lazy_t("admin"),
    "pending": lazy_t("pending"), "approved": lazy_t("approved"), "rejected": lazy_t("rejected"),
    "edit": lazy_t("edit"), "add": lazy_t("add"), "checked": lazy_t("checked"),
    "retire": lazy_t("retire"), "phone": lazy_t("phone number"), "domain": lazy_t("domain"),
    "missing": lazy_t("not found on its source"),
    "unreadable": lazy_t("on a page that could not be read"),
    "fact-checked": lazy_t("checked"), "emergency": lazy_t("emergency numbers"),
    "compensation": lazy_t("compensation"), "law": lazy_t("the law")}


def name(value):
    return str(NAMES.get(value, value))
