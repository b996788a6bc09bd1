"""The read API, operations endpoints and problem details."""

from fastapi.testclient import TestClient


def test_morning_timeline_is_served_with_its_total(client: TestClient) -> None:
    response = client.get("/api/v1/routines/morning")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    kinds = [(s["kind"], s.get("side"), s["duration_ms"]) for s in body["timeline"]]
    assert kinds[:4] == [
        ("prepare", "left", 5000),
        ("work", "left", 30000),
        ("switch", "right", 5000),
        ("work", "right", 30000),
    ]
    squeezes = [
        s for s in body["timeline"] if s["exercise"] == "booty-flex" and s["kind"] == "work"
    ]
    assert len(squeezes) == 10
    assert all(s["duration_ms"] == 7000 for s in squeezes)
    assert body["duration_s"] == sum(s["duration_ms"] for s in body["timeline"]) // 1000


def test_routines_list_the_builtins(client: TestClient) -> None:
    body = client.get("/api/v1/routines").json()
    assert [r["slug"] for r in body["items"]] == [
        "morning",
        "evening",
        "flare-up",
        "hip-reset",
        "bridge-builder",
        "hinge",
    ]
    assert body["next_cursor"] is None
    assert all("timeline" not in r for r in body["items"])


def test_exercises_carry_dose_phase_and_sources(client: TestClient) -> None:
    items = {e["slug"]: e for e in client.get("/api/v1/exercises").json()["items"]}
    assert len(items) == 12
    assert items["booty-flex"]["dose"] == "10 rounds: squeeze 7 s, relax 3 s"
    assert items["kettlebell-sumo-deadlift"]["phase"] == 3
    assert items["wall-march"]["sources"] == ["004_326289430c3f208e.txt"]
    assert all(e["cues"] and e["sources"] for e in items.values())


def test_every_exercise_has_three_cues_a_drawing_titled_sources_and_its_own_step(
    client: TestClient,
) -> None:
    items = {e["slug"]: e for e in client.get("/api/v1/exercises").json()["items"]}
    for slug, e in items.items():
        assert len(e["cues"]) == 3, slug
        assert len(set(e["cues"])) == 3, slug
        assert e["illustration"] == f"/static/img/exercises/{slug}.svg"
        assert client.get(e["illustration"]).status_code == 200
        assert e["alt"].endswith(".")
        assert [a["file"] for a in e["articles"]] == e["sources"]
        assert all(a["title"] and not a["title"].endswith(".txt") for a in e["articles"])
        assert e["default_step"]["exercise"] == slug
        assert e["avoid"]
    assert items["wall-march"]["articles"][0]["title"].startswith("Don’t get all Butt-Hurt")
    assert items["booty-flex"]["default_step"] == {
        "exercise": "booty-flex",
        "mode": "timed",
        "work_s": 7,
        "rest_s": 3,
        "rounds": 10,
        "sets": 1,
        "reps": None,
        "cadence_s": None,
        "sides": "none",
        "set_rest_s": 0,
        "prepare_s": 5,
        "switch_s": 5,
        "cue": None,
    }
    stretch = items["kneeling-hip-flexor-glute-stretch"]["default_step"]
    assert (stretch["mode"], stretch["work_s"], stretch["sides"]) == ("timed", 30, "both")
    march = items["wall-march"]["default_step"]
    assert (march["mode"], march["sets"], march["reps"], march["sides"]) == ("paced", 2, 10, "both")
    assert len(items["kettlebell-sumo-deadlift"]["learn_steps"]) == 6
    assert all(not e["learn_steps"] for s, e in items.items() if s != "kettlebell-sumo-deadlift")


def test_the_hinge_routine_teaches_the_deadlift_in_six_self_paced_steps(
    client: TestClient,
) -> None:
    body = client.get("/api/v1/routines/hinge").json()
    assert body["phase"] == 3
    learn = client.get("/api/v1/exercises").json()["items"][-1]["learn_steps"]
    sets = [s for s in body["timeline"] if s["kind"] == "reps"]
    assert [s["duration_ms"] for s in sets] == [None] * 6  # each waits for a tap
    assert {s["exercise"] for s in sets} == {"kettlebell-sumo-deadlift"}
    assert [s["label"] for s in sets] == [f"Step {n} of 6: {t}" for n, t in enumerate(learn, 1)]
    assert body["timeline"][0]["kind"] == "prepare"


def test_bridges_are_built_in_phase_two(client: TestClient) -> None:
    phases = {r["slug"]: r["phase"] for r in client.get("/api/v1/routines").json()["items"]}
    assert phases == {
        "morning": 1,
        "evening": 1,
        "flare-up": 1,
        "hip-reset": 2,
        "bridge-builder": 2,
        "hinge": 3,
    }


def test_unknown_routine_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/api/v1/routines/sunrise")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "No routine is called 'sunrise'."


def test_bad_slug_is_a_422_problem_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/v1/routines/NOT_A_SLUG")
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422
    assert [e["field"] for e in body["errors"]] == ["path.slug"]


def test_unknown_path_and_wrong_method_are_problems(client: TestClient) -> None:
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = client.delete("/api/v1/exercises")
    assert wrong.status_code == 405
    assert wrong.json()["title"] == "Method Not Allowed"


def test_unexpected_error_is_a_500_problem_without_a_trace(client: TestClient) -> None:
    def boom() -> None:
        raise RuntimeError("secret internals")

    client.app.add_api_route("/boom", boom)  # type: ignore[attr-defined]
    with TestClient(client.app, raise_server_exceptions=False) as quiet:
        response = quiet.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text
    assert "Traceback" not in response.text


def test_oversized_body_is_a_413_problem(client: TestClient) -> None:
    response = client.post(
        "/api/v1/exercises",
        content=b"x" * (1024 * 1024 + 1),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"


def test_openapi_describes_routes_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/exercises", "/api/v1/routines", "/api/v1/routines/{slug}"} <= set(
        spec["paths"]
    )
    schemas = spec["components"]["schemas"]
    assert schemas["ExerciseOut"]["examples"]
    assert schemas["Step"]["examples"]


def test_builtin_timeline_has_an_etag_and_answers_304_when_unchanged(client: TestClient) -> None:
    first = client.get("/api/v1/routines/morning")
    etag = first.headers["etag"]
    again = client.get("/api/v1/routines/morning", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    # The cached answer is exactly what compiling the routine afresh gives.
    compiled = client.get("/api/v1/routines/morning", params={"version": 1})
    assert compiled.json() == first.json()
    assert client.get("/api/v1/routines/evening").headers["etag"] != etag
