"""Server throughput as ratios to a bare FastAPI endpoint, all measured in one run.

    .venv/bin/python -m benchmarks.throughput [--database URL] [--seconds 10] [--accounts 0]

Same uvicorn settings (one worker) and the same wrk load (2 threads, 32 connections unless
--connections says otherwise) for every row.
With --accounts N (and --per-account M) the database first gets N accounts of M completions each,
so the same rows can be measured at scale.
"""

import argparse
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import create_engine

from benchmarks.harness import Load, Server, scratch_dir, wrk
from benchmarks.seed import seed_accounts, seed_history, seed_many
from tests.databases import migrate

GOALS = {"sync pull 100": 0.50, "sync push 100": 0.20}


def run(
    database_url: str, seconds: int, accounts: int, per_account: int, connections: int = 32
) -> list[Load]:
    """Every row of the table, baseline first."""
    migrate(database_url)
    engine = create_engine(database_url)
    if accounts:
        crowd = seed_accounts(engine, accounts, prefix="crowd")
        seed_many(engine, crowd, per_account)
    reader, pusher_a, pusher_b, historian = seed_accounts(engine, 4, prefix="bench")
    seed_history(engine, reader, "Europe/Berlin", days=55)  # about 100 completions
    seed_history(engine, historian, "Europe/Berlin", days=3650)  # ten years, twice a day
    engine.dispose()

    body = Path(tempfile.mkstemp(suffix=".json")[1])
    body.write_text(json.dumps({"cursor": None, "push": []}))
    results = []
    with Server("benchmarks.baseline_app:app") as baseline:
        results.append(
            wrk(
                "bare FastAPI JSON (baseline)",
                baseline.url + "/json",
                seconds=seconds,
                connections=connections,
            )
        )
    env = {"DATABASE_URL": database_url}
    with Server("app.main:create_app", env=env, factory=True) as squeeze:
        results.append(
            wrk(
                "GET /api/v1/routines/morning",
                squeeze.url + "/api/v1/routines/morning",
                seconds=seconds,
                connections=connections,
            )
        )
        results.append(
            wrk(
                "sync pull 100",
                squeeze.url + "/api/v1/sync",
                seconds=seconds,
                connections=connections,
                script="post_body.lua",
                env={"BODY_FILE": str(body), "TOKEN": reader.token},
            )
        )
        results.append(
            wrk(
                "sync push 100",
                squeeze.url + "/api/v1/sync",
                seconds=seconds,
                connections=connections,
                script="push.lua",
                env={"TOKENS": f"{pusher_a.token},{pusher_b.token}", "RECORDS": "100"},
            )
        )
        results.append(
            wrk(
                "GET /api/v1/stats (10 years)",
                squeeze.url + "/api/v1/stats",
                seconds=seconds,
                connections=connections,
                script="auth_get.lua",
                env={"TOKEN": historian.token},
            )
        )
    body.unlink()
    return results


def table(results: list[Load]) -> str:
    """The results as a Markdown table with each row's ratio to the baseline."""
    base = results[0].requests_per_s
    lines = [
        "| endpoint | req/s | p50 ms | p99 ms | errors | vs baseline | goal |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        goal = GOALS.get(r.name)
        lines.append(
            f"| {r.name} | {r.requests_per_s:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.errors} "
            f"| {r.requests_per_s / base:.0%} | {f'≥ {goal:.0%}' if goal else ''} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--accounts", type=int, default=0)
    parser.add_argument("--per-account", type=int, default=100)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    url = args.database or os.environ.get("BENCH_DATABASE_URL")
    url = url or f"sqlite:///{scratch_dir() / 'bench.db'}"
    results = run(url, args.seconds, args.accounts, args.per_account, args.connections)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))


if __name__ == "__main__":
    main()
