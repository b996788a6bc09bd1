"""Scale: 10,000 accounts and 1,000,000 completions, then the throughput rows, ingest, and
64 concurrent writers.

    .venv/bin/python -m benchmarks.scale [--database URL] [--accounts 10000] [--per-account 100]
"""

import argparse
import os
import time

from sqlalchemy import create_engine, func, select

from app.models import Completion
from benchmarks.harness import Load, Server, scratch_dir, wrk
from benchmarks.seed import seed_accounts, seed_many
from benchmarks.throughput import run, table
from tests.databases import migrate


def seed(database_url: str, accounts: int, per_account: int) -> tuple[int, float]:
    """Fill the database; returns the completions stored and the seconds it took."""
    migrate(database_url)
    engine = create_engine(database_url)
    started = time.perf_counter()
    crowd = seed_accounts(engine, accounts, prefix="crowd")
    seed_many(engine, crowd, per_account)
    with engine.connect() as connection:
        stored = int(connection.execute(select(func.count()).select_from(Completion)).scalar_one())
    engine.dispose()
    return stored, time.perf_counter() - started


def writers(database_url: str, connections: int, seconds: int) -> Load:
    """`connections` devices pushing 10 new runs a call as fast as they can, for `seconds`."""
    engine = create_engine(database_url)
    devices = seed_accounts(engine, 2, prefix=f"writer{connections}x")
    engine.dispose()
    tokens = ",".join(d.token for d in devices)
    with Server("app.main:create_app", env={"DATABASE_URL": database_url}, factory=True) as app:
        return wrk(
            f"{connections} concurrent writers, 10 runs a push",
            app.url + "/api/v1/sync",
            seconds=seconds,
            connections=connections,
            script="push.lua",
            env={"TOKENS": tokens, "RECORDS": "10"},
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--per-account", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--writers-seconds", type=int, default=60)
    args = parser.parse_args()
    url = args.database or os.environ.get("BENCH_DATABASE_URL")
    url = url or f"sqlite:///{scratch_dir() / 'scale.db'}"
    stored, took = seed(url, args.accounts, args.per_account)
    print(f"seeded {args.accounts:,} accounts, {stored:,} completions in {took:.0f} s")
    report = run(url, seconds=args.seconds, rounds=args.rounds)
    print(table(report))
    ingest = report.median_rps("Squeeze sync push 100") * 100
    print(f"ingest through /sync: {ingest:,.0f} completions/s")
    crowd = writers(url, 64, args.writers_seconds)
    print(
        f"{crowd.name}: {crowd.requests} pushes in {args.writers_seconds} s, "
        f"{crowd.requests_per_s:,.0f}/s, p99 {crowd.p99_ms:.0f} ms, errors {crowd.errors}"
    )


if __name__ == "__main__":
    main()
