"""A real server process killed in the middle of a large push loses nothing and doubles nothing."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.config import PROJECT_ROOT
from tests.api.completion_factory import at, run
from tests.databases import MigratedSqlite

BATCHES = 8
BATCH = 500


class ServerProcess:
    """`uvicorn app.main:create_app` as a child process on a real port and SQLite file."""

    def __init__(self, database: Path, log: Path) -> None:
        self.database, self.log = database, log
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{self.database}", "LOG_LEVEL": "info"}
        command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    database = Path(MigratedSqlite(tmp_path).fresh(tmp_path).removeprefix("sqlite:///"))
    process = ServerProcess(database, tmp_path / "server.log")
    process.start()
    yield process
    if process.process and process.process.poll() is None:
        process.process.terminate()
        process.process.wait(timeout=10)


def push_batches(
    url: str,
    headers: dict[str, str],
    batches: list[list[dict[str, Any]]],
    answered: list[int],
    first_answer: threading.Event | None = None,
) -> None:
    """Pushes batch after batch until the connection fails, noting each one answered."""
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        for index, batch in enumerate(batches):
            try:
                response = client.post("/api/v1/sync", json={"cursor": None, "push": batch})
            except httpx.TransportError:
                return
            assert response.status_code == 200, response.text
            answered.append(index)
            if first_answer:
                first_answer.set()


def writer_holds_the_lock(probe: sqlite3.Connection) -> bool:
    """Whether another connection is inside a write transaction (SQLite refuses us the lock)."""
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
        return True
    probe.execute("ROLLBACK")
    return False


def stored_ids(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM completion")]


def test_killed_mid_push_then_retried_stores_every_record_exactly_once(
    server: ServerProcess,
) -> None:
    signed_up = httpx.post(
        f"{server.url}/api/v1/accounts",
        json={"username": "anna", "password": "correct horse battery"},
    )
    token = signed_up.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    records = [run(at(2026, 10, 1 + i % 28, 6 + i % 14, i % 60)) for i in range(BATCHES * BATCH)]
    batches = [records[i : i + BATCH] for i in range(0, len(records), BATCH)]

    answered: list[int] = []
    first_answer = threading.Event()
    pusher = threading.Thread(
        target=push_batches, args=(server.url, headers, batches, answered, first_answer)
    )
    pusher.start()
    # Pull the plug once a batch has been answered and the server is inside the write transaction
    # of a later one: a sync request holds SQLite's write lock from its start to its commit, and
    # nothing else writes now. The probe never waits for the lock (timeout=0), so it cannot hold
    # the server up for long.
    assert first_answer.wait(timeout=30), "the first batch was never answered"
    probe = sqlite3.connect(server.database, timeout=0, isolation_level=None)
    while not writer_holds_the_lock(probe):
        assert len(answered) < BATCHES - 1, "the push ended before a batch was caught mid-write"
    server.kill()
    probe.close()
    pusher.join(timeout=30)
    assert 1 <= len(answered) < BATCHES, "the server must die in the middle of the push"

    after_crash = stored_ids(server.database)
    # Each batch is one transaction: it is all there or not at all, never half.
    assert len(after_crash) % BATCH == 0
    assert len(after_crash) >= len(answered) * BATCH
    assert len(after_crash) < len(records)

    # The device knows only which batches were answered; it retries everything else (and, to be
    # sure, one it had an answer for).
    server.start()
    retry = [batches[0]] + [b for i, b in enumerate(batches) if i not in answered]
    again: list[int] = []
    push_batches(server.url, headers, retry, again)
    assert len(again) == len(retry)

    ids = stored_ids(server.database)
    assert len(ids) == len(records)
    assert sorted(ids) == sorted(r["id"] for r in records)
    assert token not in server.log.read_text()  # bearer tokens never reach the logs
