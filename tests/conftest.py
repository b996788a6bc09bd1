"""Fixtures: a fresh, migrated database per test on SQLite and (when configured) PostgreSQL."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
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
    """The app on a fresh database."""
    application = create_app(Settings(database_url=database_url))
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An HTTP client for the app."""
    with TestClient(app) as test_client:
        yield test_client
