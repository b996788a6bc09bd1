"""Statistics: streaks, full days, the habit score and a calendar of days, from the streak rules."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import CurrentAccount
from app.core.clock import Now
from app.core.db import ReadSession
from app.core.problems import field_error, invalid
from app.domain.streaks import Stats, compute_stats, today_in
from app.domain.weeks import Weeks, first_day, summarise_weeks
from app.domain.zones import is_zone
from app.schemas.common import PROBLEM_RESPONSES, Day, Text
from app.stores.completions import runs_for_stats, runs_for_weeks

router = APIRouter(tags=["statistics"], responses=PROBLEM_RESPONSES)

DEFAULT_SPAN_DAYS = 365
# Ten years and a bit: enough for any calendar a screen shows, small enough to answer fast.
MAX_SPAN_DAYS = 3700


@router.get("/stats", summary="Streaks, habit score and a calendar of days")
def get_stats(
    account: CurrentAccount,
    session: ReadSession,
    now: Now,
    tz: Annotated[
        Text | None,
        Query(
            max_length=64,
            description="The IANA zone whose date is 'today' (default: the account's).",
            examples=["Europe/Berlin"],
        ),
    ] = None,
    from_: Annotated[
        Day | None,
        Query(alias="from", description="First day of `days` (default: 364 days before `to`)."),
    ] = None,
    to: Annotated[Day | None, Query(description="Last day of `days` (default: today).")] = None,
) -> Stats:
    """Streaks and the habit score as of today in `tz`, and one entry per day from `from` to `to`.

    Each run belongs to the date it started on in its own time zone, so daylight saving and travel
    never break or double a day; only "today" depends on `tz`.
    """
    timezone = tz if tz is not None else account.timezone
    if not is_zone(timezone):
        detail = f"'{timezone}' is not an IANA time zone name such as Europe/Berlin."
        raise invalid([field_error(("query", "tz"), detail)])
    today = today_in(now, timezone)
    end = to or today
    start = from_ or end - timedelta(days=DEFAULT_SPAN_DAYS - 1)
    if start > end:
        raise invalid([field_error(("query", "from"), "`from` must not be after `to`.")])
    if (end - start).days >= MAX_SPAN_DAYS:
        detail = f"At most {MAX_SPAN_DAYS} days can be asked for at once."
        raise invalid([field_error(("query", "from"), detail)])
    assert account.id is not None
    return compute_stats(
        runs_for_stats(session, account.id),
        daily_goal=account.daily_goal,
        today=today,
        start=start,
        end=end,
    )


MAX_WEEKS = 520


@router.get("/stats/weeks", summary="Week by week: adherence, pain and the weaker side")
def get_weeks(
    account: CurrentAccount,
    session: ReadSession,
    now: Now,
    weeks: Annotated[int, Query(ge=1, le=MAX_WEEKS, description="How many weeks.")] = 12,
    tz: Annotated[
        str | None,
        Query(
            max_length=64, description="The zone whose date is 'today' (default: the account's)."
        ),
    ] = None,
) -> Weeks:
    """`weeks` weeks (Monday to Sunday) ending with this week, oldest first: days done and full,
    runs that count, mean pain before and after, and how often each side was named weaker."""
    timezone = tz if tz is not None else account.timezone
    if not is_zone(timezone):
        detail = f"'{timezone}' is not an IANA time zone name such as Europe/Berlin."
        raise invalid([field_error(("query", "tz"), detail)])
    today = today_in(now, timezone)
    assert account.id is not None
    runs = runs_for_weeks(session, account.id, first_day(today, weeks))
    return summarise_weeks(runs, daily_goal=account.daily_goal, today=today, weeks=weeks)
