"""The model client posts each request exactly as `openai`'s own `chat.completions.create` would send it."""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai
import pytest

from extract.errors import ModelError
from extract.model import client as model_client
from extract.model.answers import ActorsAnswer, accusations_answer
from extract.model.backends import BackendConfig, BackendKind, OutputMode
from extract.model.client import CallStats, ModelClient

#: Headers that differ between any two requests (random ids); everything else must be the same.
_VARYING = {"idempotency-key", "x-stainless-retry-count"}


def _answer(request: httpx2.Request) -> httpx2.Response:
    """A completion that answers the accusations question, as text and as a tool call."""
    arguments = json.dumps(
        {"s1": {"accused": ["NATO"], "category": "espionage"}, "s2": {"accused": [], "category": "none"}}
    )
    message: dict[str, Any] = {"role": "assistant", "content": arguments}
    if b'"tools"' in request.content:
        message["tool_calls"] = [
            {"id": "c1", "type": "function", "function": {"name": "StatementLabels", "arguments": arguments}}
        ]
    return httpx2.Response(
        200,
        json={
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
            "usage": {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10},
        },
    )


def _serve(monkeypatch: pytest.MonkeyPatch, handler: Any) -> None:
    """Model clients made from now on talk to `handler` instead of a server."""

    class Served(openai.OpenAI):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs, http_client=httpx2.Client(transport=httpx2.MockTransport(handler)))

    monkeypatch.setattr(openai, "OpenAI", Served)


def _sent(monkeypatch: pytest.MonkeyPatch, mode: OutputMode, through_create: bool) -> httpx2.Request:
    """The one request a call in `mode` puts on the wire (through openai's `create`, or as sent here)."""
    requests: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        requests.append(request)
        return _answer(request)

    _serve(monkeypatch, handler)
    if through_create:

        def create(self: Any, **kwargs: Any) -> Any:
            completions = self.raw.chat.completions
            return type(completions).create(completions, **kwargs)

        monkeypatch.setattr(model_client._PlainCreate, "__call__", create)
    config = BackendConfig(BackendKind.COMPAT, "m", "http://127.0.0.1:9/v1", "sk-test-key-123", mode)
    client = ModelClient(config, "http://127.0.0.1:9/v1", "m")
    labels = client.complete(
        accusations_answer({1: ["NATO", "China"], 2: []}),
        [{"role": "system", "content": "Read “this”.\n"}, {"role": "user", "content": "Go."}],
        CallStats(),
        max_tokens=200,
    )
    assert labels.s1.accused == ["NATO"]  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert len(requests) == 1
    return requests[0]


@pytest.mark.parametrize("mode", [OutputMode.LLAMA_SCHEMA, OutputMode.JSON, OutputMode.TOOLS, OutputMode.JSON_SCHEMA])
def test_each_mode_sends_what_openai_create_sends(monkeypatch: pytest.MonkeyPatch, mode: OutputMode) -> None:
    ours, theirs = _sent(monkeypatch, mode, False), _sent(monkeypatch, mode, True)
    assert (ours.method, ours.url) == (theirs.method, theirs.url)
    assert json.loads(ours.content) == json.loads(theirs.content)
    assert {k: v for k, v in ours.headers.items() if k not in _VARYING} == {
        k: v for k, v in theirs.headers.items() if k not in _VARYING
    }
    assert ours.headers["authorization"] == "Bearer sk-test-key-123"


def test_http_errors_keep_their_message_and_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    tries: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        tries.append(request)
        return httpx2.Response(404, json={"error": {"message": "model 'm' not found"}})

    _serve(monkeypatch, handler)
    config = BackendConfig(BackendKind.COMPAT, "m", "http://127.0.0.1:9/v1", "no-key", OutputMode.JSON)
    client = ModelClient(config, "http://127.0.0.1:9/v1", "m")
    with pytest.raises(ModelError, match=r"actors: the model server answered HTTP 404 .*model 'm' not found"):
        client.complete(ActorsAnswer, [{"role": "user", "content": "x"}], CallStats(), label="actors")
    assert len(tries) == 1  # a 404 is not retried


def _conversation(
    monkeypatch: pytest.MonkeyPatch, mode: OutputMode, instructor_only: bool, first_bad: bool
) -> tuple[Any, ...]:
    """The requests, answer and attempts of one call (whose first answer breaks the schema: re-asked)."""
    requests: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        requests.append(request)
        if len(requests) > 1 or not first_bad:
            return _answer(request)
        bad = json.dumps({"s1": {"accused": ["Atlantis"], "category": "espionage"}})  # not an offered name
        message: dict[str, Any] = {"role": "assistant", "content": bad}
        if b'"tools"' in request.content:
            message["tool_calls"] = [
                {"id": "c0", "type": "function", "function": {"name": "StatementLabels", "arguments": bad}}
            ]
        return httpx2.Response(200, json={
            "id": "y", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
        })

    _serve(monkeypatch, handler)
    if instructor_only:
        monkeypatch.setattr(ModelClient, "_first_try", lambda *args: None)
    config = BackendConfig(BackendKind.COMPAT, "m", "http://127.0.0.1:9/v1", "no-key", mode)
    stats = CallStats()
    labels = ModelClient(config, "http://127.0.0.1:9/v1", "m").complete(
        accusations_answer({1: ["NATO", "China"], 2: []}), [{"role": "user", "content": "Go."}], stats
    )
    monkeypatch.undo()
    bodies = [json.loads(r.content) for r in requests]
    return bodies, labels.s1.accused, labels.s2.accused, stats.attempts, stats.prompt_tokens  # type: ignore[attr-defined]


@pytest.mark.parametrize("first_bad", [False, True])
@pytest.mark.parametrize("mode", [OutputMode.LLAMA_SCHEMA, OutputMode.JSON, OutputMode.TOOLS, OutputMode.JSON_SCHEMA])
def test_first_attempt_outside_instructors_loop_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, mode: OutputMode, first_bad: bool
) -> None:
    """Same requests (a re-ask included), answer and counts as with every attempt inside instructor's loop."""
    ours = _conversation(monkeypatch, mode, False, first_bad)
    assert ours == _conversation(monkeypatch, mode, True, first_bad)
    bodies, accused, _, attempts, prompt_tokens = ours
    assert accused == ["NATO"]
    if first_bad:
        assert (len(bodies), attempts, prompt_tokens) == (2, 2, 12)
        assert "Atlantis" in json.dumps(bodies[1]["messages"][-2:])  # the re-ask quotes the invalid answer
    else:
        assert (len(bodies), attempts, prompt_tokens) == (1, 1, 7)
