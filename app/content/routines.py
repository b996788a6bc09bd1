"""The built-in routines, with the protocol's exact doses. Bump `version` whenever steps change."""

from dataclasses import dataclass
from typing import Literal

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


_HIP_FLEXOR_HOLD = Step(
    exercise="kneeling-hip-flexor-glute-stretch",
    mode="timed",
    work_s=30,
    sides="both",
    prepare_s=5,
)
_TEN_SQUEEZES = Step(
    exercise="booty-flex", mode="timed", work_s=7, rest_s=3, rounds=10, prepare_s=5
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
        steps=(
            Step(exercise="booty-flex", mode="timed", work_s=7, rest_s=3, rounds=3, prepare_s=3),
        ),
    ),
    BuiltinRoutine(
        slug="hip-reset",
        name="Hip reset",
        slot="any",
        phase=2,
        version=1,
        summary="Release, mobilise, activate, integrate: four steps for tight, weak hips.",
        steps=(
            Step(
                exercise="front-hip-foam-roll",
                mode="timed",
                work_s=30,
                rest_s=5,
                rounds=4,
                prepare_s=10,
            ),
            Step(
                exercise="hip-flexor-rocks",
                mode="paced",
                reps=12,
                cadence_s=2,
                sets=2,
                sides="both",
                set_rest_s=30,
                prepare_s=5,
            ),
            Step(
                exercise="wall-march",
                mode="paced",
                reps=10,
                cadence_s=2,
                sets=2,
                sides="both",
                set_rest_s=30,
                prepare_s=5,
            ),
            Step(
                exercise="lunge-forward-back",
                mode="paced",
                reps=8,
                cadence_s=4,
                sets=2,
                sides="both",
                set_rest_s=30,
                prepare_s=5,
            ),
        ),
    ),
    BuiltinRoutine(
        slug="bridge-builder",
        name="Bridge builder",
        slot="any",
        phase=1,
        version=1,
        summary="Strength days: bridges first, then feet raised, then the hip thrust.",
        steps=(
            Step(
                exercise="glute-bridge",
                mode="self_paced",
                reps=10,
                sets=3,
                set_rest_s=45,
                prepare_s=5,
            ),
        ),
    ),
)

BRIDGE_PROGRESSION: tuple[str, ...] = ("glute-bridge", "feet-elevated-bridge", "hip-thrust")
