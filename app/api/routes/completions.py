"""Completions: the log of runs, one URL per run, written idempotently by the devices."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from app.api.deps import CurrentAccount, lock_account
from app.core.clock import Now
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem, field_error, invalid
from app.core.security import cursor_key
from app.domain.cursor import seal, unseal
from app.domain.merge import Outcome
from app.models import RUN_ID_PATTERN, Account
from app.schemas.common import PROBLEM_RESPONSES, Day, Page
from app.schemas.completions import CompletionOut, CompletionPut, broken_rules, completion_out
from app.stores import completions as store

router = APIRouter(tags=["completions"], responses=PROBLEM_RESPONSES)
RunIdPath = Annotated[
    str,
    Path(
        pattern=RUN_ID_PATTERN,
        min_length=36,
        max_length=36,
        examples=["9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77"],
    ),
]
LIST_CURSOR = "completions"
BAD_CURSOR = "This cursor is not one this account was given."


def _not_found(run_id: str) -> Problem:
    return Problem(404, f"This account has no completion {run_id}.")


@router.put(
    "/completions/{run_id}",
    summary="Store a run (idempotent)",
    responses={201: {"model": CompletionOut, "description": "Created"}},
)
def put_completion(
    run_id: RunIdPath,
    body: CompletionPut,
    account: CurrentAccount,
    session: WriteSession,
    response: Response,
    now: Now,
) -> CompletionOut:
    """Creates the run (201) or merges it into the stored one (200): the later `modified_at`
    wins, a tie keeps the stored version. The answer is the version the server keeps."""
    if body.id is not None and body.id != run_id:
        raise invalid([field_error(("body", "id"), "differs from the URL's id")], "completion")
    run = body.model_copy(update={"id": run_id})
    errors = broken_rules(run, now)
    if errors:
        raise invalid(errors, "completion")
    assert account.id is not None
    [written] = store.write(session, lock_account(session, account.id), [run])
    result = completion_out(written.row)
    session.commit()
    response.status_code = 201 if written.outcome is Outcome.CREATE else 200
    return result


def _position(account: Account, cursor: str | None) -> tuple[date, datetime, str] | None:
    if cursor is None:
        return None
    position = unseal(cursor_key(account), LIST_CURSOR, cursor)
    try:
        day, started, run_id = position  # type: ignore[misc]
        parsed = (date.fromisoformat(day), datetime.fromisoformat(started), str(run_id))
    except (TypeError, ValueError):
        raise Problem(400, BAD_CURSOR) from None
    if parsed[1].tzinfo is None:
        raise Problem(400, BAD_CURSOR)
    return parsed


@router.get("/completions", summary="Runs by local date, newest first")
def list_completions(
    account: CurrentAccount,
    session: ReadSession,
    start: Annotated[Day | None, Query(alias="from", description="First local date.")] = None,
    end: Annotated[Day | None, Query(alias="to", description="Last local date.")] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[CompletionOut]:
    """Runs (not deleted ones) whose local date lies between `from` and `to`, both included."""
    if start and end and start > end:
        raise invalid([field_error(("query", "from"), "is after to")])
    assert account.id is not None
    after = _position(account, cursor)
    rows = store.by_local_date(session, account.id, start, end, after, limit + 1)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        position = [last.local_date.isoformat(), last.started_at.isoformat(), last.id]
        next_cursor = seal(cursor_key(account), LIST_CURSOR, position)
    return Page(items=[completion_out(row) for row in rows], next_cursor=next_cursor)


@router.get("/completions/{run_id}", summary="One run (deleted ones too)")
def get_completion(
    run_id: RunIdPath, account: CurrentAccount, session: ReadSession
) -> CompletionOut:
    """The run as stored; a deleted run answers its tombstone (`deleted: true`)."""
    assert account.id is not None
    row = store.one(session, account.id, run_id)
    if row is None:
        raise _not_found(run_id)
    return completion_out(row)


@router.delete("/completions/{run_id}", status_code=204, summary="Delete a run")
def delete_completion(
    run_id: RunIdPath, account: CurrentAccount, session: WriteSession, now: Now
) -> Response:
    """Keeps a tombstone without the run's pain scores and notes, so other devices learn of it."""
    assert account.id is not None
    locked = lock_account(session, account.id)
    row = store.one(session, account.id, run_id)
    if row is None:
        raise _not_found(run_id)
    if not row.deleted:
        store.delete(session, locked, row, now)
        session.commit()
    return Response(status_code=204)
