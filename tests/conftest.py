"""Fixtures every test folder shares: fresh migrated databases (SQLite and, when configured,
PostgreSQL), the app on one at a fixed clock, and the app served over real HTTP."""

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.clock import now
from app.core.config import Settings
from app.main import create_app
from tests.clock import NOW
from tests.databases import BACKENDS, MigratedSqlite, migrate, scratch_postgres, truncate_all


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> MigratedSqlite:
    return MigratedSqlite(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[str]:
    with scratch_postgres() as url:
        migrate(url)
        yield url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database at the newest migration."""
    if request.param == "sqlite":
        template: MigratedSqlite = request.getfixturevalue("_sqlite_template")
        return template.fresh(tmp_path)
    url: str = request.getfixturevalue("_postgres_database")
    truncate_all(url)
    return url


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    """The app on a fresh database, its clock stopped at `tests.clock.NOW`."""
    application = create_app(Settings(database_url=database_url))
    application.dependency_overrides[now] = lambda: NOW
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An HTTP client for the app."""
    with TestClient(app) as test_client:
        yield test_client


class LiveServer:
    """Uvicorn serving the app on a free loopback port, in a background thread (real clock)."""

    def __init__(self, database_url: str) -> None:
        self.app = create_app(Settings(database_url=database_url))
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]})
        self.thread.daemon = True

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)  # polls a fact (the server says it started), bounded by the deadline
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def served_app(database_url: str) -> Iterator[LiveServer]:
    """The app on a fresh database of every backend, served over real HTTP."""
    with LiveServer(database_url) as live:
        yield live
    live.app.state.engine.dispose()


@pytest.fixture
def live_server(tmp_path: Path, _sqlite_template: MigratedSqlite) -> Iterator[LiveServer]:
    """The app on a fresh SQLite database, served over real HTTP (what the browser tests drive)."""
    with LiveServer(_sqlite_template.fresh(tmp_path)) as server:
        yield server
