"""When repeated failed sign-ins lock a username out: a pure rule over counts and times.

The count leaks: one failure is forgotten every `window_s / max_failures` seconds. A burst of
`max_failures` wrong passwords therefore locks the username for one leak interval (a minute with
the defaults), not for the whole window, and a patient guesser gets one try per interval, no more.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Tally:
    """Failures counted for a username, and the moment the leak is measured from."""

    failures: int
    since: datetime


def leak_interval(max_failures: int, window_s: int) -> timedelta:
    """How long it takes for one counted failure to be forgotten."""
    return timedelta(seconds=window_s / max(1, max_failures))


def settle(tally: Tally, now: datetime, max_failures: int, window_s: int) -> Tally:
    """`tally` at `now`, with the failures that have leaked away since forgotten."""
    interval = leak_interval(max_failures, window_s)
    leaked = max(0, math.floor((now - tally.since) / interval))
    if leaked >= tally.failures:
        return Tally(0, now)
    return Tally(tally.failures - leaked, tally.since + leaked * interval)


def reserve(tally: Tally | None, now: datetime, max_failures: int, window_s: int) -> Tally | int:
    """The tally with one more attempt counted, or the seconds to wait when none is allowed.

    An attempt is counted before its password is checked (and forgotten on success), so
    concurrent guesses cannot all pass the check before any of them is recorded."""
    current = settle(tally or Tally(0, now), now, max_failures, window_s)
    if current.failures < max_failures:
        return Tally(current.failures + 1, current.since)
    left = current.since + leak_interval(max_failures, window_s) - now
    return max(1, math.ceil(left.total_seconds()))


def window_open(window_started_at: datetime, now: datetime, window_s: int) -> bool:
    """Whether what was counted since `window_started_at` still counts at `now` (a fixed window,
    as the limit on accounts made without credentials uses)."""
    return now - window_started_at < timedelta(seconds=window_s)


def retry_after(
    count: int, window_started_at: datetime, now: datetime, max_count: int, window_s: int
) -> int | None:
    """Seconds to wait in a fixed window that has reached `max_count`, or None when one more
    is allowed."""
    if count < max_count or not window_open(window_started_at, now, window_s):
        return None
    left = timedelta(seconds=window_s) - (now - window_started_at)
    return max(1, math.ceil(left.total_seconds()))
