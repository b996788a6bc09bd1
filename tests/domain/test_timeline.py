"""The timeline compiler: exact timelines for the built-ins, and invariants over any valid steps."""

from hypothesis import given
from hypothesis import strategies as st

from app.content import EXERCISE_NAMES
from app.domain.steps import Step
from app.domain.timeline import (
    MAX_EXTRA_ROUNDS,
    Segment,
    compile_more_rounds,
    compile_timeline,
    duration_s,
)
from app.stores.routines import builtin_detail, builtin_slugs


def _shape(timeline: list[Segment]) -> list[tuple[str, str | None, int | None]]:
    return [(s.kind, s.side, s.duration_ms) for s in timeline]


def _timeline(slug: str) -> list[Segment]:
    detail = builtin_detail(slug)
    assert detail is not None
    return detail.timeline


def test_morning_holds_each_side_30s_then_ten_7s_squeezes_with_3s_relax() -> None:
    squeezes: list[tuple[str, str | None, int | None]] = []
    for round_no in range(1, 11):
        squeezes.append(("work", None, 7000))
        if round_no < 10:
            squeezes.append(("rest", None, 3000))
    assert _shape(_timeline("morning")) == [
        ("prepare", "left", 5000),
        ("work", "left", 30000),
        ("switch", "right", 5000),
        ("work", "right", 30000),
        ("prepare", None, 5000),
        *squeezes,
    ]


def test_morning_announces_rounds_and_sides_in_words() -> None:
    labels = [s.label for s in _timeline("morning")]
    assert "Switch to the right side" in labels
    assert "Booty flex, round 3 of 10" in labels
    assert labels.count("Relax") == 9


def test_evening_plays_the_same_as_morning() -> None:
    assert _shape(_timeline("evening")) == _shape(_timeline("morning"))


def test_flare_up_is_three_squeezes() -> None:
    assert _shape(_timeline("flare-up")) == [
        ("prepare", None, 3000),
        ("work", None, 7000),
        ("rest", None, 3000),
        ("work", None, 7000),
        ("rest", None, 3000),
        ("work", None, 7000),
    ]


def test_hip_reset_follows_release_mobilise_activate_integrate() -> None:
    timeline = _timeline("hip-reset")
    order = list(dict.fromkeys(s.exercise for s in timeline))
    assert order == ["front-hip-foam-roll", "hip-flexor-rocks", "wall-march", "lunge-forward-back"]
    roll = [s for s in timeline if s.exercise == "front-hip-foam-roll" and s.kind == "work"]
    assert sum(s.duration_ms or 0 for s in roll) == 120_000
    marches = [s for s in timeline if s.exercise == "wall-march" and s.kind == "reps"]
    assert [(s.set, s.side, s.reps) for s in marches] == [
        (1, "left", 10),
        (1, "right", 10),
        (2, "left", 10),
        (2, "right", 10),
    ]
    lunges = [s for s in timeline if s.exercise == "lunge-forward-back" and s.kind == "reps"]
    assert [(s.set, s.side, s.reps) for s in lunges] == [
        (1, "left", 8),
        (1, "right", 8),
        (2, "left", 8),
        (2, "right", 8),
    ]


def test_bridge_builder_waits_for_a_tap_after_each_set() -> None:
    timeline = _timeline("bridge-builder")
    assert _shape(timeline) == [
        ("prepare", None, 5000),
        ("reps", None, None),
        ("set_rest", None, 45000),
        ("reps", None, None),
        ("set_rest", None, 45000),
        ("reps", None, None),
    ]


def test_every_builtin_duration_is_the_sum_of_its_segments() -> None:
    for slug in builtin_slugs():
        detail = builtin_detail(slug)
        assert detail is not None
        assert detail.duration_s * 1000 == sum(s.duration_ms or 0 for s in detail.timeline)


def test_every_builtin_names_only_known_exercises() -> None:
    for slug in builtin_slugs():
        assert {s.exercise for s in _timeline(slug)} <= set(EXERCISE_NAMES)


def test_one_more_round_of_the_flare_up_is_a_relax_and_a_fourth_squeeze_labelled_of_4() -> None:
    detail = builtin_detail("flare-up")
    assert detail is not None
    first = detail.more_rounds[0]
    assert (first.step, first.rounds) == (0, 4)
    assert [s.label for s in first.segments if s.kind == "work"] == [
        f"Booty flex, round {n} of 4" for n in range(1, 5)
    ]
    assert _shape(first.segments)[-2:] == [("rest", None, 3000), ("work", None, 7000)]


def test_only_timed_rounds_with_rests_take_more_rounds() -> None:
    morning = builtin_detail("morning")
    bridges = builtin_detail("bridge-builder")
    assert morning is not None
    assert bridges is not None
    assert {v.step for v in morning.more_rounds} == {1}  # the squeezes, not the one-hold stretch
    assert bridges.more_rounds == []


# Property tests over any valid steps.

_steps = st.builds(
    Step,
    exercise=st.sampled_from(sorted(EXERCISE_NAMES)),
    mode=st.just("timed"),
    work_s=st.integers(1, 900),
    rest_s=st.integers(0, 900),
    rounds=st.integers(1, 12),
    sets=st.integers(1, 4),
    sides=st.sampled_from(["none", "both"]),
    set_rest_s=st.integers(0, 900),
    prepare_s=st.integers(0, 60),
    switch_s=st.integers(1, 60),
) | st.builds(
    Step,
    exercise=st.sampled_from(sorted(EXERCISE_NAMES)),
    mode=st.sampled_from(["paced", "self_paced"]),
    reps=st.integers(1, 100),
    cadence_s=st.integers(1, 60),
    sets=st.integers(1, 4),
    sides=st.sampled_from(["none", "both"]),
    set_rest_s=st.integers(0, 900),
    prepare_s=st.integers(0, 60),
)
_routines = st.lists(_steps, min_size=1, max_size=6)


@given(_routines)
def test_compiling_twice_gives_the_same_timeline(steps: list[Step]) -> None:
    assert compile_timeline(steps, EXERCISE_NAMES) == compile_timeline(steps, EXERCISE_NAMES)


@given(_routines)
def test_indexes_run_from_zero_without_gaps(steps: list[Step]) -> None:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    assert [s.index for s in timeline] == list(range(len(timeline)))


@given(_routines)
def test_no_step_ends_on_a_rest(steps: list[Step]) -> None:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    for step_no in range(len(steps)):
        kinds = [s.kind for s in timeline if s.step == step_no]
        assert kinds[-1] in ("work", "reps")


@given(_routines)
def test_both_sides_get_equal_time_left_first(steps: list[Step]) -> None:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    for step_no, step in enumerate(steps):
        segs = [s for s in timeline if s.step == step_no and s.kind in ("work", "rest", "reps")]
        if step.sides == "both":
            left = [s.duration_ms for s in segs if s.side == "left"]
            right = [s.duration_ms for s in segs if s.side == "right"]
            assert left == right
            assert segs[0].side == "left"
            switches = [s for s in timeline if s.step == step_no and s.kind == "switch"]
            assert len(switches) == step.sets
        else:
            assert all(s.side is None for s in segs)


@given(_routines)
def test_duration_is_the_sum_of_timed_segments(steps: list[Step]) -> None:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    assert duration_s(timeline) * 1000 == sum(s.duration_ms or 0 for s in timeline)


@given(_routines)
def test_work_matches_the_dose(steps: list[Step]) -> None:
    timeline = compile_timeline(steps, EXERCISE_NAMES)
    for step_no, step in enumerate(steps):
        sides = 2 if step.sides == "both" else 1
        segs = [s for s in timeline if s.step == step_no]
        if step.mode == "timed":
            work = [s for s in segs if s.kind == "work"]
            assert len(work) == step.rounds * step.sets * sides
            assert all(s.duration_ms == (step.work_s or 0) * 1000 for s in work)
            rests = [s for s in segs if s.kind == "rest"]
            assert len(rests) == ((step.rounds - 1) * step.sets * sides if step.rest_s else 0)
        else:
            reps = [s for s in segs if s.kind == "reps"]
            assert len(reps) == step.sets * sides
            expected = (step.reps or 0) * (step.cadence_s or 0) * 1000
            assert all(s.duration_ms == (expected if step.mode == "paced" else None) for s in reps)


@given(_routines)
def test_more_rounds_are_the_step_compiled_with_that_many_rounds_in_its_place(
    steps: list[Step],
) -> None:
    variants = compile_more_rounds(steps, EXERCISE_NAMES)
    for step_no, step in enumerate(steps):
        mine = [v for v in variants if v.step == step_no]
        if step.mode != "timed" or step.rounds == 1 or not step.rest_s:
            assert mine == []
            continue
        extra = range(step.rounds + 1, step.rounds + MAX_EXTRA_ROUNDS + 1)
        assert [v.rounds for v in mine] == list(extra)
        for variant in mine:
            longer = [*steps[:step_no], step.model_copy(update={"rounds": variant.rounds})]
            longer += steps[step_no + 1 :]
            timeline = compile_timeline(longer, EXERCISE_NAMES)
            assert variant.segments == [s for s in timeline if s.step == step_no]


def test_a_paced_set_says_its_beat_and_the_cadences_the_player_may_pick() -> None:
    detail = builtin_detail("hip-reset")
    assert detail is not None
    [march, *_] = [s for s in detail.timeline if s.exercise == "wall-march" and s.kind == "reps"]
    assert (march.reps, march.beat_ms, march.duration_ms) == (10, 2000, 20_000)
    assert march.cadences is not None
    beats = [c.beat_ms for c in march.cadences]
    assert beats == sorted(beats, reverse=True)  # slow to fast
    assert 2000 in beats  # the compiled one among them
    assert all(c.duration_ms == c.beat_ms * 10 for c in march.cadences)
