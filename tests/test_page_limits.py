"""Each form refuses exactly what the server refuses: the pages' limits are the server's own."""

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter, ValidationError

from app.content import PHASES
from app.domain.completion_rules import MAX_RUN
from app.domain.steps import Step
from app.schemas.accounts import AccountPatch, SignUp
from app.schemas.completions import EXAMPLE, CompletionIn, SyncIn


class _Elements(HTMLParser):
    """Every element's attributes, the text of each <script>, and each <select>'s options."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict[str, str]] = []
        self.scripts: dict[str, str] = {}
        self.options: dict[str, list[tuple[str, str]]] = {}
        self._in: dict[str, str] | None = None
        self._select: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, **{k: v or "" for k, v in attrs}}
        self.elements.append(element)
        if tag == "select":
            self._select = element.get("id", "")
            self.options[self._select] = []
        if tag in ("script", "option"):
            self._in, self._text = element, ""

    def handle_data(self, data: str) -> None:
        self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None and "id" in self._in:
            self.scripts[self._in["id"]] = self._text
        if tag == "option" and self._in is not None and self._select is not None:
            self.options[self._select].append((self._in["value"], self._text))
        if tag == "select":
            self._select = None


def _page(client: TestClient, url: str) -> _Elements:
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = _Elements()
    parsed.feed(response.text)
    return parsed


def _by(page: _Elements, **attrs: str) -> dict[str, str]:
    found = [e for e in page.elements if all(e.get(k) == v for k, v in attrs.items())]
    assert len(found) == 1, attrs
    return found[0]


def _accepts(adapter: TypeAdapter[Any], value: object) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _form_takes(field: dict[str, str], value: str) -> bool:
    """What the browser's constraint validation says of `value` in this input."""
    if not int(field.get("minlength", 0)) <= len(value) <= int(field.get("maxlength", 10**6)):
        return False
    pattern = field.get("pattern")
    return pattern is None or re.fullmatch(pattern.replace("\\-", "-"), value) is not None


USERNAMES = ("anna.k", "Anna_K-2", "ab", "abc", "a" * 40, "a" * 41, "an na", "anna!", "-a-")


def test_the_sign_up_form_takes_the_usernames_and_passwords_the_api_takes(
    client: TestClient,
) -> None:
    page = _page(client, "/account")
    sign_up = TypeAdapter(SignUp)
    username = _by(page, id="up-username")
    for name in USERNAMES:
        server_takes = _accepts(sign_up, {"username": name, "password": "x" * 40})
        assert _form_takes(username, name) == server_takes, name
    shortest = int(_by(page, id="up-password")["minlength"])
    assert not _accepts(sign_up, {"username": "anna", "password": "x" * (shortest - 1)})
    assert _accepts(sign_up, {"username": "anna", "password": "x" * shortest})
    assert f"At least {shortest} characters" in client.get("/account").text


def test_the_sign_in_form_is_as_long_as_a_username_can_be(client: TestClient) -> None:
    longest = int(_by(_page(client, "/account"), id="in-username")["maxlength"])
    pattern = SignUp.model_json_schema()["properties"]["username"]["pattern"]
    assert re.fullmatch(pattern, "a" * longest)
    assert not re.fullmatch(pattern, "a" * (longest + 1))


def test_the_settings_offer_the_daily_goals_and_phases_the_api_takes(client: TestClient) -> None:
    page = _page(client, "/settings")
    patch = TypeAdapter(AccountPatch)
    goals = [int(value) for value, _ in page.options["daily_goal"]]
    assert goals == [n for n in range(10) if _accepts(patch, {"daily_goal": n})]
    phases = page.options["phase"]
    assert [int(value) for value, _ in phases] == [
        n for n in range(10) if _accepts(patch, {"phase": n})
    ]
    assert [label for _, label in phases] == [f"{p.number} · {p.name}" for p in PHASES]


STEP = {"exercise": "booty-flex", "mode": "timed", "work_s": 7, "reps": 10, "cadence_s": 2}


def test_each_builder_field_takes_exactly_the_values_a_step_takes(client: TestClient) -> None:
    page = _page(client, "/routines/new")
    fields = [e for e in page.elements if "data-field" in e and e.get("type") == "number"]
    assert {f["data-field"] for f in fields} >= {"work_s", "rounds", "rest_s", "reps", "sets"}
    step = TypeAdapter(Step)
    for field in fields:
        name, low, high = field["data-field"], int(field["min"]), int(field["max"])
        assert _accepts(step, {**STEP, name: low}), name
        assert _accepts(step, {**STEP, name: high}), name
        assert not _accepts(step, {**STEP, name: low - 1}), name
        assert not _accepts(step, {**STEP, name: high + 1}), name
    steps = client.get("/routines/new").text
    most = int(re.search(r'data-max-steps="(\d+)"', steps)[1])  # type: ignore[index]
    draft = {"name": "Long", "steps": [STEP] * most}
    assert client.post("/api/v1/routines/preview", json=draft).status_code == 200
    draft["steps"] = [STEP] * (most + 1)
    assert client.post("/api/v1/routines/preview", json=draft).status_code == 422


def test_the_finish_form_takes_the_pain_and_note_a_run_can_have(client: TestClient) -> None:
    page = _page(client, "/play/morning")
    run = TypeAdapter(CompletionIn)
    pains = sorted({int(e["value"]) for e in page.elements if e.get("name") == "pain-after"})
    assert pains == [n for n in range(-2, 14) if _accepts(run, {**EXAMPLE, "pain_after": n})]
    longest = int(_by(page, id="note")["maxlength"])
    assert _accepts(run, {**EXAMPLE, "notes": "x" * longest})
    assert not _accepts(run, {**EXAMPLE, "notes": "x" * (longest + 1)})


@pytest.mark.parametrize("url", ["/", "/play/morning", "/account", "/offline"])
def test_every_page_hands_the_scripts_the_servers_limits(client: TestClient, url: str) -> None:
    limits = json.loads(_page(client, url).scripts["squeeze-limits"])
    sync = TypeAdapter(SyncIn)
    assert _accepts(sync, {"push": [{}] * limits["pushMax"]})
    assert not _accepts(sync, {"push": [{}] * (limits["pushMax"] + 1)})
    assert limits["runMaxMs"] == MAX_RUN.total_seconds() * 1000
