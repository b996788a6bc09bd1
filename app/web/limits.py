"""Every limit a form or script needs, read from the models, the content and the settings.

Templates write them as `{{ limits.x }}`; scripts read `limits.for_scripts()` from the page
(base.html's `#squeeze-limits`, through static/js/lib/limits.js). No page or script copies one.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaValue

from app.content import PHASES
from app.content.guidance import Phase
from app.domain.completion_rules import MAX_RUN
from app.domain.routine_draft import RoutineDraft
from app.domain.steps import Step
from app.schemas.accounts import AccountPatch, SignIn, SignUp
from app.schemas.completions import MAX_PUSH, CompletionIn

# The builder's number inputs, one for each integer field of a step.
STEP_FIELDS = (
    "work_s",
    "rest_s",
    "rounds",
    "sets",
    "reps",
    "cadence_s",
    "set_rest_s",
    "prepare_s",
    "switch_s",
)


@dataclass(frozen=True)
class Bounds:
    """The smallest and largest value (or length) a field takes."""

    min: int
    max: int


@dataclass(frozen=True)
class Limits:
    """What the pages and scripts check before the server does."""

    step: dict[str, Bounds]
    max_steps: int
    routine_name_max: int
    username_pattern: str  # for an HTML `pattern` attribute: anchored by the browser
    username_length: Bounds
    login_name_max: int
    password_min: int
    daily_goal: Bounds
    phases: tuple[Phase, ...]
    pain: Bounds
    note_max: int
    push_max: int
    run_max_ms: int

    def for_scripts(self) -> dict[str, int]:
        """The limits the scripts use, under the keys static/js/lib/limits.js documents."""
        return {"pushMax": self.push_max, "runMaxMs": self.run_max_ms}


@cache
def limits() -> Limits:
    """The limits of this server, read once from the models' own JSON schemas."""
    username = _field(SignUp, "username")["pattern"]
    length = re.fullmatch(r"\^.*\{(\d+),(\d+)\}\$", username)
    assert length, username
    login_length = re.fullmatch(r"\^.*\{\d+,(\d+)\}\$", _field(SignIn, "username")["pattern"])
    assert login_length
    return Limits(
        step={name: _bounds(_field(Step, name)) for name in STEP_FIELDS},
        max_steps=_field(RoutineDraft, "steps")["maxItems"],
        routine_name_max=_field(RoutineDraft, "name")["maxLength"],
        username_pattern=html_pattern(username),
        username_length=Bounds(int(length[1]), int(length[2])),
        login_name_max=int(login_length[1]),
        password_min=_field(SignUp, "password")["minLength"],
        daily_goal=_bounds(_field(AccountPatch, "daily_goal")),
        phases=PHASES,
        pain=_bounds(_field(CompletionIn, "pain_before")),
        note_max=_field(CompletionIn, "notes")["maxLength"],
        push_max=MAX_PUSH,
        run_max_ms=int(MAX_RUN.total_seconds() * 1000),
    )


def limits_json() -> str:
    """`for_scripts()` as JSON that is safe inside a `<script>` element."""
    text = json.dumps(limits().for_scripts(), separators=(",", ":"))
    return text.replace("<", "\\u003c")


def html_pattern(pattern: str) -> str:
    """A schema's `^…$` regex as an HTML `pattern`, which browsers compile with the `v` flag.

    The browser anchors it itself, and the `v` flag wants a literal `-` in a class escaped.
    """
    body = pattern.removeprefix("^").removesuffix("$")
    return body.replace("-]", "\\-]")


def _field(model: type[BaseModel], name: str) -> JsonSchemaValue:
    schema: dict[str, Any] = model.model_json_schema()["properties"][name]
    # An optional field's bounds sit on the branch that is not null.
    return next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)


def _bounds(schema: JsonSchemaValue) -> Bounds:
    return Bounds(schema["minimum"], schema["maximum"])
