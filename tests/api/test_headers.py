"""Security headers on every response."""

import httpx
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.auth import sign_up
from tests.conftest import LiveServer

SIX = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "x-frame-options",
)


def test_every_kind_of_response_carries_the_security_headers(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/api/v1/routines"),
        client.get("/api/v1/nothing-here"),
        client.get("/api/v1/account"),
        client.post("/api/v1/sync", content=b"x" * (1024 * 1024 + 1)),
        client.get("/static/css/app.css"),
    ]
    for response in responses:
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self';" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        policy = headers["permissions-policy"]
        assert "screen-wake-lock=(self)" in policy
        assert "camera=()" in policy
        assert "geolocation=()" in policy
        assert "microphone=()" in policy
        assert "strict-transport-security" not in headers


def test_hsts_only_over_https(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url))
    with TestClient(app, base_url="https://squeeze.example") as secure:
        response = secure.get("/healthz")
    app.state.engine.dispose()
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_a_500_carries_the_headers_and_keeps_the_connection(database_url: str) -> None:
    live = LiveServer(database_url)

    def boom() -> None:
        raise RuntimeError("a bug")

    live.app.add_api_route("/boom", boom)
    with live, httpx.Client(base_url=live.url, timeout=10) as http:
        for _ in range(10):
            answer = http.get("/boom")
            assert answer.status_code == 500
            assert answer.headers["content-type"] == "application/problem+json"
            for name in SIX:
                assert name in answer.headers, name
            assert "a bug" not in answer.text
            assert answer.headers.get("connection") != "close"
            assert http.get("/healthz").status_code == 200  # on the same kept-alive connection
    live.app.state.engine.dispose()


def test_405_allows_every_method_of_the_path_and_head_answers_like_get(
    client: TestClient,
) -> None:
    auth = sign_up(client)
    wrong = client.post("/api/v1/completions/9b2c6f1e-3d4a-4f7b-9a51-2f0d6c1e8a77", headers=auth)
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "DELETE, GET, HEAD, PUT"
    assert client.post("/healthz").headers["allow"] == "GET, HEAD"
    for path in ("/", "/api/v1/routines", "/healthz", "/static/css/app.css"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        for name in SIX:
            assert name in head.headers
