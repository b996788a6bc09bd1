"""The run log: the side answer and shared-note flag sync like any field, deletions scrub
whichever way they arrive, weeks summarise the side answers, and devices can be renamed."""

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.api.completion_factory import run, utc
from tests.api.test_stats import days_ago
from tests.auth import sign_in, sign_up

PERSONAL = ("notes", "pain_before", "pain_after", "weaker_side", "share_note")


def personal(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record[name] for name in PERSONAL)


def test_a_tombstone_pushed_through_sync_is_scrubbed_like_a_delete(client: TestClient) -> None:
    auth = sign_up(client)
    record = run(weaker_side="left", share_note=True)
    assert client.post("/api/v1/sync", json={"push": [record]}, headers=auth).status_code == 200
    later = (utc(record["modified_at"]) + timedelta(seconds=5)).isoformat()
    tombstone = {**record, "deleted": True, "modified_at": later}
    answer = client.post("/api/v1/sync", json={"push": [tombstone]}, headers=auth).json()
    assert answer["accepted"] == [record["id"]]
    # The device that pushed it learns the scrubbed version at once.
    [pulled] = [r for r in answer["pull"] if r["id"] == record["id"]]
    assert personal(pulled) == ("", None, None, None, False)
    stored = client.get(f"/api/v1/completions/{record['id']}", headers=auth).json()
    assert stored["deleted"] is True
    assert personal(stored) == ("", None, None, None, False)


def test_a_tombstone_put_to_its_url_is_scrubbed_too(client: TestClient) -> None:
    auth = sign_up(client)
    record = run(deleted=True)
    answer = client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth)
    assert answer.status_code == 201
    assert personal(answer.json()) == ("", None, None, None, False)


def test_the_side_answer_and_share_flag_reach_the_other_device(client: TestClient) -> None:
    phone = sign_up(client, username="anna")
    laptop = sign_in(client, "anna")
    record = run(weaker_side="right", share_note=True)
    client.post("/api/v1/sync", json={"push": [record]}, headers=phone)
    pulled = client.post("/api/v1/sync", json={"cursor": None}, headers=laptop).json()["pull"]
    assert (pulled[0]["weaker_side"], pulled[0]["share_note"]) == ("right", True)


def test_an_unknown_side_is_rejected_alone(client: TestClient) -> None:
    auth = sign_up(client)
    good, bad = run(), run(weaker_side="both")
    answer = client.post("/api/v1/sync", json={"push": [good, bad]}, headers=auth).json()
    assert answer["accepted"] == [good["id"]]
    assert answer["rejected"][0]["problem"]["errors"][0]["field"] == "weaker_side"


def test_an_edit_with_a_later_modified_at_wins_on_put(client: TestClient) -> None:
    auth = sign_up(client)
    record = run(pain_after=5)
    client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth)
    later = (utc(record["modified_at"]) + timedelta(minutes=1)).isoformat()
    edit = {**record, "pain_after": 1, "notes": "fixed", "modified_at": later}
    stale = {**record, "pain_after": 9}
    assert (
        client.put(f"/api/v1/completions/{record['id']}", json=edit, headers=auth).json()[
            "pain_after"
        ]
        == 1
    )
    kept = client.put(f"/api/v1/completions/{record['id']}", json=stale, headers=auth).json()
    assert (kept["pain_after"], kept["notes"]) == (1, "fixed")


def test_weeks_show_how_the_side_answers_change(client: TestClient) -> None:
    auth = sign_up(client)
    for days, side in ((15, "left"), (14, "left"), (8, "left"), (1, "same"), (0, "right")):
        record = run(days_ago(days, 7, 0), weaker_side=side, timezone="UTC")
        client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth)
    answer = client.get("/api/v1/stats/weeks?weeks=4&tz=UTC", headers=auth)
    assert answer.status_code == 200, answer.text
    weeks = answer.json()["weeks"]
    assert len(weeks) == 4
    sides = [
        (w["weaker_side"]["left"], w["weaker_side"]["same"], w["weaker_side"]["right"])
        for w in weeks
    ]
    # Today (NOW) is Tuesday 2026-11-24: weeks of Nov 2, 9, 16 and 23.
    assert [w["week_start"] for w in weeks] == [
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
        "2026-11-23",
    ]
    assert sides == [(0, 0, 0), (2, 0, 0), (1, 0, 0), (0, 1, 1)]
    assert weeks[-1]["days_done"] == 2
    bad = client.get("/api/v1/stats/weeks?weeks=0", headers=auth)
    assert bad.status_code == 422


def test_devices_can_be_renamed_and_the_others_revoked(client: TestClient) -> None:
    this = sign_up(client, username="anna")
    others = [sign_in(client, "anna", device_name=f"Chrome on Linux {i}") for i in range(3)]
    listed = client.get("/api/v1/tokens", headers=this).json()["items"]
    mine = next(item for item in listed if item["current"])
    renamed = client.patch(
        f"/api/v1/tokens/{mine['id']}", json={"device_name": "Anna's phone"}, headers=this
    )
    assert renamed.status_code == 200
    assert renamed.json()["device_name"] == "Anna's phone"
    assert renamed.json()["created_at"]
    assert renamed.json()["current"] is True
    answer = client.post("/api/v1/tokens/revoke-others", headers=this)
    assert answer.json() == {"revoked": 3}
    assert all(client.get("/api/v1/account", headers=h).status_code == 401 for h in others)
    [left] = client.get("/api/v1/tokens", headers=this).json()["items"]
    assert left["device_name"] == "Anna's phone"


def test_renaming_another_accounts_device_answers_404(client: TestClient) -> None:
    sign_up(client, username="anna")
    bert = sign_up(client, username="bert")
    answer = client.patch("/api/v1/tokens/1", json={"device_name": "mine now"}, headers=bert)
    assert answer.status_code == 404
    empty = client.patch("/api/v1/tokens/1", json={"device_name": ""}, headers=bert)
    assert empty.status_code == 422
