"""Time zones and local dates: pure functions over values."""

import re
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# IANA names are ASCII words joined by '/', '_', '-' and '+' (Etc/GMT+5); no dots, so no paths.
ZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$"
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_ZONE_NAME = re.compile(ZONE_PATTERN)
_CLOCK_TIME = re.compile(CLOCK_PATTERN)


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo | None:
    """The IANA zone called `name`, or None if there is none."""
    if len(name) > 64 or not _ZONE_NAME.match(name):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def is_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone name this server knows."""
    return zone(name) is not None


def is_clock_time(value: str) -> bool:
    """Whether `value` is a 24-hour `HH:MM` time."""
    return bool(_CLOCK_TIME.match(value))


def in_zone(moment: datetime, name: str) -> datetime:
    """`moment` shown in the zone `name` (UTC when the name is unknown)."""
    tz = zone(name)
    return moment.astimezone(tz) if tz else moment


def local_date(moment: datetime, name: str) -> date:
    """The calendar date of `moment` in the zone `name`."""
    return in_zone(moment, name).date()
