"""Schemathesis against the real app's ``/api/openapi.json`` on PostgreSQL: every operation, with
generated valid and invalid input, authenticated as an administrator, must answer without a
server error (no 5xx). Deterministic: a fixed seed and a bounded number of examples."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.test_web_support import add_user, ingest, mail, web_runtime
from web.app import create_app

EXAMPLES_PER_OPERATION = 15
SEED = 13


@pytest.fixture
def api(postgres_url, smtp_sink):
    _sink, relay_port = smtp_sink
    runtime = web_runtime(postgres_url, relay_host="127.0.0.1", relay_port=relay_port)
    token = add_user(runtime, "adam", "admin", token=True)
    reference = ingest(runtime, mail())
    app = create_app(runtime)
    yield app, {"Authorization": f"Bearer {token}"}, reference
    runtime.engine.dispose()


def _variants(operation, reference: str) -> list[dict]:
    """Keep the runs short and meaningful: no 25 s long poll; with a reference in the path, a
    second run on a real consultation (generated references are all unknown)."""
    base = {"query": {"wait": 0}} if operation.path == "/chat/api/lines" else {}
    if "{reference}" in operation.path:
        return [base, {**base, "path_parameters": {"reference": reference}}]
    return [base]


@pytest.mark.postgres
@pytest.mark.timeout(900)
def test_no_api_operation_answers_with_a_server_error(api):
    app, bearer, reference = api
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for fixed in _variants(operation, reference):
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                strategy = operation.as_strategy(generation_mode=mode, **fixed)

                @seed(SEED)
                @settings(
                    max_examples=EXAMPLES_PER_OPERATION,
                    derandomize=True,
                    database=None,
                    deadline=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck),
                )
                @given(case=strategy)
                def call(case):
                    response = case.call(headers=bearer)
                    statuses[response.status_code] += 1
                    if response.status_code >= 500:
                        failures.append(
                            f"{response.status_code} {case.method} {case.formatted_path} query={case.query} "
                            f"body={case.body!r:.200}: {response.text[:200]}"
                        )

                with contextlib.suppress(Unsatisfiable):  # e.g. no invalid input for an operation without parameters
                    call()
    print(f"{operations} operations, answers by status: {dict(sorted(statuses.items()))}")
    assert operations >= 20
    assert sum(statuses.values()) > operations * EXAMPLES_PER_OPERATION
    assert statuses[200] + statuses[201] > 50  # authenticated: many calls got through to the handlers
    assert not failures, "\n".join(dict.fromkeys(failures))
