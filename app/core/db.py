"""The database engine, SQLite pragmas, and the session dependencies."""

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",  # [2], restored after a writer that would not wait
    "PRAGMA foreign_keys=ON",
)


def make_engine(database_url: str, pool_size: int = 10, pool_timeout_s: float = 10.0) -> Engine:
    """An engine for `database_url`; SQLite gets WAL and IMMEDIATE write transactions."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_timeout=pool_timeout_s,
            pool_pre_ping=True,
        )
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    # Open SQLite connections cost a file handle, while reopening one costs its PRAGMAs: keep one
    # per worker thread (anyio's pool has 40) so a busy server never churns or queues for them.
    engine = create_engine(
        url, connect_args={"check_same_thread": False}, pool_size=40, max_overflow=40
    )
    event.listen(engine, "connect", _sqlite_on_connect)
    _WriterGate().install(engine)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take SQLite's write lock up front."""
    return engine.execution_options(immediate=True)


def writer_if_free(engine: Engine) -> Engine:
    """A writer that never waits: its transaction fails at once (OperationalError) when another
    writer holds the lock, for bookkeeping that may as well be skipped."""
    return engine.execution_options(immediate=True, nowait=True)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy's "begin" event instead of pysqlite's implicit BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


class _WriterGate:
    """One SQLite write transaction at a time per process, queued on a lock.

    A deferred transaction that later writes cannot wait for the lock (SQLITE_BUSY at once), so
    writes BEGIN IMMEDIATE. Under load, SQLite's own busy handler polls with growing sleeps and
    lets some writers starve past busy_timeout; threads blocked on this lock wait their turn
    instead, and busy_timeout is left to arbitrate between processes.
    """

    def __init__(self, wait_s: float = 30.0) -> None:
        self.lock = threading.Lock()
        self.wait_s = wait_s

    def install(self, engine: Engine) -> None:
        event.listen(engine, "begin", self.begin)
        event.listen(engine, "commit", self.end)
        event.listen(engine, "rollback", self.end)
        # The pool's reset is the backstop for a transaction that never saw commit or rollback.
        event.listen(engine, "reset", lambda _dbapi, record, _state: self._release(record.info))

    def begin(self, connection: Connection) -> None:
        options = connection.get_execution_options()
        if not options.get("immediate", False):
            connection.exec_driver_sql("BEGIN")
            return
        nowait = options.get("nowait", False)
        if not self.lock.acquire(timeout=0 if nowait else self.wait_s):
            busy = sqlite3.OperationalError("database is locked")
            raise OperationalError("BEGIN IMMEDIATE", None, busy)
        connection.info["holds_writer_gate"] = True
        try:
            if nowait:  # another process's writer: give up at once instead of after busy_timeout
                connection.exec_driver_sql("PRAGMA busy_timeout=0")
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                if nowait:
                    connection.exec_driver_sql(SQLITE_PRAGMAS[2])
        except BaseException:
            self._release(connection.info)
            raise

    def end(self, connection: Connection) -> None:
        self._release(connection.info)

    def _release(self, info: dict[Any, Any]) -> None:
        if info.pop("holds_writer_gate", False):
            self.lock.release()


def get_session(request: Request) -> Iterator[Session]:
    """A read session for one request."""
    with Session(request.app.state.engine) as session:
        yield session


def get_write_session(request: Request) -> Iterator[Session]:
    """A session for one request that writes; on SQLite it holds the write lock from its start."""
    with Session(writer(request.app.state.engine)) as session:
        yield session


ReadSession = Annotated[Session, Depends(get_session)]
WriteSession = Annotated[Session, Depends(get_write_session)]
