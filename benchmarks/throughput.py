"""Sync and stats throughput as ratios to a bare endpoint and to a reference app, in one run.

    .venv/bin/python -m benchmarks.throughput [--seconds 3] [--rounds 3] [--connections 32]
        [--quick] [--database URL] [--accounts N --per-account M] [--json FILE]

Three uvicorn servers (one worker each, the same settings): the bare app (`baseline_app`: a `def`
and an `async def` endpoint), Squeeze, and the reference app (`reference_app`: the same shapes in
bare FastAPI + sqlite3) on the same database. Each round measures the bare endpoints, then every
row on Squeeze and on the reference one after the other (their order alternating by round), so
every ratio compares loads taken side by side. Beside req/s and latency, the server's CPU time per
request (from /proc/<pid>/stat over the middle half of each load, divided by the requests answered
in that time): on a shared machine it is steadier than req/s.
Ratios are the median over rounds of each round's own ratio, with their range.
"""

import argparse
import json
import math
import os
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import create_engine

from benchmarks.harness import Load, Server, cpu_seconds, scratch_dir, wrk
from benchmarks.seed import seed_accounts, seed_history, seed_many, seed_runs
from tests.databases import migrate

PULLS = (10, 100, 500)
PUSHES = (10, 100, 500)
YEARS = (1, 3, 10)
APPS = ("Squeeze", "reference")
BARE = "bare FastAPI, `def`"
BARE_ASYNC = "bare FastAPI, `async def`"
ZONE = "Europe/Berlin"


@dataclass(frozen=True)
class Workload:
    """One row: what wrk sends, with the Lua script's environment for each app."""

    name: str
    path: str
    script: str
    env: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Sample:
    """One load of one row on one server, and the server's CPU per completed request."""

    load: Load
    cpu_ms: float


@dataclass
class Report:
    """Every sample of a run, by row label (`BARE`, `BARE_ASYNC`, "<app> <workload>")."""

    rounds: int
    connections: int
    seconds: int
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def add(self, label: str, sample: Sample) -> None:
        self.samples.setdefault(label, []).append(sample)

    def median_rps(self, label: str) -> float:
        """The median req/s of a row over the rounds."""
        return statistics.median(s.load.requests_per_s for s in self.samples[label])


def measure(
    server: Server,
    database_url: str,
    name: str,
    path: str,
    seconds: int,
    connections: int,
    script: str | None = None,
    env: dict[str, str] | None = None,
) -> Sample:
    """One wrk load of `path`, and the server's CPU time per request while it ran."""
    # CPU is read over the middle half of the load: the ramp-up is left out, and so are the
    # requests still in flight when wrk stops (up to `connections` of them, counted by nobody).
    marks: list[tuple[float, float]] = []

    def mark() -> None:
        marks.append((time.monotonic(), cpu_seconds(server.pid)))

    timers = [threading.Timer(seconds * share, mark) for share in (0.25, 0.75)]
    for timer in timers:
        timer.start()
    load = wrk(
        name, server.url + path, seconds=seconds, connections=connections, script=script, env=env
    )
    for timer in timers:
        timer.join()
    settle(server, database_url)
    (start, cpu_start), (end, cpu_end) = marks
    busy = (cpu_end - cpu_start) / (end - start)  # cores' worth of CPU the server used
    return Sample(load, busy * 1000 / load.requests_per_s if load.requests_per_s else math.nan)


def settle(server: Server, database_url: str, timeout_s: float = 120.0) -> None:
    """Wait until the server is idle: wrk stops with requests still queued (a push of 500 each),
    and their tail must not run into the next load, on the same CPU and SQLite's write lock."""
    deadline = time.monotonic() + timeout_s
    previous = cpu_seconds(server.pid)
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = cpu_seconds(server.pid)
        # Under 10 % of a core is the idle loop; but a commit's WAL checkpoint waits on the disk,
        # not the CPU, so on SQLite the write lock must be free too.
        if now - previous < 0.02 and _write_lock_free(database_url):
            return
        previous = now


def _write_lock_free(database_url: str) -> bool:
    if not database_url.startswith("sqlite:///"):
        return True
    db = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0.1, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        db.close()


def workloads(database_url: str, accounts: int, per_account: int, body: Path) -> list[Workload]:
    """Seed the database and describe each row: pulls, pushes, statistics."""
    migrate(database_url)
    engine = create_engine(database_url)
    if accounts:
        seed_many(engine, seed_accounts(engine, accounts, prefix="crowd"), per_account)
    rows: list[Workload] = []
    for size, reader in zip(PULLS, seed_accounts(engine, len(PULLS), prefix="reader"), strict=True):
        seed_runs(engine, reader, ZONE, size)
        env = {"BODY_FILE": str(body), "TOKEN": reader.token}
        rows.append(
            Workload(
                f"sync pull {size}", "/api/v1/sync", "post_body.lua", {app: env for app in APPS}
            )
        )
    # Each app and size its own two pushing accounts (one per wrk thread), so nobody's push
    # pulls back another's records.
    pushers = iter(seed_accounts(engine, 2 * len(PUSHES) * len(APPS), prefix="pusher"))
    for size in PUSHES:
        per_app = {
            app: {"TOKENS": f"{next(pushers).token},{next(pushers).token}", "RECORDS": str(size)}
            for app in APPS
        }
        rows.append(Workload(f"sync push {size}", "/api/v1/sync", "push.lua", per_app))
    historians = seed_accounts(engine, len(YEARS), prefix="historian")
    for years, historian in zip(YEARS, historians, strict=True):
        runs = seed_history(engine, historian, ZONE, days=365 * years)
        rows.append(
            Workload(
                f"stats, {years} y ({runs:,} runs)",
                "/api/v1/stats",
                "auth_get.lua",
                {app: {"TOKEN": historian.token} for app in APPS},
            )
        )
    engine.dispose()
    return rows


@contextmanager
def servers(database_url: str) -> Iterator[dict[str, Server]]:
    """The bare app, Squeeze and (on SQLite) the reference app, all up at once."""
    env = {"DATABASE_URL": database_url}
    with ExitStack() as stack:
        up = {"bare": stack.enter_context(Server("benchmarks.baseline_app:app"))}
        up["Squeeze"] = stack.enter_context(Server("app.main:create_app", env=env, factory=True))
        if database_url.startswith("sqlite"):
            up["reference"] = stack.enter_context(
                Server("benchmarks.reference_app:create_app", env=env, factory=True)
            )
        yield up


def run(
    database_url: str,
    *,
    seconds: int = 3,
    rounds: int = 3,
    connections: int = 32,
    warmup: int = 1,
    accounts: int = 0,
    per_account: int = 100,
) -> Report:
    """Every row on every server, `rounds` times, interleaved."""
    body = Path(tempfile.mkstemp(suffix=".json")[1])
    body.write_text(json.dumps({"cursor": None, "push": []}))
    rows = workloads(database_url, accounts, per_account, body)
    report = Report(rounds, connections, seconds)
    with servers(database_url) as up:
        apps = [app for app in APPS if app in up]
        if warmup:
            for row in rows:
                for app in apps:
                    measure(
                        up[app],
                        database_url,
                        row.name,
                        row.path,
                        warmup,
                        connections,
                        row.script,
                        row.env[app],
                    )
        for round_ in range(rounds):
            bare = up["bare"]
            report.add(BARE, measure(bare, database_url, BARE, "/json", seconds, connections))
            report.add(
                BARE_ASYNC,
                measure(bare, database_url, BARE_ASYNC, "/json-async", seconds, connections),
            )
            for row in rows:
                for app in apps if round_ % 2 == 0 else apps[::-1]:
                    sample = measure(
                        up[app],
                        database_url,
                        row.name,
                        row.path,
                        seconds,
                        connections,
                        row.script,
                        row.env[app],
                    )
                    report.add(f"{app} {row.name}", sample)
    body.unlink()
    return report


def _pct(ratios: list[float]) -> str:
    def shown(value: float) -> str:
        return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"

    if not ratios:
        return ""
    text = shown(statistics.median(ratios))
    if len(ratios) > 1:
        text += f" ({shown(min(ratios))}–{shown(max(ratios))})"
    return text


def _per_round(report: Report, label: str, base: str) -> list[float]:
    if base not in report.samples:
        return []
    pairs = zip(report.samples[label], report.samples[base], strict=True)
    return [
        s.load.requests_per_s / b.load.requests_per_s for s, b in pairs if b.load.requests_per_s
    ]


def _ms(value: float) -> str:
    return f"{value:,.2f}" if value < 10 else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def table(report: Report) -> str:
    """The medians as a Markdown table, with ratios to both bare endpoints and the reference."""
    lines = [
        "| row | req/s | p50 ms | p99 ms | CPU ms/req | errors | % of bare | % of async bare "
        "| % of reference | % of reference by CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, samples in report.samples.items():
        _, _, row = label.partition(" ")
        reference = f"reference {row}"
        is_bare = label in (BARE, BARE_ASYNC)
        by_cpu = []
        if not is_bare and reference in report.samples:
            pairs = zip(samples, report.samples[reference], strict=True)
            by_cpu = [r.cpu_ms / s.cpu_ms for s, r in pairs if s.cpu_ms > 0]
        cells = [
            label,
            f"{report.median_rps(label):,.0f}",
            _ms(statistics.median(s.load.p50_ms for s in samples)),
            _ms(statistics.median(s.load.p99_ms for s in samples)),
            _ms(statistics.median(s.cpu_ms for s in samples)),
            str(sum(s.load.errors for s in samples)),
            _pct(_per_round(report, label, BARE)),
            _pct(_per_round(report, label, BARE_ASYNC)),
            "" if is_bare else _pct(_per_round(report, label, reference)),
            _pct(by_cpu),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--seconds", type=int, default=3, help="per load (default 3)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=1, help="seconds per row before round 1")
    parser.add_argument("--accounts", type=int, default=0, help="extra accounts, for scale")
    parser.add_argument("--per-account", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="a smoke check: 2 s a row, one round")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.rounds, args.warmup = 2, 1, 0
    url = args.database or os.environ.get("BENCH_DATABASE_URL")
    url = url or f"sqlite:///{scratch_dir() / 'bench.db'}"
    report = run(
        url,
        seconds=args.seconds,
        rounds=args.rounds,
        connections=args.connections,
        warmup=args.warmup,
        accounts=args.accounts,
        per_account=args.per_account,
    )
    print(f"{args.connections} connections, {args.rounds} round(s) of {args.seconds} s a row\n")
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2))


if __name__ == "__main__":
    main()
