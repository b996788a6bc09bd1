"""The exercise library."""

from fastapi import APIRouter

from app.content import EXERCISES, Exercise
from app.content.illustrations import ALT_TEXT, illustration_url
from app.content.sources import SOURCE_TITLES
from app.schemas.common import Page
from app.schemas.routines import ArticleOut, ExerciseOut

router = APIRouter(tags=["exercises"])


@router.get("/exercises", summary="The exercise library")
def list_exercises() -> Page[ExerciseOut]:
    """Every exercise with its dose, phase, three key cues, drawing, default step and sources."""
    return Page(items=[exercise_out(e) for e in EXERCISES])


def exercise_out(e: Exercise) -> ExerciseOut:
    """An exercise as the API shows it."""
    return ExerciseOut(
        slug=e.slug,
        name=e.name,
        summary=e.summary,
        cues=list(e.cues),
        dose=e.dose,
        phase=e.phase,
        sources=list(e.sources),
        articles=[ArticleOut(file=f, title=SOURCE_TITLES[f]) for f in e.sources],
        avoid=e.avoid,
        illustration=illustration_url(e.slug),
        alt=ALT_TEXT[e.slug],
        default_step=e.default_step,
        learn_steps=list(e.learn_steps),
    )
