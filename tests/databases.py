"""Real test databases: a migrated SQLite file per test, and a private PostgreSQL database."""

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, make_url, text

from app.core.config import PROJECT_ROOT

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def alembic_config(database_url: str) -> Config:
    """An Alembic config that migrates `database_url`, leaving the test's logging alone."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


def migrate(database_url: str) -> None:
    """Bring `database_url` to the newest migration."""
    command.upgrade(alembic_config(database_url), "head")


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database on the TEST_DATABASE_URL server, dropped afterwards."""
    server = make_url(POSTGRES_URL)
    name = f"squeeze_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class MigratedSqlite:
    """One migrated SQLite file, copied afresh for each test (faster than migrating each time)."""

    def __init__(self, directory: Path) -> None:
        self.template = directory / "template.db"
        migrate(f"sqlite:///{self.template}")

    def fresh(self, directory: Path) -> str:
        target = directory / "squeeze.db"
        shutil.copyfile(self.template, target)
        return f"sqlite:///{target}"


def truncate_all(database_url: str) -> None:
    """Empty every table but Alembic's, so a PostgreSQL test starts from a clean database."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        tables = connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars()
        names = ", ".join(f'"{t}"' for t in tables)
        if names:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
