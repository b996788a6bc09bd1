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
from sqlalchemy import delete as sa_delete
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.domain.merge import Outcome, decide, scrubbed, tombstone
from app.domain.phases import RunForPhase
from app.domain.streaks import RunForStats
from app.domain.weeks import RunForWeeks
from app.domain.zones import local_date
from app.models import Account, Completion, CompletionBase, completion_values

_IN_CHUNK = 500  # ids per `IN (…)`, well under every database's parameter limit


@dataclass(frozen=True)
class Written:
    """What became of one pushed run: its outcome, and the version the server now keeps."""

    outcome: Outcome
    row: Completion
    client_is_stale: bool  # the device holds a version other than the kept one


def stored(session: Session, account_id: int, ids: Iterable[str]) -> dict[str, Completion]:
    """The stored rows of `ids` in this account, by id."""
    wanted = sorted(set(ids))
    found: dict[str, Completion] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        rows = session.exec(
            select(Completion).where(
                Completion.account_id == account_id,
                col(Completion.id).in_(wanted[start : start + _IN_CHUNK]),
            )
        ).all()
        found.update({row.id: row for row in rows})
    return found


def one(session: Session, account_id: int, run_id: str) -> Completion | None:
    """The account's completion `run_id`, tombstone or not."""
    return session.get(Completion, {"account_id": account_id, "id": run_id})


def write(session: Session, account: Account, runs: Sequence[CompletionBase]) -> list[Written]:
    """Merges `runs` into the locked `account`'s completions; flushes, does not commit."""
    assert account.id is not None
    rows = stored(session, account.id, (run.id for run in runs))
    results = []
    for run in runs:
        row = rows.get(run.id)
        outcome = decide(row, run)
        values = scrubbed(completion_values(run))
        if outcome is Outcome.KEEP:
            assert row is not None
            results.append(Written(outcome, row, completion_values(row) != values))
            continue
        account.last_seq += 1
        day = local_date(run.started_at, run.timezone)
        if row is None:
            row = Completion(account_id=account.id, local_date=day, seq=0, **values)
            session.add(row)
            rows[run.id] = row
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.local_date = day
        row.seq = account.last_seq
        results.append(Written(outcome, row, False))
    session.add(account)
    session.flush()
    return results


def delete(session: Session, account: Account, row: Completion, now: datetime) -> None:
    """Replaces the locked `account`'s live `row` with its tombstone; flushes, does not commit."""
    deleted = CompletionBase.model_validate(
        {**completion_values(row), **tombstone(row.modified_at, now)}
    )
    write(session, account, [deleted])


def move_runs(session: Session, source: Account, target: Account) -> list[Written]:
    """Merges every run of the locked `source` into the locked `target` by the one merge rule,
    then deletes them from `source`; flushes, does not commit."""
    assert source.id is not None
    runs = [
        CompletionBase.model_validate(completion_values(row))
        for row in every_run(session, source.id)
    ]
    written = write(session, target, runs)
    session.execute(sa_delete(Completion).where(col(Completion.account_id) == source.id))
    session.flush()
    return written


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


def every_run(session: Session, account_id: int) -> list[Completion]:
    """Every completion of the account, tombstones included, oldest run first."""
    return list(
        session.exec(
            select(Completion)
            .where(Completion.account_id == account_id)
            .order_by(col(Completion.started_at), col(Completion.id))
        ).all()
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


def runs_for_stats(session: Session, account_id: int) -> list[RunForStats]:
    """Every live completion of the account, as just the columns the streak rules read."""
    rows = session.connection().execute(
        sa_select(
            col(Completion.local_date),
            col(Completion.steps_done),
            col(Completion.steps_total),
            col(Completion.pain_before),
            col(Completion.pain_after),
        ).where(col(Completion.account_id) == account_id, col(Completion.deleted).is_(False))
    )
    return [RunForStats(*row) for row in rows]


def runs_for_weeks(session: Session, account_id: int, since: date) -> list[RunForWeeks]:
    """The account's live completions from `since` on, as the weekly summary reads them."""
    columns = (
        "local_date",
        "steps_done",
        "steps_total",
        "pain_before",
        "pain_after",
        "weaker_side",
    )
    return [RunForWeeks(*row) for row in _live_since(session, account_id, since, columns)]


def _live_since(
    session: Session, account_id: int, since: date, columns: Sequence[str]
) -> Sequence[Any]:
    # The plain columns a domain rule reads, of the account's live runs from `since` on.
    return (
        session.connection()
        .execute(
            sa_select(*(col(getattr(Completion, name)) for name in columns)).where(
                col(Completion.account_id) == account_id,
                col(Completion.deleted).is_(False),
                col(Completion.local_date) >= since,
            )
        )
        .all()
    )


def shared_notes(session: Session, account_id: int, since: date, limit: int) -> list[Completion]:
    """Live runs from `since` on whose note the person chose to share, newest first."""
    return list(
        session.exec(
            select(Completion)
            .where(
                Completion.account_id == account_id,
                col(Completion.deleted).is_(False),
                col(Completion.share_note).is_(True),
                Completion.notes != "",
                Completion.local_date >= since,
            )
            .order_by(col(Completion.local_date).desc(), col(Completion.started_at).desc())
            .limit(limit)
        ).all()
    )


def runs_for_phase(session: Session, account_id: int, since: date) -> list[RunForPhase]:
    """The account's live completions from `since` on, as the phase rules read them."""
    columns = ("routine", "local_date", "steps_done", "steps_total", "pain_before", "pain_after")
    return [RunForPhase(*row) for row in _live_since(session, account_id, since, columns)]
