"""The therapist page: four weeks and more of adherence and pain, the side answers, only the
shared notes, nothing else of the account, and a revoked link answers 404 at once."""

import logging

import pytest
from fastapi.testclient import TestClient

from app.core.logs import redact
from tests.api.completion_factory import run
from tests.api.test_stats import days_ago
from tests.auth import sign_up


def share_path(client: TestClient, headers: dict[str, str]) -> str:
    answer = client.post("/api/v1/account/share-key", headers=headers)
    assert answer.status_code == 200, answer.text
    url: str = answer.json()["share_url"]
    return url.removeprefix("http://testserver")


def test_the_page_shows_weeks_pain_sides_and_only_shared_notes(client: TestClient) -> None:
    auth = sign_up(client, username="anna.private")
    for days in (22, 15, 8, 1):
        record = run(days_ago(days, 7, 0), pain_before=6, pain_after=3, weaker_side="left")
        client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth)
    shared = run(days_ago(0, 7, 0), notes="hips looser today", share_note=True)
    private = run(days_ago(0, 8, 0), notes="argued with my boss")
    for record in (shared, private):
        client.put(f"/api/v1/completions/{record['id']}", json=record, headers=auth)

    page = client.get(share_path(client, auth))

    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    for monday in ("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"):  # datetime attributes
        assert monday in html
    assert "6.0" in html
    assert "3.0" in html
    assert "hips looser today" in html
    assert "argued with my boss" not in html
    assert "anna.private" not in html
    assert "/api/" not in html
    assert "<script" not in html


def test_a_replaced_or_revoked_link_answers_404_at_once(client: TestClient) -> None:
    auth = sign_up(client)
    first = share_path(client, auth)
    second = share_path(client, auth)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client.delete("/api/v1/account/share-key", headers=auth).status_code == 204
    assert client.get(second).status_code == 404
    assert client.get("/api/v1/account", headers=auth).json()["share_url"] is None


def test_the_key_never_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    line = '127.0.0.1:5 - "GET /share/AbC_d-9 HTTP/1.1" 200 and /api/v1/reminders.ics?key=Zz9&x=1'
    assert redact(line) == (
        '127.0.0.1:5 - "GET /share/[redacted] HTTP/1.1" 200 and '
        "/api/v1/reminders.ics?key=[redacted]&x=1"
    )
    from app.core.logs import install_redaction

    install_redaction()
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        logging.getLogger("uvicorn.access").info(
            '%s - "%s %s HTTP/%s" %d', "1.2.3.4:1", "GET", "/share/secretkey", "1.1", 200
        )
    assert "secretkey" not in caplog.text
    assert "/share/[redacted]" in caplog.text
