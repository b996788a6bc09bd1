"""The app shell travels gzipped; API answers never do."""

from fastapi.testclient import TestClient


def test_shell_files_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    for url in ("/", "/static/css/app.css", "/static/js/engine/player.js", "/sw.js"):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip", url
        assert response.headers["x-content-type-options"] == "nosniff"


def test_api_answers_are_never_compressed(client: TestClient) -> None:
    response = client.get("/api/v1/exercises", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
