"""The benchmark's reference app answers what Squeeze answers, so the yardstick cannot drift.

`benchmarks/reference_app.py` is measured beside the app; if its answers lost a field or grew
cheaper ones, every ratio to it would lie. On one small seeded SQLite file, both apps get the same
pull, push and stats requests: the answers must have the same shape (keys and JSON types, times and
dates told apart), and the data read back must be the same. Nothing here is timed.
"""

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app.core.config import Settings
from app.main import create_app
from benchmarks import reference_app
from benchmarks.seed import SeededAccount, seed_accounts, seed_history, seed_runs
from tests.api.completion_factory import run
from tests.databases import MigratedSqlite

DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def shape(value: Any) -> Any:
    """The JSON's structure: keys (in any order, as JSON has none), and the kind of each value
    (a list's items as the set of their kinds)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted({json.dumps(shape(item), sort_keys=True) for item in value})
    if isinstance(value, str):
        return "datetime" if DATETIME.match(value) else "date" if DATE.match(value) else "str"
    return type(value).__name__


class Pair:
    """Squeeze and the reference app on the same database, with the seeded accounts."""

    def __init__(self, url: str) -> None:
        engine = create_engine(url)
        reader, historian, *pushers = seed_accounts(engine, 5, prefix="shape")
        seed_runs(engine, reader, "Europe/Berlin", 12)
        seed_history(engine, historian, "Europe/Berlin", days=40)
        engine.dispose()
        self.accounts: dict[str, SeededAccount] = {"reader": reader, "historian": historian}
        self.accounts.update(zip(["push-app", "push-ref", "push-app-2", "push-ref-2"], pushers))
        self.squeeze = TestClient(create_app(Settings(database_url=url)))
        self.reference = TestClient(reference_app.create_app(url))

    @staticmethod
    def auth(account: SeededAccount) -> dict[str, str]:
        return {"Authorization": f"Bearer {account.token}"}


@pytest.fixture
def pair(_sqlite_template: MigratedSqlite, tmp_path: Path) -> Iterator[Pair]:
    both = Pair(_sqlite_template.fresh(tmp_path))
    with both.squeeze, both.reference:
        yield both


def sync(client: TestClient, account: SeededAccount, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/v1/sync", json=body, headers=Pair.auth(account))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    answer: dict[str, Any] = response.json()
    return answer


def test_a_pull_answers_the_same_records_in_the_same_shape(pair: Pair) -> None:
    reader = pair.accounts["reader"]
    app = sync(pair.squeeze, reader, {"cursor": None, "push": []})
    ref = sync(pair.reference, reader, {"cursor": None, "push": []})
    assert len(app["pull"]) == 12
    assert shape(ref) == shape(app)
    assert ref["pull"] == app["pull"]
    # Each app's cursor works on the other: the same signing, so the same work per request.
    assert sync(pair.squeeze, reader, {"cursor": ref["cursor"], "push": []})["pull"] == []
    assert sync(pair.reference, reader, {"cursor": app["cursor"], "push": []})["pull"] == []


def test_a_push_answers_the_same_shape_and_stores_what_the_app_reads(pair: Pair) -> None:
    batch = [run(), run(), run(pain_before=None, notes="")]
    bad = run(pain_after=11)
    body = {"cursor": None, "push": [*batch, bad]}
    app = sync(pair.squeeze, pair.accounts["push-app"], body)
    ref = sync(pair.reference, pair.accounts["push-ref"], body)
    assert shape(ref) == shape(app)
    assert ref["accepted"] == app["accepted"] == [r["id"] for r in batch]
    assert [r["id"] for r in ref["rejected"]] == [r["id"] for r in app["rejected"]] == [bad["id"]]
    assert ref["pull"] == app["pull"]
    # What the reference wrote, the app reads back as the reference showed it.
    read_back = sync(pair.squeeze, pair.accounts["push-ref"], {"cursor": None, "push": []})
    assert read_back["pull"] == ref["pull"]
    # A replay changes nothing on either; an older edit loses and the stored version comes back.
    older = {**batch[0], "notes": "older", "modified_at": batch[0]["started_at"]}
    for client, name in ((pair.squeeze, "push-app"), (pair.reference, "push-ref")):
        again = sync(client, pair.accounts[name], {"cursor": app["cursor"], "push": [older]})
        assert again["accepted"] == [older["id"]]
        assert [r["notes"] for r in again["pull"]] == [batch[0]["notes"]]


@pytest.mark.parametrize("query", ["", "?from={start}&to={end}&tz=Asia/Tokyo"])
def test_stats_answer_the_same_numbers_in_the_same_shape(pair: Pair, query: str) -> None:
    end = date.today()
    url = "/api/v1/stats" + query.format(start=end - timedelta(days=59), end=end)
    headers = Pair.auth(pair.accounts["historian"])
    app = pair.squeeze.get(url, headers=headers)
    ref = pair.reference.get(url, headers=headers)
    assert app.status_code == ref.status_code == 200, (app.text, ref.text)
    assert shape(ref.json()) == shape(app.json())
    assert ref.json() == app.json()
    assert app.json()["longest_streak"] > 0
    assert {day["status"] for day in app.json()["days"]} >= {"none", "full"}
