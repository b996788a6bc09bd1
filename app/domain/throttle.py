"""When repeated failed sign-ins lock a username out: a pure rule over counts and times."""

import math
from datetime import datetime, timedelta


def window_open(window_started_at: datetime, now: datetime, window_s: int) -> bool:
    """Whether failures counted since `window_started_at` still count at `now`."""
    return now - window_started_at < timedelta(seconds=window_s)


def retry_after(
    failures: int, window_started_at: datetime, now: datetime, max_failures: int, window_s: int
) -> int | None:
    """Seconds to wait before trying again, or None when another attempt is allowed."""
    if failures < max_failures or not window_open(window_started_at, now, window_s):
        return None
    left = timedelta(seconds=window_s) - (now - window_started_at)
    return max(1, math.ceil(left.total_seconds()))
