"""The built-in routines, with the protocol's exact doses. Bump `version` whenever steps change."""

from dataclasses import dataclass
from typing import Literal

from app.content.library import EXERCISES, EXERCISES_BY_SLUG
from app.domain.steps import Step

Slot = Literal["morning", "evening", "any"]


@dataclass(frozen=True)
class BuiltinRoutine:
    """A routine that ships with Squeeze."""

    slug: str
    name: str
    slot: Slot
    phase: int
    version: int
    summary: str
    steps: tuple[Step, ...]


_DEFAULT = {e.slug: e.default_step for e in EXERCISES}
_HIP_FLEXOR_HOLD = _DEFAULT["kneeling-hip-flexor-glute-stretch"]
_TEN_SQUEEZES = _DEFAULT["booty-flex"]
_DEADLIFT = EXERCISES_BY_SLUG["kettlebell-sumo-deadlift"]


def _learn(exercise: str, steps: tuple[str, ...]) -> tuple[Step, ...]:
    """One self-paced screen per step of learning a lift: its cue shown, a tap when it is done."""
    return tuple(
        Step(
            exercise=exercise,
            mode="self_paced",
            reps=1,
            prepare_s=5 if number == 1 else 0,
            cue=f"Step {number} of {len(steps)}: {text}",
        )
        for number, text in enumerate(steps, start=1)
    )


ROUTINES: tuple[BuiltinRoutine, ...] = (
    BuiltinRoutine(
        slug="morning",
        name="Morning routine",
        slot="morning",
        phase=1,
        version=1,
        summary="Open the front of the hips, then wake the glutes: about three minutes.",
        steps=(_HIP_FLEXOR_HOLD, _TEN_SQUEEZES),
    ),
    BuiltinRoutine(
        slug="evening",
        name="Evening routine",
        slot="evening",
        phase=1,
        version=1,
        summary="The morning routine again before bed, to undo a day of sitting.",
        steps=(_HIP_FLEXOR_HOLD, _TEN_SQUEEZES),
    ),
    BuiltinRoutine(
        slug="flare-up",
        name="Flare-up rescue",
        slot="any",
        phase=1,
        version=1,
        summary="Felt a tweak? Squeeze right away, wherever you are; add a round if you need it.",
        steps=(_TEN_SQUEEZES.model_copy(update={"rounds": 3, "prepare_s": 3}),),
    ),
    BuiltinRoutine(
        slug="hip-reset",
        name="Hip reset",
        slot="any",
        phase=2,
        version=1,
        summary="Release, mobilise, activate, integrate: four steps for tight, weak hips.",
        steps=tuple(
            _DEFAULT[slug]
            for slug in (
                "front-hip-foam-roll",
                "hip-flexor-rocks",
                "wall-march",
                "lunge-forward-back",
            )
        ),
    ),
    BuiltinRoutine(
        slug="bridge-builder",
        name="Bridge builder",
        slot="any",
        phase=2,
        version=1,
        summary="Strength days: bridges first, then feet raised, then the hip thrust.",
        steps=(_DEFAULT["glute-bridge"],),
    ),
    BuiltinRoutine(
        slug="hinge",
        name="Hinge",
        slot="any",
        phase=3,
        version=1,
        summary="Learn the kettlebell sumo deadlift in six steps, one a screen, at your own pace.",
        steps=_learn(_DEADLIFT.slug, _DEADLIFT.learn_steps),
    ),
)

BRIDGE_PROGRESSION: tuple[str, ...] = ("glute-bridge", "feet-elevated-bridge", "hip-thrust")
