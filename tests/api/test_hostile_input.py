"""Hostile input answers a 4xx problem and changes nothing, on every database: lone surrogates,
NUL, huge numbers, dates at the edge of the calendar, strings posing as numbers."""

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.completion_factory import run
from tests.auth import sign_up

LONE_SURROGATE = "\ud800"
HOSTILE_TEXT = ["a\x00b", "a" + LONE_SURROGATE + "b"]
JSON = {"Content-Type": "application/json"}


def _raw(body: Any) -> bytes:
    """`body` as JSON with every non-ASCII character escaped, so lone surrogates survive."""
    return json.dumps(body, ensure_ascii=True).encode()


def _routine(name: str) -> dict[str, Any]:
    step = {"exercise": "glute-bridge", "mode": "paced", "reps": 8, "cadence_s": 3}
    return {"name": name, "steps": [step]}


@pytest.mark.parametrize("path", ["/api/v1/sync", "/api/v1/import"])
def test_a_record_with_a_lone_surrogate_id_is_refused_alone(client: TestClient, path: str) -> None:
    auth = sign_up(client)
    good = run()
    records = [run(run_id=LONE_SURROGATE), good]
    body = {"push": records} if path.endswith("sync") else {"completions": records}
    answer = client.post(path, content=_raw(body), headers={**auth, **JSON})
    assert answer.status_code == 200, answer.text
    rejected = answer.json()["rejected"]
    assert len(rejected) == 1
    assert rejected[0]["id"] is None
    assert client.get(f"/api/v1/completions/{good['id']}", headers=auth).status_code == 200


def test_every_string_field_of_every_input_refuses_nul_and_lone_surrogates(
    client: TestClient,
) -> None:
    auth = sign_up(client)
    account = {"username": "bert.b", "password": "a long passphrase"}
    sign_in = {"username": "anna", "password": "a long passphrase", "device_name": "Tablet"}
    cases: list[tuple[str, str, dict[str, Any], str]] = [
        ("POST", "/api/v1/accounts", account, field)
        for field in ("username", "password", "timezone", "device_name")
    ]
    cases += [("POST", "/api/v1/tokens", sign_in, f) for f in sign_in]
    cases += [
        ("PATCH", "/api/v1/account", {"timezone": "UTC"}, "timezone"),
        ("PATCH", "/api/v1/account", {"morning_time": "07:00"}, "morning_time"),
        ("POST", "/api/v1/routines", _routine("Desk"), "name"),
        ("POST", "/api/v1/routines", {**_routine("Desk"), "slug": "desk"}, "slug"),
        ("POST", "/api/v1/routines/preview", _routine("Desk"), "name"),
        ("POST", "/api/v1/sync", {"cursor": "x", "push": []}, "cursor"),
    ]
    run_id = run()["id"]
    for field in ("id", "routine", "timezone", "notes"):
        record = run(run_id=run_id)
        cases.append(("PUT", f"/api/v1/completions/{run_id}", record, field))
    for method, path, body, field in cases:
        for bad in HOSTILE_TEXT:
            answer = client.request(
                method, path, content=_raw({**body, field: bad}), headers={**auth, **JSON}
            )
            assert answer.status_code == 422, (method, path, field, repr(bad), answer.text)
            assert answer.headers["content-type"] == "application/problem+json"
    # Nothing was stored on the way: no routine, no run, no second account.
    assert client.get("/api/v1/routines?limit=500", headers=auth).json()["items"] == [
        r for r in client.get("/api/v1/routines?limit=500").json()["items"]
    ]
    assert client.get("/api/v1/completions", headers=auth).json()["items"] == []


def test_strings_and_booleans_posing_as_numbers_are_refused(client: TestClient) -> None:
    auth = sign_up(client)
    record = run()
    for field, bad in [
        ("pain_before", "3"),
        ("pain_before", True),
        ("deleted", "yes"),
        ("deleted", 1),
        ("steps_done", "4"),
        ("routine_version", 1.5),
    ]:
        answer = client.put(
            f"/api/v1/completions/{record['id']}", json={**record, field: bad}, headers=auth
        )
        assert answer.status_code == 422, (field, bad, answer.text)
    routine = _routine("Desk")
    routine["steps"][0]["reps"] = "8"
    assert client.post("/api/v1/routines", json=routine, headers=auth).status_code == 422
    assert (
        client.patch("/api/v1/account", json={"daily_goal": "2"}, headers=auth).status_code == 422
    )
    assert client.get("/api/v1/completions", headers=auth).json()["items"] == []
    # JSON numbers are still numbers.
    assert client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth).is_success


def test_integer_and_date_parameters_are_bounded(client: TestClient) -> None:
    auth = sign_up(client)
    created = client.post("/api/v1/routines", json=_routine("Desk"), headers=auth)
    assert created.status_code == 201
    for version in (2**31, 2**63, 10**30):
        answer = client.get(f"/api/v1/routines/desk?version={version}", headers=auth)
        assert answer.status_code == 422, (version, answer.text)
    for query in ("to=0001-01-05", "from=0001-01-01", "to=9999-12-31"):
        assert client.get(f"/api/v1/stats?{query}", headers=auth).status_code == 422, query
        assert client.get(f"/api/v1/completions?{query}", headers=auth).status_code == 422
    assert client.delete(f"/api/v1/tokens/{2**63}", headers=auth).status_code == 422


def test_a_feed_key_with_nul_is_refused(client: TestClient) -> None:
    answer = client.get("/api/v1/reminders.ics?key=a%00b")
    assert answer.status_code in (404, 422), answer.text
