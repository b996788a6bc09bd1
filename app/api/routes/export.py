"""Export and import: every completion of an account as CSV or JSON, and a JSON export read back.

The JSON export holds tombstones too (`deleted: true`), so importing it carries deletions along;
the CSV is for people and spreadsheets and lists only live runs. Import goes through the sync
code's checks and its one merge (`stores.completions.write`), so it is idempotent: importing the
same file twice, or into the account it came from, changes nothing.
"""

import csv
import io
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.api.deps import CurrentAccount, lock_account
from app.core.clock import Now
from app.core.config import Settings
from app.core.db import ReadSession, WriteSession
from app.core.problems import Problem, field_error, invalid, validation_errors
from app.domain.merge import Outcome
from app.schemas.accounts import ExportedAccount
from app.schemas.common import PROBLEM_RESPONSES
from app.schemas.completions import (
    EXAMPLE,
    CompletionIn,
    CompletionOut,
    Rejected,
    checked_push,
    completion_out,
)
from app.stores import completions as store

router = APIRouter(tags=["export"], responses=PROBLEM_RESPONSES)

IMPORT_PATH = "/api/v1/import"
NOT_AN_EXPORT = "This is not a Squeeze export"
# What only sync needs stays out of the spreadsheet (the CSV lists live runs only).
CSV_LEAVES_OUT = ("deleted", "seq")


def csv_columns(shown: type[BaseModel] = CompletionOut) -> list[str]:
    """The CSV's columns: a run's fields as the API shows them, its day beside its routine."""
    columns = [name for name in shown.model_fields if name not in CSV_LEAVES_OUT]
    columns.remove("local_date")
    columns.insert(columns.index("routine_version") + 1, "local_date")
    return columns


CSV_COLUMNS = tuple(csv_columns())
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportOut(BaseModel):
    """Every completion of the account, tombstones included, oldest run first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "exported_at": "2026-11-24T10:00:00Z",
                    "account": {
                        "username": "anna.k",
                        "timezone": "Europe/Berlin",
                        "morning_time": "07:30",
                        "evening_time": "21:30",
                        "daily_goal": 2,
                        "phase": 1,
                    },
                    "completions": [{**EXAMPLE, "local_date": "2026-11-22", "seq": 41}],
                }
            ]
        }
    )

    exported_at: datetime
    account: ExportedAccount
    completions: list[CompletionOut]


class ImportIn(BaseModel):
    """A JSON export (only `completions` is read; the rest may be left out)."""

    model_config = ConfigDict(
        extra="ignore", json_schema_extra={"examples": [{"completions": [EXAMPLE]}]}
    )

    exported_at: datetime | None = None

    @field_validator("exported_at", mode="before")
    @classmethod
    def _text_only(cls, value: object) -> object:
        # JSON carries times as RFC 3339 text; a bare number is not one (pydantic would take it
        # as seconds since 1970).
        if value is not None and not isinstance(value, str):
            raise ValueError("is not an RFC 3339 time")
        return value

    # Checked one by one, so a bad record is refused alone and the others are still imported.
    # The count is bounded by the `max_import_runs` setting, checked in the route.
    completions: list[Any]


class ImportOut(BaseModel):
    """What the import did with each record."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"created": 40, "updated": 1, "unchanged": 2, "refused": 0, "rejected": []}
            ]
        }
    )

    created: int = Field(description="Runs new to this account.")
    updated: int = Field(description="Stored runs the file had a newer version of.")
    unchanged: int = Field(description="Runs already stored as they are (or newer).")
    refused: int = Field(description="Records not taken; each is in `rejected` with its problem.")
    rejected: list[Rejected]


@router.get("/export.json", summary="Download every run as JSON")
def export_json(
    account: CurrentAccount, session: ReadSession, response: Response, now: Now
) -> ExportOut:
    """Every completion of the account, deletions included; `POST /api/v1/import` reads it back."""
    assert account.id is not None
    response.headers["Content-Disposition"] = 'attachment; filename="squeeze-runs.json"'
    response.headers["Cache-Control"] = "no-store"
    return ExportOut(
        exported_at=now,
        account=ExportedAccount.model_validate(account, from_attributes=True),
        completions=[completion_out(row) for row in store.every_run(session, account.id)],
    )


@router.get(
    "/export.csv",
    summary="Download every run as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per run."}},
)
def export_csv(account: CurrentAccount, session: ReadSession) -> Response:
    """Every live run of the account, one row each, times in the run's own zone."""
    assert account.id is not None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in store.every_run(session, account.id):
        if row.deleted:
            continue
        record = completion_out(row).model_dump(mode="json")
        writer.writerow([_cell(record[name]) for name in CSV_COLUMNS])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="squeeze-runs.csv"',
            "Cache-Control": "no-store",
        },
    )


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _not_an_export(body: object, limit: int) -> str | None:
    """Why `body` is not an export this server takes, or None when it is one."""
    if not isinstance(body, dict):
        return f"{NOT_AN_EXPORT}: the file holds a JSON {type(body).__name__}, not an object."
    if "completions" not in body:
        return f"{NOT_AN_EXPORT}: missing field 'completions'."
    if not isinstance(body["completions"], list):
        return f"{NOT_AN_EXPORT}: field 'completions' is not a list."
    if len(body["completions"]) > limit:
        return f"An import holds at most {limit} runs; this one has {len(body['completions'])}."
    return None


@router.post(
    "/import",
    summary="Import a JSON export (idempotent)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ImportIn.model_json_schema()}},
        }
    },
)
def import_json(
    body: Annotated[Any, Body()],
    account: CurrentAccount,
    session: WriteSession,
    request: Request,
    now: Now,
) -> ImportOut:
    """Merges the export's runs exactly as a sync push does: a newer `modified_at` wins, a tie
    keeps what is stored, a bad record is refused alone. Importing the same file again changes
    nothing (`created: 0`, every run `unchanged`). A body that is not an export answers 422 naming
    what is wrong. This route alone takes bodies up to the `max_import_bytes` setting (16 MiB by
    default: ten years of runs is about 3.7 MB) and up to `max_import_runs` records."""
    settings: Settings = request.app.state.settings
    wrong = _not_an_export(body, settings.max_import_runs)
    if wrong is not None:
        raise Problem(
            422,
            wrong,
            title="Not an export",
            type_="/problems/not-an-export",
            errors=[field_error(("body", "completions"), wrong)],
        )
    try:
        ImportIn.model_validate(body)  # the rest of the envelope, such as `exported_at`
    except ValidationError as error:
        raise invalid(validation_errors(error.errors()), "export") from None
    assert account.id is not None
    runs: list[CompletionIn] = []
    rejected: list[Rejected] = []
    for item in body["completions"]:
        checked = checked_push(item, now)
        if isinstance(checked, Rejected):
            rejected.append(checked)
        else:
            runs.append(checked)
    written = store.write(session, lock_account(session, account.id), runs)
    session.commit()
    outcomes = [w.outcome for w in written]
    return ImportOut(
        created=outcomes.count(Outcome.CREATE),
        updated=outcomes.count(Outcome.REPLACE),
        unchanged=outcomes.count(Outcome.KEEP),
        refused=len(rejected),
        rejected=rejected,
    )
