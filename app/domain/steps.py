"""A routine step: what a person does, how long or how many times, on which sides."""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Mode = Literal["timed", "paced", "self_paced"]
Sides = Literal["none", "both"]
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_STEPS = 30
MAX_CUE = 160


class Step(BaseModel):
    """One step of a routine, as the API and the content both write it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,  # a JSON number as sent, never a string or a boolean turned into one
        json_schema_extra={
            "examples": [
                {"exercise": "booty-flex", "mode": "timed", "work_s": 7, "rest_s": 3, "rounds": 10},
                {
                    "exercise": "wall-march",
                    "mode": "paced",
                    "reps": 10,
                    "cadence_s": 2,
                    "sets": 2,
                    "sides": "both",
                    "set_rest_s": 30,
                },
            ]
        },
    )

    exercise: str = Field(pattern=SLUG_PATTERN, max_length=60, description="An exercise slug.")
    mode: Mode = Field(description="timed: a timer; paced: reps at a cadence; self_paced: tap.")
    work_s: int | None = Field(default=None, ge=1, le=900, description="Seconds of work a round.")
    rest_s: int = Field(default=0, ge=0, le=900, description="Seconds of rest between rounds.")
    rounds: int = Field(default=1, ge=1, le=100, description="Rounds of a timed step.")
    sets: int = Field(default=1, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100, description="Reps a set (each side).")
    cadence_s: int | None = Field(default=None, ge=1, le=60, description="Seconds a paced rep.")
    sides: Sides = Field(default="none", description="both: left, then a switch, then right.")
    set_rest_s: int = Field(default=0, ge=0, le=900, description="Seconds of rest between sets.")
    prepare_s: int = Field(default=0, ge=0, le=60, description="Seconds to get into position.")
    switch_s: int = Field(default=5, ge=1, le=60, description="Seconds to change sides.")
    cue: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_CUE,
        description="Reps only: what the player shows instead of the dose, e.g. one step of a "
        "lift learned one step a screen.",
    )

    @model_validator(mode="after")
    def _has_its_dose(self) -> Self:
        if self.mode == "timed" and self.work_s is None:
            raise ValueError("a timed step needs work_s")
        if self.mode == "paced" and (self.reps is None or self.cadence_s is None):
            raise ValueError("a paced step needs reps and cadence_s")
        if self.mode == "self_paced" and self.reps is None:
            raise ValueError("a self-paced step needs reps")
        return self
