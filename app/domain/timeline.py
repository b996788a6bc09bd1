"""The timeline compiler: a routine's steps become the flat list of segments the player plays.

The only place that decides what a routine plays second by second; the player, the API and the
docs all take timelines from here, and so what "+1 round" plays (`compile_more_rounds`).
"""

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.steps import Step

# How often "+1 round" can be pressed on one step of a run: each press swaps in a compiled step.
MAX_EXTRA_ROUNDS = 3
# The cadences the player offers for a paced set, as multiples of the step's own beat: slower and
# faster without the player deriving a duration of its own (each choice carries its duration).
CADENCE_FACTORS = (0.75, 1.0, 1.25, 1.5, 2.0)

Kind = Literal["prepare", "work", "rest", "switch", "set_rest", "reps"]
Side = Literal["left", "right"]


class Cadence(BaseModel):
    """One tempo a paced set can play at: a rep every `beat_ms`, the set lasting `duration_ms`."""

    model_config = ConfigDict(frozen=True)

    beat_ms: int
    duration_ms: int


class Segment(BaseModel):
    """One stretch of a routine: a hold, a rest, a side switch, a set of reps."""

    model_config = ConfigDict(frozen=True)

    index: int
    kind: Kind
    exercise: str
    label: str
    step: int
    side: Side | None = None
    set: int | None = None
    round: int | None = None
    reps: int | None = None
    beat_ms: int | None = Field(default=None, description="Paced reps: one rep every beat_ms.")
    cadences: list[Cadence] | None = Field(
        default=None, description="Paced reps: the tempos the player may switch to, slow to fast."
    )
    duration_ms: int | None


class MoreRounds(BaseModel):
    """One step compiled with more rounds: what the player swaps in when "+1 round" is pressed."""

    model_config = ConfigDict(frozen=True)

    step: int
    rounds: int
    segments: list[Segment]


def compile_timeline(steps: Sequence[Step], names: Mapping[str, str]) -> list[Segment]:
    """The segments of `steps` in playing order; `names` maps exercise slugs to display names."""
    segments: list[Segment] = []
    for step_index, step in enumerate(steps):
        _StepCompiler(step_index, step, names.get(step.exercise, step.exercise), segments).run()
    return segments


def takes_more_rounds(step: Step) -> bool:
    """Whether "+1 round" applies to `step`: timed rounds with a rest between them."""
    return step.mode == "timed" and step.rounds > 1 and step.rest_s > 0


def compile_more_rounds(steps: Sequence[Step], names: Mapping[str, str]) -> list[MoreRounds]:
    """Each step "+1 round" applies to, compiled with 1 … MAX_EXTRA_ROUNDS more rounds.

    Segment indexes are where the step's segments would sit in the routine's timeline.
    """
    variants: list[MoreRounds] = []
    first_index = 0
    for step_index, step in enumerate(steps):
        name = names.get(step.exercise, step.exercise)
        if takes_more_rounds(step):
            for rounds in range(step.rounds + 1, step.rounds + MAX_EXTRA_ROUNDS + 1):
                longer = step.model_copy(update={"rounds": rounds})
                segments: list[Segment] = []
                _StepCompiler(step_index, longer, name, segments, first_index).run()
                variants.append(MoreRounds(step=step_index, rounds=rounds, segments=segments))
        as_is: list[Segment] = []
        _StepCompiler(step_index, step, name, as_is).run()
        first_index += len(as_is)
    return variants


def duration_s(timeline: Sequence[Segment]) -> int:
    """Seconds of the timed part of a timeline (self-paced segments count as zero)."""
    return sum(s.duration_ms or 0 for s in timeline) // 1000


class _StepCompiler:
    def __init__(
        self, step_index: int, step: Step, name: str, out: list[Segment], first_index: int = 0
    ) -> None:
        self.step_index, self.step, self.name, self.out = step_index, step, name, out
        self.first_index = first_index  # the timeline index of `out[0]`

    def run(self) -> None:
        step = self.step
        sides: list[Side | None] = ["left", "right"] if step.sides == "both" else [None]
        if step.prepare_s:
            first = f", {sides[0]} side first" if sides[0] else ""
            self._add("prepare", f"Get ready: {self.name}{first}", step.prepare_s, side=sides[0])
        for set_no in range(1, step.sets + 1):
            set_ = set_no if step.sets > 1 else None
            for side_no, side in enumerate(sides):
                if side_no:
                    self._add("switch", f"Switch to the {side} side", step.switch_s, side, set_)
                if step.mode == "timed":
                    self._rounds(side, set_)
                else:
                    self._reps(side, set_)
            if set_no < step.sets and step.set_rest_s:
                label = f"Rest, then set {set_no + 1} of {step.sets}"
                self._add("set_rest", label, step.set_rest_s, set_=set_no)

    def _rounds(self, side: Side | None, set_: int | None) -> None:
        step = self.step
        for round_no in range(1, step.rounds + 1):
            label = (
                self.name if step.rounds == 1 else f"{self.name}, round {round_no} of {step.rounds}"
            )
            self._add("work", label + self._where(side, set_), step.work_s, side, set_, round_no)
            if round_no < step.rounds and step.rest_s:
                self._add("rest", "Relax", step.rest_s, side, set_, round_no)

    def _reps(self, side: Side | None, set_: int | None) -> None:
        step = self.step
        assert step.reps is not None
        if step.mode == "paced":
            assert step.cadence_s is not None
            seconds: int | None = step.reps * step.cadence_s
            how = f"one every {step.cadence_s} s"
        else:
            seconds, how = None, "tap when done"
        # A step with its own cue (one step of learning a lift) shows that on its screen.
        label = step.cue or f"{self.name}{self._where(side, set_)}: {step.reps} reps, {how}"
        beat_ms = None if step.cadence_s is None or seconds is None else step.cadence_s * 1000
        self._add("reps", label, seconds, side, set_, reps=step.reps, beat_ms=beat_ms)

    def _where(self, side: Side | None, set_: int | None) -> str:
        where = f", {side} side" if side else ""
        return where + (f", set {set_} of {self.step.sets}" if set_ else "")

    def _add(
        self,
        kind: Kind,
        label: str,
        seconds: int | None,
        side: Side | None = None,
        set_: int | None = None,
        round_: int | None = None,
        reps: int | None = None,
        beat_ms: int | None = None,
    ) -> None:
        cadences = None
        if beat_ms is not None and reps is not None:
            beats = sorted({int(round(beat_ms * f, -2)) for f in CADENCE_FACTORS}, reverse=True)
            cadences = [Cadence(beat_ms=b, duration_ms=b * reps) for b in beats]
        self.out.append(
            Segment(
                index=self.first_index + len(self.out),
                kind=kind,
                exercise=self.step.exercise,
                label=label,
                step=self.step_index,
                side=side,
                set=set_,
                round=round_,
                reps=reps,
                beat_ms=beat_ms,
                cadences=cadences,
                duration_ms=None if seconds is None else seconds * 1000,
            )
        )
