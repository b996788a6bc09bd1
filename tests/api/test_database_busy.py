"""When SQLite stays locked past busy_timeout, a write answers 503 and changes nothing."""

import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.api.completion_factory import run
from tests.auth import sign_up
from tests.databases import MigratedSqlite


@pytest.fixture
def sqlite_file(_sqlite_template: MigratedSqlite, tmp_path: Path) -> str:
    return _sqlite_template.fresh(tmp_path)


def test_a_write_blocked_by_another_process_answers_503_and_stores_nothing(
    sqlite_file: str,
) -> None:
    app = create_app(Settings(database_url=sqlite_file))
    with TestClient(app) as client:
        headers = sign_up(client, "anna")
        record = run()
        # Another process (a second app server, a backup) holds the write lock for longer than
        # busy_timeout (5 s).
        other = sqlite3.connect(sqlite_file.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        released = threading.Timer(8, other.rollback)
        released.start()
        try:
            response = client.put(
                f"/api/v1/completions/{record['id']}", json=record, headers=headers
            )
        finally:
            released.cancel()
            other.rollback()
            other.close()
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["retry-after"] == "1"
        assert client.get(f"/api/v1/completions/{record['id']}", headers=headers).status_code == 404
        # Once the lock is gone, the same request goes through.
        retry = client.put(f"/api/v1/completions/{record['id']}", json=record, headers=headers)
        assert retry.status_code == 201
    app.state.engine.dispose()


def test_writers_in_one_process_queue_instead_of_failing(sqlite_file: str) -> None:
    app = create_app(Settings(database_url=sqlite_file))
    with TestClient(app) as client:
        headers = sign_up(client, "anna")
        records = [run() for _ in range(48)]
        answers: list[int] = []

        def push(batch: list[dict[str, object]]) -> None:
            response = client.post(
                "/api/v1/sync", json={"cursor": None, "push": batch}, headers=headers
            )
            answers.append(response.status_code)

        threads = [threading.Thread(target=push, args=([r],)) for r in records]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [200] * len(records)
        listed = client.get("/api/v1/completions", params={"limit": 500}, headers=headers).json()
        assert sorted(r["id"] for r in listed["items"]) == sorted(r["id"] for r in records)
    app.state.engine.dispose()
