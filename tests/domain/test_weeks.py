"""The weekly summary: Monday weeks of local dates, counted runs, pain means and side answers."""

from datetime import date

import pytest

from app.domain.weeks import RunForWeeks, summarise_weeks, week_start

TUESDAY = date(2026, 11, 24)


def test_weeks_start_on_monday_and_end_with_todays_week() -> None:
    summary = summarise_weeks([], daily_goal=2, today=TUESDAY, weeks=3)
    assert [w.week_start for w in summary.weeks] == [
        date(2026, 11, 9),
        date(2026, 11, 16),
        date(2026, 11, 23),
    ]
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)


def test_a_week_counts_days_full_days_pain_and_sides() -> None:
    runs = [
        RunForWeeks(date(2026, 11, 23), 4, 4, 6, 2, "left"),
        RunForWeeks(date(2026, 11, 23), 4, 4, 4, 2, "left"),
        RunForWeeks(date(2026, 11, 24), 1, 4, 5, None, "same"),  # ended early: not counted
        RunForWeeks(date(2026, 11, 24), 4, 4, None, None, None),
        RunForWeeks(date(2026, 11, 16), 4, 4, 8, 7, "right"),  # the week before
        RunForWeeks(date(2026, 11, 1), 4, 4, 9, 9, "right"),  # outside the span
    ]
    *_, last = summarise_weeks(runs, daily_goal=2, today=TUESDAY, weeks=2).weeks
    assert (last.days_done, last.days_full, last.completions) == (2, 1, 3)
    assert (last.pain_before_avg, last.pain_after_avg) == (5.0, 2.0)
    assert (last.weaker_side.left, last.weaker_side.same, last.weaker_side.right) == (2, 1, 0)


def test_nonsense_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        summarise_weeks([], daily_goal=2, today=TUESDAY, weeks=0)
