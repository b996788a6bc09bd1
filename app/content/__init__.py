"""The protocol Squeeze guides: exercises, built-in routines, phases and safety, in one place."""

from app.content.guidance import AVOID, PHASES, SAFETY, WHY, Avoid, Phase
from app.content.library import EXERCISE_NAMES, EXERCISES, Exercise
from app.content.routines import ROUTINES, BuiltinRoutine

__all__ = [
    "AVOID",
    "EXERCISES",
    "EXERCISE_NAMES",
    "PHASES",
    "ROUTINES",
    "SAFETY",
    "WHY",
    "Avoid",
    "BuiltinRoutine",
    "Exercise",
    "Phase",
]
