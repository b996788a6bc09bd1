"""The weekly summary: adherence, pain before and after, and which side felt weaker, week by week.

Weeks start on Monday and hold local dates, as streaks count them. History's side trend and the
therapist page both read this one summary.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from app.domain.completion_rules import counts

SIDES = ("left", "right", "same")


@dataclass(frozen=True, slots=True)
class RunForWeeks:
    """What the weekly summary needs of one live completion."""

    local_date: date
    steps_done: int
    steps_total: int
    pain_before: int | None = None
    pain_after: int | None = None
    weaker_side: str | None = None


class SideCounts(BaseModel):
    """How often each answer to "which side felt weaker?" was given."""

    model_config = ConfigDict(frozen=True)

    left: int = 0
    right: int = 0
    same: int = 0


class WeekStats(BaseModel):
    """One week, Monday to Sunday."""

    model_config = ConfigDict(frozen=True)

    week_start: date
    days_done: int  # days with at least one run that counts
    days_full: int  # days whose counted runs reached the daily goal
    completions: int  # runs that count
    pain_before_avg: float | None
    pain_after_avg: float | None
    weaker_side: SideCounts


class Weeks(BaseModel):
    """Weeks of an account, oldest first; the last is the week of `today`."""

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "today": "2026-11-24",
                    "weeks": [
                        {
                            "week_start": "2026-11-23",
                            "days_done": 2,
                            "days_full": 1,
                            "completions": 3,
                            "pain_before_avg": 4.5,
                            "pain_after_avg": 2.0,
                            "weaker_side": {"left": 2, "right": 0, "same": 1},
                        }
                    ],
                }
            ]
        },
    )

    today: date
    weeks: list[WeekStats]


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def first_day(today: date, weeks: int) -> date:
    """The first date of the `weeks` weeks ending with `today`'s week."""
    return week_start(today) - timedelta(weeks=weeks - 1)


@dataclass(slots=True)
class _Week:
    counted: dict[date, int] = field(default_factory=dict)
    pain_before: list[int] = field(default_factory=list)
    pain_after: list[int] = field(default_factory=list)
    sides: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIDES, 0))


def summarise_weeks(
    runs: Iterable[RunForWeeks], *, daily_goal: int, today: date, weeks: int
) -> Weeks:
    """`weeks` weeks ending with the week of `today`, each summarised from its runs."""
    if weeks < 1 or daily_goal < 1:
        raise ValueError("weeks and daily_goal must be at least 1")
    start = first_day(today, weeks)
    tallies = {start + timedelta(weeks=i): _Week() for i in range(weeks)}
    for run in runs:
        week = tallies.get(week_start(run.local_date))
        if week is None or run.local_date > today:
            continue
        if counts(run.steps_done, run.steps_total):
            week.counted[run.local_date] = week.counted.get(run.local_date, 0) + 1
        if run.pain_before is not None:
            week.pain_before.append(run.pain_before)
        if run.pain_after is not None:
            week.pain_after.append(run.pain_after)
        if run.weaker_side in week.sides:
            week.sides[run.weaker_side] += 1
    return Weeks(
        today=today,
        weeks=[
            WeekStats(
                week_start=monday,
                days_done=len(week.counted),
                days_full=sum(1 for n in week.counted.values() if n >= daily_goal),
                completions=sum(week.counted.values()),
                pain_before_avg=_mean(week.pain_before),
                pain_after_avg=_mean(week.pain_after),
                weaker_side=SideCounts(**week.sides),
            )
            for monday, week in tallies.items()
        ],
    )


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None
