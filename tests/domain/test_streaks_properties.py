"""Invariants of the streak rules over generated histories (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.streaks import RunForStats, Stats, compute_stats

TODAY = date(2026, 11, 24)
offsets = st.integers(min_value=-120, max_value=1)  # up to a day ahead, as a traveller's run may be
runs = st.lists(
    st.builds(
        lambda offset, done, deleted: RunForStats(
            TODAY + timedelta(days=offset), done, 4, deleted=deleted
        ),
        offsets,
        st.integers(min_value=0, max_value=4),
        st.booleans(),
    ),
    max_size=80,
)
goals = st.integers(min_value=1, max_value=4)


def stats(history: list[RunForStats], goal: int) -> Stats:
    return compute_stats(
        history, daily_goal=goal, today=TODAY, start=TODAY - timedelta(days=7), end=TODAY
    )


@given(runs, goals, offsets)
def test_adding_a_done_day_never_shortens_the_longest_streak(
    history: list[RunForStats], goal: int, offset: int
) -> None:
    extra = RunForStats(TODAY + timedelta(days=offset), 4, 4)
    assert stats([*history, extra], goal).longest_streak >= stats(history, goal).longest_streak


@given(runs, goals)
def test_full_day_streak_within_current_within_longest(
    history: list[RunForStats], goal: int
) -> None:
    result = stats(history, goal)
    assert 0 <= result.full_day_streak <= result.current_streak <= result.longest_streak


@given(runs, goals, offsets)
def test_strength_stays_in_range_and_never_falls_when_a_done_day_is_added(
    history: list[RunForStats], goal: int, offset: int
) -> None:
    before = stats(history, goal).strength
    after = stats([*history, RunForStats(TODAY + timedelta(days=offset), 4, 4)], goal).strength
    assert 0.0 <= before <= after <= 1.0


@given(runs, goals)
def test_the_order_of_the_records_does_not_matter(history: list[RunForStats], goal: int) -> None:
    assert stats(history, goal) == stats(list(reversed(history)), goal)


@given(runs, goals)
def test_a_run_dated_after_today_changes_neither_current_streak_nor_strength(
    history: list[RunForStats], goal: int
) -> None:
    before = stats(history, goal)
    after = stats([*history, RunForStats(TODAY + timedelta(days=1), 4, 4)], goal)
    assert (after.current_streak, after.strength) == (before.current_streak, before.strength)
