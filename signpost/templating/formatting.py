"""Numbers, times, days, lists and addresses written as the page's language writes them."""
import re
from datetime import datetime, time, timezone
from urllib.parse import urlsplit

from babel.dates import format_time, get_timezone_location
from babel.lists import format_list
from flask import g
from flask_babel import get_locale
from markupsafe import Markup

from .. import opening
from ..codes import WEEKDAYS
from ..voice import gettext


def phone_display(phone):
    """National form in the number's own country, international elsewhere."""
    return phone.national if g.get("page_country") == phone.region else phone.international


def phone_href(phone):
    scheme = "sms" if phone.type == "text" else "tel"
    return f"{scheme}:{phone.number}"


def open_now(listing, now=None):
    return opening.is_open(listing.schedule, now or datetime.now(timezone.utc))


def weekdays(codes):
    """MO,TU,WE,TH,FR -> "Monday to Friday" style names from CLDR."""
    names = get_locale().days["format"]["wide"]
    indexes = [WEEKDAYS.index(code) for code in codes]
    if len(indexes) == 7:
        return gettext("Every day")
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return gettext("%(first)s to %(last)s", first=names[indexes[0]], last=names[indexes[-1]])
    return as_list(names[i] for i in indexes)


def clock(text):
    """A content time such as "09:00" in the page's own way: 09:00, 9:00 AM, …"""
    hours, minutes = (int(part) for part in text.split(":"))
    return format_time(time(hours % 24, minutes), format="short", locale=get_locale())


def zone_name(zone):
    """A listing's time zone (the ZoneInfo loaded with the content) named in CLDR words."""
    return get_timezone_location(zone, locale=get_locale())


def age_range(low, high):
    if low is not None and high is not None:
        return gettext("%(low)s to %(high)s", low=low, high=high)
    if low is not None:
        return gettext("%(low)s and over", low=low)
    return gettext("Up to %(high)s", high=high)


def host(url):
    return urlsplit(url).hostname or url


def source_links(block):
    """(url, label) for a block's sources; a host named twice gets a number."""
    links, seen = [], {}
    for url in (block.source, *block.other_sources):
        name = host(url)
        seen[name] = seen.get(name, 0) + 1
        links.append((url, name if seen[name] == 1 else f"{name} ({seen[name]})"))
    return links


def as_list(items):
    """Words joined as the page's language joins a list (CLDR: "a, b and c", "أ، ب و ج")."""
    items = [str(item) for item in items]
    return format_list(items, locale=get_locale()) if items else ""


def separator():
    """Between linked items, the page's own list comma: ", " or Arabic "، "."""
    middle = get_locale().list_patterns["standard"]["middle"]
    return middle.replace("{0}", "").replace("{1}", "")


_DOUBLE_STOP = re.compile(r"(?<=\.)\s*\.(?!\.)")


def one_stop(text):
    """A date that already ends in a full stop ("2 грудня 2026 р.") gets no second one."""
    return Markup(_DOUBLE_STOP.sub("", str(text))) if isinstance(text, Markup) else \
        _DOUBLE_STOP.sub("", str(text))
