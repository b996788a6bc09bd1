"""The one place that decides which version of a completion the server keeps.

Last writer wins by `modified_at`; on a tie the stored version stays, so replaying a push, or
receiving the same edit from two devices, changes nothing and bumps no change counter.
"""

from dataclasses import fields, replace
from datetime import datetime, timedelta
from enum import Enum

from app.domain.completion_rules import Run


class Outcome(Enum):
    """What happens to a pushed version."""

    CREATE = "create"  # the server had no such id
    REPLACE = "replace"  # the pushed version is newer
    KEEP = "keep"  # the stored version is as new or newer


def decide(stored: Run | None, incoming: Run) -> Outcome:
    """Whether `incoming` creates, replaces or leaves the stored version."""
    if stored is None:
        return Outcome.CREATE
    if incoming.modified_at > stored.modified_at:
        return Outcome.REPLACE
    return Outcome.KEEP


def differs(stored: Run, incoming: Run) -> bool:
    """Whether the client's copy differs from what the server keeps (it should pull the winner)."""
    return any(getattr(stored, f.name) != getattr(incoming, f.name) for f in fields(Run))


def tombstoned(stored: Run, now: datetime) -> Run:
    """`stored` deleted at `now`: no personal content kept, and newer than the stored version
    even when a device clock had dated that one ahead of ours."""
    modified_at = max(now, stored.modified_at + timedelta(microseconds=1))
    return replace(
        stored, deleted=True, notes="", pain_before=None, pain_after=None, modified_at=modified_at
    )
