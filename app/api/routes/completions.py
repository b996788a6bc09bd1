"""Completions: the log of runs, one URL per run, written idempotently by the devices."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from sqlmodel import Session

from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem
from app.core.security import CurrentAccount, cursor_key
from app.domain.completion_rules import run_errors
from app.domain.cursor import seal, unseal
from app.domain.merge import Outcome, tombstoned
from app.models import Account, Completion, utcnow
from app.schemas.common import PROBLEM_RESPONSES, Page
from app.schemas.completions import ID_PATTERN, CompletionOut, CompletionPut
from app.stores.completions import by_local_date, lock_account, out, run_of, write

router = APIRouter(tags=["completions"], responses=PROBLEM_RESPONSES)
RunId = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        min_length=36,
        max_length=36,
        examples=["9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77"],
    ),
]
LIST_CURSOR = "completions"


def invalid(errors: list[dict[str, str]]) -> Problem:
    """A 422 problem naming each bad field."""
    return Problem(
        422,
        "The completion has invalid fields: " + ", ".join(e["field"] for e in errors),
        title="Invalid request",
        type_="/problems/validation",
        errors=errors,
    )


def _found(session: Session, account: Account, run_id: str) -> Completion:
    row = session.get(Completion, (account.id, run_id))
    if row is None:
        raise Problem(404, f"This account has no completion {run_id}.")
    return row


@router.put(
    "/completions/{run_id}",
    summary="Store a run (idempotent)",
    responses={201: {"model": CompletionOut, "description": "Created"}},
)
def put_completion(
    run_id: RunId,
    body: CompletionPut,
    account: CurrentAccount,
    session: WriteSession,
    response: Response,
) -> CompletionOut:
    """Creates the run (201) or merges it into the stored one (200): the later `modified_at`
    wins, a tie keeps the stored version. The answer is the version the server keeps."""
    if body.id is not None and body.id != run_id:
        raise invalid([{"pointer": "#/id", "field": "id", "detail": "differs from the URL's id"}])
    run = body.model_copy(update={"id": run_id}).run()
    errors = run_errors(run, utcnow())
    if errors:
        raise invalid(errors)
    assert account.id is not None
    [written] = write(session, lock_account(session, account.id), [run])
    result = out(written.row)
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
        raise Problem(400, "This cursor is not one this account was given.") from None
    if parsed[1].tzinfo is None:
        raise Problem(400, "This cursor is not one this account was given.")
    return parsed


@router.get("/completions", summary="Runs by local date, newest first")
def list_completions(
    account: CurrentAccount,
    session: ReadSession,
    start: Annotated[date | None, Query(alias="from", description="First local date.")] = None,
    end: Annotated[date | None, Query(alias="to", description="Last local date.")] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[CompletionOut]:
    """Runs (not deleted ones) whose local date lies between `from` and `to`, both included."""
    if start and end and start > end:
        raise invalid([{"pointer": "#/from", "field": "query.from", "detail": "is after to"}])
    assert account.id is not None
    after = _position(account, cursor)
    rows = by_local_date(session, account.id, start, end, after, limit + 1)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        position = [last.local_date.isoformat(), last.started_at.isoformat(), last.id]
        next_cursor = seal(cursor_key(account), LIST_CURSOR, position)
    return Page(items=[out(row) for row in rows], next_cursor=next_cursor)


@router.get("/completions/{run_id}", summary="One run (deleted ones too)")
def get_completion(run_id: RunId, account: CurrentAccount, session: ReadSession) -> CompletionOut:
    """The run as stored; a deleted run answers its tombstone (`deleted: true`)."""
    return out(_found(session, account, run_id))


@router.delete("/completions/{run_id}", status_code=204, summary="Delete a run")
def delete_completion(run_id: RunId, account: CurrentAccount, session: WriteSession) -> Response:
    """Keeps a tombstone without the run's pain scores and notes, so other devices learn of it."""
    assert account.id is not None
    locked = lock_account(session, account.id)
    row = _found(session, account, run_id)
    if not row.deleted:
        write(session, locked, [tombstoned(run_of(row), utcnow())])
        session.commit()
    return Response(status_code=204)
