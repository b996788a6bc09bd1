"""Security headers on every response."""

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


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
