"""The reminders feed: an iCalendar subscription with a daily morning and evening alarm.

Calendar apps fire their alarms on a locked phone, which web notifications cannot promise. The feed
sits behind the account's own `reminders_key` (not a device token), so a calendar app can poll it
and the person can revoke it by rotating the key.
"""

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from icalendar import Alarm, Calendar, Event

from app.core.clock import Now
from app.core.db import ReadSession
from app.core.problems import Problem
from app.domain.zones import zone
from app.models import Account
from app.schemas.common import PROBLEM_RESPONSES, Text
from app.stores.accounts import by_reminders_key

router = APIRouter(tags=["reminders"], responses=PROBLEM_RESPONSES)

EVENT_MINUTES = 10
SLOTS = (
    ("morning", "Squeeze: morning routine", "Stretch the front of the hips, then wake the glutes."),
    ("evening", "Squeeze: evening routine", "The same few minutes before bed."),
)


@router.get(
    "/reminders.ics",
    summary="Calendar feed of daily reminders",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "An RFC 5545 calendar."}},
)
def reminders_feed(
    request: Request,
    session: ReadSession,
    now: Now,
    key: Annotated[Text, Query(min_length=1, max_length=64, description="The feed's own key.")],
) -> Response:
    """A daily morning and evening event at the account's times in its zone, each with an alarm.

    Subscribe to this URL (`webcal://` or `https://`) in a calendar app; rotating the key with
    `POST /api/v1/account/reminders-key` stops the old URL at once.
    """
    account = by_reminders_key(session, key)
    if account is None:
        raise Problem(404, "No reminders feed has this key (it may have been replaced).")
    base_url = str(request.base_url).rstrip("/")
    body = reminders_calendar(account, now=now, base_url=base_url)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'inline; filename="squeeze-reminders.ics"',
            "Cache-Control": "private, max-age=900",
        },
    )


def reminders_calendar(account: Account, *, now: datetime, base_url: str) -> bytes:
    """The feed for `account` as iCalendar bytes, with a VTIMEZONE for its zone."""
    tz = zone(account.timezone) or zone("UTC")
    first_day = account.created_at.astimezone(tz).date()
    calendar = Calendar()
    calendar.add("prodid", "-//Squeeze//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Squeeze reminders")
    calendar.add("x-wr-timezone", account.timezone)
    calendar.add("x-published-ttl", "PT12H")
    for slot, summary, description in SLOTS:
        clock = account.morning_time if slot == "morning" else account.evening_time
        calendar.add_component(
            _daily_event(account, slot, summary, description, _start(first_day, clock, tz), now)
        )
        calendar.subcomponents[-1].add("url", f"{base_url}/play/{slot}")
    # A VTIMEZONE covering the feed's years keeps the times right across every clock change.
    calendar.add_missing_timezones(
        first_date=date(first_day.year, 1, 1), last_date=date(first_day.year + 30, 1, 1)
    )
    return bytes(calendar.to_ical())


def _start(day: date, clock: str, tz: object) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=tz)  # type: ignore[arg-type]


def _daily_event(
    account: Account, slot: str, summary: str, description: str, start: datetime, now: datetime
) -> Event:
    event = Event()
    # Stable across key rotations and setting changes, so calendars update the event in place.
    event.add("uid", f"{slot}-{account.id}@squeeze")
    event.add("dtstamp", now)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=EVENT_MINUTES))
    event.add("rrule", {"freq": "daily"})
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event
