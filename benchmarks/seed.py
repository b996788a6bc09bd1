"""Generate realistic history fast: accounts with tokens, and twice-daily completions for years.

Rows go in through SQLAlchemy Core in large batches (the API would take hours for a million), with
exactly the values the API would store: `local_date` in the record's zone, `seq` from the account's
change counter.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Engine, insert, update
from sqlmodel import col

from app.core.security import token_digest
from app.domain.zones import local_date
from app.models import Account, Completion, DeviceToken

ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC")
_BATCH = 5000


@dataclass(frozen=True)
class SeededAccount:
    """An account the benchmark can act as."""

    id: int
    username: str
    token: str


def seed_accounts(engine: Engine, count: int, prefix: str = "bench") -> list[SeededAccount]:
    """`count` accounts, each with one device token `token-<username>`."""
    # One shared (valid Argon2id) hash: hashing per account would dominate the seeding time.
    from app.core.security import hash_password

    password_hash = hash_password("benchmark-password")
    now = datetime.now(UTC)
    accounts = [
        {
            "username": f"{prefix}{i}",
            "password_hash": password_hash,
            "timezone": ZONES[i % len(ZONES)],
            "morning_time": "07:30",
            "evening_time": "21:30",
            "daily_goal": 2,
            "phase": 1,
            "reminders_key": uuid.uuid4().hex,
            # As the 0002 migration sets it for accounts made before it: the password hash.
            "cursor_secret": password_hash,
            "last_seq": 0,
            "created_at": now,
        }
        for i in range(count)
    ]
    seeded: list[SeededAccount] = []
    with engine.begin() as connection:
        for chunk in _chunks(accounts, _BATCH):
            rows = connection.execute(
                insert(Account).returning(
                    col(Account.id), col(Account.username), sort_by_parameter_order=True
                ),
                chunk,
            ).all()
            tokens = [{"account_id": r[0], "username": r[1]} for r in rows]
            connection.execute(
                insert(DeviceToken),
                [
                    {
                        "account_id": t["account_id"],
                        "token_hash": token_digest(f"token-{t['username']}"),
                        "device_name": "benchmark",
                        "created_at": now,
                    }
                    for t in tokens
                ],
            )
            seeded += [SeededAccount(int(r[0] or 0), str(r[1]), f"token-{r[1]}") for r in rows]
    return seeded


def completion_rows(
    account_id: int, zone: str, days: int, *, end: datetime, rng: Random
) -> list[dict[str, Any]]:
    """Morning and evening runs for `days` days up to `end`, most full, some missed or partial."""
    rows: list[dict[str, Any]] = []
    seq = 0
    for day in range(days, 0, -1):
        base = (end - timedelta(days=day)).replace(hour=6, minute=30, second=0, microsecond=0)
        for offset_h in (0, 14):
            if rng.random() < 0.1:
                continue
            started = base + timedelta(hours=offset_h, minutes=rng.randrange(60))
            seq += 1
            done = 2 if rng.random() > 0.05 else 1
            rows.append(
                {
                    "account_id": account_id,
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "routine": "morning" if offset_h == 0 else "evening",
                    "routine_version": 1,
                    "started_at": started,
                    "finished_at": started + timedelta(minutes=3),
                    "timezone": zone,
                    "local_date": local_date(started, zone),
                    "steps_done": done,
                    "steps_total": 2,
                    "pain_before": rng.randrange(2, 8),
                    "pain_after": rng.randrange(0, 6),
                    "notes": "",
                    "modified_at": started + timedelta(minutes=3),
                    "deleted": False,
                    "seq": seq,
                    "received_at": started + timedelta(minutes=4),
                }
            )
    return rows


def seed_history(
    engine: Engine, account: SeededAccount, zone: str, days: int, seed: int = 1
) -> int:
    """`days` days of twice-daily history for one account; returns the number of completions."""
    rows = completion_rows(account.id, zone, days, end=datetime.now(UTC), rng=Random(seed))
    _insert_completions(engine, rows, {account.id: len(rows)})
    return len(rows)


def seed_runs(engine: Engine, account: SeededAccount, zone: str, count: int, seed: int = 1) -> int:
    """Exactly `count` completions of twice-daily history for one account, ending about now."""
    rows = completion_rows(account.id, zone, count, end=datetime.now(UTC), rng=Random(seed))
    rows = rows[-count:]
    for seq, row in enumerate(rows, start=1):
        row["seq"] = seq
    _insert_completions(engine, rows, {account.id: len(rows)})
    return len(rows)


def seed_many(
    engine: Engine, accounts: list[SeededAccount], per_account: int, seed: int = 1
) -> int:
    """About `per_account` completions for every account, in big batches."""
    rng = Random(seed)
    end = datetime.now(UTC)
    days = per_account // 2 + per_account // 10
    total = 0
    pending: list[dict[str, Any]] = []
    counters: dict[int, int] = {}
    for account in accounts:
        rows = completion_rows(account.id, ZONES[account.id % len(ZONES)], days, end=end, rng=rng)
        rows = rows[:per_account]
        counters[account.id] = len(rows)
        pending += rows
        if len(pending) >= 50_000:
            total += _insert_completions(engine, pending, counters)
            pending, counters = [], {}
    return total + _insert_completions(engine, pending, counters)


def _insert_completions(engine: Engine, rows: list[dict[str, Any]], seqs: dict[int, int]) -> int:
    with engine.begin() as connection:
        for chunk in _chunks(rows, _BATCH):
            connection.execute(insert(Completion), chunk)
        for account_id, last in seqs.items():
            connection.execute(
                update(Account).where(col(Account.id) == account_id).values(last_seq=last)
            )
    return len(rows)


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
