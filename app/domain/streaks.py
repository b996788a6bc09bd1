"""Streaks, full days and the habit score, from the runs that count (`completion_rules.counts`).

Days are local dates in each completion's own time zone (`local_date_of`, stored by the server with
every record), so a daylight-saving change or a flight never breaks or doubles a day. Only "today"
depends on where the person is now; the caller computes it with `today_in`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.domain import zones
from app.domain.completion_rules import counts

# The habit score loses half its weight in 14 days: after two weeks of misses a strong habit is at
# one half, and one missed day after a long run costs only about 5 %.
HALF_LIFE_DAYS = 14
DECAY_PER_DAY = 0.5 ** (1 / HALF_LIFE_DAYS)

Status = Literal["none", "partial", "full"]


class UnknownTimeZone(ValueError):
    """A time zone name that is not in the IANA database."""


def local_date_of(started_at: datetime, timezone: str) -> date:
    """The day a run belongs to: the date of `started_at` (aware) in the run's own `timezone`.

    The same conversion the server uses to store `local_date` (`app.domain.zones.local_date`).
    """
    if started_at.tzinfo is None:
        raise ValueError("started_at must carry an offset")
    if zones.zone(timezone) is None:
        raise UnknownTimeZone(f"'{timezone}' is not an IANA time zone")
    return zones.local_date(started_at, timezone)


def today_in(now: datetime, timezone: str) -> date:
    """The date it is at the instant `now` in `timezone`."""
    return local_date_of(now, timezone)


@dataclass(frozen=True, slots=True)
class RunForStats:
    """What the statistics need of one completion."""

    local_date: date
    steps_done: int
    steps_total: int
    pain_before: int | None = None
    pain_after: int | None = None
    deleted: bool = False

    @property
    def counted(self) -> bool:
        """Whether the run counts towards its day (never when deleted)."""
        return not self.deleted and counts(self.steps_done, self.steps_total)


class DayStats(BaseModel):
    """One calendar day: how many runs counted, its status, and the mean pain around them."""

    model_config = ConfigDict(frozen=True)

    date: date
    completions: int
    status: Status
    pain_before_avg: float | None
    pain_after_avg: float | None


class Stats(BaseModel):
    """The statistics of one account, as of `today`."""

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "today": "2026-11-24",
                    "current_streak": 5,
                    "longest_streak": 21,
                    "full_day_streak": 2,
                    "strength": 0.6312,
                    "days": [
                        {
                            "date": "2026-11-24",
                            "completions": 1,
                            "status": "partial",
                            "pain_before_avg": 4.0,
                            "pain_after_avg": 2.0,
                        }
                    ],
                }
            ]
        },
    )

    today: date
    current_streak: int
    longest_streak: int
    full_day_streak: int
    strength: float
    days: list[DayStats]


@dataclass(slots=True)
class _Tally:
    counted: int = 0
    pain_before: list[int] = field(default_factory=list)
    pain_after: list[int] = field(default_factory=list)


def compute_stats(
    runs: Iterable[RunForStats], *, daily_goal: int, today: date, start: date, end: date
) -> Stats:
    """Streaks and score as of `today`, and one `DayStats` per date from `start` to `end`.

    One pass over the runs, then one over the distinct days: cheap for ten years of history.
    """
    if daily_goal < 1:
        raise ValueError("daily_goal must be at least 1")
    tallies: dict[date, _Tally] = {}
    for run in runs:
        if run.deleted:
            continue
        tally = tallies.get(run.local_date)
        if tally is None:
            tally = tallies[run.local_date] = _Tally()
        tally.counted += run.counted
        if run.pain_before is not None:
            tally.pain_before.append(run.pain_before)
        if run.pain_after is not None:
            tally.pain_after.append(run.pain_after)
    done = sorted(day for day, tally in tallies.items() if tally.counted > 0)
    full = {day for day, tally in tallies.items() if tally.counted >= daily_goal}
    done_set = set(done)
    return Stats(
        today=today,
        current_streak=_run_ending(done_set, _streak_end(done_set, today)),
        longest_streak=_longest_run(done),
        full_day_streak=_run_ending(full, _streak_end(full, today)),
        strength=round(strength(done, _streak_end(done_set, today)), 4),
        days=[_day(day, tallies.get(day), daily_goal) for day in _dates(start, end)],
    )


def strength(done_days: Iterable[date], as_of: date) -> float:
    """The habit score on `as_of`: an exponential moving average of done (1) and missed (0) days.

    score(d) = score(d - 1) × k + done(d) × (1 − k), with k = 0.5 ** (1 / 14) and score 0 before the
    first done day: the form Loop Habit Tracker uses, with a two-week half-life. Done days after
    `as_of` are ignored.
    """
    score = 0.0
    previous: date | None = None
    for day in sorted(set(done_days)):
        if day > as_of:
            break
        if previous is not None:
            score *= DECAY_PER_DAY ** ((day - previous).days - 1)
        score = score * DECAY_PER_DAY + (1 - DECAY_PER_DAY)
        previous = day
    if previous is not None:
        score *= DECAY_PER_DAY ** (as_of - previous).days
    return min(max(score, 0.0), 1.0)


def _streak_end(days: set[date], today: date) -> date:
    # Today is still open: while it has nothing, the streak that ended yesterday stays alive.
    return today if today in days else today - timedelta(days=1)


def _run_ending(days: set[date], end: date) -> int:
    length = 0
    while end - timedelta(days=length) in days:
        length += 1
    return length


def _longest_run(sorted_days: list[date]) -> int:
    longest = current = 0
    previous: date | None = None
    for day in sorted_days:
        current = current + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, current)
        previous = day
    return longest


def _day(day: date, tally: _Tally | None, daily_goal: int) -> DayStats:
    if tally is None:
        return DayStats(
            date=day, completions=0, status="none", pain_before_avg=None, pain_after_avg=None
        )
    status: Status = (
        "full" if tally.counted >= daily_goal else "partial" if tally.counted else "none"
    )
    return DayStats(
        date=day,
        completions=tally.counted,
        status=status,
        pain_before_avg=_mean(tally.pain_before),
        pain_after_avg=_mean(tally.pain_after),
    )


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _dates(start: date, end: date) -> Iterable[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)
