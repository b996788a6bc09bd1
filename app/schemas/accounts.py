"""Request and response models of accounts, device tokens and settings."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

# SQLModel models take its own config type (a ConfigDict with its table options).
from sqlmodel._compat import SQLModelConfig

from app.models import Account, AccountBase, DeviceToken
from app.schemas.common import ClockTime, DailyGoal, PhaseNumber, Storable, TimeZoneName, storable

# Phones capitalise the first letter of a field: letters of either case are taken, and kept in
# lower case, so "Anna" and "anna" are one account.
USERNAME_PATTERN = r"^[A-Za-z0-9_.-]{3,40}$"
LOGIN_NAME_PATTERN = r"^[A-Za-z0-9_.-]{1,40}$"
MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH = 10, 1024
FEED_PATH = "api/v1/reminders.ics"
SHARE_PATH = "share/"
RECOVERY_CODE_EXAMPLE = "7KQM-X3WD-P9HT-R4NB-ZC2E"


def _lower(value: str) -> str:
    return value.lower()


Username = Annotated[
    str,
    Strict(),
    Field(pattern=USERNAME_PATTERN, description="Stored in lower case.", examples=["anna.k"]),
    Storable,
    AfterValidator(_lower),
]
LoginName = Annotated[
    str, Strict(), Field(pattern=LOGIN_NAME_PATTERN), Storable, AfterValidator(_lower)
]
Password = Annotated[
    str, Strict(), Field(min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH), Storable
]
DeviceName = Annotated[str, Strict(), Field(min_length=1, max_length=100), Storable]


class SignUp(BaseModel):
    """A new account."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"username": "anna.k", "password": "a long passphrase", "timezone": "Europe/Berlin"}
            ]
        }
    )

    username: Username
    password: Password
    timezone: TimeZoneName = "UTC"
    device_name: DeviceName = "First device"


class SignIn(BaseModel):
    """Credentials for a new device token."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"username": "anna.k", "password": "a long passphrase", "device_name": "Tablet"}
            ]
        }
    )

    username: LoginName
    password: Annotated[
        str, Strict(), Field(min_length=1, max_length=MAX_PASSWORD_LENGTH), Storable
    ]
    device_name: DeviceName = "Device"


class AccountOut(AccountBase):
    """An account's settings; `reminders_url` includes the feed's own key."""

    model_config = SQLModelConfig(
        # Every setting is always sent, so each is required in the answer.
        json_schema_serialization_defaults_required=True,
        json_schema_extra={
            "examples": [
                {
                    "username": "anna.k",
                    "timezone": "Europe/Berlin",
                    "morning_time": "07:30",
                    "evening_time": "21:30",
                    "daily_goal": 2,
                    "phase": 1,
                    "reminders_url": "https://squeeze.example/api/v1/reminders.ics?key=Zk3…",
                    "has_password": True,
                    "share_url": None,
                }
            ]
        },
    )

    reminders_url: str
    has_password: bool = Field(
        description="False for an anonymous account (no username yet): keep its history with "
        "POST /api/v1/account/credentials."
    )
    share_url: str | None = Field(
        description="The read-only therapist page, key included; null when no link is shared."
    )


class AccountPatch(BaseModel):
    """Settings to change; fields left out stay as they are."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"timezone": "America/Toronto", "daily_goal": 1}]},
    )

    timezone: TimeZoneName | None = None
    morning_time: ClockTime | None = None
    evening_time: ClockTime | None = None
    daily_goal: DailyGoal | None = None
    phase: PhaseNumber | None = None


class TokenOut(BaseModel):
    """A device token as listed: never the secret."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "device_name": "Phone",
                    "created_at": "2026-11-22T07:00:00+00:00",
                    "last_used_at": "2026-11-23T21:31:00+00:00",
                    "current": True,
                }
            ]
        }
    )

    id: int
    device_name: str
    created_at: datetime
    last_used_at: datetime | None = None
    current: bool = Field(False, description="Whether this is the token of the calling device.")


class NewToken(BaseModel):
    """A device token just made; `token` is shown this once and never again (so is a
    `recovery_code` when a recovery made one)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "token": "q0Jc5…",
                    "device_name": "Phone",
                    "created_at": "2026-11-22T07:00:00+00:00",
                }
            ]
        }
    )

    id: int
    token: str
    device_name: str
    created_at: datetime
    recovery_code: str | None = Field(
        None, description="Only after a recovery: the next one-time recovery code."
    )


class SignedUp(BaseModel):
    """A new account, the first device's token (shown this once) and that device."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account": AccountOut.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                    "token": "q0Jc5…",
                    "device": TokenOut.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                }
            ]
        }
    )

    account: AccountOut
    token: str
    device: TokenOut


class AnonymousSignUp(BaseModel):
    """An account without credentials; everything may be left out."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"timezone": "Europe/Berlin", "device_name": "Phone"}]},
    )

    timezone: TimeZoneName = "UTC"
    device_name: DeviceName = "First device"


class Credentials(BaseModel):
    """A username and password for an anonymous account: "keep your history"."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"username": "anna.k", "password": "a long passphrase"}]},
    )

    username: Username
    password: Password


class HistoryKept(BaseModel):
    """The account, now named, and its recovery code: shown this once, never again."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account": AccountOut.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                    "recovery_code": RECOVERY_CODE_EXAMPLE,
                }
            ]
        }
    )

    account: AccountOut
    recovery_code: str


RecoveryCode = Annotated[
    str,
    Field(min_length=1, max_length=64, examples=[RECOVERY_CODE_EXAMPLE]),
    AfterValidator(storable),
]
CurrentPassword = Annotated[
    str, Field(min_length=1, max_length=MAX_PASSWORD_LENGTH), AfterValidator(storable)
]


class PasswordChange(BaseModel):
    """The password now, and the one to use from now on."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"current_password": "a long passphrase", "new_password": "a longer one!"}]
        },
    )

    current_password: CurrentPassword
    new_password: Password


class Recovery(BaseModel):
    """A forgotten password reset with the account's one-time recovery code."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "username": "anna.k",
                    "recovery_code": RECOVERY_CODE_EXAMPLE,
                    "new_password": "a new long passphrase",
                    "device_name": "Phone",
                }
            ]
        },
    )

    username: LoginName
    recovery_code: RecoveryCode
    new_password: Password
    device_name: DeviceName = "Device"


class Revoked(BaseModel):
    """How many device tokens stopped working."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"revoked": 3}]})

    revoked: int


class TokenRename(BaseModel):
    """A device's new name."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"device_name": "Anna's phone"}]}
    )

    device_name: DeviceName


class MergeIn(BaseModel):
    """The device token of an anonymous account whose runs move into the signed-in one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"token": "q0Jc5…"}]})

    token: Annotated[str, Field(min_length=1, max_length=512)]


class Merged(BaseModel):
    """What became of the anonymous account's runs and routines in the signed-in account."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "created": 12,
                    "updated": 0,
                    "unchanged": 0,
                    "routines_moved": 1,
                    "account": AccountOut.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                }
            ]
        }
    )

    created: int
    updated: int
    unchanged: int
    routines_moved: int
    account: AccountOut


class ExportedAccount(AccountBase):
    """The settings an export records alongside the runs (never the feed key)."""

    model_config = SQLModelConfig(json_schema_serialization_defaults_required=True)


def account_out(account: Account, base_url: str) -> AccountOut:
    """The account as the API shows it, with its feed's and share page's absolute URLs."""
    values = {name: getattr(account, name) for name in AccountBase.model_fields}
    share = f"{base_url}{SHARE_PATH}{account.share_key}" if account.share_key else None
    return AccountOut(
        **values,
        reminders_url=f"{base_url}{FEED_PATH}?key={account.reminders_key}",
        has_password=account.password_hash is not None,
        share_url=share,
    )


def token_out(device: DeviceToken, current: DeviceToken | None = None) -> TokenOut:
    """A token as listed, flagged when it is the caller's own."""
    assert device.id is not None
    return TokenOut(
        id=device.id,
        device_name=device.device_name,
        created_at=device.created_at,
        last_used_at=device.last_used_at,
        current=current is not None and current.id == device.id,
    )
