"""Downgrading the initial migration refuses to drop a database's runs unless told to."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.util import CommandError
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from app.core.config import PROJECT_ROOT, Settings
from app.main import create_app
from tests.api.completion_factory import at, run
from tests.databases import BACKENDS, alembic_config, migrate, scratch_postgres


@pytest.fixture(params=BACKENDS)
def migrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'squeeze.db'}"
        migrate(url)
        yield url
        return
    with scratch_postgres() as url:
        migrate(url)
        yield url


def store_runs(database_url: str, count: int) -> None:
    application = create_app(Settings(database_url=database_url))
    try:
        with TestClient(application) as client:
            answer = client.post(
                "/api/v1/accounts", json={"username": "dora", "password": "correct horse battery"}
            )
            headers = {"Authorization": f"Bearer {answer.json()['token']}"}
            push = [run(at(2026, 6, 1 + day)) for day in range(count)]
            stored = client.post("/api/v1/sync", headers=headers, json={"push": push})
            assert len(stored.json()["accepted"]) == count
    finally:
        application.state.engine.dispose()


def tables_and_runs(database_url: str) -> tuple[set[str], int | None]:
    engine = create_engine(database_url)
    try:
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        if "completion" not in tables:
            return tables, None
        with engine.connect() as connection:
            return tables, int(
                connection.execute(text("SELECT count(*) FROM completion")).scalar_one()
            )
    finally:
        engine.dispose()


def alembic(database_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The `alembic` command line an operator would type, on `database_url`."""
    return subprocess.run(
        [sys.executable, "-m", "alembic", *arguments],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_downgrade_with_runs_refuses_and_says_how_many_and_how_to_force(migrated: str) -> None:
    store_runs(migrated, 3)
    # 0002 only drops what accounts without a name need; these runs belong to a named one.
    command.downgrade(alembic_config(migrated), "0001")
    tables_before = tables_and_runs(migrated)[0]

    with pytest.raises(CommandError) as refusal:
        command.downgrade(alembic_config(migrated), "-1")
    assert "3 runs" in str(refusal.value)
    assert "alembic -x allow_data_loss=true downgrade -1" in str(refusal.value)
    assert tables_and_runs(migrated) == (tables_before, 3)

    typed = alembic(migrated, "downgrade", "-1")
    assert typed.returncode != 0
    assert "FAILED: Refusing to downgrade" in typed.stdout + typed.stderr
    assert "3 runs" in typed.stdout + typed.stderr
    assert tables_and_runs(migrated) == (tables_before, 3)

    forced = alembic(migrated, "-x", "allow_data_loss=true", "downgrade", "-1")
    assert forced.returncode == 0, forced.stderr
    assert tables_and_runs(migrated) == (set(), None)


def test_forcing_from_python_drops_the_runs(migrated: str) -> None:
    store_runs(migrated, 1)
    config = alembic_config(migrated)
    config.attributes["allow_data_loss"] = True
    command.downgrade(config, "base")
    assert tables_and_runs(migrated) == (set(), None)
