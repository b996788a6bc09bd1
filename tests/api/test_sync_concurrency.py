"""Devices pushing at the same time, over real HTTP: a device pulling meanwhile never skips one."""

import threading
from typing import Any

import httpx

from tests.api.completion_factory import at, run
from tests.conftest import LiveServer

WRITERS = 4
BATCHES = 6
BATCH = 25


def test_a_puller_sees_every_record_while_others_push(served_app: LiveServer) -> None:
    server = served_app
    signed_up = httpx.post(
        f"{server.url}/api/v1/accounts",
        json={"username": "anna", "password": "correct horse battery"},
    )
    headers = {"Authorization": f"Bearer {signed_up.json()['token']}"}
    pushed: list[str] = []
    errors: list[str] = []
    done = threading.Event()

    def writer(number: int) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
            for batch in range(BATCHES):
                records = [run(at(2026, 10, 1 + batch, 6 + number, i)) for i in range(BATCH)]
                response = client.post("/api/v1/sync", json={"cursor": None, "push": records})
                if response.status_code != 200 or response.json()["rejected"]:
                    errors.append(response.text)
                pushed.extend(r["id"] for r in records)

    pulled: list[str] = []

    def puller() -> None:
        cursor: Any = None
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as client:
            while True:
                finished = done.is_set()
                body = client.post("/api/v1/sync", json={"cursor": cursor, "push": []}).json()
                pulled.extend(r["id"] for r in body["pull"])
                cursor = body["cursor"]
                if finished and not body["more"]:
                    return

    reader = threading.Thread(target=puller)
    reader.start()
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    reader.join(timeout=60)
    assert errors == []
    assert len(pushed) == WRITERS * BATCHES * BATCH
    # Every record pulled, each exactly once: the cursor skipped nothing and repeated nothing.
    assert sorted(pulled) == sorted(pushed)
