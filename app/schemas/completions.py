"""Request and response models of completions and sync, all built on `CompletionBase`."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, Strict, ValidationError
from sqlalchemy import Row

# SQLModel models take its own config type (a ConfigDict with its table options).
from sqlmodel._compat import SQLModelConfig

from app.core.problems import field_error, invalid, problem_body, validation_errors
from app.domain.completion_rules import PlayedRun, run_errors
from app.domain.zones import in_zone
from app.models import Completion, CompletionBase, RunId, completion_values
from app.schemas.common import Storable, storable

MAX_PUSH = 500
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


class CompletionIn(CompletionBase):
    """One run of a routine as a device sends it; unknown fields (like `seq`) are ignored."""

    model_config = SQLModelConfig(extra="ignore", json_schema_extra={"examples": [EXAMPLE]})


class CompletionPut(CompletionIn):
    """A run sent to its own URL: `id` may be left out, and must match the URL when given."""

    id: RunId | None = None  # type: ignore[assignment]


class CompletionOut(CompletionBase):
    """A run as the server keeps it; times are shown in the run's own zone."""

    model_config = SQLModelConfig(
        # Every field is always sent, defaults included, so each is required in the answer.
        json_schema_serialization_defaults_required=True,
        json_schema_extra={"examples": [{**EXAMPLE, "local_date": "2026-11-22", "seq": 41}]},
    )

    local_date: date
    seq: int = Field(description="The server's change counter when this version was stored.")


class SyncIn(BaseModel):
    """What a device sends: where it left off, and its changed runs."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"cursor": None, "push": [EXAMPLE]}]})

    cursor: Annotated[str, Strict(), Storable] | None = Field(
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


def completion_out(row: Completion | Row[Any]) -> CompletionOut:
    """A stored row as the API shows it: times in the run's own zone."""
    values = completion_values(row)
    for name, value in values.items():
        if isinstance(value, datetime):
            values[name] = in_zone(value, row.timezone)
    return CompletionOut.model_validate({**values, "local_date": row.local_date, "seq": row.seq})


def broken_rules(run: PlayedRun, now: datetime) -> list[dict[str, str]]:
    """The cross-field rules `run` breaks at `now`, as the errors of a 422 problem."""
    return [field_error(("body", name), detail) for name, detail in run_errors(run, now)]


def checked_push(item: Any, now: datetime) -> CompletionIn | Rejected:
    """A pushed or imported item as a valid run, or its rejection with the problem."""
    raw_id = item.get("id") if isinstance(item, Mapping) else None
    shown_id = raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else None
    try:
        shown_id = storable(shown_id) if shown_id is not None else None
    except ValueError:
        shown_id = None  # not echoed: an answer must always encode, whatever was sent
    try:
        run = CompletionIn.model_validate(item)
    except ValidationError as error:
        return _rejected(shown_id, validation_errors(error.errors()))
    errors = broken_rules(run, now)
    return _rejected(shown_id, errors) if errors else run


def _rejected(shown_id: str | None, errors: list[dict[str, str]]) -> Rejected:
    problem = invalid(errors, "completion")
    body = problem_body(
        problem.status, problem.detail, title=problem.title, type_=problem.type_, **problem.extra
    )
    return Rejected(id=shown_id, problem=body)
