"""The protocol Squeeze guides: exercises, built-in routines, phases and safety, in one place."""

from app.content.guidance import AVOID, CUE_HELP, PHASES, SAFETY, WHY, Avoid, CueHelp, Phase
from app.content.library import EXERCISE_NAMES, EXERCISES, EXERCISES_BY_SLUG, Exercise
from app.content.routines import ROUTINES, BuiltinRoutine

__all__ = [
    "AVOID",
    "CUE_HELP",
    "EXERCISES",
    "EXERCISES_BY_SLUG",
    "EXERCISE_NAMES",
    "PHASES",
    "ROUTINES",
    "SAFETY",
    "WHY",
    "Avoid",
    "BuiltinRoutine",
    "CueHelp",
    "Exercise",
    "Phase",
]
