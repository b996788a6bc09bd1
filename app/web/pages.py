"""HTML screens, rendered on the server from Jinja2 templates."""

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from app.content import SAFETY, WHY
from app.domain.steps import SLUG_PATTERN, Step
from app.stores.routines import builtin_detail, builtin_summaries
from app.web.how_to import how_to
from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The home screen: today's routine first (the device's clock decides), the others below."""
    return templates.TemplateResponse(request, "home.html", {"routines": builtin_summaries()})


@router.get("/routines/{slug}", response_class=HTMLResponse)
def routine_page(
    request: Request, slug: str = Path(max_length=60, pattern=SLUG_PATTERN)
) -> HTMLResponse:
    """A routine's steps with their drawings, doses, cues and sources, and the safety notice."""
    detail = builtin_detail(slug)
    if detail is None:
        missing = {"title": "Not found", "message": f"No routine is called “{slug}”."}
        return templates.TemplateResponse(request, "missing.html", missing, status_code=404)
    steps = [(how_to(s.exercise), describe_step(s)) for s in detail.steps]
    context: dict[str, Any] = {"routine": detail, "steps": steps, "safety": SAFETY, "why": WHY}
    return templates.TemplateResponse(request, "routine.html", context)


@router.get("/play/{slug}", response_class=HTMLResponse)
def player_page(request: Request, slug: str = Path(max_length=60)) -> HTMLResponse:
    """The player; the same page for every slug, so one cached copy plays any routine offline."""
    del slug  # the page's script reads it from the address
    return templates.TemplateResponse(request, "play.html", {"safety": SAFETY})


def describe_step(step: Step) -> str:
    """A step's dose in a few words, e.g. "10 rounds: 7 s work, 3 s rest"."""
    if step.cue:
        return f"{step.cue} Tap Done when you have it."
    if step.mode == "timed":
        if step.rounds == 1:
            dose = f"hold {step.work_s} s"
        else:
            rest = f", {step.rest_s} s rest" if step.rest_s else ""
            dose = f"{step.rounds} rounds: {step.work_s} s work{rest}"
        if step.sets > 1:
            dose = f"{step.sets} sets, each {dose}"
    else:
        pace = f"one every {step.cadence_s} s" if step.mode == "paced" else "at your own pace"
        dose = f"{_count(step.sets, 'set')} of {step.reps} reps, {pace}"
    if step.sides == "both":
        dose += ", each side"
    if step.sets > 1 and step.set_rest_s:
        dose += f"; {step.set_rest_s} s rest between sets"
    return dose


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
