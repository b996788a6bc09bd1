"""Statistics: streaks, full days, the habit score and a calendar of days, from the streak rules."""

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlmodel import Session, col

from app.core.db import ReadSession
from app.core.problems import Problem
from app.core.security import CurrentAccount
from app.domain.streaks import Run, Stats, compute_stats, today_in
from app.domain.zones import is_zone
from app.models import Completion, utcnow
from app.schemas.common import PROBLEM_RESPONSES

router = APIRouter(tags=["statistics"], responses=PROBLEM_RESPONSES)

DEFAULT_SPAN_DAYS = 365
# Ten years and a bit: enough for any calendar a screen shows, small enough to answer fast.
MAX_SPAN_DAYS = 3700


@router.get("/stats", summary="Streaks, habit score and a calendar of days")
def get_stats(
    account: CurrentAccount,
    session: ReadSession,
    tz: Annotated[
        str | None,
        Query(
            max_length=64,
            description="The IANA zone whose date is 'today' (default: the account's).",
            examples=["Europe/Berlin"],
        ),
    ] = None,
    from_: Annotated[
        date | None,
        Query(alias="from", description="First day of `days` (default: 364 days before `to`)."),
    ] = None,
    to: Annotated[date | None, Query(description="Last day of `days` (default: today).")] = None,
) -> Stats:
    """Streaks and the habit score as of today in `tz`, and one entry per day from `from` to `to`.

    Each run belongs to the date it started on in its own time zone, so daylight saving and travel
    never break or double a day; only "today" depends on `tz`.
    """
    timezone = tz if tz is not None else account.timezone
    if not is_zone(timezone):
        raise _invalid("tz", f"'{timezone}' is not an IANA time zone name such as Europe/Berlin.")
    today = today_in(utcnow(), timezone)
    end = to or today
    start = from_ or end - timedelta(days=DEFAULT_SPAN_DAYS - 1)
    if start > end:
        raise _invalid("from", "`from` must not be after `to`.")
    if (end - start).days >= MAX_SPAN_DAYS:
        raise _invalid("from", f"At most {MAX_SPAN_DAYS} days can be asked for at once.")
    assert account.id is not None
    return compute_stats(
        runs_of(session, account.id),
        daily_goal=account.daily_goal,
        today=today,
        start=start,
        end=end,
    )


def runs_of(session: Session, account_id: int) -> list[Run]:
    """Every live completion of the account, as just the columns the streak rules read."""
    rows = session.connection().execute(
        select(
            col(Completion.local_date),
            col(Completion.steps_done),
            col(Completion.steps_total),
            col(Completion.pain_before),
            col(Completion.pain_after),
        ).where(col(Completion.account_id) == account_id, col(Completion.deleted).is_(False))
    )
    return [Run(*row) for row in rows]


def _invalid(field: str, detail: str) -> Problem:
    return Problem(
        422,
        detail,
        title="Invalid request",
        type_="/problems/validation",
        errors=[{"pointer": f"#/{field}", "field": field, "detail": detail}],
    )
