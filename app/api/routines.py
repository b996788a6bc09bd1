"""Routines: the built-ins (and, later, a person's own)."""

from fastapi import APIRouter, Path

from app.catalog import builtin_detail, builtin_summaries
from app.domain.steps import SLUG_PATTERN
from app.problems import Problem
from app.schemas import PROBLEM_RESPONSES, Page, RoutineDetail, RoutineOut

router = APIRouter(prefix="/api/v1", tags=["routines"], responses=PROBLEM_RESPONSES)


@router.get("/routines", summary="Routines you can play")
def list_routines() -> Page[RoutineOut]:
    """The built-in routines, each with its steps and total time."""
    return Page(items=builtin_summaries())


@router.get("/routines/{slug}", summary="One routine with its timeline")
def get_routine(
    slug: str = Path(max_length=60, pattern=SLUG_PATTERN, examples=["morning"]),
) -> RoutineDetail:
    """A routine and the flat timeline the player plays, compiled from its steps."""
    detail = builtin_detail(slug)
    if detail is None:
        raise Problem(404, f"No routine is called '{slug}'.")
    return detail
