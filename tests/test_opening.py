"""'Open now' in the listing's own time zone."""
from datetime import datetime, timezone

import pytest

from signpost.content.models import Hours, Schedule
from signpost.opening import is_open

WEEKDAYS_9_TO_5 = Schedule(timezone="Europe/Berlin",
                           hours=(Hours(("MO", "TU", "WE", "TH", "FR"), "09:00", "17:00"),))
EVENINGS = Schedule(timezone="America/Los_Angeles",
                    hours=(Hours(("FR", "SA"), "18:00", "02:00"),))


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


@pytest.mark.parametrize("schedule, now, expected", [
    (None, utc(2026, 11, 23, 12), None),
    (Schedule(timezone="UTC", open_24_7=True), utc(2026, 11, 22, 3), True),
    # Monday 23 Nov 2026, 08:30 UTC is 09:30 in Berlin: open.
    (WEEKDAYS_9_TO_5, utc(2026, 11, 23, 8, 30), True),
    # 16:30 UTC is 17:30 in Berlin: closed.
    (WEEKDAYS_9_TO_5, utc(2026, 11, 23, 16, 30), False),
    # 07:30 UTC is 08:30 in Berlin: not open yet.
    (WEEKDAYS_9_TO_5, utc(2026, 11, 23, 7, 30), False),
    # Sunday.
    (WEEKDAYS_9_TO_5, utc(2026, 11, 22, 10), False),
    # Summer time: 1 July 07:30 UTC is 09:30 in Berlin.
    (WEEKDAYS_9_TO_5, utc(2026, 7, 1, 7, 30), True),
    # Saturday 01:00 in Los Angeles (09:00 UTC): still open from Friday evening.
    (EVENINGS, utc(2026, 11, 21, 9), True),
    # Friday 19:00 in Los Angeles is Saturday 03:00 UTC.
    (EVENINGS, utc(2026, 11, 21, 3), True),
    # Monday 01:00 in Los Angeles: Sunday had no evening hours.
    (EVENINGS, utc(2026, 11, 23, 9), False),
])
def test_open_now(schedule, now, expected):
    assert is_open(schedule, now) is expected
