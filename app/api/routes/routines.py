"""Routines: the built-ins and a person's own, with their compiled timelines."""

import base64
import hashlib
from functools import cache
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response

from app.api.deps import CurrentAccount, OptionalAccount
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem, field_error, invalid
from app.domain.routine_draft import RoutineDraft
from app.domain.steps import SLUG_PATTERN
from app.schemas.common import MAX_INT, PROBLEM_RESPONSES, Page
from app.schemas.routines import RoutineDetail, RoutineOut, RoutineView, progression_out
from app.stores.routines import (
    NoSlug,
    SlugTaken,
    builtin_detail,
    builtin_summaries,
    create_routine,
    delete_routine,
    find_routine,
    is_builtin,
    own_summaries,
    preview,
    update_routine,
)

router = APIRouter(tags=["routines"], responses=PROBLEM_RESPONSES)


SlugPath = Annotated[str, Path(max_length=60, pattern=SLUG_PATTERN, examples=["morning"])]


@router.get("/routines", summary="Routines you can play")
def list_routines(
    session: ReadSession,
    account: OptionalAccount,
    cursor: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[RoutineOut]:
    """The built-in routines and, when signed in, your own; each with its steps and total time."""
    items = builtin_summaries()
    if account is not None:
        assert account.id is not None
        items += own_summaries(session, account.id)
    start = _offset(cursor)
    end = start + limit
    return Page(items=items[start:end], next_cursor=_cursor(end) if end < len(items) else None)


@router.get("/routines/{slug}", summary="One routine with its timeline", response_model=RoutineView)
def get_routine(
    slug: SlugPath,
    session: ReadSession,
    account: OptionalAccount,
    response: Response,
    if_none_match: Annotated[str | None, Header(include_in_schema=False)] = None,
    version: Annotated[
        int | None, Query(ge=1, le=MAX_INT, description="An older version of your own.")
    ] = None,
) -> RoutineView | Response:
    """A routine and the flat timeline the player plays, compiled from its steps.

    `version` replays the routine as it was when a completion was logged.
    """
    if version is None and is_builtin(slug):
        body, etag = _builtin_json(slug)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if if_none_match == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)
    detail = find_routine(session, account.id if account else None, slug, version)
    if detail is None:
        which = f" at version {version}" if version is not None else ""
        raise Problem(404, f"No routine is called '{slug}'{which}.")
    if not detail.builtin:
        response.headers["Cache-Control"] = "private, no-cache"
    return _view(detail)


@router.post("/routines/preview", summary="Compile a routine without saving it")
def preview_routine(draft: RoutineDraft) -> RoutineView:
    """Validates the steps and answers the timeline and total time they would play."""
    return _view(preview(draft))


@router.post("/routines", status_code=201, summary="Create your own routine")
def post_routine(
    draft: RoutineDraft, session: WriteSession, account: CurrentAccount, response: Response
) -> RoutineView:
    """Saves a routine made of library exercises as version 1; its slug comes from the name."""
    assert account.id is not None
    try:
        detail = create_routine(session, account.id, draft)
    except NoSlug as exc:
        raise _invalid("name", "needs a letter or digit to make the routine's address") from exc
    except SlugTaken as exc:
        raise Problem(
            409,
            f"The address '{exc}' is taken by a built-in or another of your routines; "
            "choose another name or slug.",
        ) from exc
    response.headers["Location"] = f"/api/v1/routines/{detail.slug}"
    return _view(detail)


@router.put("/routines/{slug}", summary="Edit your own routine")
def put_routine(
    slug: SlugPath, draft: RoutineDraft, session: WriteSession, account: CurrentAccount
) -> RoutineView:
    """Saves new steps as the next version; older versions stay retrievable with `?version=`."""
    _refuse_builtin(slug, "edited; copy it into a routine of your own instead")
    if draft.slug is not None and draft.slug != slug:
        raise _invalid("slug", "cannot change; create a new routine instead")
    assert account.id is not None
    try:
        detail = update_routine(session, account.id, slug, draft)
    except SlugTaken as exc:
        raise Problem(409, "The routine was changed at the same moment; try again.") from exc
    if detail is None:
        raise Problem(404, f"No routine is called '{slug}'.")
    return _view(detail)


@router.delete("/routines/{slug}", status_code=204, summary="Delete your own routine")
def remove_routine(slug: SlugPath, session: WriteSession, account: CurrentAccount) -> Response:
    """Removes it from your routines; completions logged with it keep their history."""
    _refuse_builtin(slug, "deleted")
    assert account.id is not None
    if not delete_routine(session, account.id, slug):
        raise Problem(404, f"No routine is called '{slug}'.")
    return Response(status_code=204)


@cache
def _builtin_json(slug: str) -> tuple[bytes, str]:
    # A built-in never changes within a release: serialise it once, not on every request.
    detail = builtin_detail(slug)
    assert detail is not None
    body = _view(detail).model_dump_json(by_alias=True).encode()
    return body, f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def _view(detail: RoutineDetail) -> RoutineView:
    progression = progression_out(detail)
    return RoutineView.model_validate({**detail.model_dump(), "progression": progression})


def _refuse_builtin(slug: str, what: str) -> None:
    if is_builtin(slug):
        raise Problem(403, f"'{slug}' ships with Squeeze and cannot be {what}.")


def _invalid(field: str, detail: str) -> Problem:
    return invalid([field_error(("body", field), f"The {field} {detail}.")])


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"routines:{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix == "routines" and number.isdigit():
            return int(number)
    except ValueError:  # not base64, not ASCII, not UTF-8 (binascii.Error is a ValueError)
        pass
    raise Problem(400, "This cursor is not one the routines list gave out.")
