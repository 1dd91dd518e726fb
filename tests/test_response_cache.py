"""The response cache: an identical request is answered from disk; an answer that failed validation never is."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.cache import ResponseCache
from extract.model.client import CallStats, ModelClient
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


def test_concurrent_writers_never_let_a_reader_see_half_an_entry(tmp_path: Path) -> None:
    """Runs at once write the same entry (the same request): a reader gets one whole answer or none."""
    key = ResponseCache(tmp_path).key({"model": "m", "messages": MESSAGES})
    entries = [{"id": name, "choices": [name * 300_000]} for name in ("a", "b")]
    stop = threading.Event()

    def write(entry: dict[str, Any]) -> None:
        cache = ResponseCache(tmp_path)
        while not stop.is_set():
            cache.put(key, entry)

    writers = [threading.Thread(target=write, args=(entry,)) for entry in entries]
    for writer in writers:
        writer.start()
    reader, seen = ResponseCache(tmp_path), []
    try:
        deadline = time.monotonic() + 30
        while len(seen) < 20 or len(set(seen)) < 2:  # both writers' entries read back, many times
            assert time.monotonic() < deadline
            got = reader.get(key)
            if got is None:
                assert not seen, "an entry that was there went missing while rewritten"
                continue
            assert got in entries  # a whole entry, never a mix of two or a torn one
            seen.append(got["id"])
    finally:
        stop.set()
        for writer in writers:
            writer.join()
    assert list(tmp_path.rglob("*.tmp")) == []


def test_an_interrupted_write_leaves_no_entry_and_no_temporary_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResponseCache(tmp_path)

    def half(obj: Any, handle: Any) -> None:
        handle.write('{"id": "chatcmpl-1", "choi')
        handle.flush()
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dump", half)
    with pytest.raises(KeyboardInterrupt):
        cache.put("ab" * 32, {"id": "chatcmpl-1"})
    assert cache.get("ab" * 32) is None
    assert list(tmp_path.rglob("*")) == [tmp_path / "ab"]  # the folder, nothing in it


def test_a_cache_that_cannot_be_written_is_a_miss_not_a_failure(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = ResponseCache(blocked)
    cache.put("ab" * 32, {"id": "chatcmpl-1"})  # no exception: the article does not fail for it
    assert cache.get("ab" * 32) is None
