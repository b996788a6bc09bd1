"""Phase rules: what comes first, what to avoid, and when to suggest moving up or stepping back."""

from datetime import date, timedelta

from app.domain.phases import (
    Level,
    RunForPhase,
    avoid_notes,
    offered_first,
    progression_level,
    suggest,
)

TODAY = date(2026, 11, 24)


def calm_days(
    count: int, *, end: date = TODAY, before: int = 4, after: int = 2
) -> list[RunForPhase]:
    """One full morning routine a day for `count` days ending on `end`, with these pains."""
    return [
        RunForPhase("morning", end - timedelta(days=n), 4, 4, before, after) for n in range(count)
    ]


def test_ten_calm_counted_days_suggest_moving_up() -> None:
    suggestion = suggest(1, calm_days(10), TODAY)
    assert suggestion is not None
    assert (suggestion.kind, suggestion.to_phase) == ("move_up", 2)


def test_nine_calm_days_are_not_enough() -> None:
    assert suggest(1, calm_days(9), TODAY) is None


def test_equal_pain_before_and_after_still_counts_as_calm() -> None:
    assert suggest(2, calm_days(10, before=3, after=3), TODAY) is not None


def test_one_day_with_more_pain_after_blocks_moving_up() -> None:
    runs = calm_days(10)
    runs[4] = RunForPhase("morning", runs[4].local_date, 4, 4, 3, 4)
    assert suggest(1, runs, TODAY) is None


def test_a_worse_day_older_than_the_last_ten_counted_days_is_forgotten() -> None:
    runs = [*calm_days(10), RunForPhase("morning", TODAY - timedelta(days=10), 4, 4, 2, 6)]
    assert suggest(1, runs, TODAY) is not None


def test_days_are_compared_on_their_average() -> None:
    runs = calm_days(9)
    day = TODAY - timedelta(days=9)
    runs += [RunForPhase("morning", day, 4, 4, 5, 6), RunForPhase("evening", day, 4, 4, 5, 2)]
    assert suggest(1, runs, TODAY) is not None


def test_a_day_without_logged_pain_is_no_evidence() -> None:
    runs = [*calm_days(9), RunForPhase("morning", TODAY - timedelta(days=9), 4, 4, None, None)]
    assert suggest(1, runs, TODAY) is None


def test_unfinished_runs_do_not_make_a_counted_day() -> None:
    runs = [*calm_days(9), RunForPhase("morning", TODAY - timedelta(days=9), 1, 4, 4, 2)]
    assert suggest(1, runs, TODAY) is None


def test_a_flare_up_session_in_the_stretch_blocks_moving_up() -> None:
    runs = [*calm_days(10), RunForPhase("flare-up", TODAY - timedelta(days=6), 4, 4, 5, 3)]
    assert suggest(1, runs, TODAY) is None


def test_the_last_phase_has_nowhere_to_move_up_to() -> None:
    assert suggest(3, calm_days(10), TODAY) is None


def test_pain_after_of_seven_suggests_stepping_back() -> None:
    runs = [*calm_days(10), RunForPhase("evening", TODAY - timedelta(days=2), 4, 4, 5, 7)]
    suggestion = suggest(2, runs, TODAY)
    assert suggestion is not None
    assert (suggestion.kind, suggestion.to_phase) == ("step_back", 1)
    assert "reached 7" in suggestion.reason


def test_pain_after_of_six_is_not_a_flare() -> None:
    assert suggest(2, [RunForPhase("evening", TODAY, 4, 4, 6, 6)], TODAY) is None


def test_a_flare_three_days_ago_is_past() -> None:
    runs = [RunForPhase("evening", TODAY - timedelta(days=3), 4, 4, 5, 9)]
    assert suggest(2, runs, TODAY) is None


def test_three_flare_up_sessions_in_three_days_suggest_stepping_back() -> None:
    runs = [RunForPhase("flare-up", TODAY - timedelta(days=n), 1, 4) for n in (0, 1, 2)]
    suggestion = suggest(3, runs, TODAY)
    assert suggestion is not None
    assert (suggestion.kind, suggestion.to_phase) == ("step_back", 2)
    assert "3 times in 3 days" in suggestion.reason


def test_three_flare_up_sessions_over_four_days_do_not() -> None:
    runs = [RunForPhase("flare-up", TODAY - timedelta(days=n), 4, 4) for n in (0, 1, 3)]
    assert suggest(2, runs, TODAY) is None


def test_phase_one_cannot_step_back() -> None:
    assert suggest(1, [RunForPhase("morning", TODAY, 4, 4, 3, 8)], TODAY) is None


def test_future_dated_runs_are_ignored() -> None:
    runs = [RunForPhase("morning", TODAY + timedelta(days=1), 4, 4, 3, 9)]
    assert suggest(2, runs, TODAY) is None


def test_a_phase_offers_its_own_first_then_earlier_then_later() -> None:
    items = [("morning", 1), ("hip-reset", 2), ("deadlift", 3), ("bridge", 1)]
    offers = offered_first(2, items)
    assert [(o.slug, o.open) for o in offers] == [
        ("hip-reset", True),
        ("morning", True),
        ("bridge", True),
        ("deadlift", False),
    ]


def test_deadlifts_are_avoided_until_phase_three_and_the_disagreement_is_told() -> None:
    notes = {n.what.split(":")[0]: n for n in avoid_notes(2)}
    deadlifts = notes["Deadlifts of every kind"]
    assert deadlifts.applies
    assert "phase 3" in deadlifts.why
    assert "recommends" in deadlifts.why
    assert not any(n.applies for n in avoid_notes(3))


LADDER = ("glute-bridge", "feet-elevated-bridge", "hip-thrust")


def test_a_bridge_routine_stands_on_its_most_advanced_bridge() -> None:
    level = progression_level(["booty-flex", "feet-elevated-bridge", "glute-bridge"], LADDER)
    assert level == Level(2, 3, "feet-elevated-bridge", "hip-thrust")


def test_the_hip_thrust_is_the_top_of_the_ladder() -> None:
    assert progression_level(["hip-thrust"], LADDER) == Level(3, 3, "hip-thrust", None)


def test_a_routine_without_bridges_has_no_level() -> None:
    assert progression_level(["booty-flex"], LADDER) is None
