"""Response and request models shared by several routers."""

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.domain.steps import Step
from app.domain.timeline import Segment

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of a list; `next_cursor` is opaque and null on the last page."""

    items: list[T]
    next_cursor: str | None = None


class ProblemOut(BaseModel):
    """An RFC 9457 problem."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "No routine is called 'sunrise'.",
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


class ExerciseOut(BaseModel):
    """An exercise of the library."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "booty-flex",
                    "name": "Booty flex",
                    "summary": "A hard glute squeeze that switches tight hip flexors down.",
                    "cues": ["Squeeze both glutes as hard as you can."],
                    "dose": "10 rounds: squeeze 7 s, relax 3 s",
                    "phase": 1,
                    "sources": ["001_71a735e8c5f17c98.txt"],
                }
            ]
        }
    )

    slug: str
    name: str
    summary: str
    cues: list[str]
    dose: str
    phase: int = Field(ge=1, le=3)
    sources: list[str]


class RoutineOut(BaseModel):
    """A routine without its timeline."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "flare-up",
                    "name": "Flare-up rescue",
                    "slot": "any",
                    "phase": 1,
                    "version": 1,
                    "duration_s": 30,
                    "builtin": True,
                    "summary": "Felt a tweak? Squeeze right away.",
                    "steps": [
                        {
                            "exercise": "booty-flex",
                            "mode": "timed",
                            "work_s": 7,
                            "rest_s": 3,
                            "rounds": 3,
                            "prepare_s": 3,
                        }
                    ],
                }
            ]
        }
    )

    slug: str
    name: str
    slot: str
    phase: int
    version: int
    duration_s: int
    builtin: bool
    summary: str = ""
    steps: list[Step]


class RoutineDetail(RoutineOut):
    """A routine with the timeline compiled from its steps."""

    timeline: list[Segment]


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ProblemOut, "content": {"application/problem+json": {}}}
    for status in (400, 401, 403, 404, 409, 413, 422, 429)
}
