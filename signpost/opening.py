"""Whether a listing is open now, in the listing's own time zone. Pure: no Flask here."""
from datetime import datetime, time, timedelta, timezone

from .codes import WEEKDAYS


def _parse(text):
    if text == "24:00":
        return time.max
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def is_open(schedule, now=None):
    """True or False when the schedule says; None when it gives no hours."""
    if schedule is None:
        return None
    if schedule.open_24_7:
        return True
    if not schedule.hours:
        return None
    now = (now or datetime.now(timezone.utc)).astimezone(schedule.zone)
    today = WEEKDAYS[now.weekday()]
    yesterday = WEEKDAYS[(now - timedelta(days=1)).weekday()]
    clock = now.time().replace(tzinfo=None)
    for hours in schedule.hours:
        opens, closes = _parse(hours.opens_at), _parse(hours.closes_at)
        if opens < closes:
            if today in hours.byday and opens <= clock < closes:
                return True
        else:  # runs past midnight, e.g. 18:00 to 02:00
            if today in hours.byday and clock >= opens:
                return True
            if yesterday in hours.byday and clock < closes:
                return True
    return False
