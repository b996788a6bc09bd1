"""Request and response models of accounts, device tokens and settings."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.domain.zones import CLOCK_PATTERN, ZONE_PATTERN, is_clock_time, is_zone

# Phones capitalise the first letter of a field: letters of either case are taken, and kept in
# lower case, so "Anna" and "anna" are one account.
USERNAME_PATTERN = r"^[A-Za-z0-9_.-]{3,40}$"
LOGIN_NAME_PATTERN = r"^[A-Za-z0-9_.-]{1,40}$"


def _lower(value: str) -> str:
    return value.lower()


def storable(value: str) -> str:
    """`value`, if every database can store it: no NUL and no lone UTF-16 surrogates."""
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


def _zone(value: str) -> str:
    if not is_zone(value):
        raise ValueError("is not an IANA time zone name such as Europe/Berlin")
    return value


def _clock(value: str) -> str:
    if not is_clock_time(value):
        raise ValueError("is not a 24-hour time HH:MM")
    return value


Username = Annotated[
    str,
    Field(pattern=USERNAME_PATTERN, description="Stored in lower case.", examples=["anna.k"]),
    AfterValidator(_lower),
]
LoginName = Annotated[str, Field(pattern=LOGIN_NAME_PATTERN), AfterValidator(_lower)]
Password = Annotated[str, Field(min_length=10, max_length=1024), AfterValidator(storable)]
TimeZoneName = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=ZONE_PATTERN, examples=["Europe/Berlin"]),
    AfterValidator(_zone),
]
ClockTime = Annotated[
    str,
    Field(min_length=5, max_length=5, pattern=CLOCK_PATTERN, examples=["07:30"]),
    AfterValidator(_clock),
]
DeviceName = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(storable)]


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
    password: Annotated[str, Field(min_length=1, max_length=1024), AfterValidator(storable)]
    device_name: DeviceName = "Device"


class AccountOut(BaseModel):
    """An account's settings; `reminders_url` includes the feed's own key."""

    model_config = ConfigDict(
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
        }
    )

    username: str
    timezone: str
    morning_time: str
    evening_time: str
    daily_goal: int = Field(ge=1, le=4)
    phase: int = Field(ge=1, le=3)
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
    daily_goal: Annotated[int, Field(ge=1, le=4)] | None = None
    phase: Annotated[int, Field(ge=1, le=3)] | None = None


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
