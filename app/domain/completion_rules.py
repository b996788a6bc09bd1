"""What makes a completion plausible: rules across fields, with the clock as a parameter."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.zones import local_date

MAX_RUN = timedelta(hours=6)
MAX_AHEAD = timedelta(days=1)


@dataclass(frozen=True)
class Run:
    """One completion as the client sent it; datetimes are aware."""

    id: str
    routine: str
    routine_version: int
    started_at: datetime
    finished_at: datetime
    timezone: str
    steps_done: int
    steps_total: int
    pain_before: int | None
    pain_after: int | None
    notes: str
    modified_at: datetime
    deleted: bool

    @property
    def local_date(self) -> date:
        """The date of `started_at` in the run's own time zone."""
        return local_date(self.started_at, self.timezone)


def _error(field: str, detail: str) -> dict[str, str]:
    return {"pointer": f"#/{field}", "field": field, "detail": detail}


def run_errors(run: Run, now: datetime) -> list[dict[str, str]]:
    """Every rule `run` breaks at `now` (empty when it is acceptable)."""
    errors = []
    if run.finished_at < run.started_at:
        errors.append(_error("finished_at", "is before started_at"))
    elif run.finished_at - run.started_at > MAX_RUN:
        errors.append(_error("finished_at", "is more than 6 hours after started_at"))
    if run.started_at > now + MAX_AHEAD:
        errors.append(_error("started_at", "is more than a day in the future"))
    if run.modified_at > now + MAX_AHEAD:
        errors.append(_error("modified_at", "is more than a day in the future"))
    if run.steps_done > run.steps_total:
        errors.append(_error("steps_done", "is more than steps_total"))
    return errors
