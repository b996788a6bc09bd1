"""Back up and restore the database at DATABASE_URL: `make backup`, `make restore FILE=…`.

SQLite is copied with its online backup API, a consistent snapshot taken while the app keeps
writing; PostgreSQL with `pg_dump -Fc` (one snapshot too) and `pg_restore`. Run from the project
root: `python -m scripts.backup backup [--out PATH]`, `python -m scripts.backup restore FILE`.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import URL

from app.core.config import PROJECT_ROOT, get_settings

BACKUP_DIR = PROJECT_ROOT / "backups"
# Long enough to outwait the app's own write transactions, which give up after 5 s.
SQLITE_BUSY_TIMEOUT_MS = 30_000


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Contents:
    """What a database holds, for saying what a backup or restore did."""

    migration: str
    accounts: int
    runs: int

    def __str__(self) -> str:
        return f"{self.accounts} accounts, {self.runs} runs, migration {self.migration}"


def default_backup_path(database_url: str, now: datetime | None = None) -> Path:
    """backups/squeeze-<UTC timestamp>.db for SQLite, .dump for PostgreSQL."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    suffix = "db" if _is_sqlite(database_url) else "dump"
    return BACKUP_DIR / f"squeeze-{stamp}.{suffix}"


def backup(database_url: str, target: Path) -> str:
    """Writes a consistent copy of the database to `target` (never overwriting a file), and
    answers what the copy holds."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose another file.")
    # A backup holds password hashes and feed keys: readable by its owner alone.
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written beside the target and renamed at the end, so a file with the backup's name is
    # always a whole backup, even if this process dies half way.
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        if _is_sqlite(database_url):
            _sqlite_backup(_sqlite_path(database_url), partial)
            held = str(_sqlite_contents(partial))
        else:
            _run(["pg_dump", "--format=custom", "--file", str(partial)], database_url)
            _check_pg_dump(partial)
            # The live counts have moved on since pg_dump's snapshot; the size is the dump's own.
            held = f"{partial.stat().st_size} bytes"
        partial.chmod(0o600)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return held


def restore(database_url: str, source: Path) -> Contents:
    """Replaces the database's contents with the backup in `source`, after checking it."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    if _is_sqlite(database_url):
        _sqlite_contents(source)  # refuses a file that is not a whole, migrated database
        _sqlite_restore(source, _sqlite_path(database_url))
    else:
        _check_pg_dump(source)
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*command, str(source)], database_url)
    return _database_contents(database_url)


def _is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def _sqlite_path(database_url: str) -> Path:
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise BackupError("DATABASE_URL names no SQLite file.")
    return Path(database)


def _sqlite_backup(database: Path, target: Path) -> None:
    if not database.is_file():
        raise BackupError(f"{database} does not exist; there is nothing to back up.")
    # mode=rw: never create an empty database where the real one was expected.
    with (
        closing(_sqlite_connect(f"file:{database}?mode=rw")) as source,
        closing(_sqlite_connect(target)) as copy,
    ):
        # pages=-1 copies every page in one step inside one read transaction: a snapshot. In WAL
        # mode that read never blocks the app's writers, and their commits cannot restart it.
        source.backup(copy, pages=-1)
        # One self-contained file, with no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def _sqlite_restore(source: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    # The backup API in reverse writes the live file under SQLite's own locks, and keeps the
    # live -wal and -shm files coherent, which copying a file over the database would not.
    with (
        closing(_sqlite_connect(f"file:{source}?mode=ro")) as backup_copy,
        closing(_sqlite_connect(database)) as live,
    ):
        backup_copy.backup(live, pages=-1)
        live.execute("PRAGMA journal_mode=WAL")


def _sqlite_connect(database: Path | str) -> sqlite3.Connection:
    connection = sqlite3.connect(database, uri=isinstance(database, str), isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    return connection


def _sqlite_contents(file: Path) -> Contents:
    """What the SQLite file holds, after checking it is whole and migrated."""
    try:
        with closing(_sqlite_connect(f"file:{file}?mode=ro")) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(f"{file} is damaged: {'; '.join(problems[:5])}")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                raise BackupError(f"{file} is not a Squeeze database (it has no alembic_version).")
            migration = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            accounts = connection.execute("SELECT count(*) FROM account").fetchone()
            runs = connection.execute("SELECT count(*) FROM completion").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{file} is not a SQLite backup: {error}") from None
    return Contents(
        migration=str(migration[0]) if migration else "none",
        accounts=int(accounts[0]) if accounts else 0,
        runs=int(runs[0]) if runs else 0,
    )


def _database_contents(database_url: str) -> Contents:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            migration = connection.execute(text("SELECT version_num FROM alembic_version"))
            accounts = connection.execute(text("SELECT count(*) FROM account"))
            runs = connection.execute(text("SELECT count(*) FROM completion"))
            return Contents(
                migration=str(migration.scalar() or "none"),
                accounts=int(accounts.scalar_one()),
                runs=int(runs.scalar_one()),
            )
    finally:
        engine.dispose()


def _check_pg_dump(file: Path) -> None:
    """Refuses a file that pg_restore cannot read or that holds no migrated Squeeze database."""
    listing = _run(["pg_restore", "--list", str(file)], what=f"{file} is not a pg_dump -Fc file")
    if not any(" TABLE DATA public alembic_version " in line for line in listing.splitlines()):
        raise BackupError(f"{file} is not a Squeeze database dump (it has no alembic_version).")


def _run(command: list[str], database_url: str | None = None, what: str | None = None) -> str:
    """Runs a PostgreSQL client tool (on `database_url`, if given) and answers its output."""
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"{command[0]} is not installed; install the PostgreSQL client tools.")
    env = dict(os.environ)
    if database_url is not None:
        url = make_url(database_url)
        # libpq takes a plain postgresql:// URL; the password goes in the environment, not in
        # the process list.
        libpq: URL = url.set(drivername="postgresql", password=None)
        command = [*command, "--dbname", libpq.render_as_string(hide_password=False)]
        if url.password is not None:
            env["PGPASSWORD"] = str(url.password)
    # No shell, and every argument is a path or URL this script was given as one argument.
    done = subprocess.run(  # noqa: S603
        [tool, *command[1:]], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        reason = done.stderr.strip() or f"exit status {done.returncode}"
        raise BackupError(f"{what or command[0] + ' failed'}: {reason}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    """The command line behind `make backup` and `make restore`."""
    parser = argparse.ArgumentParser(prog="python -m scripts.backup", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    backup_command = commands.add_parser("backup", help="copy the database into one file")
    backup_command.add_argument("--out", type=Path, help="the file (default: backups/squeeze-…)")
    restore_command = commands.add_parser("restore", help="replace the database with a backup")
    restore_command.add_argument("file", type=Path, nargs="?", help="a file `backup` wrote")
    arguments = parser.parse_args(argv)
    database_url = get_settings().database_url
    shown = make_url(database_url).render_as_string(hide_password=True)
    try:
        if arguments.command == "backup":
            target = arguments.out or default_backup_path(database_url)
            held = backup(database_url, target)
            print(f"Backed up {shown} to {target}: {held}.")
        else:
            if arguments.file is None:
                parser.error("restore needs the backup to restore: make restore FILE=backups/…")
            contents = restore(database_url, arguments.file)
            print(f"Restored {arguments.file} into {shown}: it now holds {contents}.")
    except BackupError as error:
        print(f"{arguments.command} refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
