"""Anonymous first, keeping the history, merging, the password, recovery and leaving."""

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from app.core.config import Settings
from tests.api.completion_factory import run
from tests.auth import PASSWORD, sign_in, sign_up

NEW_PASSWORD = "another long passphrase"


def anonymous(client: TestClient) -> tuple[dict[str, str], dict[str, Any]]:
    """Headers of a new anonymous account's device, and the sign-up answer."""
    answer = client.post("/api/v1/accounts/anonymous", json={"timezone": "Europe/Berlin"})
    assert answer.status_code == 201, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}, answer.json()


def put(client: TestClient, headers: dict[str, str], record: dict[str, Any]) -> None:
    answer = client.put(f"/api/v1/completions/{record['id']}", json=record, headers=headers)
    assert answer.status_code in (200, 201), answer.text


def keep(client: TestClient, headers: dict[str, str], username: str = "anna") -> str:
    answer = client.post(
        "/api/v1/account/credentials",
        json={"username": username, "password": PASSWORD},
        headers=headers,
    )
    assert answer.status_code == 200, answer.text
    code: str = answer.json()["recovery_code"]
    return code


def test_an_anonymous_account_syncs_from_the_first_run(client: TestClient) -> None:
    headers, answer = anonymous(client)
    assert answer["account"]["username"] is None
    assert answer["account"]["has_password"] is False
    record = run()
    put(client, headers, record)
    stats = client.get("/api/v1/stats", headers=headers).json()
    assert stats["current_streak"] == 1


def test_keeping_the_history_names_the_same_account(client: TestClient) -> None:
    headers, _ = anonymous(client)
    record = run(notes="left side felt tighter")
    put(client, headers, record)
    code = keep(client, headers)
    assert len(code.replace("-", "")) == 20
    # The same token still works, and a second device signing in sees the run.
    assert client.get("/api/v1/account", headers=headers).json()["username"] == "anna"
    second = sign_in(client, "anna")
    listed = client.get("/api/v1/completions", headers=second).json()["items"]
    assert [item["notes"] for item in listed] == ["left side felt tighter"]


def test_keeping_a_taken_name_or_twice_answers_409(client: TestClient) -> None:
    sign_up(client, username="anna")
    headers, _ = anonymous(client)
    taken = client.post(
        "/api/v1/account/credentials",
        json={"username": "Anna", "password": PASSWORD},
        headers=headers,
    )
    assert taken.status_code == 409
    keep(client, headers, "bert")
    again = client.post(
        "/api/v1/account/credentials",
        json={"username": "carl", "password": PASSWORD},
        headers=headers,
    )
    assert again.status_code == 409


def test_anonymous_sign_ups_are_limited_per_address(database_url: str) -> None:
    settings = Settings(database_url=database_url, anonymous_signups_per_window=3)
    from app.main import create_app

    application: FastAPI = create_app(settings)
    try:
        with TestClient(application) as client:
            statuses = [
                client.post("/api/v1/accounts/anonymous", json={}).status_code for _ in range(4)
            ]
            assert statuses == [201, 201, 201, 429]
            refused = client.post("/api/v1/accounts/anonymous", json={})
            assert refused.status_code == 429
            assert 1 <= int(refused.headers["Retry-After"]) <= 3600
            assert refused.headers["content-type"] == "application/problem+json"
    finally:
        application.state.engine.dispose()


def test_merging_moves_the_devices_runs_and_is_safe_to_repeat(client: TestClient) -> None:
    device, _ = anonymous(client)
    mine = run(notes="from the phone")
    put(client, device, mine)
    sign_up(client, username="anna")
    existing = run(notes="from the laptop")
    put(client, sign_in(client, "anna"), existing)
    signed_in = sign_in(client, "anna", device_name="Phone")
    old_token = device["Authorization"].removeprefix("Bearer ")

    first = client.post("/api/v1/account/merge", json={"token": old_token}, headers=signed_in)
    assert first.status_code == 200, first.text
    assert (first.json()["created"], first.json()["unchanged"]) == (1, 0)
    again = client.post("/api/v1/account/merge", json={"token": old_token}, headers=signed_in)
    assert again.status_code == 200
    assert again.json()["created"] == 0
    notes = sorted(
        i["notes"] for i in client.get("/api/v1/completions", headers=signed_in).json()["items"]
    )
    assert notes == ["from the laptop", "from the phone"]
    # The old token now belongs to the account it merged into.
    assert client.get("/api/v1/account", headers=device).json()["username"] == "anna"


def test_a_named_account_cannot_be_merged(client: TestClient) -> None:
    other = sign_up(client, username="bert")
    anna = sign_up(client, username="anna")
    token = other["Authorization"].removeprefix("Bearer ")
    answer = client.post("/api/v1/account/merge", json={"token": token}, headers=anna)
    assert answer.status_code == 409
    bogus = client.post("/api/v1/account/merge", json={"token": "nope"}, headers=anna)
    assert bogus.status_code == 400


def test_changing_the_password_signs_out_the_other_devices_only(client: TestClient) -> None:
    this = sign_up(client, username="anna")
    other = sign_in(client, "anna")
    answer = client.post(
        "/api/v1/account/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=this,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"revoked": 1}
    assert client.get("/api/v1/account", headers=this).status_code == 200
    assert client.get("/api/v1/account", headers=other).status_code == 401
    sign_in(client, "anna", NEW_PASSWORD)
    wrong = client.post(
        "/api/v1/account/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=this,
    )
    assert wrong.status_code == 403


def test_a_recovery_code_resets_the_password_once(client: TestClient) -> None:
    headers, _ = anonymous(client)
    code = keep(client, headers)
    body = {"username": "anna", "recovery_code": code.lower(), "new_password": NEW_PASSWORD}
    first = client.post("/api/v1/account/recover", json=body)
    assert first.status_code == 201, first.text
    assert first.json()["recovery_code"] not in (None, code)
    assert client.get("/api/v1/account", headers=headers).status_code == 401
    sign_in(client, "anna", NEW_PASSWORD)
    second = client.post("/api/v1/account/recover", json={**body, "new_password": "x" * 12})
    assert second.status_code == 401
    sign_in(client, "anna", NEW_PASSWORD)


def test_deleting_the_account_leaves_no_row_of_it(client: TestClient, app: FastAPI) -> None:
    keeper = sign_up(client, username="keeper")
    put(client, keeper, run())
    headers, _ = anonymous(client)
    keep(client, headers, "anna")
    put(client, headers, run())
    put(client, headers, run(deleted=True))
    sign_in(client, "anna")
    routine = {
        "name": "Short",
        "steps": [{"exercise": "glute-bridge", "mode": "timed", "work_s": 30, "sides": "none"}],
    }
    assert client.post("/api/v1/routines", json=routine, headers=headers).status_code == 201
    feed = client.get("/api/v1/account", headers=headers).json()["reminders_url"]
    share = client.post("/api/v1/account/share-key", headers=headers).json()["share_url"]
    client.post("/api/v1/tokens", json={"username": "anna", "password": "wrong one!"})

    assert client.delete("/api/v1/account", headers=headers).status_code == 204

    assert client.get("/api/v1/account", headers=headers).status_code == 401
    assert client.get(feed.removeprefix("http://testserver")).status_code == 404
    assert client.get(share.removeprefix("http://testserver")).status_code == 404
    engine = app.state.engine
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            if table in ("alembic_version", "signup_throttle"):
                continue
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
            for row in rows:
                values = " ".join(str(v) for v in row.values())
                assert "anna" not in values, (table, dict(row))
                assert row.get("account_id") in (None, 1), (table, dict(row))
            if table == "account":
                assert [r["username"] for r in rows] == ["keeper"]
