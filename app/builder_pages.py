"""The custom routine builder: `/routines/new` (optionally a copy) and `/routines/{slug}/edit`."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.api.routines import LevelOut, progression_out
from app.catalog import builtin_summaries, is_builtin
from app.content import EXERCISES
from app.domain.routine_draft import RESERVED_SLUGS
from app.domain.steps import MAX_STEPS, SLUG_PATTERN
from app.pages import templates
from app.schemas import RoutineOut

router = APIRouter(include_in_schema=False)

Slug = Annotated[str, Path(max_length=60, pattern=SLUG_PATTERN)]


def bridge_level(routine: RoutineOut) -> LevelOut | None:
    """Where a routine stands on the bridge ladder, for `_make_your_own.html`."""
    return progression_out(routine)


# Any page that shows a routine can include `_make_your_own.html`, which asks for this.
templates.env.globals["bridge_level"] = bridge_level


@router.get("/routines/new", response_class=HTMLResponse)
def new_routine(
    request: Request, copy: Annotated[str | None, Query(max_length=60)] = None
) -> HTMLResponse:
    """An empty builder, or one prefilled from `copy` (a built-in or one of your own)."""
    return _builder(request, editing=None, copy=copy)


@router.get("/routines/{slug}/edit", response_class=HTMLResponse)
def edit_routine(request: Request, slug: Slug) -> Response:
    """The builder on one of your own routines; a built-in opens as a copy instead."""
    if is_builtin(slug):
        return RedirectResponse(f"/routines/new?copy={slug}", status_code=303)
    return _builder(request, editing=slug, copy=None)


def _builder(request: Request, editing: str | None, copy: str | None) -> HTMLResponse:
    context = {
        "editing": editing,
        "copy": copy if copy and copy not in RESERVED_SLUGS else None,
        "exercises": EXERCISES,
        "builtins": builtin_summaries(),
        "max_steps": MAX_STEPS,
    }
    return templates.TemplateResponse(request, "builder.html", context)
