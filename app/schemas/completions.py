"""Request and response models of completions and sync."""

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
)

from app.domain.completion_rules import Run
from app.domain.steps import SLUG_PATTERN
from app.schemas.accounts import TimeZoneName, storable

MAX_PUSH = 500
# Lower-case, hyphenated, as crypto.randomUUID() makes them; one spelling per run, so the ids the
# server answers with are exactly the ids the device holds.
ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
EXAMPLE: dict[str, JsonValue] = {
    "id": "9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77",
    "routine": "morning",
    "routine_version": 1,
    "started_at": "2026-11-22T07:02:11+01:00",
    "finished_at": "2026-11-22T07:06:40+01:00",
    "timezone": "Europe/Berlin",
    "steps_done": 4,
    "steps_total": 4,
    "pain_before": 4,
    "pain_after": 2,
    "notes": "left side weaker",
    "modified_at": "2026-11-22T07:06:41+01:00",
    "deleted": False,
}


def _in_range(value: datetime) -> datetime:
    # Years near 1 or 9999 overflow when moved to UTC or to another zone.
    if not 2000 <= value.year <= 2999 or not 2000 <= value.astimezone(UTC).year <= 2999:
        raise ValueError("is not a time between the years 2000 and 2999")
    return value


def _empty_if_null(value: object) -> object:
    return "" if value is None else value


Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]
Pain = Annotated[int, Field(ge=0, le=10)]


class CompletionIn(BaseModel):
    """One run of a routine as a device sends it; unknown fields (like `seq`) are ignored."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [EXAMPLE]})

    id: str = Field(
        pattern=ID_PATTERN,
        min_length=36,
        max_length=36,
        description="Made on the device (a lower-case UUID); the same run keeps it forever.",
    )
    routine: str = Field(max_length=60, pattern=SLUG_PATTERN)
    routine_version: int = Field(ge=1, le=2**31 - 1)
    started_at: Moment
    finished_at: Moment
    timezone: TimeZoneName
    steps_done: int = Field(ge=0, le=10_000)
    steps_total: int = Field(ge=1, le=10_000)
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    notes: Annotated[
        str, BeforeValidator(_empty_if_null), Field(max_length=2000), AfterValidator(storable)
    ] = ""
    modified_at: Moment
    deleted: bool = False

    def run(self) -> Run:
        """The domain value of this record."""
        return Run(
            id=self.id,
            routine=self.routine,
            routine_version=self.routine_version,
            started_at=self.started_at,
            finished_at=self.finished_at,
            timezone=self.timezone,
            steps_done=self.steps_done,
            steps_total=self.steps_total,
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            notes=self.notes,
            modified_at=self.modified_at,
            deleted=self.deleted,
        )


class CompletionPut(CompletionIn):
    """A run sent to its own URL: `id` may be left out, and must match the URL when given."""

    id: Annotated[str, Field(pattern=ID_PATTERN, min_length=36, max_length=36)] | None = None  # type: ignore[assignment]


class CompletionOut(BaseModel):
    """A run as the server keeps it; times are shown in the run's own zone."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**EXAMPLE, "local_date": "2026-11-22", "seq": 41}]}
    )

    id: str
    routine: str
    routine_version: int
    started_at: datetime
    finished_at: datetime
    timezone: str
    local_date: date
    steps_done: int
    steps_total: int
    pain_before: int | None
    pain_after: int | None
    notes: str
    modified_at: datetime
    deleted: bool
    seq: int = Field(description="The server's change counter when this version was stored.")


class SyncIn(BaseModel):
    """What a device sends: where it left off, and its changed runs."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"cursor": None, "push": [EXAMPLE]}]})

    cursor: str | None = Field(
        None, max_length=512, description="From the last sync's answer; null for everything."
    )
    # Items are checked one by one, so a bad record is rejected alone instead of failing the batch.
    push: list[Any] = Field(
        default_factory=list,
        max_length=MAX_PUSH,
        json_schema_extra={"items": CompletionIn.model_json_schema()},
    )


class Rejected(BaseModel):
    """A pushed record the server did not take, and why (an RFC 9457 problem)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": EXAMPLE["id"],
                    "problem": {
                        "type": "/problems/validation",
                        "title": "Invalid request",
                        "status": 422,
                        "detail": "The completion has invalid fields: pain_after",
                        "errors": [
                            {
                                "pointer": "#/pain_after",
                                "field": "pain_after",
                                "detail": "Input should be less than or equal to 10",
                            }
                        ],
                    },
                }
            ]
        }
    )

    id: str | None
    problem: dict[str, Any]


class SyncOut(BaseModel):
    """The server's side: what changed since the cursor, and the fate of each pushed record."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "cursor": "eyJzIjo0MX0.q3Lw0a6pQ2o0m1Jd8kYp2g",
                    "pull": [{**EXAMPLE, "local_date": "2026-11-22", "seq": 41}],
                    "accepted": [EXAMPLE["id"]],
                    "rejected": [],
                    "more": False,
                }
            ]
        }
    )

    cursor: str
    pull: list[CompletionOut]
    accepted: list[str]
    rejected: list[Rejected]
    more: bool
