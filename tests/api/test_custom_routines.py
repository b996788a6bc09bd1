"""Own routines: create, read, edit with versions, delete; built-ins stay untouchable."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from app.content import ROUTINES
from tests.auth import sign_up

HOLD = {
    "exercise": "kneeling-hip-flexor-glute-stretch",
    "mode": "timed",
    "work_s": 20,
    "sides": "both",
}
PACED = {
    "exercise": "glute-bridge",
    "mode": "paced",
    "reps": 8,
    "cadence_s": 3,
    "sets": 2,
    "set_rest_s": 20,
}


def routine(name: str = "Desk break", *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "steps": list(steps) or [HOLD, PACED], **extra}


def test_a_new_routine_gets_a_slug_from_its_name_and_a_timeline(client: TestClient) -> None:
    auth = sign_up(client)
    response = client.post("/api/v1/routines", json=routine("Desk Break, Mk II"), headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["slug"], body["version"], body["builtin"]) == ("desk-break-mk-ii", 1, False)
    assert response.headers["location"] == "/api/v1/routines/desk-break-mk-ii"
    kinds = [(s["kind"], s.get("side"), s["duration_ms"]) for s in body["timeline"]]
    assert kinds == [
        ("work", "left", 20000),
        ("switch", "right", 5000),
        ("work", "right", 20000),
        ("reps", None, 24000),
        ("set_rest", None, 20000),
        ("reps", None, 24000),
    ]
    assert body["duration_s"] == 113
    assert body["phase"] == 1


def test_own_routines_are_listed_after_the_builtins_only_for_their_owner(
    client: TestClient,
) -> None:
    auth = sign_up(client, "alice")
    client.post("/api/v1/routines", json=routine("Mine"), headers=auth)
    mine = [r["slug"] for r in client.get("/api/v1/routines", headers=auth).json()["items"]]
    assert mine[-2:] == ["hinge", "mine"]
    anonymous = client.get("/api/v1/routines").json()["items"]
    assert "mine" not in [r["slug"] for r in anonymous]
    bob = sign_up(client, "bob")
    assert "mine" not in [
        r["slug"] for r in client.get("/api/v1/routines", headers=bob).json()["items"]
    ]


def test_the_list_pages_with_an_opaque_cursor(client: TestClient) -> None:
    auth = sign_up(client)
    for name in ("One", "Two", "Three"):
        client.post("/api/v1/routines", json=routine(name), headers=auth)
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/routines", params=params, headers=auth).json()
        seen += [r["slug"] for r in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen[len(ROUTINES) :] == ["one", "two", "three"]  # after every built-in
    for forged in ("bm9wZQ", "ünïcödé", "%%%", "cm91dGluZXM6LTE"):
        response = client.get("/api/v1/routines", params={"cursor": forged})
        assert response.status_code == 400, forged


def test_another_accounts_routine_is_a_404_like_a_missing_one(client: TestClient) -> None:
    alice = sign_up(client, "alice")
    client.post("/api/v1/routines", json=routine("Secret"), headers=alice)
    bob = sign_up(client, "bob")
    for method in ("GET", "DELETE"):
        assert client.request(method, "/api/v1/routines/secret", headers=bob).status_code == 404
    put = client.put("/api/v1/routines/secret", json=routine("Secret"), headers=bob)
    assert put.status_code == 404
    assert client.get("/api/v1/routines/secret").status_code == 404
    mine = client.get("/api/v1/routines/secret", headers=alice)
    assert mine.status_code == 200
    assert "private" in mine.headers["cache-control"]


def test_an_edit_bumps_the_version_and_the_old_one_stays_retrievable(client: TestClient) -> None:
    auth = sign_up(client)
    client.post("/api/v1/routines", json=routine("Desk break"), headers=auth)
    longer = {**HOLD, "work_s": 45}
    response = client.put(
        "/api/v1/routines/desk-break", json=routine("Desk break", longer), headers=auth
    )
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    current = client.get("/api/v1/routines/desk-break", headers=auth).json()
    assert current["version"] == 2
    assert current["timeline"][0]["duration_ms"] == 45000
    old = client.get("/api/v1/routines/desk-break?version=1", headers=auth).json()
    assert old["version"] == 1
    assert old["timeline"][0]["duration_ms"] == 20000
    assert len(old["timeline"]) == 6
    missing = client.get("/api/v1/routines/desk-break?version=3", headers=auth)
    assert missing.status_code == 404


def test_saving_the_same_content_again_keeps_the_version(client: TestClient) -> None:
    auth = sign_up(client)
    client.post("/api/v1/routines", json=routine("Same"), headers=auth)
    again = client.put("/api/v1/routines/same", json=routine("Same"), headers=auth)
    assert again.json()["version"] == 1


def test_the_slug_cannot_change_on_edit(client: TestClient) -> None:
    auth = sign_up(client)
    client.post("/api/v1/routines", json=routine("Same"), headers=auth)
    response = client.put("/api/v1/routines/same", json=routine("Same", slug="other"), headers=auth)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["slug"]


def test_builtins_cannot_be_edited_or_deleted(client: TestClient) -> None:
    auth = sign_up(client)
    assert client.put("/api/v1/routines/morning", json=routine(), headers=auth).status_code == 403
    assert client.delete("/api/v1/routines/morning", headers=auth).status_code == 403
    assert client.get("/api/v1/routines/morning").json()["version"] == 1


def test_a_builtin_or_taken_slug_is_a_conflict(client: TestClient) -> None:
    auth = sign_up(client)
    assert client.post("/api/v1/routines", json=routine("Morning"), headers=auth).status_code == 409
    explicit = routine("My flare", slug="flare-up")
    assert client.post("/api/v1/routines", json=explicit, headers=auth).status_code == 409
    assert client.post("/api/v1/routines", json=routine("New"), headers=auth).status_code == 409
    assert client.post("/api/v1/routines", json=routine("Twice"), headers=auth).status_code == 201
    again = client.post("/api/v1/routines", json=routine("Twice"), headers=auth)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_the_same_slug_in_two_accounts_is_fine(client: TestClient) -> None:
    for user in ("alice", "bob"):
        auth = sign_up(client, user)
        assert (
            client.post("/api/v1/routines", json=routine("Ours"), headers=auth).status_code == 201
        )


def test_a_deleted_routine_is_gone_and_its_slug_versions_on(client: TestClient) -> None:
    auth = sign_up(client)
    client.post("/api/v1/routines", json=routine("Gone"), headers=auth)
    assert client.delete("/api/v1/routines/gone", headers=auth).status_code == 204
    assert client.get("/api/v1/routines/gone", headers=auth).status_code == 404
    replay = client.get("/api/v1/routines/gone?version=1", headers=auth)
    assert replay.status_code == 200, "old completions still replay their version"
    assert "gone" not in [
        r["slug"] for r in client.get("/api/v1/routines", headers=auth).json()["items"]
    ]
    assert client.delete("/api/v1/routines/gone", headers=auth).status_code == 404
    again = client.post("/api/v1/routines", json=routine("Gone"), headers=auth)
    assert again.status_code == 201
    assert again.json()["version"] == 2


def test_writing_needs_a_signed_in_account(client: TestClient) -> None:
    assert client.post("/api/v1/routines", json=routine()).status_code == 401
    assert client.delete("/api/v1/routines/anything").status_code == 401


def test_preview_compiles_without_saving(client: TestClient) -> None:
    auth = sign_up(client)
    response = client.post("/api/v1/routines/preview", json=routine("Draft"))
    assert response.status_code == 200, response.text
    assert response.json()["duration_s"] == 113
    assert client.get("/api/v1/routines/draft", headers=auth).status_code == 404


def test_a_phase_two_exercise_makes_a_phase_two_routine(client: TestClient) -> None:
    auth = sign_up(client)
    thrust = {"exercise": "hip-thrust", "mode": "self_paced", "reps": 10}
    body = client.post("/api/v1/routines", json=routine("Thrusts", thrust), headers=auth).json()
    assert body["phase"] == 2
    assert body["timeline"][0]["duration_ms"] is None


def test_bridge_builder_shows_its_level_and_the_next_one(client: TestClient) -> None:
    progression = client.get("/api/v1/routines/bridge-builder").json()["progression"]
    assert progression["level"] == 1
    assert progression["of"] == 3
    assert progression["current"]["slug"] == "glute-bridge"
    assert progression["next"] == {
        "slug": "feet-elevated-bridge",
        "name": "Feet-elevated hip bridge",
    }
    assert client.get("/api/v1/routines/morning").json()["progression"] is None


def test_a_copy_moved_up_the_ladder_shows_its_new_level(client: TestClient) -> None:
    auth = sign_up(client)
    thrust = {"exercise": "hip-thrust", "mode": "self_paced", "reps": 10, "sets": 3}
    body = client.post("/api/v1/routines", json=routine("Top", thrust), headers=auth).json()
    assert body["progression"]["level"] == 3
    assert body["progression"]["next"] is None


def test_simultaneous_saves_never_fail_or_lose_a_version(client: TestClient) -> None:
    auth = sign_up(client)
    body = routine("Race")
    with ThreadPoolExecutor(max_workers=4) as pool:
        created = list(
            pool.map(lambda _: client.post("/api/v1/routines", json=body, headers=auth), range(4))
        )
    assert sorted(r.status_code for r in created) == [201, 409, 409, 409]
    edits = [routine("Race", {**HOLD, "work_s": 10 + n}) for n in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        edited = list(
            pool.map(lambda b: client.put("/api/v1/routines/race", json=b, headers=auth), edits)
        )
    assert sorted(r.json()["version"] for r in edited) == [2, 3, 4, 5]
    for version in range(1, 6):
        old = client.get(f"/api/v1/routines/race?version={version}", headers=auth)
        assert old.status_code == 200
