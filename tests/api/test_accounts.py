"""Accounts, device tokens and settings."""

import time

from fastapi.testclient import TestClient

from app.core.security import hashing_slot, limit_hashing
from tests.auth import PASSWORD, sign_in, sign_up


def test_sign_up_answers_the_account_and_a_working_token(client: TestClient) -> None:
    response = client.post(
        "/api/v1/accounts",
        json={"username": "Anna.K", "password": PASSWORD, "timezone": "Europe/Berlin"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["account"]["username"] == "anna.k"
    assert body["account"]["timezone"] == "Europe/Berlin"
    assert body["account"]["daily_goal"] == 2
    headers = {"Authorization": f"Bearer {body['token']}"}
    me = client.get("/api/v1/account", headers=headers)
    assert me.status_code == 200
    assert me.json()["username"] == "anna.k"


def test_duplicate_username_is_409(client: TestClient) -> None:
    sign_up(client, "anna")
    again = client.post("/api/v1/accounts", json={"username": "anna", "password": PASSWORD})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_bad_sign_up_fields_are_422(client: TestClient) -> None:
    for body in (
        {"username": "ab", "password": PASSWORD},
        {"username": "no spaces", "password": PASSWORD},
        {"username": "anna", "password": "short"},
        {"username": "anna", "password": PASSWORD, "timezone": "Mars/Olympus"},
        {"username": "anna", "password": PASSWORD, "timezone": "../../etc/passwd"},
    ):
        response = client.post("/api/v1/accounts", json=body)
        assert response.status_code == 422, body
    assert (
        client.post("/api/v1/tokens", json={"username": "anna", "password": PASSWORD}).status_code
        == 401
    )


def test_passwords_and_tokens_are_stored_only_as_hashes(client: TestClient) -> None:
    response = client.post("/api/v1/accounts", json={"username": "anna", "password": PASSWORD})
    token = response.json()["token"]
    with client.app.state.engine.connect() as connection:  # type: ignore[attr-defined]
        dump = repr(connection.exec_driver_sql("SELECT * FROM account").all())
        dump += repr(connection.exec_driver_sql("SELECT * FROM device_token").all())
    assert PASSWORD not in dump
    assert token not in dump
    assert "$argon2id$" in dump


def test_unknown_user_and_wrong_password_get_the_same_401(client: TestClient) -> None:
    sign_up(client, "anna")
    wrong = client.post("/api/v1/tokens", json={"username": "anna", "password": "not it at all"})
    unknown = client.post("/api/v1/tokens", json={"username": "bert", "password": "not it at all"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_unknown_user_costs_the_same_argon2_work(client: TestClient) -> None:
    sign_up(client, "anna")

    def timed(username: str) -> float:
        start = time.perf_counter()
        client.post("/api/v1/tokens", json={"username": username, "password": "nope nope nope"})
        return time.perf_counter() - start

    timed("warmup")
    known = min(timed("anna") for _ in range(3))
    unknown = min(timed(f"ghost{i}") for i in range(3))
    # Both verify one Argon2id hash (tens of ms); a skipped verification would be ~1 ms.
    assert unknown > known * 0.5


def test_repeated_failures_answer_429_with_retry_after(client: TestClient) -> None:
    sign_up(client, "anna")
    bad = {"username": "anna", "password": "wrong password!"}
    for _ in range(5):
        assert client.post("/api/v1/tokens", json=bad).status_code == 401
    locked = client.post("/api/v1/tokens", json=bad)
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["retry-after"]) <= 300
    # Even the right password waits: the lock is per username, not per guess.
    good = client.post("/api/v1/tokens", json={"username": "anna", "password": PASSWORD})
    assert good.status_code == 429


def test_a_success_resets_the_failure_count(client: TestClient) -> None:
    sign_up(client, "anna")
    bad = {"username": "anna", "password": "wrong password!"}
    for _ in range(4):
        client.post("/api/v1/tokens", json=bad)
    sign_in(client, "anna")
    for _ in range(4):
        assert client.post("/api/v1/tokens", json=bad).status_code == 401


def test_second_device_lists_and_revokes_at_once(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    tablet = sign_in(client, "anna", device_name="Tablet")
    items = client.get("/api/v1/tokens", headers=phone).json()["items"]
    assert [(t["device_name"], t["current"]) for t in items] == [
        ("First device", True),
        ("Tablet", False),
    ]
    assert all("token" not in t and "token_hash" not in t for t in items)
    tablet_id = items[1]["id"]
    assert client.delete(f"/api/v1/tokens/{tablet_id}", headers=phone).status_code == 204
    revoked = client.get("/api/v1/account", headers=tablet)
    assert revoked.status_code == 401
    assert revoked.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/account", headers=phone).status_code == 200


def test_another_accounts_token_is_404(client: TestClient) -> None:
    anna = sign_up(client, "anna")
    bert = sign_up(client, "bert")
    bert_id = client.get("/api/v1/tokens", headers=bert).json()["items"][0]["id"]
    assert client.delete(f"/api/v1/tokens/{bert_id}", headers=anna).status_code == 404
    assert client.delete("/api/v1/tokens/999999", headers=anna).status_code == 404
    assert client.get("/api/v1/account", headers=bert).status_code == 200


def test_requests_without_a_valid_token_are_401(client: TestClient) -> None:
    assert client.get("/api/v1/account").status_code == 401
    bogus = {"Authorization": "Bearer not-a-token"}
    assert client.get("/api/v1/account", headers=bogus).status_code == 401
    assert client.get("/api/v1/tokens", headers={"Authorization": "Basic eDp5"}).status_code == 401


def test_settings_change_and_are_validated(client: TestClient) -> None:
    headers = sign_up(client, "anna")
    patch = {"timezone": "America/Toronto", "morning_time": "06:45", "daily_goal": 3, "phase": 2}
    changed = client.patch("/api/v1/account", json=patch, headers=headers)
    assert changed.status_code == 200
    assert {k: changed.json()[k] for k in patch} == patch
    for bad in (
        {"timezone": "Nowhere/Else"},
        {"morning_time": "7:30"},
        {"evening_time": "24:00"},
        {"daily_goal": 5},
        {"daily_goal": 0},
        {"phase": 4},
        {"phase": None},
        {"username": "someone"},
    ):
        assert client.patch("/api/v1/account", json=bad, headers=headers).status_code == 422, bad
    assert client.get("/api/v1/account", headers=headers).json()["daily_goal"] == 3


def test_reminders_url_is_absolute_and_rotates(client: TestClient) -> None:
    headers = sign_up(client, "anna")
    before = client.get("/api/v1/account", headers=headers).json()["reminders_url"]
    assert before.startswith("http://testserver/api/v1/reminders.ics?key=")
    rotated = client.post("/api/v1/account/reminders-key", headers=headers).json()["reminders_url"]
    assert rotated.startswith("http://testserver/api/v1/reminders.ics?key=")
    assert rotated != before
    assert client.get("/api/v1/account", headers=headers).json()["reminders_url"] == rotated


def test_the_device_list_pages_with_a_cursor(client: TestClient) -> None:
    phone = sign_up(client, "anna")
    for name in ("Tablet", "Laptop", "Work"):
        sign_in(client, "anna", device_name=name)
    first = client.get("/api/v1/tokens?limit=3", headers=phone).json()
    assert [t["device_name"] for t in first["items"]] == ["First device", "Tablet", "Laptop"]
    rest = client.get(f"/api/v1/tokens?cursor={first['next_cursor']}", headers=phone).json()
    assert [t["device_name"] for t in rest["items"]] == ["Work"]
    assert rest["next_cursor"] is None
    bert = sign_up(client, "bert")
    foreign = client.get(f"/api/v1/tokens?cursor={first['next_cursor']}", headers=bert)
    assert foreign.status_code == 400


def test_sign_ins_past_the_hash_limit_answer_503_with_retry_after(client: TestClient) -> None:
    sign_up(client, "anna")
    limit_hashing(1, 0.05)
    try:
        with hashing_slot():  # the one slot is taken, as by a long burst
            busy = client.post("/api/v1/tokens", json={"username": "anna", "password": PASSWORD})
    finally:
        limit_hashing(4, 5.0)
    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "2"
    sign_in(client, "anna")  # and once a slot is free, signing in works
