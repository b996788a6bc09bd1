"""What makes a completion plausible, and whether it counts: rules across fields, clock passed in.

The fields themselves are declared once, on `app.models.CompletionBase`; these rules read only
the few they need (`PlayedRun`), so the domain depends on no model.
"""

from datetime import datetime, timedelta
from typing import Protocol

MAX_RUN = timedelta(hours=6)
MAX_AHEAD = timedelta(days=1)


class PlayedRun(Protocol):
    """What the plausibility rules read of a completion; datetimes are aware."""

    @property
    def started_at(self) -> datetime: ...
    @property
    def finished_at(self) -> datetime: ...
    @property
    def modified_at(self) -> datetime: ...
    @property
    def steps_done(self) -> int: ...
    @property
    def steps_total(self) -> int: ...


def counts(steps_done: int, steps_total: int) -> bool:
    """Whether a run counts towards its day: every one of its steps was played."""
    return steps_total > 0 and steps_done == steps_total


def run_errors(run: PlayedRun, now: datetime) -> list[tuple[str, str]]:
    """Every rule `run` breaks at `now`, as (field, what is wrong); empty when it is acceptable."""
    errors = []
    if run.finished_at < run.started_at:
        errors.append(("finished_at", "is before started_at"))
    elif run.finished_at - run.started_at > MAX_RUN:
        errors.append(("finished_at", "is more than 6 hours after started_at"))
    if run.started_at > now + MAX_AHEAD:
        errors.append(("started_at", "is more than a day in the future"))
    if run.modified_at > now + MAX_AHEAD:
        errors.append(("modified_at", "is more than a day in the future"))
    if run.steps_done > run.steps_total:
        errors.append(("steps_done", "is more than steps_total"))
    return errors
