"""Sync: a device pushes its changed runs and pulls everything changed since its cursor."""

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import ValidationError

from app.api.routes.completions import invalid
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem, problem_body, validation_errors
from app.core.security import CurrentAccount, cursor_key
from app.domain.completion_rules import Run, run_errors
from app.domain.cursor import seal, unseal
from app.models import Account, utcnow
from app.schemas.common import PROBLEM_RESPONSES
from app.schemas.completions import CompletionIn, CompletionOut, Rejected, SyncIn, SyncOut
from app.stores.completions import account_row, changes_since, lock_account, out, write

router = APIRouter(tags=["completions"], responses=PROBLEM_RESPONSES)
PULL_LIMIT = 500
SYNC_CURSOR = "sync"
BAD_CURSOR = "This cursor is not one this account was given; sync again with cursor null."


def _since(account: Account, cursor: str | None) -> int:
    if cursor is None:
        return 0
    seq = unseal(cursor_key(account), SYNC_CURSOR, cursor)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise Problem(400, BAD_CURSOR)
    return seq


def checked_run(item: Any, now: datetime) -> Run | Rejected:
    """A pushed item as a valid run, or its rejection with the problem (never an exception)."""
    raw_id = item.get("id") if isinstance(item, dict) else None
    shown_id = raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else None
    try:
        run = CompletionIn.model_validate(item).run()
    except ValidationError as error:
        problem = invalid(validation_errors(error.errors()))
        return Rejected(id=shown_id, problem=_as_body(problem))
    errors = run_errors(run, now)
    if errors:
        return Rejected(id=shown_id, problem=_as_body(invalid(errors)))
    return run


def _as_body(problem: Problem) -> dict[str, Any]:
    return problem_body(
        problem.status, problem.detail, title=problem.title, type_=problem.type_, **problem.extra
    )


@router.post("/sync", summary="Push changed runs, pull what changed elsewhere")
def sync(
    body: SyncIn, account: CurrentAccount, reader: ReadSession, writer: WriteSession
) -> SyncOut:
    """Stores each valid pushed run (later `modified_at` wins; a tie keeps the stored one) and
    answers every run of the account changed since `cursor`, at most 500 at a time (`more: true`
    asks for another call with the new cursor). A bad record is rejected alone, with its problem.
    Replaying a push changes nothing."""
    assert account.id is not None
    since = _since(account, body.cursor)
    now = utcnow()
    runs: list[Run] = []
    rejected: list[Rejected] = []
    for item in body.push:
        checked = checked_run(item, now)
        (rejected if isinstance(checked, Rejected) else runs).append(checked)  # type: ignore[arg-type]
    stale: dict[str, CompletionOut] = {}
    if runs:
        # The write lock is held for the merge alone; the pull below reads what was committed.
        locked = lock_account(writer, account.id)
        _check_cursor(since, locked)
        written = write(writer, locked, runs)
        stale = {w.row.id: out(w.row) for w in written if w.client_is_stale}
        writer.commit()
    else:
        # A pull alone writes nothing, so it takes no write lock and never queues behind pushes.
        _check_cursor(since, account_row(reader, account.id))
    page = changes_since(reader, account.id, since, PULL_LIMIT + 1)
    more = len(page) > PULL_LIMIT
    page = page[:PULL_LIMIT]
    next_seq = page[-1].seq if page else since
    # A device whose push lost to a newer stored version gets that version now, whatever its cursor.
    for row in page:
        stale.pop(row.id, None)
    return SyncOut(
        cursor=seal(cursor_key(account), SYNC_CURSOR, next_seq),
        pull=[*(out(row) for row in page), *stale.values()],
        accepted=list(dict.fromkeys(run.id for run in runs)),
        rejected=rejected,
        more=more,
    )


def _check_cursor(since: int, account: Account) -> None:
    if since > account.last_seq:
        raise Problem(400, BAD_CURSOR)
