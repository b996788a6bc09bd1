"""Phases: what a phase offers first, what it avoids and why, and when to suggest changing phase.

Suggestions only: the account's phase changes when the person says so (`PATCH /account`).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.content import AVOID, Avoid
from app.domain.completion_rules import counts

FIRST_PHASE, LAST_PHASE = 1, 3
FLARE_UP_ROUTINE = "flare-up"
FLARE_PAIN = 7  # pain after a routine at or above this is a flare
CALM_DAYS = 10  # counted days of pain after <= before, flare-free, before moving up
FLARE_WINDOW_DAYS = 3  # a flare within this many days (today included) suggests stepping back
FLARE_UP_RUNS = 3  # the flare-up routine this often within the window is a flare too


@dataclass(frozen=True)
class RunForPhase:
    """What the phase rules need of one (not deleted) completion."""

    routine: str
    local_date: date
    steps_done: int
    steps_total: int
    pain_before: int | None = None
    pain_after: int | None = None

    @property
    def counted(self) -> bool:
        """Whether the run counts towards its day."""
        return counts(self.steps_done, self.steps_total)


@dataclass(frozen=True)
class Suggestion:
    """A proposal to change phase, with the reason in plain words."""

    kind: Literal["move_up", "step_back"]
    to_phase: int
    reason: str


@dataclass(frozen=True)
class Offer:
    """A routine or exercise in the order a phase offers it; `open` when its phase is reached."""

    slug: str
    phase: int
    open: bool


@dataclass(frozen=True)
class AvoidNote:
    """An avoid-list entry as it stands in a phase."""

    what: str
    until_phase: int
    why: str
    applies: bool


def offered_first(phase: int, items: Iterable[tuple[str, int]]) -> list[Offer]:
    """`(slug, phase)` items ordered for `phase`: its own first, then earlier, then later ones."""
    indexed = list(enumerate(items))

    def key(entry: tuple[int, tuple[str, int]]) -> tuple[int, int, int]:
        index, (_slug, item_phase) = entry
        group = 0 if item_phase == phase else 1 if item_phase < phase else 2
        return group, abs(item_phase - phase), index

    return [Offer(s, p, p <= phase) for _i, (s, p) in sorted(indexed, key=key)]


def avoid_notes(phase: int, avoid: Sequence[Avoid] = AVOID) -> list[AvoidNote]:
    """Every avoid-list entry, marked with whether it still applies in `phase`."""
    return [AvoidNote(a.what, a.until_phase, a.why, phase < a.until_phase) for a in avoid]


def suggest(phase: int, runs: Iterable[RunForPhase], today: date) -> Suggestion | None:
    """Step back after a recent flare, move up after ten calm counted days, otherwise nothing."""
    past = [r for r in runs if r.local_date <= today]
    flare = _recent_flare(past, today)
    if flare is not None:
        if phase > FIRST_PHASE:
            return Suggestion("step_back", phase - 1, flare + " Consider going back a phase.")
        return None
    if phase < LAST_PHASE and _calm_stretch(past):
        return Suggestion(
            "move_up",
            phase + 1,
            f"Over your last {CALM_DAYS} days of full routines your pain afterwards was never "
            "higher than before, with no flare-ups. You could move on to the next phase.",
        )
    return None


def _recent_flare(runs: Sequence[RunForPhase], today: date) -> str | None:
    since = today - timedelta(days=FLARE_WINDOW_DAYS - 1)
    recent = sorted((r for r in runs if r.local_date >= since), key=lambda r: r.local_date)
    high = [r for r in recent if r.pain_after is not None and r.pain_after >= FLARE_PAIN]
    if high:
        worst = max(high, key=lambda r: (r.pain_after or 0, r.local_date))
        return f"Your pain after a routine reached {worst.pain_after} on {worst.local_date}."
    rescues = sum(1 for r in recent if r.routine == FLARE_UP_ROUTINE)
    if rescues >= FLARE_UP_RUNS:
        return f"You needed the flare-up rescue {rescues} times in {FLARE_WINDOW_DAYS} days."
    return None


def _calm_stretch(runs: Sequence[RunForPhase]) -> bool:
    counted_days = sorted({r.local_date for r in runs if r.counted}, reverse=True)
    if len(counted_days) < CALM_DAYS:
        return False
    days = set(counted_days[:CALM_DAYS])
    since = min(days)
    for run in runs:
        if run.local_date < since:
            continue
        if run.routine == FLARE_UP_ROUTINE:
            return False
        if run.pain_after is not None and run.pain_after >= FLARE_PAIN:
            return False
    return all(_day_shows_relief(runs, day) for day in days)


def _day_shows_relief(runs: Sequence[RunForPhase], day: date) -> bool:
    # A day is evidence only when it logged pain both ways; its average after must not exceed
    # its average before (sums compare the same way, pair for pair).
    pairs = [
        (r.pain_before, r.pain_after)
        for r in runs
        if r.local_date == day and r.counted and r.pain_before is not None
        if r.pain_after is not None
    ]
    if not pairs:
        return False
    return sum(a for _b, a in pairs) <= sum(b for b, _a in pairs)


@dataclass(frozen=True)
class Level:
    """Where a routine stands on a progression: `level` of `of`, with the next exercise if any."""

    level: int
    of: int
    current: str
    next: str | None


def progression_level(exercises: Iterable[str], progression: Sequence[str]) -> Level | None:
    """The most advanced exercise of `progression` that a routine uses, or None if it uses none."""
    used = [progression.index(slug) for slug in exercises if slug in progression]
    if not used:
        return None
    top = max(used)
    following = progression[top + 1] if top + 1 < len(progression) else None
    return Level(top + 1, len(progression), progression[top], following)
