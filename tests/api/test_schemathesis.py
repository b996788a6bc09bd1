"""Schemathesis over the whole OpenAPI document: no server errors, every answer as documented.

Bounded: a fixed number of derandomized examples per operation and generation mode, so the run
is reproducible and quick, on each configured database.
"""

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, CheckFunction, GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.core.result import Err, Ok
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.auth import sign_up

EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 6}
# Sequences of up to six linked calls: with the pass above, under five minutes on both databases.
STATEFUL_SEQUENCES = 25
# Framework routes that are not part of the contract.
SKIPPED = ("/docs", "/redoc", "/docs/oauth2-redirect")
# Schema-valid data may still break rules a JSON schema cannot say (an unknown exercise or time
# zone, a forged cursor): those answer 4xx by design, so "valid data must be accepted" is off.
EXCLUDED: list[CheckFunction] = [positive_data_acceptance]
# /sync takes a batch and rejects bad records one by one inside a 200, as the contract wants.
PER_RECORD: dict[str, list[CheckFunction]] = {"/api/v1/sync": [negative_data_rejection]}
# A body over 1 MiB is refused with 413 before anything reads it: a rejection like any other.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": [*REJECTIONS, "5xx"]}}}
)


def _credentials(client: TestClient) -> Callable[[], dict[str, str]]:
    """Headers of a live token. A fuzzed call may revoke it, change the password or delete the
    account: then a fresh account is made, under a new name."""
    made = {"count": 1}
    current = {"headers": sign_up(client, "fuzzer")}

    def headers() -> dict[str, str]:
        if client.get("/api/v1/account", headers=current["headers"]).status_code == 401:
            made["count"] += 1
            current["headers"] = sign_up(client, f"fuzzer{made['count']}")
        return current["headers"]

    return headers


def _auth_unless_broken(case: Case[Any], headers: Callable[[], dict[str, str]]) -> dict[str, str]:
    """A live token, except when the case means to break its headers: then its own stand."""
    header = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
    return {} if header is not None and header.mode is GenerationMode.NEGATIVE else headers()


def test_every_operation_answers_as_documented(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    with TestClient(app) as client:
        headers = _credentials(client)
        failures: list[str] = []
        results = list(schema.get_all_operations())
        assert [r.err() for r in results if isinstance(r, Err)] == []
        operations = [r.ok() for r in results if isinstance(r, Ok)]
        assert len(operations) >= 15
        for operation in operations:
            if operation.path in SKIPPED:
                continue
            for mode, examples in EXAMPLES.items():

                @settings(
                    max_examples=examples,
                    deadline=None,
                    derandomize=True,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                )
                @given(case=operation.as_strategy(generation_mode=mode))
                def check(case: Case[Any]) -> None:
                    case.call_and_validate(
                        headers=_auth_unless_broken(case, headers),
                        excluded_checks=EXCLUDED + PER_RECORD.get(operation.path, []),
                    )

                try:
                    check()
                except Unsatisfiable:
                    continue  # nothing to break (no parameters, no body) in negative mode
                except (Exception, BaseExceptionGroup) as failure:
                    failures.append(
                        f"{operation.method.upper()} {operation.path} ({mode.value}):\n{failure}"
                    )
    if failures:
        pytest.fail("\n\n".join(failures))
