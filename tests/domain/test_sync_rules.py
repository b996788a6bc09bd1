"""Pure sync rules: which version wins, cursors, the sign-in throttle, run plausibility."""

from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.completion_rules import counts, run_errors
from app.domain.cursor import seal, unseal
from app.domain.merge import Outcome, decide, tombstone
from app.domain.throttle import Tally, reserve, settle
from app.models import CompletionBase

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
RUN = CompletionBase(
    id="9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77",
    routine="morning",
    routine_version=1,
    started_at=NOW - timedelta(hours=3),
    finished_at=NOW - timedelta(hours=3) + timedelta(minutes=4),
    timezone="Europe/Berlin",
    steps_done=4,
    steps_total=4,
    pain_before=4,
    pain_after=2,
    notes="left side weaker",
    modified_at=NOW - timedelta(hours=2),
    deleted=False,
)


def replace(run: CompletionBase, **changes: Any) -> CompletionBase:
    return run.model_copy(update=changes)


def test_the_later_modified_at_wins_and_a_tie_keeps_the_stored_one() -> None:
    later = replace(RUN, notes="later", modified_at=RUN.modified_at + timedelta(microseconds=1))
    assert decide(None, RUN) is Outcome.CREATE
    assert decide(RUN, later) is Outcome.REPLACE
    assert decide(later, RUN) is Outcome.KEEP
    assert decide(RUN, replace(RUN, notes="same moment, other text")) is Outcome.KEEP
    assert decide(RUN, RUN) is Outcome.KEEP


def test_a_tombstone_beats_a_version_dated_ahead_and_keeps_no_notes() -> None:
    ahead = replace(RUN, modified_at=NOW + timedelta(hours=5))
    tomb = replace(ahead, **tombstone(ahead.modified_at, NOW))
    assert tomb.deleted
    assert tomb.notes == ""
    assert tomb.pain_before is None
    assert decide(ahead, tomb) is Outcome.REPLACE


def test_cursors_open_only_with_their_key_and_kind() -> None:
    cursor = seal(b"anna", "sync", 41)
    assert unseal(b"anna", "sync", cursor) == 41
    assert unseal(b"bert", "sync", cursor) is None
    assert unseal(b"anna", "completions", cursor) is None
    mac = cursor.partition(".")[2]
    assert unseal(b"anna", "sync", seal(b"anna", "sync", 42).split(".")[0] + "." + mac) is None
    for forged in ("", ".", "x", "é.é", cursor + "A", cursor[:-1]):
        assert unseal(b"anna", "sync", forged) is None, forged


def test_the_throttle_locks_after_the_limit_for_one_leak_interval() -> None:
    start = NOW
    tally = None
    for _ in range(5):
        reserved = reserve(tally, start, 5, 300)
        assert isinstance(reserved, Tally)
        tally = reserved
    assert tally is not None
    assert tally.failures == 5
    # A sixth try at once waits for one failure to leak away (300 s / 5), not the whole window.
    assert reserve(tally, start + timedelta(seconds=10), 5, 300) == 50
    assert reserve(tally, start + timedelta(seconds=59, milliseconds=500), 5, 300) == 1
    after_one = reserve(tally, start + timedelta(seconds=60), 5, 300)
    assert isinstance(after_one, Tally)
    assert after_one.failures == 5
    # ...and that one try locks it again: a patient guesser gets one try a minute.
    assert reserve(after_one, start + timedelta(seconds=61), 5, 300) == 59
    # A quiet window forgets everything.
    assert settle(tally, start + timedelta(seconds=300), 5, 300).failures == 0


def test_implausible_runs_are_named_by_field() -> None:
    assert run_errors(RUN, NOW) == []
    backwards = replace(RUN, finished_at=RUN.started_at - timedelta(seconds=1))
    too_long = replace(RUN, finished_at=RUN.started_at + timedelta(hours=6, seconds=1))
    future = replace(
        RUN,
        started_at=NOW + timedelta(days=1, seconds=1),
        finished_at=NOW + timedelta(days=1, minutes=4),
    )
    assert [field for field, _detail in run_errors(backwards, NOW)] == ["finished_at"]
    assert [field for field, _detail in run_errors(too_long, NOW)] == ["finished_at"]
    assert [field for field, _detail in run_errors(future, NOW)] == ["started_at"]
    assert [field for field, _detail in run_errors(replace(RUN, steps_done=5), NOW)] == [
        "steps_done"
    ]
    exactly_six_hours = replace(RUN, finished_at=RUN.started_at + timedelta(hours=6))
    assert run_errors(exactly_six_hours, NOW) == []


def test_a_run_counts_when_every_step_was_played() -> None:
    assert counts(4, 4)
    assert not counts(3, 4)
    assert not counts(0, 0)
