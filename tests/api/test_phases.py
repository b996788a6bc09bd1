"""GET /api/v1/phase: the offers, the avoid list, and a suggestion from the account's runs."""

import uuid
from datetime import UTC, date, datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models import Account, Completion
from tests.auth import sign_up
from tests.clock import NOW


def log_runs(app: FastAPI, username: str, runs: list[tuple[str, date, int, int]]) -> None:
    """Store finished runs `(routine, local_date, pain_before, pain_after)` of `username`."""
    with Session(app.state.engine) as session:
        account = session.exec(select(Account).where(Account.username == username)).one()
        assert account.id is not None
        for seq, (routine, day, before, after) in enumerate(runs, start=1):
            started = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
            session.add(
                Completion(
                    account_id=account.id,
                    id=str(uuid.uuid4()),
                    routine=routine,
                    routine_version=1,
                    started_at=started,
                    finished_at=started + timedelta(minutes=3),
                    timezone="UTC",
                    local_date=day,
                    steps_done=2,
                    steps_total=2,
                    pain_before=before,
                    pain_after=after,
                    modified_at=started,
                    seq=seq,
                )
            )
        session.commit()


def today() -> date:
    return NOW.date()


def test_anyone_sees_phase_one_with_its_avoid_list(client: TestClient) -> None:
    body = client.get("/api/v1/phase").json()
    assert body["phase"]["number"] == 1
    assert body["suggestion"] is None
    assert [(r["slug"], r["open"]) for r in body["routines"]] == [
        ("morning", True),
        ("evening", True),
        ("flare-up", True),
        ("hip-reset", False),
        ("bridge-builder", False),  # bridges are phase 2's strength work (PROTOCOL.md)
        ("hinge", False),
    ]
    deadlifts = next(a for a in body["avoid"] if a["what"].startswith("Deadlifts"))
    assert deadlifts["applies"] is True
    assert "phase 3" in deadlifts["why"]


def test_phase_three_offers_the_hinge_first_and_lifts_the_avoid_list(client: TestClient) -> None:
    body = client.get("/api/v1/phase", params={"phase": 3}).json()
    assert body["routines"][0] == {"slug": "hinge", "name": "Hinge", "phase": 3, "open": True}
    assert body["exercises"][0]["slug"] == "kettlebell-sumo-deadlift"
    assert all(e["open"] for e in body["exercises"])
    assert not any(a["applies"] for a in body["avoid"])


def test_a_bad_phase_is_a_422(client: TestClient) -> None:
    assert client.get("/api/v1/phase", params={"phase": 4}).status_code == 422


def test_ten_calm_days_suggest_moving_up(app: FastAPI, client: TestClient) -> None:
    auth = sign_up(client, "calm")
    log_runs(app, "calm", [("morning", today() - timedelta(days=n), 5, 3) for n in range(10)])
    body = client.get("/api/v1/phase", headers=auth).json()
    assert body["phase"]["number"] == 1
    assert body["suggestion"]["kind"] == "move_up"
    assert body["suggestion"]["to_phase"] == 2


def test_a_flare_suggests_stepping_back_and_changes_nothing(
    app: FastAPI, client: TestClient
) -> None:
    auth = sign_up(client, "sore")
    assert client.patch("/api/v1/account", json={"phase": 2}, headers=auth).status_code == 200
    log_runs(app, "sore", [("evening", today(), 4, 8)])
    body = client.get("/api/v1/phase", headers=auth).json()
    assert body["suggestion"]["kind"] == "step_back"
    assert body["suggestion"]["to_phase"] == 1
    assert "8" in body["suggestion"]["reason"]
    assert client.get("/api/v1/account", headers=auth).json()["phase"] == 2
    assert body["phase"]["number"] == 2


def test_own_routines_are_offered_by_their_phase(client: TestClient) -> None:
    auth = sign_up(client, "maker")
    thrust = {"exercise": "hip-thrust", "mode": "self_paced", "reps": 10}
    client.post("/api/v1/routines", json={"name": "Thrusts", "steps": [thrust]}, headers=auth)
    routines = client.get("/api/v1/phase", headers=auth).json()["routines"]
    assert {"slug": "thrusts", "name": "Thrusts", "phase": 2, "open": False} in routines


def test_three_flare_up_rescues_in_three_days_suggest_stepping_back(
    app: FastAPI, client: TestClient
) -> None:
    auth = sign_up(client, "tweaky")
    assert client.patch("/api/v1/account", json={"phase": 3}, headers=auth).status_code == 200
    log_runs(app, "tweaky", [("flare-up", today() - timedelta(days=n), 4, 3) for n in range(3)])
    suggestion = client.get("/api/v1/phase", headers=auth).json()["suggestion"]
    assert (suggestion["kind"], suggestion["to_phase"]) == ("step_back", 2)
    assert "flare-up rescue 3 times" in suggestion["reason"]
