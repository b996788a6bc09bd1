"""The completions API: idempotent PUT, list by local date, tombstones, validation."""

from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from tests.api.completion_factory import BERLIN, at, run, utc
from tests.auth import sign_up
from tests.clock import NOW


def test_put_creates_then_answers_200_and_keeps_one_copy(client: TestClient) -> None:
    headers = sign_up(client)
    record = run(at(2026, 11, 22, 7, 2))
    url = f"/api/v1/completions/{record['id']}"
    first = client.put(url, json=record, headers=headers)
    assert first.status_code == 201
    body = first.json()
    assert body["started_at"] == "2026-11-22T07:02:00+01:00"
    assert body["local_date"] == "2026-11-22"
    assert body["pain_after"] == 2
    again = client.put(url, json=record, headers=headers)
    assert again.status_code == 200
    assert again.json()["seq"] == body["seq"]
    listed = client.get("/api/v1/completions", headers=headers).json()["items"]
    assert [item["id"] for item in listed] == [record["id"]]


def test_local_date_is_the_runs_own_zone(client: TestClient) -> None:
    headers = sign_up(client)
    # 23:30 in Los Angeles is already the next day in UTC.
    late = run(datetime.fromisoformat("2026-11-22T23:30:00-08:00"), timezone="America/Los_Angeles")
    body = client.put(f"/api/v1/completions/{late['id']}", json=late, headers=headers).json()
    assert body["local_date"] == "2026-11-22"
    assert body["started_at"] == "2026-11-22T23:30:00-08:00"


def test_an_older_version_never_overwrites_a_newer_one(client: TestClient) -> None:
    headers = sign_up(client)
    newer = run(at(2026, 11, 22), modified=at(2026, 11, 22, 9), notes="newer")
    older = {**newer, "notes": "older", "modified_at": at(2026, 11, 22, 8).isoformat()}
    url = f"/api/v1/completions/{newer['id']}"
    client.put(url, json=newer, headers=headers)
    kept = client.put(url, json=older, headers=headers)
    assert kept.status_code == 200
    assert kept.json()["notes"] == "newer"
    tie = {**newer, "notes": "same time, other text"}
    assert client.put(url, json=tie, headers=headers).json()["notes"] == "newer"
    newest = {**newer, "notes": "newest", "modified_at": at(2026, 11, 22, 10).isoformat()}
    assert client.put(url, json=newest, headers=headers).json()["notes"] == "newest"
    assert client.get(url, headers=headers).json()["notes"] == "newest"


def test_delete_keeps_a_tombstone(client: TestClient) -> None:
    headers = sign_up(client)
    record = run()
    url = f"/api/v1/completions/{record['id']}"
    client.put(url, json=record, headers=headers)
    assert client.delete(url, headers=headers).status_code == 204
    tomb = client.get(url, headers=headers)
    assert tomb.status_code == 200
    assert tomb.json()["deleted"] is True
    assert tomb.json()["notes"] == ""
    assert client.get("/api/v1/completions", headers=headers).json()["items"] == []
    assert client.delete(url, headers=headers).status_code == 204
    # The old version, replayed by a device that missed the delete, does not bring it back.
    assert client.put(url, json=record, headers=headers).json()["deleted"] is True


def test_another_accounts_ids_are_404(client: TestClient) -> None:
    anna = sign_up(client, "anna")
    bert = sign_up(client, "bert")
    record = run()
    url = f"/api/v1/completions/{record['id']}"
    client.put(url, json=record, headers=anna)
    assert client.get(url, headers=bert).status_code == 404
    assert client.delete(url, headers=bert).status_code == 404
    assert client.get("/api/v1/completions", headers=bert).json()["items"] == []
    # Bert writing the same id makes Bert's own record; Anna's stays untouched.
    assert client.put(url, json={**record, "notes": "bert"}, headers=bert).status_code == 201
    assert client.get(url, headers=anna).json()["notes"] == "left side weaker"
    missing = "00000000-0000-4000-8000-000000000000"
    assert client.get(f"/api/v1/completions/{missing}", headers=anna).status_code == 404


def test_invalid_runs_are_422_and_change_nothing(client: TestClient) -> None:
    headers = sign_up(client)
    base = run(at(2026, 11, 22))
    started = at(2026, 11, 22)
    future = NOW.astimezone(BERLIN) + timedelta(days=2)
    for bad in (
        {"pain_before": 11},
        {"pain_after": -1},
        {"notes": "x" * 2001},
        {"finished_at": (started - timedelta(seconds=1)).isoformat()},
        {"finished_at": (started + timedelta(hours=6, seconds=1)).isoformat()},
        {
            "started_at": future.isoformat(),
            "finished_at": (future + timedelta(minutes=5)).isoformat(),
        },
        {"started_at": "2026-11-22T07:00:00"},
        {"timezone": "Not/AZone"},
        {"steps_done": 5},
        {"id": "ABC"},
        {"notes": "nul\x00byte"},
        {"started_at": "0001-01-01T00:00:00+14:00"},
    ):
        record = {**base, **bad}
        url = f"/api/v1/completions/{base['id']}"
        response = client.put(url, json=record, headers=headers)
        assert response.status_code == 422, bad
        assert response.json()["errors"], bad
    assert client.get(f"/api/v1/completions/{base['id']}", headers=headers).status_code == 404


def test_list_by_local_date_newest_first_with_cursor_pages(client: TestClient) -> None:
    headers = sign_up(client)
    ids = {}
    for day in range(1, 8):
        for hour in (7, 21):
            record = run(at(2026, 11, day, hour))
            client.put(f"/api/v1/completions/{record['id']}", json=record, headers=headers)
            ids[(day, hour)] = record["id"]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"from": "2026-11-02", "to": "2026-11-06", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/v1/completions", params=params, headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    expected = [ids[(day, hour)] for day in range(6, 1, -1) for hour in (21, 7)]
    assert seen == expected


def test_list_rejects_forged_and_foreign_cursors(client: TestClient) -> None:
    anna = sign_up(client, "anna")
    bert = sign_up(client, "bert")
    for day in (1, 2):
        record = run(at(2026, 11, day))
        client.put(f"/api/v1/completions/{record['id']}", json=record, headers=anna)
    cursor = client.get("/api/v1/completions?limit=1", headers=anna).json()["next_cursor"]
    assert cursor
    assert client.get(f"/api/v1/completions?cursor={cursor}", headers=anna).status_code == 200
    assert client.get(f"/api/v1/completions?cursor={cursor}", headers=bert).status_code == 400
    forged = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    assert client.get(f"/api/v1/completions?cursor={forged}", headers=anna).status_code == 400
    assert client.get("/api/v1/completions?cursor=garbage", headers=anna).status_code == 400
    limit = client.get("/api/v1/completions?limit=501", headers=anna)
    assert limit.status_code == 422


def test_completions_need_a_token(client: TestClient) -> None:
    record = run()
    assert client.put(f"/api/v1/completions/{record['id']}", json=record).status_code == 401
    assert client.get("/api/v1/completions").status_code == 401


def test_times_round_trip_to_the_same_instant(client: TestClient) -> None:
    headers = sign_up(client)
    record = run(
        at(2026, 3, 29, 1, 30), modified=datetime.fromisoformat("2026-03-29T02:00:00.123456+00:00")
    )
    body = client.put(f"/api/v1/completions/{record['id']}", json=record, headers=headers).json()
    assert utc(body["modified_at"]) == utc(record["modified_at"])
    assert body["modified_at"].endswith("+02:00")  # after the spring-forward, in Berlin time


def test_openapi_describes_the_sync_contract_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"put", "get", "delete"} <= set(paths["/api/v1/completions/{run_id}"])
    assert "post" in paths["/api/v1/sync"]
    assert "201" in paths["/api/v1/completions/{run_id}"]["put"]["responses"]
    schemas = spec["components"]["schemas"]
    for name in ("CompletionOut", "SyncIn", "SyncOut", "Rejected", "SignUp", "SignedUp"):
        assert schemas[name]["examples"], name
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert paths["/api/v1/sync"]["post"]["security"] == [{"HTTPBearer": []}]
