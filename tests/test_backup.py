"""`make backup` of a live database under writes keeps every acknowledged run, and restores."""

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import PROJECT_ROOT, Settings
from app.main import create_app
from scripts.backup import BackupError, backup, restore
from tests.api.completion_factory import at, run
from tests.databases import BACKENDS, MigratedSqlite, migrate, scratch_postgres

BATCH = 5  # runs per push: small, so many pushes land while the backup runs
MAX_PUSHES = 3000
PUSH_DEADLINE_S = 120.0
WAIT_S = 30.0
PASSWORD = "correct horse battery"


class Server:
    """`uvicorn app.main:create_app` as a child process on a free port and a given database."""

    def __init__(self, database_url: str, log: Path) -> None:
        self.database_url, self.log = database_url, log
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "Server":
        env = {**os.environ, "DATABASE_URL": self.database_url, "LOG_LEVEL": "warning"}
        command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60  # generous: a loaded CI machine starts slowly
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.05)  # polling for the port to open, not waiting for an outcome
        self.__exit__()
        raise RuntimeError(f"the server did not start: {self.log.read_text()[-2000:]}")

    def __exit__(self, *_: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class Acknowledged:
    """The batches the server answered 200 for, in order, with a way to wait for more."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.changed = threading.Condition()
        self.failure: str | None = None  # why the pusher stopped early, if it did

    def add(self, ids: list[str]) -> None:
        with self.changed:
            self.batches.append(ids)
            self.changed.notify_all()

    def count(self) -> int:
        with self.changed:
            return len(self.batches)

    def ids(self, first: int = 0, last: int | None = None) -> set[str]:
        with self.changed:
            return {i for batch in self.batches[first:last] for i in batch}

    def wait_for(self, count: int, stopped: threading.Event) -> None:
        with self.changed:
            done = self.changed.wait_for(
                lambda: len(self.batches) >= count or stopped.is_set(), timeout=WAIT_S
            )
        assert done, f"only {self.count()} pushes were acknowledged in {WAIT_S} s"
        assert not stopped.is_set(), f"the pusher stopped after {self.count()}: {self.failure}"


def push_until_stopped(
    url: str,
    token: str,
    sent: list[list[str]],
    acknowledged: Acknowledged,
    stop: threading.Event,
    stopped: threading.Event,
) -> None:
    """One device pushing new runs, a batch per request, until told to stop (or out of budget)."""
    deadline = time.monotonic() + PUSH_DEADLINE_S
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            for push in range(MAX_PUSHES):
                if stop.is_set() or time.monotonic() > deadline:
                    return
                minute = push * BATCH
                batch = [
                    run(at(2026, 1 + (minute + i) // 40000 % 11, 1 + (minute + i) % 28, 6))
                    for i in range(BATCH)
                ]
                ids = [record["id"] for record in batch]
                sent.append(ids)  # sent before it may be stored: a batch in flight counts too
                response = client.post("/api/v1/sync", json={"cursor": None, "push": batch})
                if response.status_code != 200 or len(response.json()["accepted"]) != BATCH:
                    acknowledged.failure = f"push {push}: {response.status_code} {response.text}"
                    return
                acknowledged.add(ids)
    except httpx.HTTPError as error:
        acknowledged.failure = f"push failed: {error!r}"
    finally:
        stopped.set()


def sign_up(url: str) -> str:
    response = httpx.post(
        f"{url}/api/v1/accounts", json={"username": "anna", "password": PASSWORD}, timeout=30
    )
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def script(database_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The command `make backup` / `make restore` run, on `database_url`."""
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "scripts.backup", *arguments],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def stored_runs(database_url: str) -> list[tuple[str, int]]:
    """(id, seq) of every stored run."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, seq FROM completion ORDER BY seq"))
            return [(str(row[0]), int(row[1])) for row in rows]
    finally:
        engine.dispose()


def last_seq(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT last_seq FROM account")).scalar_one())
    finally:
        engine.dispose()


def runs_over_api(url: str, token: str) -> set[str]:
    """Every run the app lists for the account, page after page."""
    ids: set[str] = set()
    cursor: str | None = None
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(MAX_PUSHES * BATCH // 500 + 2):
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        response = httpx.get(f"{url}/api/v1/completions", params=params, headers=headers)
        assert response.status_code == 200, response.text
        ids |= {item["id"] for item in response.json()["items"]}
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return ids
    raise AssertionError("the list of runs never ended")


@pytest.fixture(params=BACKENDS)
def live_and_empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A migrated database to back up, and a place with nothing in it to restore into."""
    if request.param == "sqlite":
        live = MigratedSqlite(tmp_path).fresh(tmp_path)
        yield live, f"sqlite:///{tmp_path / 'restored' / 'squeeze.db'}"
        return
    with scratch_postgres() as live, scratch_postgres() as empty:
        migrate(live)
        yield live, empty


def test_backup_under_writes_keeps_every_acknowledged_run_and_restores(
    live_and_empty: tuple[str, str], tmp_path: Path
) -> None:
    live, empty = live_and_empty
    suffix = "db" if live.startswith("sqlite") else "dump"
    backup_file = tmp_path / "backups" / f"squeeze-test.{suffix}"
    sent: list[list[str]] = []
    acknowledged = Acknowledged()
    stop, stopped = threading.Event(), threading.Event()

    with Server(live, tmp_path / "live.log") as server:
        token = sign_up(server.url)
        pusher = threading.Thread(
            target=push_until_stopped,
            args=(server.url, token, sent, acknowledged, stop, stopped),
        )
        pusher.start()
        try:
            acknowledged.wait_for(20, stopped)
            before = acknowledged.count()
            acknowledged_before = acknowledged.ids(last=before)
            made = script(live, "backup", "--out", str(backup_file))
            # The pusher never idles (it sends the next push as soon as one is answered), so a push
            # beyond those acknowledged was in flight or sent while the backup ran.
            pushed_during = len(sent) - before
            # The server keeps taking writes after the backup, too: the backup stopped nothing.
            acknowledged.wait_for(acknowledged.count() + 3, stopped)
        finally:
            stop.set()
            pusher.join(timeout=60)
        assert not pusher.is_alive()
    assert acknowledged.failure is None, acknowledged.failure
    assert made.returncode == 0, made.stderr
    assert f"to {backup_file}" in made.stdout
    assert pushed_during > 0, "no push was under way while the backup ran"

    if suffix == "db":
        with closing(sqlite3.connect(backup_file)) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert copy.execute("SELECT version_num FROM alembic_version").fetchall()
        assert not Path(f"{backup_file}-wal").exists()  # one file, nothing beside it

    restored = script(empty, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    backed_up = stored_runs(empty)
    ids = {run_id for run_id, _ in backed_up}
    assert f"it now holds 1 accounts, {len(ids)} runs" in restored.stdout

    # Every run acknowledged before the backup began is in it.
    missing = acknowledged_before - ids
    assert not missing, f"{len(missing)} of {len(acknowledged_before)} acknowledged runs lost"
    assert len(ids) < len(acknowledged.ids()), "the backup must be older than the last writes"
    # A consistent snapshot: whole batches only, and the account's change counter matches its
    # runs exactly (each new run took the next seq).
    for batch in sent:
        assert set(batch) <= ids or not set(batch) & ids, "a batch is half in the backup"
    assert [seq for _, seq in backed_up] == list(range(1, len(backed_up) + 1))
    assert last_seq(empty) == len(backed_up)

    # The app, started on the restored database, serves those runs to the same signed-in device.
    with Server(empty, tmp_path / "restored.log") as server:
        served = runs_over_api(server.url, token)
    assert served == ids, f"{len(ids)} runs restored, {len(served)} served"


@pytest.fixture(params=BACKENDS)
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database."""
    if request.param == "sqlite":
        yield MigratedSqlite(tmp_path).fresh(tmp_path)
        return
    with scratch_postgres() as url:
        migrate(url)
        yield url


def seeded(database_url: str, runs: int) -> dict[str, str]:
    """Signs up and stores `runs` runs through the app; answers the device's auth header."""
    application = create_app(Settings(database_url=database_url))
    try:
        with TestClient(application) as client:
            answer = client.post("/api/v1/accounts", json={"username": "ben", "password": PASSWORD})
            headers = {"Authorization": f"Bearer {answer.json()['token']}"}
            push = [run(at(2026, 3, 1 + day % 28, 6 + day // 28)) for day in range(runs)]
            stored = client.post("/api/v1/sync", headers=headers, json={"push": push})
            assert len(stored.json()["accepted"]) == runs
    finally:
        application.state.engine.dispose()
    return headers


def test_restore_refuses_without_a_file_and_changes_nothing(live: str) -> None:
    seeded(live, 2)
    answer = script(live, "restore")
    assert answer.returncode != 0
    assert "FILE=" in answer.stderr
    assert len(stored_runs(live)) == 2


def test_restore_refuses_a_file_that_is_not_a_backup(live: str, tmp_path: Path) -> None:
    seeded(live, 2)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a backup\n" * 100)
    unmigrated = tmp_path / "other.db"
    with closing(sqlite3.connect(unmigrated)) as other:
        other.execute("CREATE TABLE completion (id TEXT)")
    for file in (junk, unmigrated, tmp_path / "missing.db"):
        answer = script(live, "restore", str(file))
        assert answer.returncode == 1, answer.stdout
        assert answer.stderr.startswith("restore refused:"), answer.stderr
        assert len(stored_runs(live)) == 2


def test_sqlite_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    live = MigratedSqlite(tmp_path).fresh(tmp_path)
    seeded(live, 40)
    copy = tmp_path / "copy.db"
    backup(live, copy)
    data = bytearray(copy.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):  # scribble over every page header but the first
        data[offset : offset + 64] = b"\xa5" * 64
    copy.write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"damaged|not a SQLite backup"):
        restore(live, copy)
    assert len(stored_runs(live)) == 40


def test_backup_never_overwrites_a_file(live: str, tmp_path: Path) -> None:
    existing = tmp_path / "earlier.bak"
    existing.write_bytes(b"an earlier backup")
    answer = script(live, "backup", "--out", str(existing))
    assert answer.returncode == 1
    assert "already exists" in answer.stderr
    assert existing.read_bytes() == b"an earlier backup"


def test_sqlite_restore_over_an_open_database_gives_exactly_the_backup(tmp_path: Path) -> None:
    # The app should be stopped first; if it is not, its open connections and -wal file must
    # still see the backup whole, not a mix of it and what they last wrote.
    live = MigratedSqlite(tmp_path).fresh(tmp_path)
    application = create_app(Settings(database_url=live))
    try:
        with TestClient(application) as client:
            answer = client.post(
                "/api/v1/accounts", json={"username": "cyril", "password": PASSWORD}
            )
            headers = {"Authorization": f"Bearer {answer.json()['token']}"}
            first = [run(at(2026, 4, 1 + day)) for day in range(3)]
            client.post("/api/v1/sync", headers=headers, json={"push": first})
            backup(live, tmp_path / "three.db")
            later = [run(at(2026, 5, 1 + day)) for day in range(4)]
            client.post("/api/v1/sync", headers=headers, json={"push": later})
            assert Path(live.removeprefix("sqlite:///") + "-wal").stat().st_size > 0

            restore(live, tmp_path / "three.db")

            listed = client.get("/api/v1/completions", headers=headers).json()["items"]
            assert {item["id"] for item in listed} == {record["id"] for record in first}
    finally:
        application.state.engine.dispose()
    with closing(sqlite3.connect(live.removeprefix("sqlite:///"))) as database:
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.execute("PRAGMA journal_mode").fetchall() == [("wal",)]
