"""Completions as a device would send them."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.clock import NOW

BERLIN = ZoneInfo("Europe/Berlin")


def run(
    started: datetime | None = None,
    *,
    modified: datetime | None = None,
    run_id: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A valid completion started at `started` (by default an hour before the tests' `NOW`)."""
    started = started or NOW.astimezone(BERLIN) - timedelta(hours=1)
    finished = started + timedelta(minutes=4, seconds=29)
    record: dict[str, Any] = {
        "id": run_id or str(uuid.uuid4()),
        "routine": "morning",
        "routine_version": 1,
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "timezone": "Europe/Berlin",
        "steps_done": 4,
        "steps_total": 4,
        "pain_before": 4,
        "pain_after": 2,
        "notes": "left side weaker",
        "modified_at": (modified or finished + timedelta(seconds=1)).isoformat(),
        "deleted": False,
    }
    record.update(fields)
    return record


def at(year: int, month: int, day: int, hour: int = 7, minute: int = 0) -> datetime:
    """A Berlin wall-clock time."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def utc(moment: str) -> datetime:
    """An RFC 3339 string as an aware UTC datetime."""
    return datetime.fromisoformat(moment).astimezone(UTC)
