"""The exercise library."""

from fastapi import APIRouter

from app.content import EXERCISES
from app.schemas.common import Page
from app.schemas.routines import ExerciseOut

router = APIRouter(tags=["exercises"])


@router.get("/exercises", summary="The exercise library")
def list_exercises() -> Page[ExerciseOut]:
    """Every exercise with its dose, phase, cues and the source articles behind them."""
    items = [
        ExerciseOut(
            slug=e.slug,
            name=e.name,
            summary=e.summary,
            cues=list(e.cues),
            dose=e.dose,
            phase=e.phase,
            sources=list(e.sources),
        )
        for e in EXERCISES
    ]
    return Page(items=items)
