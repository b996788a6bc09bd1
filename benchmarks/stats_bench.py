"""GET /api/v1/stats over ten years of twice-daily runs (7,300 records) on SQLite.

Run: `.venv/bin/python -m benchmarks.stats_bench` (prints the median and p95 of sequential requests
to a real uvicorn process, for the default 365-day calendar and for the whole ten years).
"""

import json
import statistics
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, create_engine, select

from app.domain.streaks import local_date_of
from app.models import Account, Completion
from benchmarks.harness import Server, scratch_dir
from tests.databases import migrate

YEARS = 10
REQUESTS = 60
WARMUP = 5
ZONE = "Europe/Berlin"


def seed(database_url: str, username: str) -> int:
    """Ten years of a morning and an evening run a day, ending today; answers the record count."""
    engine = create_engine(database_url)
    tz = ZoneInfo(ZONE)
    today = datetime.now(tz).date()
    with Session(engine) as session:
        account = session.exec(select(Account).where(Account.username == username)).one()
        assert account.id is not None
        seq = account.last_seq
        for back in range(YEARS * 365, 0, -1):
            day = today - timedelta(days=back)
            for hour, minute in ((7, 0), (21, 30)):
                started = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
                seq += 1
                session.add(
                    Completion(
                        account_id=account.id,
                        id=str(uuid.uuid4()),
                        routine="morning" if hour == 7 else "evening",
                        routine_version=1,
                        started_at=started,
                        finished_at=started + timedelta(minutes=4),
                        timezone=ZONE,
                        local_date=local_date_of(started, ZONE),
                        steps_done=4 if seq % 10 else 2,
                        steps_total=4,
                        pain_before=seq % 7,
                        pain_after=seq % 5,
                        modified_at=started + timedelta(minutes=5),
                        seq=seq,
                    )
                )
        account.last_seq = seq
        session.add(account)
        session.commit()
    engine.dispose()
    return seq


def _request(url: str, token: str, body: bytes | None = None) -> bytes:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return bytes(response.read())


def measure(url: str, token: str) -> tuple[float, float]:
    """Median and p95 in ms of sequential GETs of `url` after a warm-up."""
    for _ in range(WARMUP):
        _request(url, token)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        _request(url, token)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main() -> None:
    database_url = f"sqlite:///{scratch_dir() / 'stats.db'}"
    migrate(database_url)
    env = {"DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    with Server("app.main:create_app", env=env, factory=True) as server:
        signup = json.dumps({"username": "bench", "password": "a long passphrase"}).encode()
        answer = urllib.request.urlopen(
            urllib.request.Request(
                server.url + "/api/v1/accounts",
                data=signup,
                headers={"Content-Type": "application/json"},
            )
        )
        token = json.loads(answer.read())["token"]
        records = seed(database_url, "bench")
        since = (datetime.now(UTC).date() - timedelta(days=YEARS * 365)).isoformat()
        for label, query in (("365 days", ""), ("ten years of days", f"?from={since}")):
            median, p95 = measure(server.url + "/api/v1/stats" + query, token)
            print(f"stats, {records} records, {label}: median {median:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
