"""SQLModel tables: the whole v1 contract (accounts, device tokens, routines, completions)."""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, Index, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; SQLite keeps no offset, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def _stamp() -> Any:
    """A UTC timestamp column that defaults to now."""
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


def _moment() -> Any:
    """A required UTC timestamp column."""
    return Field(sa_column=Column(UTCDateTime(), nullable=False))


def _maybe_moment() -> Any:
    """An optional UTC timestamp column."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class Account(SQLModel, table=True):
    """A person; their settings drive streaks, reminders and the phase they are offered."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=40, unique=True)
    password_hash: str = Field(max_length=255)
    timezone: str = Field(default="UTC", max_length=64)
    morning_time: str = Field(default="07:30", max_length=5)
    evening_time: str = Field(default="21:30", max_length=5)
    daily_goal: int = Field(default=2)
    phase: int = Field(default=1)
    # The calendar feed's own secret: narrow (read-only reminders) and rotated on demand.
    reminders_key: str = Field(max_length=64, unique=True)
    # The account's change counter: bumped under the account row's lock, so `seq` values commit in
    # order and a sync cursor never skips a record.
    last_seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    created_at: datetime = _stamp()


class DeviceToken(SQLModel, table=True):
    """A signed-in device; only the token's SHA-256 is kept."""

    __tablename__ = "device_token"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True)
    device_name: str = Field(max_length=100)
    created_at: datetime = _stamp()
    last_used_at: datetime | None = _maybe_moment()


class LoginThrottle(SQLModel, table=True):
    """Failed sign-ins per username, shared by every app server."""

    __tablename__ = "login_throttle"

    username: str = Field(primary_key=True, max_length=40)
    failures: int = Field(default=0)
    window_started_at: datetime = _stamp()


class CustomRoutine(SQLModel, table=True):
    """A routine a person composed; its current version (history in `routine_version`)."""

    __tablename__ = "custom_routine"
    __table_args__ = (UniqueConstraint("account_id", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    slug: str = Field(max_length=60)
    name: str = Field(max_length=80)
    slot: str = Field(default="any", max_length=16)
    phase: int = Field(default=1)
    version: int = Field(default=1)
    steps: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    deleted: bool = Field(default=False)
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class RoutineVersion(SQLModel, table=True):
    """Every saved version of a custom routine, so a completion can name the one it ran."""

    __tablename__ = "routine_version"
    __table_args__ = (UniqueConstraint("routine_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    routine_id: int = Field(foreign_key="custom_routine.id", index=True, ondelete="CASCADE")
    version: int
    name: str = Field(max_length=80)
    steps: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = _stamp()


class Completion(SQLModel, table=True):
    """One run of a routine, made on a device under a client UUID; deletions are tombstones."""

    __table_args__ = (
        Index("ix_completion_account_local_date", "account_id", "local_date"),
        Index("ix_completion_account_seq", "account_id", "seq", unique=True),
    )

    account_id: int = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    id: str = Field(primary_key=True, max_length=36)
    routine: str = Field(max_length=60)
    routine_version: int
    started_at: datetime = _moment()
    finished_at: datetime = _moment()
    timezone: str = Field(max_length=64)
    local_date: date
    steps_done: int
    steps_total: int
    pain_before: int | None = None
    pain_after: int | None = None
    notes: str = Field(default="", max_length=2000)
    modified_at: datetime = _moment()
    deleted: bool = Field(default=False)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    received_at: datetime = _stamp()
