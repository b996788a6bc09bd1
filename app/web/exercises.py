"""The exercise pages: `/exercises`, the library, and `/exercises/{slug}`, how to do one."""

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from app.content import AVOID, EXERCISES
from app.domain.steps import SLUG_PATTERN
from app.web.how_to import how_to
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

Slug = Annotated[str, Path(max_length=60, pattern=SLUG_PATTERN)]


@router.get("/exercises", response_class=HTMLResponse)
def exercise_list(request: Request) -> HTMLResponse:
    """Every exercise of the library, by phase, each linking to its page."""
    context = {"exercises": EXERCISES}
    return templates.TemplateResponse(request, "exercises.html", context)


@router.get("/exercises/{slug}", response_class=HTMLResponse)
def exercise_page(request: Request, slug: Slug) -> HTMLResponse:
    """One exercise: its drawing, dose, three key cues, phase, what to avoid and its sources."""
    found = how_to(slug)
    if found is None:
        missing = {"title": "Not found", "message": f"No exercise is called “{slug}”."}
        return templates.TemplateResponse(request, "missing.html", missing, status_code=404)
    # What opens in the same phase as this exercise says why the exercise waits for it.
    waits = [a for a in AVOID if a.until_phase == found.exercise.phase]
    context = {"how": found, "waits": waits}
    return templates.TemplateResponse(request, "exercise.html", context)
