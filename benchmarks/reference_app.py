"""A yardstick: Squeeze's sync and stats, written for speed with bare FastAPI and `sqlite3`.

Same request and response shapes as `POST /api/v1/sync` and `GET /api/v1/stats`, the same bearer
auth (the token's SHA-256 looked up with its account in one query), the same cursors, the same
schema (the project's Alembic migration) and seed data. Not the app: no ORM, no pydantic, no thread
pool (async handlers on one `sqlite3` connection; every query is short and local), JSON by orjson
when it is installed. Only a benchmark measures it; `tests/test_benchmark_reference.py` checks its
answers still look like the app's.

    DATABASE_URL=sqlite:///path.db uvicorn --factory benchmarks.reference_app:create_app
"""

import base64
import hashlib
import hmac
import importlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import FastAPI, Request, Response

PULL_LIMIT = 500
MAX_PUSH = 500
DEFAULT_SPAN_DAYS = 365
MAX_SPAN_DAYS = 3700
DECAY_PER_DAY = 0.5 ** (1 / 14)
MAX_RUN = timedelta(hours=6)
MAX_AHEAD = timedelta(days=1)
PROBLEM_JSON = "application/problem+json"
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")
_COLUMNS = (
    "id, routine, routine_version, started_at, finished_at, timezone, local_date, steps_done,"
    " steps_total, pain_before, pain_after, notes, modified_at, deleted, weaker_side, share_note,"
    " seq"
)
_UPSERT = (
    "INSERT INTO completion (account_id, id, routine, routine_version, started_at, finished_at,"
    " timezone, local_date, steps_done, steps_total, pain_before, pain_after, notes, modified_at,"
    " deleted, weaker_side, share_note, seq, received_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (account_id, id) DO UPDATE SET routine = excluded.routine,"
    " routine_version = excluded.routine_version, started_at = excluded.started_at,"
    " finished_at = excluded.finished_at, timezone = excluded.timezone,"
    " local_date = excluded.local_date, steps_done = excluded.steps_done,"
    " steps_total = excluded.steps_total, pain_before = excluded.pain_before,"
    " pain_after = excluded.pain_after, notes = excluded.notes,"
    " modified_at = excluded.modified_at, deleted = excluded.deleted,"
    " weaker_side = excluded.weaker_side, share_note = excluded.share_note, seq = excluded.seq"
)
# A stored row: the _COLUMNS above, in order; a pushed run is the same tuple without `seq`.
Row = tuple[Any, ...]


def _json_encoder() -> Callable[[Any], bytes]:
    try:
        orjson = importlib.import_module("orjson")
    except ImportError:  # not in the dev lock today: the stdlib encoder, compact
        encoder = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
        return lambda value: encoder.encode(value).encode()
    dumps: Callable[[Any], bytes] = orjson.dumps
    return dumps


dumps = _json_encoder()


def _answer(body: Any, status: int = 200, media_type: str = "application/json") -> Response:
    return Response(dumps(body), status_code=status, media_type=media_type)


def _problem(status: int, title: str, detail: str, **extra: Any) -> Response:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return Response(dumps(body), status, headers=headers, media_type=PROBLEM_JSON)


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo | None:
    if len(name) > 64 or not _ZONE.match(name):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _stored(moment: datetime) -> str:
    """A datetime as SQLAlchemy keeps it in SQLite: naive UTC text with microseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _shown(stored: str, zone: str) -> str:
    """A stored time as the API shows it: in the run's own zone, RFC 3339 (`Z` for UTC)."""
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    text = moment.astimezone(_zone(zone) or UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _record(row: Row) -> dict[str, Any]:
    zone = row[5]
    return {
        "id": row[0],
        "routine": row[1],
        "routine_version": row[2],
        "started_at": _shown(row[3], zone),
        "finished_at": _shown(row[4], zone),
        "timezone": zone,
        "local_date": row[6],
        "steps_done": row[7],
        "steps_total": row[8],
        "pain_before": row[9],
        "pain_after": row[10],
        "notes": row[11],
        "weaker_side": row[14],
        "share_note": bool(row[15]),
        "modified_at": _shown(row[12], zone),
        "deleted": bool(row[13]),
        "seq": row[16],
    }


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _mac(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, b"sync\0" + body, hashlib.sha256).digest()[:16]


def _seal(key: bytes, seq: int) -> str:
    body = str(seq).encode()
    return f"{_b64(body)}.{_b64(_mac(key, body))}"


def _unseal(key: bytes, cursor: str) -> int | None:
    body_text, _, mac_text = cursor.partition(".")
    try:
        body = base64.urlsafe_b64decode(body_text + "=" * (-len(body_text) % 4))
    except ValueError:
        return None
    if len(cursor) > 512 or _b64(body) != body_text or _b64(_mac(key, body)) != mac_text:
        return None
    return int(body) if body.isdigit() else None


class _Invalid(Exception):
    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.error = {"pointer": f"#/{field}", "field": field, "detail": detail}


def _int(item: dict[str, Any], field: str, low: int, high: int, default: Any = ...) -> Any:
    value = item.get(field, default)
    if value is ... or (value is None and default is ...):
        raise _Invalid(field, "Field required")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _Invalid(field, f"must be an integer from {low} to {high}")
    return value


def _moment(item: dict[str, Any], field: str) -> datetime:
    value = item.get(field)
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _Invalid(field, "must be an RFC 3339 time with an offset")
    if not 2000 <= moment.year <= 2999 or not 2000 <= moment.astimezone(UTC).year <= 2999:
        raise _Invalid(field, "is not a time between the years 2000 and 2999")
    return moment


def _text(item: dict[str, Any], field: str, pattern: re.Pattern[str], longest: int) -> str:
    value = item.get(field)
    if not isinstance(value, str) or len(value) > longest or not pattern.match(value):
        raise _Invalid(field, "is not valid")
    return value


def _checked(item: Any, now: datetime) -> Row:
    """A pushed item as a row to store (without `seq`), or `_Invalid`s' errors raised as one."""
    if not isinstance(item, dict):
        raise _Invalid("", "must be an object")
    errors: list[dict[str, str]] = []

    def field(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except _Invalid as bad:
            errors.append(bad.error)
            return None

    run_id = field(lambda: _text(item, "id", _ID, 36))
    routine = field(lambda: _text(item, "routine", _SLUG, 60))
    version = field(lambda: _int(item, "routine_version", 1, 2**31 - 1))
    started, finished = (
        field(lambda: _moment(item, "started_at")),
        field(lambda: _moment(item, "finished_at")),
    )
    modified = field(lambda: _moment(item, "modified_at"))
    zone_name = field(lambda: _text(item, "timezone", _ZONE, 64))
    zone = _zone(zone_name) if zone_name else None
    if zone_name and zone is None:
        errors.append(_Invalid("timezone", "is not an IANA time zone").error)
    done = field(lambda: _int(item, "steps_done", 0, 10_000))
    total = field(lambda: _int(item, "steps_total", 1, 10_000))
    pain_before = field(lambda: _int(item, "pain_before", 0, 10, None))
    pain_after = field(lambda: _int(item, "pain_after", 0, 10, None))
    notes = item.get("notes") or ""
    if not isinstance(notes, str) or len(notes) > 2000 or "\x00" in notes:
        errors.append(_Invalid("notes", "is not valid").error)
    deleted = item.get("deleted", False)
    if not isinstance(deleted, bool):
        errors.append(_Invalid("deleted", "must be a boolean").error)
    side = item.get("weaker_side")
    if side not in (None, "left", "right", "same"):
        errors.append(_Invalid("weaker_side", "is not left, right or same").error)
    share_note = item.get("share_note", False)
    if not isinstance(share_note, bool):
        errors.append(_Invalid("share_note", "must be a boolean").error)
    if not errors:
        if finished < started:
            errors.append(_Invalid("finished_at", "is before started_at").error)
        elif finished - started > MAX_RUN:
            errors.append(_Invalid("finished_at", "is more than 6 hours after started_at").error)
        if started > now + MAX_AHEAD:
            errors.append(_Invalid("started_at", "is more than a day in the future").error)
        if modified > now + MAX_AHEAD:
            errors.append(_Invalid("modified_at", "is more than a day in the future").error)
        if done > total:
            errors.append(_Invalid("steps_done", "is more than steps_total").error)
    if errors:
        raise _Rejected(errors)
    local = started.astimezone(zone).date().isoformat()
    if deleted:  # a tombstone keeps nothing personal
        pain_before = pain_after = side = None
        notes, share_note = "", False
    return (
        run_id,
        routine,
        version,
        _stored(started),
        _stored(finished),
        zone_name,
        local,
        done,
        total,
        pain_before,
        pain_after,
        notes,
        _stored(modified),
        int(deleted),
        side,
        int(share_note),
    )


class _Rejected(Exception):
    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("rejected")
        self.errors = errors


def _rejection(item: Any, errors: list[dict[str, str]]) -> dict[str, Any]:
    raw_id = item.get("id") if isinstance(item, dict) else None
    problem = {
        "type": "/problems/validation",
        "title": "Invalid request",
        "status": 422,
        "detail": "The completion has invalid fields: " + ", ".join(e["field"] for e in errors),
        "errors": errors,
    }
    return {
        "id": raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else None,
        "problem": problem,
    }


class _Account:
    """The signed-in account: what sync and stats read of it."""

    __slots__ = ("cursor_key", "daily_goal", "id", "last_seq", "timezone")

    def __init__(self, row: Row) -> None:
        self.id: int = row[0]
        self.cursor_key = hashlib.sha256(b"squeeze-cursor\0" + row[1].encode()).digest()
        self.timezone: str = row[2]
        self.daily_goal: int = row[3]
        self.last_seq: int = row[4]


def _open(database_url: str) -> sqlite3.Connection:
    path = database_url.removeprefix("sqlite:///")
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000"):
        db.execute(f"PRAGMA {pragma}")
    return db


def create_app(database_url: str | None = None) -> FastAPI:
    """The reference app on the SQLite file of `database_url` (default: $DATABASE_URL)."""
    db = _open(database_url or os.environ["DATABASE_URL"])
    app = FastAPI(openapi_url=None)

    def signed_in(request: Request) -> _Account | None:
        scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        digest = hashlib.sha256(token.strip().encode()).hexdigest()
        row = db.execute(
            "SELECT a.id, a.cursor_secret, a.timezone, a.daily_goal, a.last_seq, t.token_hash"
            " FROM device_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = ?",
            (digest,),
        ).fetchone()
        if row is None or not hmac.compare_digest(row[5], digest):
            return None
        return _Account(row)

    @app.get("/healthz")
    async def healthz() -> Response:
        return _answer({"status": "ok"})

    @app.post("/api/v1/sync")
    async def sync(request: Request) -> Response:
        account = signed_in(request)
        if account is None:
            return _problem(401, "Unauthorized", "Sign in to use this.")
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _problem(400, "Bad Request", "The body is not JSON.")
        cursor, push = body.get("cursor"), body.get("push", [])
        if not isinstance(push, list) or len(push) > MAX_PUSH:
            return _problem(422, "Invalid request", f"push holds at most {MAX_PUSH} records.")
        since = 0 if cursor is None else _unseal(account.cursor_key, str(cursor))
        if since is None or since > account.last_seq:
            return _problem(400, "Bad Request", "This cursor is not one this account was given.")
        now = datetime.now(UTC)
        runs: list[Row] = []
        rejected: list[dict[str, Any]] = []
        for item in push:
            try:
                runs.append(_checked(item, now))
            except _Rejected as bad:
                rejected.append(_rejection(item, bad.errors))
            except _Invalid as bad:
                rejected.append(_rejection(item, [bad.error]))
        stale = _write(db, account, runs, now) if runs else {}
        page = db.execute(
            f"SELECT {_COLUMNS} FROM completion WHERE account_id = ? AND seq > ?"
            " ORDER BY seq LIMIT ?",
            (account.id, since, PULL_LIMIT + 1),
        ).fetchall()
        more = len(page) > PULL_LIMIT
        page = page[:PULL_LIMIT]
        for row in page:
            stale.pop(row[0], None)
        return _answer(
            {
                "cursor": _seal(account.cursor_key, page[-1][16] if page else since),
                "pull": [_record(row) for row in (*page, *stale.values())],
                "accepted": list(dict.fromkeys(run[0] for run in runs)),
                "rejected": rejected,
                "more": more,
            }
        )

    @app.get("/api/v1/stats")
    async def stats(request: Request) -> Response:
        account = signed_in(request)
        if account is None:
            return _problem(401, "Unauthorized", "Sign in to use this.")
        query = request.query_params
        zone = _zone(query.get("tz") or account.timezone)
        try:
            end_text, start_text = query.get("to"), query.get("from")
            today = datetime.now(zone or UTC).date()
            end = date.fromisoformat(end_text) if end_text else today
            start = (
                date.fromisoformat(start_text)
                if start_text
                else end - timedelta(days=DEFAULT_SPAN_DAYS - 1)
            )
        except ValueError:
            return _problem(422, "Invalid request", "from and to are dates (YYYY-MM-DD).")
        if zone is None or start > end or (end - start).days >= MAX_SPAN_DAYS:
            return _problem(422, "Invalid request", "tz, from or to is out of range.")
        rows = db.execute(
            "SELECT local_date, steps_done, steps_total, pain_before, pain_after FROM completion"
            " WHERE account_id = ? AND deleted = 0",
            (account.id,),
        )
        return _answer(_stats(rows, account.daily_goal, today, start, end))

    return app


def _write(
    db: sqlite3.Connection, account: _Account, runs: list[Row], now: datetime
) -> dict[str, Row]:
    """Merges `runs` (later `modified_at` wins, a tie keeps the stored one) in one transaction;
    answers the stored versions a device is stale on, by id."""
    db.execute("BEGIN IMMEDIATE")
    try:
        last_seq = db.execute(
            "SELECT last_seq FROM account WHERE id = ?", (account.id,)
        ).fetchone()[0]
        ids = list({run[0] for run in runs})
        marks = ",".join("?" * len(ids))
        kept: dict[str, Row] = {
            row[0]: row
            for row in db.execute(
                f"SELECT {_COLUMNS} FROM completion WHERE account_id = ? AND id IN ({marks})",
                (account.id, *ids),
            )
        }
        received = _stored(now)
        writes: list[Row] = []
        stale: dict[str, Row] = {}
        for run in runs:
            stored = kept.get(run[0])
            # Stored times are fixed-width UTC text, so text order is time order.
            if stored is not None and run[12] <= stored[12]:
                if run != stored[:16]:
                    stale[run[0]] = stored
                continue
            last_seq += 1
            stale.pop(run[0], None)
            kept[run[0]] = (*run, last_seq)
            writes.append((account.id, *run, last_seq, received))
        if writes:
            db.executemany(_UPSERT, writes)
            db.execute("UPDATE account SET last_seq = ? WHERE id = ?", (last_seq, account.id))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    account.last_seq = last_seq
    return stale


def _stats(
    rows: Iterable[Row], daily_goal: int, today: date, start: date, end: date
) -> dict[str, Any]:
    """The answer of `/stats`: the same counting rule as `app/domain/streaks.py`, over raw rows."""
    tallies: dict[str, list[Any]] = {}  # day: [counted, pain_before..., pain_after...]
    for day, done, total, pain_before, pain_after in rows:
        tally = tallies.get(day)
        if tally is None:
            tally = tallies[day] = [0, [], []]
        if total > 0 and done >= total:
            tally[0] += 1
        if pain_before is not None:
            tally[1].append(pain_before)
        if pain_after is not None:
            tally[2].append(pain_after)
    done_days = sorted(date.fromisoformat(d) for d, t in tallies.items() if t[0] > 0)
    done_set = set(done_days)
    full = {date.fromisoformat(d) for d, t in tallies.items() if t[0] >= daily_goal}
    days = []
    for offset in range((end - start).days + 1):
        key = (start + timedelta(days=offset)).isoformat()
        tally = tallies.get(key)
        counted = tally[0] if tally else 0
        status = "full" if counted >= daily_goal else "partial" if counted else "none"
        days.append(
            {
                "date": key,
                "completions": counted,
                "status": status,
                "pain_before_avg": _mean(tally[1]) if tally else None,
                "pain_after_avg": _mean(tally[2]) if tally else None,
            }
        )
    streak_end = _streak_end(done_set, today)
    return {
        "today": today.isoformat(),
        "current_streak": _run_ending(done_set, streak_end),
        "longest_streak": _longest(done_days),
        "full_day_streak": _run_ending(full, _streak_end(full, today)),
        "strength": round(_strength(done_days, streak_end), 4),
        "days": days,
    }


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _streak_end(days: set[date], today: date) -> date:
    return today if today in days else today - timedelta(days=1)


def _run_ending(days: set[date], end: date) -> int:
    length = 0
    while end - timedelta(days=length) in days:
        length += 1
    return length


def _longest(days: list[date]) -> int:
    longest = current = 0
    previous: date | None = None
    for day in days:
        current = current + 1 if previous is not None and (day - previous).days == 1 else 1
        longest, previous = max(longest, current), day
    return longest


def _strength(days: list[date], as_of: date) -> float:
    score, previous = 0.0, None
    for day in days:
        if day > as_of:
            break
        if previous is not None:
            score *= DECAY_PER_DAY ** ((day - previous).days - 1)
        score = score * DECAY_PER_DAY + (1 - DECAY_PER_DAY)
        previous = day
    if previous is not None:
        score *= DECAY_PER_DAY ** (as_of - previous).days
    return min(max(score, 0.0), 1.0)
