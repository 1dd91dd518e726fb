"""The response cache: an identical request is answered from disk; an answer that failed validation never is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.backends import BackendConfig, BackendKind, OutputMode
from extract.model_client import CallStats, ModelClient
from extract.response_cache import ResponseCache
from tests.stub_server import StubServer, answer, running_stub
from tests.test_faults import MESSAGES, ActorsAnswer


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    yield from running_stub(monkeypatch)


def _client(stub: StubServer, cache: ResponseCache) -> ModelClient:
    config = BackendConfig(BackendKind.COMPAT, "m", stub.base_url, "no-key", OutputMode.JSON, timeout=5)
    return ModelClient(config, stub.base_url, "m", cache=cache)


GOOD = {"actors": [{"name": "Lena Okafor", "kind": "person"}]}


def test_same_request_is_asked_once(stub: StubServer, tmp_path: Path) -> None:
    stub.script(answer(GOOD))
    cache = ResponseCache(tmp_path)
    first = _client(stub, cache).complete(ActorsAnswer, MESSAGES, CallStats())
    again = _client(stub, cache).complete(ActorsAnswer, MESSAGES, CallStats())
    assert first.model_dump() == again.model_dump()
    assert len(stub.completions()) == 1
    assert cache.hits == 1


def test_key_ignores_the_server_address_but_not_the_prompt(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    request = {"model": "m", "messages": MESSAGES, "temperature": 0, "timeout": 5}
    assert cache.key(request) == cache.key({**request, "timeout": 60})
    assert cache.key(request) != cache.key({**request, "messages": [{"role": "user", "content": "other"}]})
    assert ResponseCache(tmp_path, "local:a").key(request) != ResponseCache(tmp_path, "local:b").key(request)


def test_an_answer_that_failed_validation_is_not_replayed(stub: StubServer, tmp_path: Path) -> None:
    stub.script(answer({"actors": 1}), answer(GOOD))  # invalid, then valid after instructor's re-ask
    cache = ResponseCache(tmp_path)
    stats = CallStats()
    result = _client(stub, cache).complete(ActorsAnswer, MESSAGES, stats)
    assert stats.attempts == 2
    # A second run asks the original request and gets the validated answer, with no re-ask and no HTTP call.
    stats = CallStats()
    assert _client(stub, cache).complete(ActorsAnswer, MESSAGES, stats).model_dump() == result.model_dump()
    assert len(stub.completions()) == 2
    assert stats.attempts == 1
