"""The clock: the one place a request learns the time, so tests can set it."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends


def now() -> datetime:
    """Now, aware, in UTC (a dependency: tests override it through `app.dependency_overrides`)."""
    return datetime.now(UTC)


Now = Annotated[datetime, Depends(now)]
