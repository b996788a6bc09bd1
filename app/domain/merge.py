"""The one place that decides which version of a completion the server keeps.

Last writer wins by `modified_at`; on a tie the stored version stays, so replaying a push, or
receiving the same edit from two devices, changes nothing and bumps no change counter.
"""

from datetime import datetime, timedelta
from enum import Enum
from typing import Any, Protocol


class Outcome(Enum):
    """What happens to a pushed version."""

    CREATE = "create"  # the server had no such id
    REPLACE = "replace"  # the pushed version is newer
    KEEP = "keep"  # the stored version is as new or newer


class Versioned(Protocol):
    """A version of a completion, as far as the merge rule looks at it."""

    @property
    def modified_at(self) -> datetime: ...


def decide(stored: Versioned | None, incoming: Versioned) -> Outcome:
    """Whether `incoming` creates, replaces or leaves the stored version."""
    if stored is None:
        return Outcome.CREATE
    if incoming.modified_at > stored.modified_at:
        return Outcome.REPLACE
    return Outcome.KEEP


# What a person wrote or felt about a run: a tombstone keeps none of it, however it arrives.
PERSONAL_CONTENT: dict[str, Any] = {
    "notes": "",
    "pain_before": None,
    "pain_after": None,
    "weaker_side": None,
    "share_note": False,
}


def scrubbed(values: dict[str, Any]) -> dict[str, Any]:
    """`values` as the server keeps them: a tombstone (`deleted`) without its personal content."""
    return {**values, **PERSONAL_CONTENT} if values.get("deleted") else values


def tombstone(stored_modified_at: datetime, now: datetime) -> dict[str, Any]:
    """The fields a deletion at `now` changes: no personal content is kept, and the tombstone is
    newer than the stored version even when a device clock had dated that one ahead of ours."""
    return {
        "deleted": True,
        **PERSONAL_CONTENT,
        "modified_at": max(now, stored_modified_at + timedelta(microseconds=1)),
    }
