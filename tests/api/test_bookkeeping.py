"""The hourly "last seen" write never holds up a read, and tokens left unused for too long stop
working."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from time import monotonic

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from app.core.clock import now
from tests.auth import sign_up
from tests.clock import NOW


@contextmanager
def _write_locked(database_url: str) -> Iterator[None]:
    """Another process's writer holds the device rows (PostgreSQL) or SQLite's write lock."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        other = sqlite3.connect(str(url.database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_engine(url)
    release = threading.Event()
    held = threading.Event()

    def hold() -> None:
        with engine.begin() as connection:
            connection.execute(text("SELECT * FROM device_token FOR UPDATE"))
            held.set()
            release.wait(timeout=15)  # bounded, so a request that waits still ends

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(timeout=10)
    try:
        yield
    finally:
        release.set()
        holder.join()
        engine.dispose()


def test_a_read_does_not_wait_while_the_last_seen_write_is_due(
    app: FastAPI, client: TestClient, database_url: str
) -> None:
    phone = sign_up(client)
    assert client.get("/api/v1/account", headers=phone).status_code == 200  # seen at NOW
    app.dependency_overrides[now] = lambda: NOW + timedelta(hours=2)  # the write is due again
    with _write_locked(database_url):
        started = monotonic()
        answer = client.get("/api/v1/account", headers=phone)
        took = monotonic() - started
    assert answer.status_code == 200
    assert took < 2, took
    # Once the lock is free, the next request records the visit.
    assert client.get("/api/v1/account", headers=phone).status_code == 200


def test_a_token_unused_for_180_days_stops_working(app: FastAPI, client: TestClient) -> None:
    phone = sign_up(client)
    assert client.get("/api/v1/account", headers=phone).status_code == 200  # seen at NOW
    app.dependency_overrides[now] = lambda: NOW + timedelta(days=179)
    assert client.get("/api/v1/account", headers=phone).status_code == 200  # seen again
    app.dependency_overrides[now] = lambda: NOW + timedelta(days=179 + 181)
    expired = client.get("/api/v1/account", headers=phone)
    assert expired.status_code == 401
    assert "unused" in expired.json()["detail"]
