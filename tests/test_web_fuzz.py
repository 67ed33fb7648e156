"""Property-based fuzz of the whole REST API from its own OpenAPI document (schemathesis).

Every operation but ``POST /api/fetch`` (which would make the server fetch generated URLs;
it is tested against loopback servers in test_web_fetch.py) gets generated valid and
invalid requests, with the write token, in process (ASGI: no sockets at all). Every
built-in check runs: no 500s, responses match their documented schemas, status codes and
content types; plus our own: every error answer is JSON with a ``detail`` line. Bounded:
``MAX_EXAMPLES`` cases per operation, each operation under a time limit.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

import web_corpus
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.outbound import FetchRefused

TOKEN = "fuzz-token"
# Cases per operation: enough for schemathesis to cover each parameter's edges (empty, huge,
# wrong type, odd Unicode) in a few seconds per operation on the 2-core CI machine.
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
# Seconds one operation's fuzz may take before it counts as hung.
OPERATION_TIMEOUT_S = 120


class RefuseEverything:
    """An outbound client that never sends a request (belt and braces: fetch is excluded anyway)."""

    def fetch(self, url: str):  # noqa: ANN201
        raise FetchRefused("outbound requests are disabled in the fuzz test")


def _api_schema():
    """The app over the hand-made corpus (a temporary SQLite file), as schemathesis sees it."""
    folder = tempfile.mkdtemp(prefix="autodossier-fuzz-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = os.path.join(folder, "kb.db")
    kb = KnowledgeBase(f"sqlite:///{db}")
    atexit.register(kb.close)
    web_corpus.build(kb)
    app = create_app(Settings(db=db, token=TOKEN), kb=kb, fetcher=RefuseEverything())
    return schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path="/api/fetch")


# Built at collection: schemathesis makes one test per operation from it.
schema = _api_schema()


@schemathesis.check
def errors_are_json(ctx, response, case) -> None:  # noqa: ANN001
    """Every 4xx/5xx answer of the API is a JSON object with a one-line ``detail``."""
    if response.status_code >= 400:
        assert response.headers.get("content-type", [""])[0].startswith("application/json"), \
            f"error {response.status_code} is not JSON"
        body = response.json()
        assert isinstance(body, dict) and isinstance(body.get("detail"), str) and "\n" not in body["detail"]


@pytest.mark.slow
@pytest.mark.timeout(OPERATION_TIMEOUT_S)
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    # A posted article can be schema-valid and still hold no article (only header lines, binary
    # data): that is a documented 400, which the positive-data check would count as a failure.
    excluded = [positive_data_acceptance] if case.method == "POST" else []
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, additional_checks=[errors_are_json],
                           excluded_checks=excluded)
