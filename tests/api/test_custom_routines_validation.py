"""Bad routines answer 422 problems naming the field, and change nothing."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.domain.steps import MAX_STEPS
from tests.auth import sign_up

SQUEEZE = {"exercise": "booty-flex", "mode": "timed", "work_s": 7, "rest_s": 3, "rounds": 10}


def with_step(**changes: Any) -> dict[str, Any]:
    return {"name": "Broken", "steps": [SQUEEZE, {**SQUEEZE, **changes}]}


CASES = [
    pytest.param(with_step(exercise="leg-press"), "steps.1.exercise", id="unknown exercise"),
    pytest.param(with_step(work_s=0), "steps.1.work_s", id="zero duration"),
    pytest.param(with_step(work_s=901), "steps.1.work_s", id="huge duration"),
    pytest.param(with_step(rest_s=5000), "steps.1.rest_s", id="huge rest"),
    pytest.param(with_step(mode="paced", reps=0, cadence_s=2), "steps.1.reps", id="zero reps"),
    pytest.param(with_step(mode="self_paced", reps=101), "steps.1.reps", id="too many reps"),
    pytest.param(with_step(sets=11), "steps.1.sets", id="too many sets"),
    pytest.param(
        {"name": "Long", "steps": [SQUEEZE] * (MAX_STEPS + 1)}, "steps", id="too many steps"
    ),
    pytest.param({"name": "Empty", "steps": []}, "steps", id="no steps"),
    pytest.param({"name": "x" * 81, "steps": [SQUEEZE]}, "name", id="name too long"),
    pytest.param({"name": "   ", "steps": [SQUEEZE]}, "name", id="blank name"),
    pytest.param({"name": "!!!", "steps": [SQUEEZE]}, "name", id="name without a slug"),
    pytest.param(
        {"name": "Huge", "steps": [{**SQUEEZE, "rounds": 100, "sets": 10, "sides": "both"}]},
        "steps",
        id="a timeline too long to log",
    ),
    pytest.param(with_step(mode="paced", reps=10), "steps.1", id="paced without cadence"),
]


@pytest.mark.parametrize(("body", "field"), CASES)
def test_bad_routines_are_422_naming_the_field_and_change_nothing(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    auth = sign_up(client)
    before = client.get("/api/v1/routines", headers=auth).json()
    response = client.post("/api/v1/routines", json=body, headers=auth)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert field in [e["field"] for e in problem["errors"]], problem
    assert client.get("/api/v1/routines", headers=auth).json() == before


@pytest.mark.parametrize(("body", "field"), CASES[:3])
def test_a_bad_edit_keeps_the_current_version(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    auth = sign_up(client)
    client.post("/api/v1/routines", json={"name": "Good", "steps": [SQUEEZE]}, headers=auth)
    response = client.put("/api/v1/routines/good", json={**body, "name": "Good"}, headers=auth)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]
    current = client.get("/api/v1/routines/good", headers=auth).json()
    assert (current["version"], current["steps"][0]["rounds"]) == (1, 10)
    assert client.get("/api/v1/routines/good?version=2", headers=auth).status_code == 404


def test_preview_validates_the_same_way(client: TestClient) -> None:
    response = client.post("/api/v1/routines/preview", json=with_step(exercise="leg-press"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "steps.1.exercise"
