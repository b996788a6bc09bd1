"""Request and response models of accounts, device tokens and settings."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

# SQLModel models take its own config type (a ConfigDict with its table options).
from sqlmodel._compat import SQLModelConfig

from app.models import AccountBase, DeviceToken
from app.schemas.common import ClockTime, DailyGoal, PhaseNumber, Storable, TimeZoneName

# Phones capitalise the first letter of a field: letters of either case are taken, and kept in
# lower case, so "Anna" and "anna" are one account.
USERNAME_PATTERN = r"^[A-Za-z0-9_.-]{3,40}$"
LOGIN_NAME_PATTERN = r"^[A-Za-z0-9_.-]{1,40}$"
MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH = 10, 1024
FEED_PATH = "api/v1/reminders.ics"


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
                }
            ]
        },
    )

    reminders_url: str


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
    """A device token just made; `token` is shown this once and never again."""

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


class ExportedAccount(AccountBase):
    """The settings an export records alongside the runs (never the feed key)."""

    model_config = SQLModelConfig(json_schema_serialization_defaults_required=True)


def account_out(account: AccountBase, base_url: str, reminders_key: str) -> AccountOut:
    """The account as the API shows it, with its feed's absolute URL (key included)."""
    values = {name: getattr(account, name) for name in AccountBase.model_fields}
    return AccountOut(**values, reminders_url=f"{base_url}{FEED_PATH}?key={reminders_key}")


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
