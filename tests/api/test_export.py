"""Export as CSV and JSON, and the JSON read back by an idempotent import."""

import csv
import io
import json
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.api.completion_factory import run
from tests.api.test_stats import days_ago, put_run
from tests.auth import sign_up


def records(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    """The exported completions without the server's per-account change counter."""
    response = client.get("/api/v1/export.json", headers=headers)
    assert response.status_code == 200
    return [{k: v for k, v in r.items() if k != "seq"} for r in response.json()["completions"]]


def log_some_runs(client: TestClient, headers: dict[str, str]) -> None:
    put_run(client, headers, days_ago(3, 7, 0, "Europe/Berlin"), pain_before=6, pain_after=3)
    put_run(client, headers, days_ago(2, 21, 30, "Asia/Tokyo"), notes="left side weaker")
    put_run(client, headers, days_ago(1, 6, 0, "America/New_York"), steps_done=1)
    gone = put_run(client, headers, days_ago(1, 0, 10))
    assert client.delete(f"/api/v1/completions/{gone['id']}", headers=headers).status_code == 204


def test_export_then_import_into_a_fresh_account_gives_the_same_records(
    client: TestClient,
) -> None:
    source = sign_up(client, username="source")
    log_some_runs(client, source)
    export = client.get("/api/v1/export.json", headers=source).json()
    assert export["account"]["username"] == "source"
    assert "reminders_url" not in export["account"]

    target = sign_up(client, username="target")
    answer = client.post("/api/v1/import", json=export, headers=target)

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "refused": 0,
        "rejected": [],
    }
    assert records(client, target) == records(client, source)
    assert len(records(client, target)) == 4
    assert sum(r["deleted"] for r in records(client, target)) == 1


def test_importing_the_same_export_again_changes_nothing(client: TestClient) -> None:
    headers = sign_up(client, username="twice")
    log_some_runs(client, headers)
    export = client.get("/api/v1/export.json", headers=headers).json()
    before = client.get("/api/v1/export.json", headers=headers).json()["completions"]

    answer = client.post("/api/v1/import", json=export, headers=headers)

    assert answer.json() == {
        "created": 0,
        "updated": 0,
        "unchanged": 4,
        "refused": 0,
        "rejected": [],
    }
    assert client.get("/api/v1/export.json", headers=headers).json()["completions"] == before


def test_a_bad_record_is_refused_alone(client: TestClient) -> None:
    headers = sign_up(client, username="mixed")
    log_some_runs(client, headers)
    export = client.get("/api/v1/export.json", headers=headers).json()
    export["completions"][0]["pain_before"] = 11
    target = sign_up(client, username="mixed.target")

    answer = client.post("/api/v1/import", json=export, headers=target).json()

    assert (answer["created"], len(answer["rejected"])) == (3, 1)
    assert answer["rejected"][0]["id"] == export["completions"][0]["id"]
    assert answer["rejected"][0]["problem"]["errors"][0]["field"] == "pain_before"


def test_an_import_that_is_not_an_export_answers_422_and_changes_nothing(
    client: TestClient,
) -> None:
    headers = sign_up(client, username="wrong.file")
    answer = client.post("/api/v1/import", json={"runs": []}, headers=headers)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert records(client, headers) == []


def test_export_and_import_need_a_signed_in_account(client: TestClient) -> None:
    for method, path in (
        ("GET", "/api/v1/export.json"),
        ("GET", "/api/v1/export.csv"),
        ("POST", "/api/v1/import"),
    ):
        assert client.request(method, path, json={"completions": []}).status_code == 401


def test_the_csv_has_one_row_per_live_run_in_its_own_zone(client: TestClient) -> None:
    headers = sign_up(client, username="spreadsheet")
    log_some_runs(client, headers)
    put_run(client, headers, days_ago(4), notes="=HYPERLINK(1)")

    response = client.get("/api/v1/export.csv", headers=headers)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4  # the deleted run is left out
    berlin = next(r for r in rows if r["timezone"] == "Europe/Berlin")
    assert berlin["started_at"].endswith(("+01:00", "+02:00"))
    assert berlin["started_at"][11:16] == "07:00"
    assert (berlin["pain_before"], berlin["pain_after"]) == ("6", "3")
    assert any(r["notes"] == "left side weaker" for r in rows)
    assert any(r["notes"] == "'=HYPERLINK(1)" for r in rows)  # never run as a formula


def test_one_account_never_exports_anothers_runs(client: TestClient) -> None:
    mine = sign_up(client, username="mine.only")
    theirs = sign_up(client, username="theirs.only")
    log_some_runs(client, theirs)
    assert records(client, mine) == []
    assert client.get("/api/v1/export.csv", headers=mine).text.count("\r\n") == 1


def test_a_file_that_is_not_an_export_gets_a_422_naming_what_is_wrong(
    client: TestClient,
) -> None:
    auth = sign_up(client)
    cases = [
        ({"runs": []}, "missing field 'completions'"),
        ([1, 2], "not an object"),
        ({"completions": {"a": 1}}, "'completions' is not a list"),
    ]
    for body, wanted in cases:
        answer = client.post("/api/v1/import", json=body, headers=auth)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert wanted in answer.json()["detail"]
    garbage = client.post(
        "/api/v1/import",
        content=b"this is not json",
        headers={**auth, "content-type": "application/json"},
    )
    assert garbage.status_code == 422


def test_ten_years_of_runs_import_in_one_go_and_again_unchanged(client: TestClient) -> None:
    source = sign_up(client, username="source")
    target = sign_up(client, username="target")
    base = days_ago(3700, 7, 0)
    runs = []
    for i in range(7300):
        started = base + timedelta(hours=12 * i)
        runs.append(run(started, notes="n" * 300, timezone="UTC"))
    body = json.dumps({"exported_at": "2026-11-24T10:00:00Z", "completions": runs}).encode()
    assert len(body) > 3_500_000
    headers = {**target, "content-type": "application/json"}
    first = client.post("/api/v1/import", content=body, headers=headers)
    assert first.status_code == 200, first.text[:500]
    assert (first.json()["created"], first.json()["refused"]) == (7300, 0)
    again = client.post("/api/v1/import", content=body, headers=headers).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 7300)
    # Other routes keep the 1 MiB limit.
    big_sync = client.post(
        "/api/v1/sync", content=body, headers={**source, "content-type": "application/json"}
    )
    assert big_sync.status_code == 413
