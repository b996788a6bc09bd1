"""Test helpers for signed-in requests."""

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


def sign_up(
    client: TestClient, username: str = "tester", password: str = PASSWORD
) -> dict[str, str]:
    """Creates an account and answers the headers that authenticate as its first device."""
    response = client.post("/api/v1/accounts", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def sign_in(
    client: TestClient, username: str, password: str = PASSWORD, device_name: str = "Device"
) -> dict[str, str]:
    """Headers for another device token of an existing account."""
    response = client.post(
        "/api/v1/tokens",
        json={"username": username, "password": password, "device_name": device_name},
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
