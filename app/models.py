"""SQLModel tables, and the bases that declare the fields their API models share."""

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Strict
from pydantic import Field as Constraint
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from app.core.clock import now
from app.domain.phases import FIRST_PHASE
from app.domain.steps import SLUG_PATTERN
from app.schemas.common import (
    ClockTime,
    DailyGoal,
    Moment,
    PhaseNumber,
    Storable,
    TimeZoneName,
    storable,
)

# Lower-case, hyphenated, as crypto.randomUUID() makes them; one spelling per run, so the ids the
# server answers with are exactly the ids the device holds.
RUN_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
RunId = Annotated[
    str,
    Strict(),
    Constraint(
        pattern=RUN_ID_PATTERN,
        min_length=36,
        max_length=36,
        description="Made on the device (a lower-case UUID); the same run keeps it forever.",
    ),
    Storable,
]
Pain = Annotated[int, Strict(), Constraint(ge=0, le=10)]
WeakerSide = Literal["left", "right", "same"]
WEAKER_SIDES: tuple[WeakerSide, ...] = ("left", "right", "same")


def _empty_if_null(value: object) -> object:
    return "" if value is None else value


Notes = Annotated[
    str,
    BeforeValidator(_empty_if_null),
    Strict(),
    Constraint(max_length=2000),
    AfterValidator(storable),
]


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


def _stamp() -> Any:
    """A UTC timestamp column that defaults to now."""
    return Field(default_factory=now, sa_column=Column(UTCDateTime(), nullable=False))


def _moment() -> Any:
    """A required UTC timestamp column."""
    return Field(sa_column=Column(UTCDateTime(), nullable=False))


def _maybe_moment() -> Any:
    """An optional UTC timestamp column."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class AccountBase(SQLModel):
    """An account's name and settings: what it shows and exports (never its secrets)."""

    # None until the person keeps their history: an anonymous account is one row and one token.
    username: str | None = Field(default=None, max_length=40, unique=True)
    timezone: TimeZoneName = "UTC"
    morning_time: ClockTime = "07:30"
    evening_time: ClockTime = "21:30"
    daily_goal: DailyGoal = 2
    phase: PhaseNumber = FIRST_PHASE


class Account(AccountBase, table=True):
    """A person; their settings drive streaks, reminders and the phase they are offered."""

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str | None = Field(default=None, max_length=255)
    # What the account's cursors are signed with: secret, its own, and unchanged by a new password.
    cursor_secret: str = Field(max_length=255)
    # Only the SHA-256 of the one-time recovery code; None once spent or before history is kept.
    recovery_hash: str | None = Field(default=None, max_length=64)
    # The calendar feed's own secret: narrow (read-only reminders) and rotated on demand.
    reminders_key: str = Field(max_length=64, unique=True)
    # The therapist link's secret: read-only summary, None when no link is shared.
    share_key: str | None = Field(default=None, max_length=64, unique=True)
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


class SignupThrottle(SQLModel, table=True):
    """Accounts made without credentials per client address, shared by every app server."""

    __tablename__ = "signup_throttle"

    address: str = Field(primary_key=True, max_length=64)
    signups: int = Field(default=0)
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


class CompletionBase(SQLModel):
    """One run of a routine as a device records it: every field of a completion, declared once.

    The table, the request and response models, the merge and the CSV export all take their
    fields from here.
    """

    id: RunId
    routine: Annotated[str, Strict(), Constraint(max_length=60, pattern=SLUG_PATTERN), Storable]
    # Strict: a JSON number or boolean as sent, never a string turned into one.
    routine_version: Annotated[int, Strict()] = Field(ge=1, le=2**31 - 1)
    started_at: Moment = _moment()
    finished_at: Moment = _moment()
    timezone: TimeZoneName
    steps_done: Annotated[int, Strict()] = Field(ge=0, le=10_000)
    steps_total: Annotated[int, Strict()] = Field(ge=1, le=10_000)
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    notes: Notes = ""
    # After a two-sided step: which glute felt weaker ("same" when neither); None when not asked.
    weaker_side: WeakerSide | None = Field(default=None, sa_column=Column(String(5), nullable=True))
    # Whether `notes` may be shown on the account's therapist page.
    share_note: Annotated[bool, Strict()] = False
    modified_at: Moment = _moment()
    deleted: Annotated[bool, Strict()] = False


def completion_values(record: Any) -> dict[str, Any]:
    """The fields `CompletionBase` declares, read off any completion (row, model, result row)."""
    return {name: getattr(record, name) for name in CompletionBase.model_fields}


class Completion(CompletionBase, table=True):
    """A completion as the server keeps it, in its account; deletions are tombstones."""

    __table_args__ = (
        PrimaryKeyConstraint("account_id", "id"),
        Index("ix_completion_account_local_date", "account_id", "local_date"),
        Index("ix_completion_account_seq", "account_id", "seq", unique=True),
    )

    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE")
    local_date: date  # the date of `started_at` in the run's own zone, where streaks count it
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    received_at: datetime = _stamp()
