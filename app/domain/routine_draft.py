"""A routine a person composes: its validation, its slug and its phase, before anything is saved."""

import re
import unicodedata
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator

from app.content import EXERCISE_NAMES, EXERCISES
from app.domain.steps import MAX_STEPS, SLUG_PATTERN, Step
from app.domain.text import Storable
from app.domain.timeline import compile_timeline, duration_s

# A completion longer than 6 h is refused, so a routine that long could never be logged; the
# segment cap keeps a 30-step routine of 100 rounds a side from compiling into a huge timeline.
MAX_ROUTINE_S = 6 * 3600
MAX_SEGMENTS = 2000
# Page paths live beside routine slugs (`/routines/new`), so these can never name a routine.
RESERVED_SLUGS = frozenset({"new", "preview"})

_PHASE_OF: Mapping[str, int] = {e.slug: e.phase for e in EXERCISES}


class DraftStep(Step):
    """A step as a person writes it: the exercise must be one of the library's."""

    @field_validator("exercise")
    @classmethod
    def _known(cls, slug: str) -> str:
        if slug not in EXERCISE_NAMES:
            raise ValueError(f"'{slug}' is not an exercise in the library")
        return slug


class RoutineDraft(BaseModel):
    """The body of `POST /routines`, `PUT /routines/{slug}` and `POST /routines/preview`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Desk break",
                    "slot": "any",
                    "steps": [
                        {
                            "exercise": "kneeling-hip-flexor-glute-stretch",
                            "mode": "timed",
                            "work_s": 30,
                            "sides": "both",
                            "prepare_s": 5,
                        },
                        {
                            "exercise": "glute-bridge",
                            "mode": "paced",
                            "reps": 10,
                            "cadence_s": 3,
                            "sets": 2,
                            "set_rest_s": 30,
                        },
                    ],
                }
            ]
        },
    )

    name: Annotated[str, Strict(), Field(min_length=1, max_length=80), Storable] = Field(
        description="What the routine is called."
    )
    slug: Annotated[str, Strict()] | None = Field(  # its pattern leaves no room for NUL
        default=None,
        max_length=60,
        pattern=SLUG_PATTERN,
        description="Its address; derived from the name when left out. Cannot change on edit.",
    )
    slot: Literal["morning", "evening", "any"] = "any"
    steps: list[DraftStep] = Field(min_length=1, max_length=MAX_STEPS)

    @field_validator("name")
    @classmethod
    def _not_blank(cls, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise ValueError("the name cannot be blank")
        return name

    @field_validator("steps")
    @classmethod
    def _playable(cls, steps: list[DraftStep]) -> list[DraftStep]:
        timeline = compile_timeline(steps, EXERCISE_NAMES)
        if len(timeline) > MAX_SEGMENTS:
            raise ValueError(
                f"the routine would play {len(timeline)} segments; at most {MAX_SEGMENTS}"
            )
        if duration_s(timeline) > MAX_ROUTINE_S:
            raise ValueError(f"the routine would last over {MAX_ROUTINE_S // 3600} hours")
        return steps


def slugify(name: str) -> str:
    """A slug for `name`: lower-case ASCII words joined by hyphens, at most 60 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    if not words:
        return ""
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > 60:
            break
        slug = candidate
    return slug or words[0][:60]


def routine_phase(steps: list[Step] | list[DraftStep]) -> int:
    """The phase a routine belongs to: that of its most advanced exercise."""
    return max(_PHASE_OF.get(step.exercise, 1) for step in steps)
