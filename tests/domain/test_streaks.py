"""Streak rules on exact cases: daylight saving, midnight, travel, partial and deleted runs."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.streaks import (
    RunForStats,
    Stats,
    UnknownTimeZone,
    compute_stats,
    local_date_of,
    strength,
    today_in,
)


def run_at(
    local: datetime, timezone: str, *, done: int = 4, total: int = 4, **pain: int
) -> RunForStats:
    """A run started at wall-clock `local` in `timezone`, dated the way the server dates it."""
    started_at = local.replace(tzinfo=ZoneInfo(timezone)).astimezone(
        UTC
    )  # as the database keeps it
    return RunForStats(local_date_of(started_at, timezone), done, total, **pain)  # type: ignore[arg-type]


def stats(runs: list[RunForStats], today: date, goal: int = 2, days: int = 7) -> Stats:
    return compute_stats(
        runs, daily_goal=goal, today=today, start=today - timedelta(days=days - 1), end=today
    )


def statuses(result: Stats) -> dict[date, str]:
    return {d.date: d.status for d in result.days}


@pytest.mark.parametrize(
    ("timezone", "change_day"),
    [
        ("Europe/Berlin", date(2026, 3, 29)),
        ("Europe/Berlin", date(2026, 10, 25)),
        ("America/New_York", date(2026, 3, 8)),
        ("America/New_York", date(2026, 11, 1)),
    ],
)
def test_daily_runs_across_a_clock_change_make_one_unbroken_streak(
    timezone: str, change_day: date
) -> None:
    days = [change_day + timedelta(days=offset) for offset in range(-3, 4)]
    runs = [run_at(datetime(d.year, d.month, d.day, 7, 0), timezone) for d in days]
    runs += [run_at(datetime(d.year, d.month, d.day, 21, 30), timezone) for d in days]
    result = stats(runs, today=days[-1])
    assert [r.local_date for r in runs[:7]] == days
    assert (result.current_streak, result.longest_streak, result.full_day_streak) == (7, 7, 7)
    assert all(d.completions == 2 and d.status == "full" for d in result.days)


def test_a_run_just_after_midnight_on_a_clock_change_night_belongs_to_the_new_day() -> None:
    # 00:30 in Berlin on 25 October is still 24 October in UTC.
    started_at = datetime(2026, 10, 25, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert started_at.astimezone(UTC).date() == date(2026, 10, 24)
    assert local_date_of(started_at.astimezone(UTC), "Europe/Berlin") == date(2026, 10, 25)


def test_the_repeated_hour_of_the_fall_back_night_is_one_day_not_two() -> None:
    ny = ZoneInfo("America/New_York")
    first = datetime(2026, 11, 1, 1, 30, tzinfo=ny)  # EDT
    second = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ny)  # an hour later, EST
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    runs = [
        RunForStats(local_date_of(t.astimezone(UTC), "America/New_York"), 4, 4)
        for t in (first, second)
    ]
    result = stats(runs, today=date(2026, 11, 1))
    assert statuses(result)[date(2026, 11, 1)] == "full"
    assert result.days[-1].completions == 2
    assert result.current_streak == 1


def test_runs_a_minute_either_side_of_midnight_fall_on_two_days() -> None:
    runs = [
        run_at(datetime(2026, 11, 20, 23, 59), "Europe/Berlin"),
        run_at(datetime(2026, 11, 21, 0, 1), "Europe/Berlin"),
    ]
    assert [r.local_date for r in runs] == [date(2026, 11, 20), date(2026, 11, 21)]
    result = stats(runs, today=date(2026, 11, 21))
    assert result.current_streak == 2
    assert result.full_day_streak == 0


def test_flying_tokyo_to_berlin_keeps_both_runs_on_the_same_day() -> None:
    runs = [
        run_at(datetime(2026, 11, 10, 7, 0), "Asia/Tokyo"),  # 9 November in UTC
        run_at(datetime(2026, 11, 10, 21, 0), "Europe/Berlin"),  # after the flight
        run_at(datetime(2026, 11, 11, 7, 0), "Europe/Berlin"),
    ]
    result = stats(runs, today=date(2026, 11, 11))
    assert statuses(result)[date(2026, 11, 9)] == "none"
    assert statuses(result)[date(2026, 11, 10)] == "full"
    assert statuses(result)[date(2026, 11, 11)] == "partial"
    assert (result.current_streak, result.longest_streak) == (2, 2)


def test_flying_berlin_to_tokyo_neither_breaks_nor_doubles_a_day() -> None:
    runs = [
        run_at(datetime(2026, 11, 12, 22, 0), "Europe/Berlin"),  # already 13 November in Tokyo
        run_at(datetime(2026, 11, 13, 21, 0), "Asia/Tokyo"),
        run_at(datetime(2026, 11, 14, 7, 0), "Asia/Tokyo"),
    ]
    result = stats(runs, today=today_in(datetime(2026, 11, 14, 0, 0, tzinfo=UTC), "Asia/Tokyo"))
    assert result.today == date(2026, 11, 14)
    assert [d.completions for d in result.days[-3:]] == [1, 1, 1]
    assert result.current_streak == 3


def test_the_current_streak_waits_for_today_then_breaks_after_a_missed_day() -> None:
    runs = [run_at(datetime(2026, 11, day, 8, 0), "UTC") for day in (17, 18, 19, 20)]
    assert stats(runs, today=date(2026, 11, 20)).current_streak == 4
    assert stats(runs, today=date(2026, 11, 21)).current_streak == 4  # today still open
    assert stats(runs, today=date(2026, 11, 22)).current_streak == 0
    assert stats(runs, today=date(2026, 11, 22)).longest_streak == 4


def test_a_partial_run_does_not_count_but_its_pain_is_kept() -> None:
    runs = [
        run_at(datetime(2026, 11, 19, 8, 0), "UTC"),
        run_at(datetime(2026, 11, 20, 8, 0), "UTC", done=2, pain_before=6, pain_after=5),
        run_at(datetime(2026, 11, 21, 8, 0), "UTC", pain_before=3, pain_after=1),
        run_at(datetime(2026, 11, 21, 20, 0), "UTC", pain_before=4, pain_after=1),
    ]
    result = stats(runs, today=date(2026, 11, 21))
    by_day = {d.date: d for d in result.days}
    assert by_day[date(2026, 11, 20)].status == "none"
    assert by_day[date(2026, 11, 20)].completions == 0
    assert by_day[date(2026, 11, 20)].pain_before_avg == 6.0
    assert by_day[date(2026, 11, 21)].pain_before_avg == 3.5
    assert by_day[date(2026, 11, 21)].pain_after_avg == 1.0
    assert (result.current_streak, result.longest_streak, result.full_day_streak) == (1, 1, 1)


def test_deleted_runs_count_for_nothing() -> None:
    kept = run_at(datetime(2026, 11, 20, 8, 0), "UTC")
    deleted = RunForStats(date(2026, 11, 21), 4, 4, pain_before=9, deleted=True)
    result = stats([kept, deleted], today=date(2026, 11, 21))
    assert statuses(result)[date(2026, 11, 21)] == "none"
    assert result.days[-1].pain_before_avg is None
    assert result.current_streak == 1


def test_a_full_day_needs_the_daily_goal() -> None:
    runs = [run_at(datetime(2026, 11, 21, h, 0), "UTC") for h in (7, 12, 21)]
    assert statuses(stats(runs, today=date(2026, 11, 21), goal=3))[date(2026, 11, 21)] == "full"
    assert statuses(stats(runs, today=date(2026, 11, 21), goal=4))[date(2026, 11, 21)] == "partial"


def test_fourteen_done_days_from_nothing_give_a_score_of_one_half() -> None:
    days = [date(2026, 11, 1) + timedelta(days=i) for i in range(14)]
    assert strength(days, as_of=days[-1]) == pytest.approx(0.5)
    assert strength(days, as_of=days[-1] + timedelta(days=14)) == pytest.approx(0.25)
    assert strength([], as_of=days[-1]) == 0.0


def test_one_missed_day_after_a_long_run_keeps_most_of_the_score() -> None:
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(300)]
    before = strength(days, as_of=days[-1])
    after = strength(days, as_of=days[-1] + timedelta(days=1))
    assert before > 0.99
    assert 0.94 < after < before


def test_the_days_cover_the_range_inclusively() -> None:
    result = compute_stats(
        [], daily_goal=2, today=date(2026, 11, 24), start=date(2026, 11, 1), end=date(2026, 11, 30)
    )
    assert [d.date for d in result.days][:: len(result.days) - 1] == [
        date(2026, 11, 1),
        date(2026, 11, 30),
    ]
    assert len(result.days) == 30


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(UnknownTimeZone):
        local_date_of(datetime(2026, 11, 21, tzinfo=UTC), "Mars/Olympus")
    with pytest.raises(UnknownTimeZone):
        today_in(datetime(2026, 11, 21, tzinfo=UTC), "../../etc/passwd")
