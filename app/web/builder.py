"""The custom routine builder: `/routines/new` (optionally a copy) and `/routines/{slug}/edit`."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.content import EXERCISES
from app.domain.routine_draft import RESERVED_SLUGS
from app.domain.steps import SLUG_PATTERN
from app.stores.routines import builtin_summaries, is_builtin
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

Slug = Annotated[str, Path(max_length=60, pattern=SLUG_PATTERN)]


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
    }
    return templates.TemplateResponse(request, "builder.html", context)
