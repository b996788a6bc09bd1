"""POST /api/v1/sync: idempotent pushes, last writer wins, tombstones, cursors, paging."""

from typing import Any

from fastapi.testclient import TestClient

from tests.api.completion_factory import at, run
from tests.auth import sign_in, sign_up


def sync(
    client: TestClient, headers: dict[str, str], cursor: str | None, push: list[Any] | None = None
) -> dict[str, Any]:
    response = client.post(
        "/api/v1/sync", json={"cursor": cursor, "push": push or []}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def pull_all(
    client: TestClient, headers: dict[str, str], cursor: str | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Every record changed since `cursor`, following `more`; and the final cursor."""
    records: list[dict[str, Any]] = []
    while True:
        body = sync(client, headers, cursor)
        records += body["pull"]
        cursor = body["cursor"]
        if not body["more"]:
            assert cursor is not None
            return records, cursor


def test_the_same_push_replayed_100_times_leaves_one_copy(client: TestClient) -> None:
    headers = sign_up(client)
    batch = [run(at(2026, 11, day)) for day in range(1, 6)]
    first = sync(client, headers, None, batch)
    assert sorted(first["accepted"]) == sorted(r["id"] for r in batch)
    _, cursor = pull_all(client, headers)
    for _ in range(100):
        again = sync(client, headers, cursor, batch)
        assert again["rejected"] == []
        assert again["pull"] == []  # nothing changed, so nothing new to pull
        cursor = again["cursor"]
    everything, _ = pull_all(client, headers)
    assert sorted(r["id"] for r in everything) == sorted(r["id"] for r in batch)
    listed = client.get("/api/v1/completions", headers=headers).json()["items"]
    assert len(listed) == 5


def test_older_modified_at_never_overwrites_newer(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    tablet = sign_in(client, "anna", device_name="Tablet")
    newer = run(at(2026, 11, 22), modified=at(2026, 11, 22, 9), notes="from the tablet")
    sync(client, tablet, None, [newer])
    older = {**newer, "modified_at": at(2026, 11, 22, 8).isoformat(), "notes": "from the phone"}
    answer = sync(client, phone, None, [older])
    assert answer["accepted"] == [older["id"]]  # taken in: the device may mark it clean
    [winner] = [r for r in answer["pull"] if r["id"] == newer["id"]]
    assert winner["notes"] == "from the tablet"
    stored = client.get(f"/api/v1/completions/{newer['id']}", headers=phone).json()
    assert stored["notes"] == "from the tablet"


def test_a_device_whose_push_lost_gets_the_winner_whatever_its_cursor(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    tablet = sign_in(client, "anna", device_name="Tablet")
    newer = run(at(2026, 11, 22), modified=at(2026, 11, 22, 9), notes="tablet")
    sync(client, tablet, None, [newer])
    _, phone_cursor = pull_all(client, phone)
    older = {**newer, "modified_at": at(2026, 11, 22, 8).isoformat(), "notes": "phone"}
    answer = sync(client, phone, phone_cursor, [older])
    assert [r["notes"] for r in answer["pull"]] == ["tablet"]


def test_a_tombstone_reaches_the_other_device(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    tablet = sign_in(client, "anna", device_name="Tablet")
    record = run()
    sync(client, phone, None, [record])
    seen, tablet_cursor = pull_all(client, tablet)
    assert [r["id"] for r in seen] == [record["id"]]
    assert client.delete(f"/api/v1/completions/{record['id']}", headers=phone).status_code == 204
    changes, _ = pull_all(client, tablet, tablet_cursor)
    assert [(r["id"], r["deleted"]) for r in changes] == [(record["id"], True)]


def test_a_pushed_tombstone_wins_when_newer(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    record = run(at(2026, 11, 22), modified=at(2026, 11, 22, 8))
    sync(client, phone, None, [record])
    deleted = {**record, "deleted": True, "modified_at": at(2026, 11, 22, 9).isoformat()}
    sync(client, phone, None, [deleted])
    assert client.get(f"/api/v1/completions/{record['id']}", headers=phone).json()["deleted"]


def test_one_bad_record_is_rejected_alone(client: TestClient) -> None:
    headers = sign_up(client)
    good = [run(at(2026, 11, day)) for day in (1, 2)]
    bad = run(at(2026, 11, 3), pain_after=42)
    broken: dict[str, Any] = {"id": "not-a-uuid", "routine": "morning"}
    answer = sync(client, headers, None, [good[0], bad, broken, good[1], 7])
    assert answer["accepted"] == [good[0]["id"], good[1]["id"]]
    rejected = {r["id"]: r["problem"] for r in answer["rejected"]}
    assert set(rejected) == {bad["id"], "not-a-uuid", None}
    assert rejected[bad["id"]]["status"] == 422
    assert [e["field"] for e in rejected[bad["id"]]["errors"]] == ["pain_after"]
    everything, _ = pull_all(client, headers)
    assert sorted(r["id"] for r in everything) == sorted(r["id"] for r in good)


def test_rule_breaking_records_are_rejected_with_their_reason(client: TestClient) -> None:
    headers = sign_up(client)
    started = at(2026, 11, 22)
    long_run = run(started, finished_at=at(2026, 11, 22, 14).isoformat())
    answer = sync(client, headers, None, [long_run])
    [rejected] = answer["rejected"]
    assert rejected["id"] == long_run["id"]
    assert rejected["problem"]["errors"][0]["field"] == "finished_at"


def test_pull_pages_hold_at_most_500_and_never_skip(client: TestClient) -> None:
    headers = sign_up(client)
    records = [run(at(2026, 10, 1 + i % 28, 6 + i % 12, i % 60)) for i in range(1203)]
    for start in range(0, len(records), 500):
        assert not sync(client, headers, None, records[start : start + 500])["rejected"]
    cursor = None
    sizes = []
    seen: list[str] = []
    while True:
        body = sync(client, headers, cursor)
        sizes.append(len(body["pull"]))
        seen += [r["id"] for r in body["pull"]]
        cursor = body["cursor"]
        if not body["more"]:
            break
    assert sizes == [500, 500, 203]
    assert sorted(seen) == sorted(r["id"] for r in records)
    seqs = [r["seq"] for r in sync(client, headers, None)["pull"]]
    assert seqs == sorted(seqs)


def test_push_over_500_records_is_422(client: TestClient) -> None:
    headers = sign_up(client)
    response = client.post(
        "/api/v1/sync",
        json={"cursor": None, "push": [run() for _ in range(501)]},
        headers=headers,
    )
    assert response.status_code == 422


def test_forged_and_foreign_cursors_are_400_and_change_nothing(client: TestClient) -> None:
    anna = sign_up(client, "anna")
    bert = sign_up(client, "bert")
    sync(client, anna, None, [run()])
    _, cursor = pull_all(client, anna)
    record = run()
    for bad in (cursor[:-1] + ("A" if cursor[-1] != "A" else "B"), "garbage", "", "x.y"):
        response = client.post("/api/v1/sync", json={"cursor": bad, "push": [record]}, headers=anna)
        assert response.status_code == 400, bad
        assert response.headers["content-type"] == "application/problem+json"
    foreign = client.post("/api/v1/sync", json={"cursor": cursor, "push": []}, headers=bert)
    assert foreign.status_code == 400
    assert client.get(f"/api/v1/completions/{record['id']}", headers=anna).status_code == 404


def test_sync_needs_a_live_token(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    assert client.post("/api/v1/sync", json={"cursor": None, "push": []}).status_code == 401
    token_id = client.get("/api/v1/tokens", headers=phone).json()["items"][0]["id"]
    client.delete(f"/api/v1/tokens/{token_id}", headers=phone)
    revoked = client.post("/api/v1/sync", json={"cursor": None, "push": [run()]}, headers=phone)
    assert revoked.status_code == 401
