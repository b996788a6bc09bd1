"""Completions in the database: locked writes that stamp the account's change counter, and reads.

Every write happens under the account row's lock (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's
IMMEDIATE transaction holds the whole database), bumps `account.last_seq` and stamps the row's
`seq`. So the `seq` values of one account commit in order, and a pull by `seq > cursor` never
skips one.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, and_, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.core.problems import Problem
from app.domain.completion_rules import Run
from app.domain.merge import Outcome, decide, differs
from app.domain.zones import in_zone
from app.models import Account, Completion
from app.schemas.completions import CompletionOut

RUN_FIELDS = (
    "routine",
    "routine_version",
    "started_at",
    "finished_at",
    "timezone",
    "steps_done",
    "steps_total",
    "pain_before",
    "pain_after",
    "notes",
    "modified_at",
    "deleted",
)


@dataclass(frozen=True)
class Written:
    """What became of one pushed run: its outcome, and the version the server now keeps."""

    outcome: Outcome
    row: Completion
    client_is_stale: bool  # the device holds a version other than the kept one


def lock_account(session: Session, account_id: int) -> Account:
    """The account row, locked for this transaction."""
    return _account(session, select(Account).where(Account.id == account_id).with_for_update())


def account_row(session: Session, account_id: int) -> Account:
    """The account row as this transaction sees it, without a lock (for reads)."""
    return _account(session, select(Account).where(Account.id == account_id))


def _account(session: Session, query: SelectOfScalar[Account]) -> Account:
    account = session.exec(query).one_or_none()
    if account is None:
        raise Problem(401, "This account no longer exists.", headers={"WWW-Authenticate": "Bearer"})
    return account


def run_of(row: Completion) -> Run:
    """The domain value of a stored row."""
    return Run(id=row.id, **{name: getattr(row, name) for name in RUN_FIELDS})


def out(row: Completion | Row[Any]) -> CompletionOut:
    """A stored row as the API shows it: times in the run's own zone."""
    values = {name: getattr(row, name) for name in RUN_FIELDS}
    for name in ("started_at", "finished_at", "modified_at"):
        values[name] = in_zone(values[name], row.timezone)
    return CompletionOut(id=row.id, local_date=row.local_date, seq=row.seq, **values)


def stored(session: Session, account_id: int, ids: Iterable[str]) -> dict[str, Completion]:
    """The stored rows of `ids` in this account, by id."""
    wanted = sorted(set(ids))
    found: dict[str, Completion] = {}
    for start in range(0, len(wanted), 500):
        rows = session.exec(
            select(Completion).where(
                Completion.account_id == account_id,
                col(Completion.id).in_(wanted[start : start + 500]),
            )
        ).all()
        found.update({row.id: row for row in rows})
    return found


def write(session: Session, account: Account, runs: Sequence[Run]) -> list[Written]:
    """Merges `runs` into the locked `account`'s completions; flushes, does not commit."""
    assert account.id is not None
    rows = stored(session, account.id, (run.id for run in runs))
    results = []
    for run in runs:
        row = rows.get(run.id)
        outcome = decide(run_of(row) if row else None, run)
        if outcome is Outcome.KEEP:
            assert row is not None
            results.append(Written(outcome, row, differs(run_of(row), run)))
            continue
        account.last_seq += 1
        values = {name: getattr(run, name) for name in RUN_FIELDS}
        if row is None:
            row = Completion(
                account_id=account.id, id=run.id, local_date=run.local_date, seq=0, **values
            )
            session.add(row)
            rows[run.id] = row
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.local_date = run.local_date
        row.seq = account.last_seq
        results.append(Written(outcome, row, False))
    session.add(account)
    session.flush()
    return results


def changes_since(session: Session, account_id: int, seq: int, limit: int) -> Sequence[Row[Any]]:
    """Up to `limit` rows changed after `seq`, oldest change first (tombstones too)."""
    # Plain rows, not ORM objects: a pull only reads them, and building 500 tracked instances
    # was the largest cost of a sync (see benchmarks/README.md).
    table = Completion.__table__  # type: ignore[attr-defined]
    return (
        session.connection()
        .execute(
            sa_select(table)
            .where(table.c.account_id == account_id, table.c.seq > seq)
            .order_by(table.c.seq)
            .limit(limit)
        )
        .all()
    )


def by_local_date(
    session: Session,
    account_id: int,
    start: date | None,
    end: date | None,
    after: tuple[date, datetime, str] | None,
    limit: int,
) -> list[Completion]:
    """Live runs between `start` and `end`, newest first, after the keyset position `after`."""
    query = select(Completion).where(
        Completion.account_id == account_id, col(Completion.deleted).is_(False)
    )
    if start:
        query = query.where(Completion.local_date >= start)
    if end:
        query = query.where(Completion.local_date <= end)
    if after:
        day, started, run_id = after
        query = query.where(
            or_(
                col(Completion.local_date) < day,
                and_(col(Completion.local_date) == day, col(Completion.started_at) < started),
                and_(
                    col(Completion.local_date) == day,
                    col(Completion.started_at) == started,
                    col(Completion.id) < run_id,
                ),
            )
        )
    query = query.order_by(
        col(Completion.local_date).desc(),
        col(Completion.started_at).desc(),
        col(Completion.id).desc(),
    )
    return list(session.exec(query.limit(limit)).all())
