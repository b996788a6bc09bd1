"""Sync: a device pushes its changed runs and pulls everything changed since its cursor."""

from fastapi import APIRouter

from app.api.deps import CurrentAccount, account_row, lock_account
from app.core.clock import Now
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem
from app.core.security import cursor_key
from app.domain.cursor import seal, unseal
from app.models import Account
from app.schemas.common import PROBLEM_RESPONSES
from app.schemas.completions import (
    CompletionIn,
    CompletionOut,
    Rejected,
    SyncIn,
    SyncOut,
    checked_push,
    completion_out,
)
from app.stores import completions as store

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


@router.post("/sync", summary="Push changed runs, pull what changed elsewhere")
def sync(
    body: SyncIn, account: CurrentAccount, reader: ReadSession, writer: WriteSession, now: Now
) -> SyncOut:
    """Stores each valid pushed run (later `modified_at` wins; a tie keeps the stored one) and
    answers every run of the account changed since `cursor`, at most 500 at a time (`more: true`
    asks for another call with the new cursor). A bad record is rejected alone, with its problem.
    Replaying a push changes nothing."""
    assert account.id is not None
    since = _since(account, body.cursor)
    runs: list[CompletionIn] = []
    rejected: list[Rejected] = []
    for item in body.push:
        checked = checked_push(item, now)
        if isinstance(checked, Rejected):
            rejected.append(checked)
        else:
            runs.append(checked)
    stale: dict[str, CompletionOut] = {}
    if runs:
        # The write lock is held for the merge alone; the pull below reads what was committed.
        locked = lock_account(writer, account.id)
        _check_cursor(since, locked)
        written = store.write(writer, locked, runs)
        stale = {w.row.id: completion_out(w.row) for w in written if w.client_is_stale}
        writer.commit()
    else:
        # A pull alone writes nothing, so it takes no write lock and never queues behind pushes.
        _check_cursor(since, account_row(reader, account.id))
    page = store.changes_since(reader, account.id, since, PULL_LIMIT + 1)
    more = len(page) > PULL_LIMIT
    page = page[:PULL_LIMIT]
    next_seq = page[-1].seq if page else since
    # A device whose push lost to a newer stored version gets that version now, whatever its cursor.
    for row in page:
        stale.pop(row.id, None)
    return SyncOut(
        cursor=seal(cursor_key(account), SYNC_CURSOR, next_seq),
        pull=[*(completion_out(row) for row in page), *stale.values()],
        accepted=list(dict.fromkeys(run.id for run in runs)),
        rejected=rejected,
        more=more,
    )


def _check_cursor(since: int, account: Account) -> None:
    if since > account.last_seq:
        raise Problem(400, BAD_CURSOR)
