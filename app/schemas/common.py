"""What every resource shares: the field types records are made of, a page of a list, a problem."""

from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, Strict

from app.domain.phases import FIRST_PHASE, LAST_PHASE
from app.domain.text import Storable, Text, storable
from app.domain.zones import CLOCK_PATTERN, ZONE_PATTERN, is_clock_time, is_zone

T = TypeVar("T")


def _zone(value: str) -> str:
    if not is_zone(value):
        raise ValueError("is not an IANA time zone name such as Europe/Berlin")
    return value


def _clock(value: str) -> str:
    if not is_clock_time(value):
        raise ValueError("is not a 24-hour time HH:MM")
    return value


def _in_range(value: datetime) -> datetime:
    # Years near 1 or 9999 overflow when moved to UTC or to another zone.
    if not 2000 <= value.year <= 2999 or not 2000 <= value.astimezone(UTC).year <= 2999:
        raise ValueError("is not a time between the years 2000 and 2999")
    return value


def _date_in_range(value: date) -> date:
    # Days near the year 1 or 9999 overflow when a calendar is counted back or forward from them.
    if not 2000 <= value.year <= 2999:
        raise ValueError("is not a date between the years 2000 and 2999")
    return value


__all__ = ["Storable", "Text", "storable"]
TimeZoneName = Annotated[
    str,
    Strict(),
    Field(min_length=1, max_length=64, pattern=ZONE_PATTERN, examples=["Europe/Berlin"]),
    Storable,
    AfterValidator(_zone),
]
ClockTime = Annotated[
    str,
    Strict(),
    Field(min_length=5, max_length=5, pattern=CLOCK_PATTERN, examples=["07:30"]),
    Storable,
    AfterValidator(_clock),
]
MIN_DAILY_GOAL, MAX_DAILY_GOAL = 1, 4
DailyGoal = Annotated[int, Strict(), Field(ge=MIN_DAILY_GOAL, le=MAX_DAILY_GOAL)]
PhaseNumber = Annotated[int, Strict(), Field(ge=FIRST_PHASE, le=LAST_PHASE)]
# An aware moment in a range every zone conversion survives.
Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]
# A calendar date a request names (a query's `from` or `to`).
Day = Annotated[date, AfterValidator(_date_in_range)]
# Any integer a request names (an id, a version): within PostgreSQL's INTEGER.
MAX_INT = 2**31 - 1


class Page(BaseModel, Generic[T]):
    """A page of a list; `next_cursor` is opaque and null on the last page."""

    items: list[T]
    next_cursor: str | None = None


class ProblemOut(BaseModel):
    """An RFC 9457 problem."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "No routine is called 'sunrise'.",
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ProblemOut, "content": {"application/problem+json": {}}}
    for status in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}
