"""GET /api/v1/stats: the streak rules served over the account's own completions."""

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from tests.auth import sign_up
from tests.clock import NOW


def put_run(
    client: TestClient,
    headers: dict[str, str],
    started_at: datetime,
    *,
    steps_done: int = 4,
    **fields: Any,
) -> dict[str, Any]:
    """Logs one run of the morning routine through the API, as a device would."""
    record = {
        "routine": "morning",
        "routine_version": 1,
        "started_at": started_at.isoformat(),
        "finished_at": (started_at + timedelta(minutes=4)).isoformat(),
        "timezone": str(started_at.tzinfo),
        "steps_done": steps_done,
        "steps_total": 4,
        "pain_before": None,
        "pain_after": None,
        "notes": "",
        "modified_at": (started_at + timedelta(minutes=5)).isoformat(),
        "deleted": False,
        **fields,
    }
    record_id = str(uuid.uuid4())
    response = client.put(f"/api/v1/completions/{record_id}", json=record, headers=headers)
    assert response.status_code == 201, response.text
    return {"id": record_id, **record}


def days_ago(days: int, hour: int = 0, minute: int = 5, tz: str = "UTC") -> datetime:
    """A moment `days` before the tests' date in `tz`, at a wall-clock time that is already past."""
    zone = ZoneInfo(tz)
    day = NOW.astimezone(zone).date() - timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def today(tz: str = "UTC") -> date:
    return NOW.astimezone(ZoneInfo(tz)).date()


def test_stats_need_a_signed_in_account(client: TestClient) -> None:
    response = client.get("/api/v1/stats")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_runs_on_several_days_make_the_streaks_and_the_calendar(client: TestClient) -> None:
    headers = sign_up(client, username="streaker")
    for back in (1, 2, 3):
        put_run(client, headers, days_ago(back, 0, 5), pain_before=5, pain_after=3)
        put_run(client, headers, days_ago(back, 0, 20), pain_before=4, pain_after=2)
    put_run(client, headers, days_ago(5))
    put_run(client, headers, days_ago(6), steps_done=2)  # stopped early: does not count

    body = client.get("/api/v1/stats", headers=headers).json()

    assert body["today"] == today().isoformat()
    assert (body["current_streak"], body["longest_streak"], body["full_day_streak"]) == (3, 3, 3)
    assert 0 < body["strength"] < 1
    assert len(body["days"]) == 365
    assert body["days"][-1]["date"] == today().isoformat()
    by_date = {d["date"]: d for d in body["days"]}
    yesterday = by_date[(today() - timedelta(days=1)).isoformat()]
    assert yesterday == {
        "date": yesterday["date"],
        "completions": 2,
        "status": "full",
        "pain_before_avg": 4.5,
        "pain_after_avg": 2.5,
    }
    assert by_date[(today() - timedelta(days=5)).isoformat()]["status"] == "partial"
    assert by_date[(today() - timedelta(days=6)).isoformat()]["status"] == "none"


def test_a_deleted_run_no_longer_counts(client: TestClient) -> None:
    headers = sign_up(client, username="deleter")
    run = put_run(client, headers, days_ago(1))
    assert client.get("/api/v1/stats", headers=headers).json()["current_streak"] == 1

    assert client.delete(f"/api/v1/completions/{run['id']}", headers=headers).status_code == 204

    assert client.get("/api/v1/stats", headers=headers).json()["current_streak"] == 0


def test_one_account_never_counts_anothers_runs(client: TestClient) -> None:
    mine = sign_up(client, username="mine")
    theirs = sign_up(client, username="theirs")
    put_run(client, theirs, days_ago(1))
    assert client.get("/api/v1/stats", headers=mine).json()["longest_streak"] == 0


def test_the_range_and_the_time_zone_can_be_chosen(client: TestClient) -> None:
    headers = sign_up(client, username="ranger")
    put_run(client, headers, days_ago(2, tz="Asia/Tokyo"))
    start = today("Asia/Tokyo") - timedelta(days=6)
    body = client.get(
        "/api/v1/stats",
        params={"tz": "Asia/Tokyo", "from": start.isoformat(), "to": today("Asia/Tokyo")},
        headers=headers,
    ).json()
    assert body["today"] == today("Asia/Tokyo").isoformat()
    assert body["days"][0]["date"] == start.isoformat()
    assert [d["status"] for d in body["days"]] == ["none"] * 4 + ["partial", "none", "none"]


def test_the_accounts_time_zone_is_the_default(client: TestClient) -> None:
    headers = sign_up(client, username="kiwi")
    client.patch("/api/v1/account", json={"timezone": "Pacific/Auckland"}, headers=headers)
    assert client.get("/api/v1/stats", headers=headers).json()["today"] == (
        today("Pacific/Auckland").isoformat()
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        # Named as FastAPI names a bad query parameter, whichever check refused it.
        ({"tz": "Mars/Olympus"}, "query.tz"),
        ({"tz": "../../etc/passwd"}, "query.tz"),
        ({"from": "2026-11-20", "to": "2026-11-10"}, "query.from"),
        ({"from": "2000-01-01", "to": "2026-01-01"}, "query.from"),
        ({"from": "yesterday"}, "query.from"),
    ],
)
def test_bad_parameters_answer_422_naming_the_field(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    headers = sign_up(client, username="typo")
    response = client.get("/api/v1/stats", params=params, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == [field]
