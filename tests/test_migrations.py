"""The migrations build the schema the models describe, and go down and up again cleanly."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

import app.models  # noqa: F401
from tests.databases import BACKENDS, alembic_config, scratch_postgres


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
    else:
        with scratch_postgres() as url:
            yield url


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def _differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(empty_database: str) -> None:
    config = alembic_config(empty_database)
    command.upgrade(config, "head")
    assert _tables(empty_database) == set(SQLModel.metadata.tables)
    command.downgrade(config, "base")
    assert _tables(empty_database) == set()
    command.upgrade(config, "head")
    assert _tables(empty_database) == set(SQLModel.metadata.tables)


def test_models_and_migrations_agree(empty_database: str) -> None:
    command.upgrade(alembic_config(empty_database), "head")
    assert _differences(empty_database) == []


def test_upgrade_to_anonymous_accounts_keeps_every_row(empty_database: str) -> None:
    """0002 rebuilds the account table on SQLite: no run or token may cascade away with it, and
    existing cursors stay valid (their secret was the password hash)."""
    config = alembic_config(empty_database)
    command.upgrade(config, "0001")
    engine = create_engine(empty_database)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO account (id, username, password_hash, timezone, morning_time,"
                    " evening_time, daily_goal, phase, reminders_key, last_seq, created_at)"
                    " VALUES (1, 'anna', 'hash-1', 'UTC', '07:30', '21:30', 2, 1, 'feed', 1,"
                    " '2026-11-20 07:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO device_token (account_id, token_hash, device_name, created_at)"
                    " VALUES (1, 'digest', 'Phone', '2026-11-20 07:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO completion (account_id, id, routine, routine_version, started_at,"
                    " finished_at, timezone, steps_done, steps_total, notes, modified_at,"
                    " deleted, local_date, seq, received_at) VALUES (1,"
                    " '9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77', 'morning', 1,"
                    " '2026-11-20 07:00:00', '2026-11-20 07:04:00', 'UTC', 4, 4, 'tight', "
                    " '2026-11-20 07:04:00', false, '2026-11-20', 1, '2026-11-20 07:04:00')"
                )
            )
        command.upgrade(config, "head")
        with engine.connect() as connection:
            assert (
                connection.execute(text("SELECT cursor_secret FROM account")).scalar() == "hash-1"
            )
            assert connection.execute(text("SELECT count(*) FROM device_token")).scalar() == 1
            row = connection.execute(
                text("SELECT notes, weaker_side, share_note FROM completion")
            ).one()
            assert tuple(row) == ("tight", None, False)
    finally:
        engine.dispose()
